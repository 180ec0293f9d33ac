import { describe, expect, it } from 'vitest';
import { formatIssues, isError } from '../content/issues.ts';
import { staleTranslationIssues } from './stale-translation-issues.ts';

describe('staleTranslationIssues', () => {
  it('warns on the English file, naming the original and both dates (Vietnam time) in both languages', () => {
    const issues = staleTranslationIssues([
      {
        address: '/tin-tuc/tin/',
        original: 'content/news/vi/tin.mdx',
        english: 'content/news/en/tin.mdx',
        // 00:30 on 20 November in Vietnam.
        originalRevisedAt: '2026-11-19T17:30:00+00:00',
        englishRevisedAt: '2026-11-01T03:00:00+00:00',
      },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe('content/news/en/tin.mdx');
    expect(isError(issues[0]!)).toBe(false);
    const printed = formatIssues(issues);
    expect(printed).toContain('content/news/en/tin.mdx:1:1  (cảnh báo / warning)');
    expect(printed).toContain('vi: Bản gốc tiếng Việt content/news/vi/tin.mdx đã được sửa đổi ngày 20/11/2026, sau lần sửa cuối của bản dịch này (01/11/2026)');
    expect(printed).toContain('en: The Vietnamese original content/news/vi/tin.mdx was revised on 20 November 2026, after this translation was last revised (1 November 2026)');
    expect(printed).toContain('0 errors and 1 warning');
  });

  it('says nothing for a gap without an English file (a missing translation)', () => {
    expect(staleTranslationIssues([{ address: '/tin-tuc/tin/', original: 'content/news/vi/tin.mdx' }])).toEqual([]);
  });
});
