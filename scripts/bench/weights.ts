/** Page weights of a built site: a typical document page, and JavaScript on content pages. */
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weights {
  /** The typical (median-size) document page. */
  documentPage: string;
  documentHtmlGzip: number;
  documentCssGzip: number;
  contentPages: number;
  /** Content pages with any <script>, and the JavaScript bytes they load. */
  contentPagesWithScript: number;
  contentJsBytes: number;
}

export async function pageWeights(site: string): Promise<Weights> {
  const documents: { file: string; size: number }[] = [];
  let contentPages = 0;
  let withScript = 0;
  let jsBytes = 0;
  const jsSizes = new Map<string, number>();
  for await (const file of glob('**/index.html', { cwd: site })) {
    const html = await readFile(path.join(site, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    contentPages++;
    if (/^(en\/documents|van-ban)\/[^/]+\/index\.html$/.test(file)) documents.push({ file, size: html.length });
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    if (scripts.length === 0) continue;
    withScript++;
    for (const [, attrs, inline] of scripts) {
      const src = /src="([^"]+)"/.exec(attrs ?? '')?.[1];
      if (!src) jsBytes += Buffer.byteLength(inline ?? '');
      else {
        if (!jsSizes.has(src)) jsSizes.set(src, (await readFile(path.join(site, src)).catch(() => Buffer.alloc(0))).length);
        jsBytes += jsSizes.get(src)!;
      }
    }
  }
  documents.sort((a, b) => a.size - b.size);
  const typical = documents[Math.floor(documents.length / 2)];
  if (!typical) throw new Error(`No document pages in ${site}`);
  const html = await readFile(path.join(site, typical.file));
  let css = 0;
  for (const [, href] of html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) css += gzipSync(await readFile(path.join(site, href!))).length;
  return {
    documentPage: `/${typical.file.replace(/index\.html$/, '')}`,
    documentHtmlGzip: gzipSync(html).length,
    documentCssGzip: css,
    contentPages,
    contentPagesWithScript: withScript,
    contentJsBytes: jsBytes,
  };
}
