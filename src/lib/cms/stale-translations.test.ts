import { describe, expect, it } from 'vitest';
import { staleTranslationsOf } from './stale-translations.ts';

describe('staleTranslationsOf', () => {
  it('keys each stale English entry by collection and slug, with the date and address of its original', () => {
    expect(
      staleTranslationsOf([
        { address: '/hoi-dap/mat-the/', original: 'content/qa/vi/mat-the.mdx', english: 'content/qa/en/mat-the.mdx', originalRevisedAt: '2026-11-19T17:30:00+00:00', englishRevisedAt: '2026-11-01T03:00:00+00:00' },
        { address: '/gioi-thieu/', original: 'content/pages/vi/gioi-thieu.mdx', english: 'content/pages/en/gioi-thieu.mdx', originalRevisedAt: '2026-11-02T03:00:00+00:00', englishRevisedAt: '2026-11-01T03:00:00+00:00' },
      ]),
    ).toEqual({
      historyKnown: true,
      entries: {
        'qa/mat-the': { originalRevisedAt: '2026-11-19T17:30:00+00:00', originalAddress: '/hoi-dap/mat-the/' },
        'pages/gioi-thieu': { originalRevisedAt: '2026-11-02T03:00:00+00:00', originalAddress: '/gioi-thieu/' },
      },
    });
  });

  it('says when the history is unknown', () => {
    expect(staleTranslationsOf(undefined)).toEqual({ historyKnown: false, entries: {} });
  });
});
