/**
 * Stale translations as content-check warnings (`npm run check:content`): one
 * on each English file older than a non-minor revision of its Vietnamese
 * original, naming the original and both dates. A warning, never an error:
 * the English page stays published, with a notice. Pure.
 */
import type { ContentIssue } from '../content/issues.ts';
import { formatDate, vietnamDate } from '../dates.ts';
import type { Locale } from '../locales.ts';
import type { TranslationGap } from '../report/report.ts';

const day = (iso: string | undefined, locale: Locale) => (iso ? formatDate(vietnamDate(new Date(iso)), locale) : '?');

export function staleTranslationIssues(stale: readonly TranslationGap[]): ContentIssue[] {
  return stale
    .filter((gap) => gap.english !== undefined)
    .map((gap) => ({
      file: gap.english!,
      line: 1,
      column: 1,
      field: undefined,
      severity: 'warning' as const,
      vi:
        `Bản gốc tiếng Việt ${gap.original} đã được sửa đổi ngày ${day(gap.originalRevisedAt, 'vi')}, sau lần sửa cuối của bản dịch này ` +
        `(${day(gap.englishRevisedAt, 'vi')}): bản dịch có thể đã cũ, và trang tiếng Anh đang báo như vậy, kèm liên kết đến bản gốc. ` +
        `Cập nhật bản dịch theo bản gốc.`,
      en:
        `The Vietnamese original ${gap.original} was revised on ${day(gap.originalRevisedAt, 'en')}, after this translation was last revised ` +
        `(${day(gap.englishRevisedAt, 'en')}): the translation may be out of date, and the English page says so, with a link to the original. ` +
        `Update the translation to match the original.`,
    }));
}
