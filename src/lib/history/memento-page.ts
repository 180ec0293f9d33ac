/**
 * A memento as readers get it: the captured HTML, byte for byte, with three
 * additions made by a real HTML tokeniser (parse5's rewriting stream; every
 * other token is written back as it was read):
 * - a banner, first in the body, saying it is an archived copy, of when, with
 *   links to the current page, the neighbouring versions and the TimeMap;
 * - in the head, the links RFC 7089 asks of a memento (`original`,
 *   `timemap`), the banner's style sheet, and `noindex` (the archive must not
 *   compete with the current page in search engines);
 * - the page's own style sheets, scripts, icons and images pointed at the
 *   copies kept with the memento, when it has them, so that it looks as it
 *   did even after later deploys have replaced those files.
 */
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { SAXParser, type StartTag } from 'parse5-sax-parser';
import { vietnamTime } from './archive-markup.ts';
import type { Locale } from '../locales.ts';
import { escapeMarkup } from '../markup-text.ts';

export interface MementoBanner {
  locale: Locale;
  /** When the deploy that served this version ran. */
  datetime: Date;
  /** The page's current address, or undefined when the portal no longer has it. */
  current: string | undefined;
  /** The page's address when it was served (for `rel="original"`), absolute. */
  original: string;
  previous: string | undefined;
  next: string | undefined;
  timemap: string;
  /** The comparison of this version with the one before, when there is one before. */
  comparison: string | undefined;
  /** The banner's style sheet. */
  stylesheet: string;
}

const words = {
  vi: {
    label: 'Bản lưu trữ',
    said: 'Đây là bản lưu trữ: trang như đã đăng trên cổng lúc {time} (giờ Việt Nam).',
    current: 'Xem trang hiện nay',
    gone: 'Trang này không còn trên cổng.',
    previous: 'Bản trước',
    next: 'Bản sau',
    first: 'Đây là bản đầu tiên.',
    last: 'Đây là bản mới nhất đã lưu.',
    all: 'Mọi bản đã lưu (TimeMap)',
    changes: 'Những gì đã đổi so với bản trước',
  },
  en: {
    label: 'Archived copy',
    said: 'This is an archived copy: the page as published on the portal at {time} (Vietnam time).',
    current: 'See the current page',
    gone: 'This page is no longer on the portal.',
    previous: 'Previous version',
    next: 'Next version',
    first: 'This is the first version.',
    last: 'This is the latest archived version.',
    all: 'All archived versions (TimeMap)',
    changes: 'What changed since the previous version',
  },
} as const satisfies Record<Locale, Record<string, string>>;


/** The banner's HTML (its texts are the portal's own; the addresses are escaped all the same). */
export function bannerHtml(b: MementoBanner): string {
  const w = words[b.locale];
  const link = (href: string, text: string, rel?: string) => `<a href="${escapeMarkup(href)}"${rel ? ` rel="${rel}"` : ''}>${escapeMarkup(text)}</a>`;
  const time = vietnamTime(b.datetime, b.locale);
  const items = [
    b.current ? link(b.current, w.current) : escapeMarkup(w.gone),
    b.previous ? link(b.previous, `← ${w.previous}`, 'prev') : escapeMarkup(w.first),
    b.next ? link(b.next, `${w.next} →`, 'next') : escapeMarkup(w.last),
    ...(b.comparison ? [link(b.comparison, w.changes)] : []),
    link(b.timemap, w.all),
  ];
  return (
    `<aside class="memento-banner" aria-label="${w.label}" lang="${b.locale}" data-pagefind-ignore>` +
    `<p><strong>${w.label}.</strong> ${w.said.replace('{time}', time)}</p>` +
    `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` +
    `</aside>`
  );
}

/** Attributes that name a file the page loads (not the links a reader follows). */
function loadedAttributes(tag: StartTag): string[] {
  switch (tag.tagName) {
    case 'link': {
      const rel = (tag.attrs.find((a) => a.name === 'rel')?.value ?? '').toLowerCase().split(/\s+/);
      return rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'apple-touch-icon', 'manifest'].includes(r)) ? ['href'] : [];
    }
    case 'script':
      return ['src'];
    case 'img':
      return ['src', 'srcset'];
    case 'source':
      return ['src', 'srcset'];
    default:
      return [];
  }
}

/** The addresses in a `srcset` value, with what follows each (`a.png 1x, b.png 2x`). */
function mapSrcset(value: string, map: (url: string) => string): string {
  return value
    .split(',')
    .map((candidate) => {
      const parts = candidate.trim().split(/\s+/);
      return [map(parts[0]!), ...parts.slice(1)].join(' ');
    })
    .join(', ');
}

/** The addresses of the files a page loads (style sheets, scripts, icons, images), as written in it, each once. */
export function loadedUrls(html: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const parser = new SAXParser();
    const urls = new Set<string>();
    parser.on('startTag', (tag) => {
      for (const name of loadedAttributes(tag)) {
        const value = tag.attrs.find((a) => a.name === name)?.value;
        if (value === undefined) continue;
        if (name === 'srcset') mapSrcset(value, (u) => (urls.add(u), u));
        else urls.add(value);
      }
    });
    parser.on('end', () => resolve([...urls]));
    parser.on('error', reject);
    parser.end(html);
    parser.resume();
  });
}

/**
 * The served memento. `keptCopy` gives, for an address the page loads (as
 * written in it), the address of the copy kept with the memento, or
 * undefined to leave it as it is.
 */
export function servedMemento(captured: string, banner: MementoBanner, keptCopy: (url: string) => string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const rewriter = new RewritingStream();
    const out: string[] = [];
    let bannerWritten = false;
    let headDone = false;
    const headLinks =
      `<meta name="robots" content="noindex">` +
      `<link rel="original" href="${escapeMarkup(banner.original)}">` +
      `<link rel="timemap" type="application/link-format" href="${escapeMarkup(banner.timemap)}">` +
      `<link rel="stylesheet" href="${escapeMarkup(banner.stylesheet)}">`;
    rewriter.on('startTag', (tag, raw) => {
      let changed = false;
      for (const name of loadedAttributes(tag)) {
        const attr = tag.attrs.find((a) => a.name === name);
        if (!attr) continue;
        const mapped = name === 'srcset' ? mapSrcset(attr.value, (u) => keptCopy(u) ?? u) : (keptCopy(attr.value) ?? attr.value);
        if (mapped !== attr.value) {
          attr.value = mapped;
          changed = true;
        }
      }
      if (tag.tagName === 'body' && !headDone) {
        rewriter.emitRaw(headLinks);
        headDone = true;
      }
      if (changed) rewriter.emitStartTag(tag);
      else rewriter.emitRaw(raw);
      if (tag.tagName === 'body' && !bannerWritten) {
        rewriter.emitRaw(bannerHtml(banner));
        bannerWritten = true;
      }
    });
    rewriter.on('endTag', (tag, raw) => {
      if (tag.tagName === 'head' && !headDone) {
        rewriter.emitRaw(headLinks);
        headDone = true;
      }
      rewriter.emitRaw(raw);
    });
    rewriter.on('data', (chunk: string) => out.push(chunk));
    rewriter.on('end', () => {
      if (!bannerWritten) reject(new Error('the captured page has no <body> start tag'));
      else resolve(out.join(''));
    });
    rewriter.on('error', reject);
    rewriter.end(captured);
  });
}
