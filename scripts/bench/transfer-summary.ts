/**
 * What a search fetched, by kind of file: the page and its assets; the
 * portal's index (src/lib/search/index-format.ts: entry `index.json`, word
 * lists, postings, page files, filters); stock Pagefind's
 * runtime (JavaScript, wasm) and index (entry, page tables `pf_meta`, filters,
 * word chunks `pf_index`, excerpts `pf_fragment`); and the shard list and
 * word lists of the portal's index before issue 14 (in older reports). Pure:
 * URLs and sizes in, totals out.
 */

export const FILE_KINDS = ['html', 'css', 'js', 'wasm', 'entry', 'shards', 'words', 'postings', 'pages', 'meta', 'filter', 'index', 'fragment', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function fileKind(url: string): FileKind {
  const p = new URL(url, 'http://x/').pathname;
  const portal = /^\/search\/[a-z]{2}\/(.+)$/.exec(p)?.[1];
  if (portal !== undefined) {
    if (portal === 'index.json') return 'entry';
    if (portal.startsWith('w/')) return 'words';
    if (portal.startsWith('p/')) return 'postings';
    if (portal.startsWith('pages/')) return 'pages';
    if (portal === 'facets.json') return 'filter';
    return 'other';
  }
  if (p.endsWith('.pf_meta')) return 'meta';
  if (p.endsWith('.pf_filter')) return 'filter';
  if (p.endsWith('.pf_index')) return 'index';
  if (p.endsWith('.pf_fragment')) return 'fragment';
  if (/\.pagefind$/.test(p)) return 'wasm';
  if (p.endsWith('/pagefind-entry.json')) return 'entry';
  if (p.endsWith('/shards.json')) return 'shards';
  if (/\/words\/[^/]+\.json$/.test(p)) return 'words';
  if (/\.m?js$/.test(p)) return 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  return 'other';
}

export interface KindTotal {
  requests: number;
  bytes: number;
}

/** Requests and bytes per kind (every kind present, zero when none). */
export function byKind(files: readonly { kind: FileKind; bytes: number }[]): Record<FileKind, KindTotal> {
  const out = Object.fromEntries(FILE_KINDS.map((k) => [k, { requests: 0, bytes: 0 }])) as Record<FileKind, KindTotal>;
  for (const f of files) {
    out[f.kind].requests++;
    out[f.kind].bytes += f.bytes;
  }
  return out;
}
