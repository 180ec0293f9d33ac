/**
 * The page comparing one version of a page with the one before, word by
 * word, from the text readers read on each (memento-text.ts): a plain,
 * self-contained page in the page's language, removed words struck through
 * (`<del>`), added ones underlined (`<ins>`), long unchanged stretches folded.
 * It is made from the two kept copies, never from the sources.
 */
import type { Locale } from '../locales.ts';
import { escapeMarkup } from '../markup-text.ts';
import { archivePage, vietnamTime } from './archive-markup.ts';
import { diffLinesAndWords, type DiffLine, type WordPart } from './word-diff.ts';

export interface Comparison {
  locale: Locale;
  /** The page's title, as the newer version had it. */
  title: string;
  before: { paragraphs: string[]; datetime: Date; address: string };
  after: { paragraphs: string[]; datetime: Date; address: string };
  /** The page's current address, or undefined when the portal no longer has it. */
  current: string | undefined;
  timemap: string;
  stylesheet: string;
}

const words = {
  vi: {
    title: 'So sánh hai bản: {title}',
    intro: 'Những gì đã đổi trong nội dung trang, từ bản đăng lúc {before} đến bản đăng lúc {after} (giờ Việt Nam).',
    before: 'Bản trước',
    after: 'Bản này',
    current: 'Trang hiện nay',
    gone: 'Trang này không còn trên cổng.',
    all: 'Mọi bản đã lưu (TimeMap)',
    legend: 'Chữ bị bỏ được gạch ngang; chữ thêm vào được gạch chân.',
    removed: 'đã bỏ',
    added: 'đã thêm',
    same: 'Nội dung chữ của hai bản như nhau (bản này chỉ khác về trình bày).',
    folded: '⋯ {n} đoạn không đổi',
  },
  en: {
    title: 'Comparing two versions: {title}',
    intro: 'What changed in the text of the page, from the version published at {before} to the one published at {after} (Vietnam time).',
    before: 'Previous version',
    after: 'This version',
    current: 'Current page',
    gone: 'This page is no longer on the portal.',
    all: 'All archived versions (TimeMap)',
    legend: 'Removed words are struck through; added words are underlined.',
    removed: 'removed',
    added: 'added',
    same: 'The text of the two versions is the same (this one differs only in presentation).',
    folded: '⋯ {n} unchanged paragraph(s)',
  },
} as const satisfies Record<Locale, Record<string, string>>;


/**
 * Each changed stretch of a line (changed words, and the spaces between them)
 * as what was removed, then what was added: “[removed: hai ba] [added: bốn năm
 * sáu]”, not the words interleaved one by one.
 */
function joinedRuns(parts: readonly WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i]!.kind) {
      out.push({ ...parts[i]! });
      i++;
      continue;
    }
    let end = i;
    for (let j = i; j < parts.length && (parts[j]!.kind || /^\s+$/.test(parts[j]!.text)); j++) if (parts[j]!.kind) end = j + 1;
    const stretch = parts.slice(i, end);
    const side = (kind: 'removed' | 'added') =>
      stretch
        .filter((p) => p.kind === kind || !p.kind)
        .map((p) => p.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    for (const kind of ['removed', 'added'] as const) if (side(kind)) out.push({ text: side(kind), kind });
    i = end;
  }
  return out;
}

function lineHtml(line: DiffLine, locale: Locale): string {
  const w = words[locale];
  const inner = joinedRuns(line.parts)
    .map((p, i, all) => {
      // A space between what was removed and what replaced it.
      const gap = p.kind === 'added' && all[i - 1]?.kind === 'removed' ? ' ' : '';
      if (!p.kind) return escapeMarkup(p.text);
      // Said to screen readers too, which do not announce <del> and <ins> by themselves.
      const tag = p.kind === 'removed' ? 'del' : 'ins';
      return `${gap}<${tag}><span class="visually-hidden">[${w[p.kind]}: </span>${escapeMarkup(p.text)}<span class="visually-hidden">]</span></${tag}>`;
    })
    .join('');
  return `<p${line.changed ? ' class="changed"' : ''}>${inner}</p>`;
}

/** Changed paragraphs with one on each side; the rest folded, saying how many. */
function folded(lines: readonly DiffLine[], locale: Locale): string {
  const keep = lines.map((_, i) => lines.slice(Math.max(0, i - 1), i + 2).some((l) => l.changed));
  const out: string[] = [];
  let hidden = 0;
  const gap = () => {
    if (hidden > 0) out.push(`<p class="folded">${words[locale].folded.replace('{n}', String(hidden))}</p>`);
    hidden = 0;
  };
  lines.forEach((line, i) => {
    if (!keep[i]) return void hidden++;
    gap();
    out.push(lineHtml(line, locale));
  });
  gap();
  return out.join('\n');
}

export function comparisonPage(c: Comparison): string {
  const w = words[c.locale];
  const lines = diffLinesAndWords(`${c.before.paragraphs.join('\n')}\n`, `${c.after.paragraphs.join('\n')}\n`);
  const title = w.title.replace('{title}', c.title);
  const link = (href: string, text: string) => `<a href="${escapeMarkup(href)}">${escapeMarkup(text)}</a>`;
  return archivePage({
    locale: c.locale,
    title,
    stylesheet: c.stylesheet,
    main: `<h1>${escapeMarkup(title)}</h1>
<p>${w.intro.replace('{before}', vietnamTime(c.before.datetime, c.locale)).replace('{after}', vietnamTime(c.after.datetime, c.locale))}</p>
<ul class="memento-links">
<li>${link(c.before.address, `← ${w.before}`)}</li>
<li>${link(c.after.address, w.after)}</li>
<li>${c.current ? link(c.current, w.current) : escapeMarkup(w.gone)}</li>
<li>${link(c.timemap, w.all)}</li>
</ul>
<p class="legend">${w.legend}</p>
<div class="comparison">
${lines ? folded(lines, c.locale) : `<p>${w.same}</p>`}
</div>`,
  });
}
