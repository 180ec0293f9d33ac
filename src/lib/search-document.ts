/**
 * What the search index gets for a built page: only the page's language, its
 * Pagefind metadata and filters, and the text marked `data-pagefind-body`,
 * with the đ→d copies of search-folding.ts. Pages without such a body (lists,
 * notices, 404) are not indexed.
 */
import { addFoldedCopies } from './search-folding.ts';

export interface SearchDocument {
  /** The page's URL path, e.g. `/van-ban/1624-qd-bhxh/`. */
  url: string;
  /** The raw parts the document is made of (hash this to detect changes). */
  source: string;
}

/** URL path of a built file: `van-ban/x/index.html` → `/van-ban/x/`. */
export function urlOfFile(file: string): string {
  const posix = file.split('\\').join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The searchable part of a built page, or undefined when the page is not searchable. */
export function searchDocument(file: string, html: string): SearchDocument | undefined {
  const start = html.indexOf('data-pagefind-body');
  if (start < 0) return undefined;
  const open = html.lastIndexOf('<', start);
  const tag = /^<([a-z]+)/.exec(html.slice(open))?.[1];
  if (!tag) return undefined;
  // The body element is the page's outermost <article>: its end is the last closing tag.
  const close = html.lastIndexOf(`</${tag}>`);
  if (close < start) return undefined;
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '<html>';
  const metas = html.match(/<meta data-pagefind-[^>]*>/g) ?? [];
  return { url: urlOfFile(file), source: `${htmlTag}${metas.join('')}${html.slice(open, close + tag.length + 3)}` };
}

/** The Pagefind filter naming the shard a page is indexed in (hidden from readers). */
export const SHARD_FILTER = 'shard';

/**
 * The HTML Pagefind indexes for a document (with the đ→d copies). Documents
 * are stored flat, under a hashed file name, so the page's URL is given as
 * Pagefind metadata (`url`), which the search page uses for links; the shard
 * is a filter (see search-vocabulary.ts).
 */
export function indexableHtml(doc: SearchDocument, shard: string): string {
  const bodyStart = doc.source.search(/<[a-z]+[^>]*data-pagefind-body/);
  const head = doc.source.slice(0, bodyStart);
  const htmlTag = /^<html[^>]*>/.exec(head)?.[0] ?? '<html>';
  const url = `<meta data-pagefind-meta="url[content]" content="${doc.url.replace(/"/g, '&quot;')}">`;
  const filter = `<meta data-pagefind-filter="${SHARD_FILTER}[content]" content="${shard}">`;
  return `<!doctype html>${htmlTag}<head><meta charset="utf-8">${url}${filter}${head.slice(htmlTag.length)}</head><body>${addFoldedCopies(doc.source.slice(bodyStart))}</body></html>`;
}
