import { describe, expect, it } from 'vitest';
import { firstPublicationsFromLog } from './first-publications.ts';

describe('firstPublicationsFromLog', () => {
  it('keeps the oldest publication of each file, in Vietnam time', () => {
    const log = [
      '\x012026-02-20T03:00:00Z',
      '',
      'content/qa/vi/a.mdx',
      'content/qa/vi/b.mdx',
      '\x012026-02-24T17:30:00+07:00',
      '',
      'content/qa/vi/b.mdx',
      'content/qa/vi/c.mdx',
      '',
    ].join('\n');
    expect([...firstPublicationsFromLog(log)]).toEqual([
      ['content/qa/vi/a.mdx', '2026-02-20T10:00'],
      ['content/qa/vi/b.mdx', '2026-02-20T10:00'],
      ['content/qa/vi/c.mdx', '2026-02-24T17:30'],
    ]);
  });

  it('reads nothing from an empty log, and skips files under a date it cannot read', () => {
    expect(firstPublicationsFromLog('').size).toBe(0);
    expect([...firstPublicationsFromLog('\x01not a date\n\ncontent/qa/vi/a.mdx\n')]).toEqual([]);
  });
});
