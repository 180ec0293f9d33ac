import { describe, expect, it } from 'vitest';
import { historyBeginningsFromLog, unrecordedNote } from './history-begins.ts';

describe('historyBeginningsFromLog: when each collection’s history begins', () => {
  it('is the first commit that added a file to the collection’s folder, in Vietnam time', () => {
    const log = [
      '\x012026-11-22T05:17:57Z',
      '',
      'content/qa/vi/a.mdx',
      'content/qa/en/a.mdx',
      'content/news/vi/b.mdx',
      'content/site.yml',
      '\x012026-12-02T04:33:37Z',
      '',
      'content/qa/vi/c.mdx',
      'content/documents/vi/d.mdx',
      '',
    ].join('\n');
    expect(Object.fromEntries(historyBeginningsFromLog(log, 'content'))).toEqual({
      qa: '2026-11-22T12:17',
      news: '2026-11-22T12:17',
      documents: '2026-12-02T11:33',
    });
  });

  it('reads the folder under a prefix (content kept elsewhere in the repository), and nothing from an empty log', () => {
    expect(Object.fromEntries(historyBeginningsFromLog('\x012026-02-20T03:00:00Z\n\nsite/content/qa/vi/a.mdx\ncontent/qa/vi/x.mdx\n', 'site/content'))).toEqual({ qa: '2026-02-20T10:00' });
    expect(historyBeginningsFromLog('', 'content').size).toBe(0);
  });
});

it('unrecordedNote says so in both languages, with the day the history begins', () => {
  expect(unrecordedNote('2026-11-22T12:17', 'vi')).toBe('đăng trước khi lịch sử của Cổng bắt đầu (22/11/2026); thời điểm đăng không được ghi lại');
  expect(unrecordedNote('2026-11-22T12:17', 'en')).toBe('published before the portal’s history begins (22 November 2026); the time is not recorded');
});
