/**
 * What goes into the WARC of a published revision: every HTML page of the
 * site (except the editor at /admin/, which is the editing tool, not published
 * content) at its public URL, plus the files those pages reference —
 * stylesheets, scripts, icons, images, feeds, downloadable documents — at the
 * URLs the pages fetch them from (an English page served from `url_en` fetches
 * its stylesheet from there too), so a web-archive player shows the pages as
 * visitors saw them. The search index (/search/) is loaded by script, not
 * referenced, and stays in the tarball only.
 */
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

const ATTRIBUTE = /\s(?:href|src|poster|data|content)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const SRCSET = /\s(?:srcset|imagesrcset)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a page refers to on the portal's addresses (href, src, srcset, meta content…), in order of first mention. */
export function pageReferences(html: string, pagePath: string, site: PortalAddresses): WarcItem[] {
  const pageUrl = publicUrl(pagePath, site);
  const found = new Map<string, WarcItem>();
  const add = (raw: string) => {
    const value = decodeEntities(raw.trim());
    if (value === '' || value.startsWith('#') || /^(?:data|javascript|mailto|tel):/i.test(value)) return;
    const target = resolveReference(value, pageUrl, site);
    if (target && !found.has(target.url)) found.set(target.url, target);
  };
  for (const m of html.matchAll(ATTRIBUTE)) add(m[1] ?? m[2] ?? '');
  for (const m of html.matchAll(SRCSET)) {
    for (const candidate of (m[1] ?? m[2] ?? '').split(',')) add(candidate.trim().split(/\s+/)[0] ?? '');
  }
  return [...found.values()];
}

/**
 * The records of the WARC, ordered by site path then URL: each page at its
 * public URL, and each non-HTML site file a page references at the URL it
 * is referenced by (once per URL).
 */
export function warcSelection(sitePaths: readonly string[], site: PortalAddresses, referencesOf: (page: string) => readonly WarcItem[]): WarcItem[] {
  const existing = new Set(sitePaths);
  const chosen = new Map<string, WarcItem>();
  for (const path of sitePaths) {
    if (!isArchivedPage(path)) continue;
    const url = publicUrl(path, site);
    chosen.set(url, { path, url });
    for (const ref of referencesOf(path)) {
      if (existing.has(ref.path) && !ref.path.endsWith('.html') && !chosen.has(ref.url)) chosen.set(ref.url, ref);
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

/** The Content-Type a static server sends for a site file, by its extension. */
export function contentTypeOf(sitePath: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(sitePath)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}
