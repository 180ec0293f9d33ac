/**
 * What goes into the WARC of a published revision: every file a reader could
 * fetch — pages, style sheets, scripts, images, feeds, the sitemap, robots.txt,
 * the search index, TimeMaps, the archive's own pages — at its public URL
 * (except the editor at /admin/, the editing tool, not published content),
 * plus each file the pages reference at any other of the portal's addresses
 * they fetch it from (an English page served from `url_en` fetches its style
 * sheet from there too), so a web-archive player shows the pages, and answers
 * a search, as visitors saw them.
 */
import { SAXParser } from 'parse5-sax-parser';
import { byPathBytes } from './manifest.ts';
import { publicUrl, resolveReference, type PortalAddresses } from './public-url.ts';

/** One record of the WARC: a site file at a URL. */
export interface WarcItem {
  path: string;
  url: string;
}

/** The editing tool's pages: built with the site, but not publications. */
const EDITOR = /^(?:[a-z]{2}\/)?admin\//;

export function isArchivedPage(sitePath: string): boolean {
  return sitePath.endsWith('.html') && !EDITOR.test(sitePath);
}

/** Attributes that name an address (`content`: a `<meta>`'s, such as og:image). */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'poster', 'data', 'content']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/** What a page refers to on the portal's addresses (href, src, srcset, meta content…), in order of first mention, read by parse5's tokeniser. */
export function pageReferences(html: string, pagePath: string, site: PortalAddresses): Promise<WarcItem[]> {
  const pageUrl = publicUrl(pagePath, site);
  const found = new Map<string, WarcItem>();
  const add = (raw: string) => {
    const value = raw.trim();
    if (value === '' || value.startsWith('#') || /^(?:data|javascript|mailto|tel):/i.test(value)) return;
    const target = resolveReference(value, pageUrl, site);
    if (target && !found.has(target.url)) found.set(target.url, target);
  };
  return new Promise((resolve, reject) => {
    const parser = new SAXParser();
    parser.on('startTag', (tag) => {
      for (const { name, value } of tag.attrs) {
        if (ADDRESS_ATTRIBUTES.has(name)) add(value);
        else if (SRCSET_ATTRIBUTES.has(name)) for (const candidate of value.split(',')) add(candidate.trim().split(/\s+/)[0] ?? '');
      }
    });
    parser.on('end', () => resolve([...found.values()]));
    parser.on('error', reject);
    parser.end(html);
    parser.resume();
  });
}

/**
 * The records of the WARC, ordered by site path then URL: every site file but
 * the editor's at its public URL, and each file a page references at the URL
 * it is referenced by, when that is another (once per URL).
 */
export function warcSelection(sitePaths: readonly string[], site: PortalAddresses, referencesOf: (page: string) => readonly WarcItem[]): WarcItem[] {
  const existing = new Set(sitePaths);
  const chosen = new Map<string, WarcItem>();
  for (const path of sitePaths) {
    if (EDITOR.test(path)) continue;
    const url = publicUrl(path, site);
    if (!chosen.has(url)) chosen.set(url, { path, url });
    if (!isArchivedPage(path)) continue;
    for (const ref of referencesOf(path)) {
      if (existing.has(ref.path) && !EDITOR.test(ref.path) && !ref.path.endsWith('.html') && !chosen.has(ref.url)) chosen.set(ref.url, ref);
    }
  }
  return [...chosen.values()].sort((a, b) => byPathBytes(a.path, b.path) || byPathBytes(a.url, b.url));
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  xml: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

/** The Content-Type of a site file, by its extension; a TimeMap (`timemap/….txt`) with its own type, RFC 7089's. */
export function contentTypeOf(sitePath: string): string {
  if (sitePath.startsWith('timemap/') && sitePath.endsWith('.txt')) return 'application/link-format; charset=utf-8';
  const ext = /\.([a-z0-9]+)$/i.exec(sitePath)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}
