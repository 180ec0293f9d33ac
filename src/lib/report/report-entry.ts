/**
 * A report as a portal entry (`npm run report -- --propose`): statistics are
 * published only after the leadership approves them (portal regulation
 * Art. 11), so the report becomes a page of the section “Statistics” in both
 * languages, proposed on a draft branch and reviewed like any content. The
 * statistics page (`include: statistics`) lists the approved ones.
 */
import { stringify } from 'yaml';
import { localeInfo, locales, type Locale } from '../locales.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';
import type { EditorialReport, ReportPeriod } from './report.ts';

export interface ReportEntryFile {
  /** content/pages/<locale>/<slug>.mdx */
  path: string;
  text: string;
}

export interface ReportEntry {
  slug: string;
  files: ReportEntryFile[];
}

/** The entry's file name: thong-ke-2026-11, thong-ke-2026-h2, thong-ke-2026, thong-ke-20261001-20261031. */
export function reportSlug(period: ReportPeriod): string {
  const id = period.kind === 'range' ? `${period.from}-${period.to}`.replaceAll('-', '').replace(/^(\d{8})(\d{8})$/, '$1-$2') : period.id.toLowerCase();
  const slug = `thong-ke-${id}`;
  if (!SLUG_PATTERN.test(slug)) throw new Error(`not a slug: ${slug}`); // periods are parsed before they get here
  return slug;
}

/** The last part of the English page's address: statistics-2026-11 (/en/statistics-2026-11/). */
export function reportEnglishAddress(period: ReportPeriod): string {
  return reportSlug(period).replace(/^thong-ke-/, 'statistics-');
}

/**
 * Lower numbers come first in a section: the newest period first (the day
 * after its end counted back from 9999-12-31), for the statistics list.
 */
export function reportOrder(period: ReportPeriod): number {
  return 99_991_231 - Number(period.to.replaceAll('-', ''));
}

function count(n: number, locale: Locale): string {
  return new Intl.NumberFormat(localeInfo[locale].intl).format(n);
}

/** One sentence with the figures a reader looks for first, for listings and search results. */
export function reportSummary(report: EditorialReport, locale: Locale): string {
  const p = report.publications;
  const q = report.qa;
  const percent = q.onTimePercent === null ? undefined : new Intl.NumberFormat(localeInfo[locale].intl, { maximumFractionDigits: 1 }).format(q.onTimePercent);
  if (locale === 'vi') {
    return (
      `${count(p.published, 'vi')} mục đăng mới, ${count(p.updated, 'vi')} lượt cập nhật, ${count(p.withdrawn + p.unpublished, 'vi')} mục rút hoặc gỡ; ` +
      `${count(q.received, 'vi')} câu hỏi nhận được, ${count(q.answered, 'vi')} câu đã trả lời` +
      (percent === undefined ? '.' : `, ${percent}% đúng hạn.`)
    );
  }
  const en = (n: number, one: string, other: string) => `${count(n, 'en')} ${new Intl.PluralRules('en').select(n) === 'one' ? one : other}`;
  return (
    `${en(p.published, 'new entry', 'new entries')}, ${en(p.updated, 'update', 'updates')}, ${count(p.withdrawn + p.unpublished, 'en')} withdrawn or unpublished; ` +
    `${en(q.received, 'question', 'questions')} received, ${count(q.answered, 'en')} answered` +
    (percent === undefined ? '.' : `, ${percent}% on time.`)
  );
}

export function reportTitle(report: EditorialReport, locale: Locale): string {
  return locale === 'vi'
    ? `Báo cáo thống kê hoạt động của Cổng — ${report.period.title.vi}`
    : `Statistics on the portal's activity — ${report.period.title.en}`;
}

/** The two files of the report's entry; `bodies` are the report as Markdown safe for an entry body (renderMarkdown). */
export function reportEntry(report: EditorialReport, bodies: Record<Locale, string>): ReportEntry {
  const slug = reportSlug(report.period);
  const files = locales.map((locale) => {
    const front = {
      title: reportTitle(report, locale),
      summary: reportSummary(report, locale),
      section: 'statistics',
      order: reportOrder(report.period),
      english_address: reportEnglishAddress(report.period),
      sample: false,
    };
    const text = `---\n${stringify(front, { lineWidth: 0 })}---\n${bodies[locale].trim()}\n`.normalize('NFC');
    return { path: `content/pages/${locale}/${slug}.mdx`, text };
  });
  return { slug, files };
}
