/**
 * A copy of a built site's pages for the plain Pagefind index the search
 * tests compare with: every element the portal's text extraction separates
 * (src/lib/search/page-text.ts, `SEPARATED`) gets a space before and after it,
 * so that Pagefind reads the same words: `<dt>Điện thoại</dt><dd>1900 9068</dd>`
 * is `Điện thoại 1900 9068` to both, never `Điện thoại1900`. The pages are
 * parsed and written back as trees, never edited as text.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { SEPARATED } from '../../src/lib/search/page-text.ts';

function separate(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.flatMap((child) => {
    separate(child);
    return child.type === 'element' && SEPARATED.has(child.tagName) ? [{ type: 'text', value: ' ' }, child, { type: 'text', value: ' ' }] : [child];
  }) as typeof node.children;
}

/** Writes every HTML page of `site` (but `skip`) to `to`, at the same paths, separated. */
export function writeSeparatedSite(site: string, to: string, skip: readonly string[] = []): void {
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(site, file);
    if (skip.some((s) => relative.startsWith(s + path.sep))) continue;
    const tree = htmlToHast(readFileSync(file, 'utf8')) as Root;
    separate(tree);
    mkdirSync(path.join(to, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(to, relative), toHtml(tree));
  }
}
