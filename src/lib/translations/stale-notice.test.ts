import { describe, expect, it } from 'vitest';
import { staleNoticeWords } from './stale-notice.ts';

describe('staleNoticeWords', () => {
  it('dates the revision in Vietnam time, in English', () => {
    // 00:30 on 20 November in Vietnam, still the 19th in UTC.
    expect(staleNoticeWords('2026-11-19T17:30:00+00:00')).toEqual({
      title: 'This translation may be out of date',
      body: 'The Vietnamese original of this page was revised on 20 November 2026, after this translation. The Vietnamese version governs.',
      link: 'Read the original (in Vietnamese)',
    });
  });
});
