import { describe, expect, it } from 'vitest';
import { draftTagMessage, fateOfPull, formatDraftList, localDraftTag, parseDraftTagMessage, pullDraftTag, type DraftFacts } from './drafts.ts';

const head = 'a'.repeat(40);
const base = 'b'.repeat(40);

describe('draft tag names', () => {
  it('a pull request: drafts/pr-<N>; never a non-number', () => {
    expect(pullDraftTag(12)).toBe('drafts/pr-12');
    expect(() => pullDraftTag(0)).toThrow();
    expect(() => pullDraftTag(1.5)).toThrow();
  });

  it('a local draft: collection, slug and a time without colons', () => {
    expect(localDraftTag('news', 'tin-moi', new Date('2026-12-02T15:07:02.123Z'))).toBe('drafts/local/news/tin-moi/20261202T150702Z');
  });

  it('never puts a name outside the allowlist into a ref: a hash stands for it', () => {
    const at = new Date('2026-12-02T15:07:02Z');
    for (const slug of ['../../heads/main', 'a..b', 'x.lock', 'tên', 'a b', 'a~1', 'a^{}', '@{-1}', '-x', 'a:b', '']) {
      const tag = localDraftTag('news', slug, at);
      expect(tag, slug).toMatch(/^drafts\/local\/entry-[0-9a-f]{12}\/20261202T150702Z$/);
    }
    expect(localDraftTag('News', 'x', at)).toMatch(/^drafts\/local\/entry-/);
    // Two different entries get two different names.
    expect(localDraftTag('news', 'a b', at)).not.toBe(localDraftTag('news', 'a  b', at));
  });
});

describe('draft tag messages', () => {
  const pull: DraftFacts = {
    source: 'github',
    fate: 'rejected',
    head,
    base,
    closedAt: '2026-05-04T03:00:00Z',
    pull: { number: 21, title: 'Sửa tin\nmới\u0007 (dòng hai)', author: 'bien-tap-vien', url: 'https://github.com/o/r/pull/21' },
  };

  it('round-trips the facts of a pull request, the title on one line without control characters', () => {
    const text = draftTagMessage(pull);
    expect(text.split('\n')[0]).toBe('Bản nháp được lưu / Kept draft: PR #21 — không được đăng (pull request đóng, không hợp nhất) / rejected (pull request closed without merging)');
    expect(text).toContain('\ntitle: Sửa tin mới (dòng hai)\n');
    const parsed = parseDraftTagMessage(text);
    expect(parsed).toEqual({ ok: true, facts: { ...pull, pull: { ...pull.pull!, title: 'Sửa tin mới (dòng hai)' } } });
  });

  it('round-trips a local draft', () => {
    const local: DraftFacts = { source: 'local', fate: 'discarded', head, base, closedAt: '2026-12-02T15:07:02Z', entry: { collection: 'news', slug: 'tin-moi' } };
    expect(parseDraftTagMessage(draftTagMessage(local))).toEqual({ ok: true, facts: local });
  });

  it('says why a message is not the portal’s', () => {
    const foreign = parseDraftTagMessage('Release 1.0\n\nsome notes\n');
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) {
      expect(foreign.problem.vi).toContain('không theo mẫu');
      expect(foreign.problem.en).toContain("not in the portal's format");
    }
    const cases: [string, string][] = [
      [draftTagMessage(pull).replace('fate: rejected', 'fate: approved'), 'fate'],
      [draftTagMessage(pull).replace(`head: ${head}`, 'head: HEAD~1'), 'head'],
      [draftTagMessage(pull).replace('author: bien-tap-vien', 'author: <script>'), 'author'],
      [draftTagMessage(pull).replace('closed-at: 2026-05-04T03:00:00Z', 'closed-at: yesterday'), 'closed-at'],
      [draftTagMessage(pull).replace('url: https://github.com/o/r/pull/21', 'url: javascript:alert(1)'), 'url'],
      [draftTagMessage(pull).replace('pull-request: 21', 'pull-request: 21; rm -rf'), 'pull-request'],
      [`${draftTagMessage(pull)}fate: published\n`, 'fate'],
    ];
    for (const [text, field] of cases) {
      const parsed = parseDraftTagMessage(text);
      expect(parsed.ok, field).toBe(false);
      if (!parsed.ok) expect(parsed.problem.en, field).toContain(`“${field}”`);
    }
    const garbage = parseDraftTagMessage('portal-draft: 1\n\u0000\u0000 not a field');
    expect(garbage.ok).toBe(false);
  });

  it('a closed pull request is published when merged, else rejected', () => {
    expect(fateOfPull({ merged_at: '2026-01-01T00:00:00Z' })).toBe('published');
    expect(fateOfPull({ merged_at: null })).toBe('rejected');
  });
});

describe('the list of a page’s drafts', () => {
  const drafts = [
    {
      id: 'pr-21',
      head,
      facts: { source: 'github' as const, fate: 'rejected' as const, head, closedAt: '2026-05-04T03:00:00Z', pull: { number: 21, title: 'Sửa tin', author: 'bien-tap-vien' } },
      firstCommit: '2026-05-01T02:00:00Z',
      authors: ['Biên tập viên <btv@example.vn>'],
      changed: ['content/news/vi/tin-moi.mdx'],
    },
    { id: 'odd', head: base, problem: { vi: 'lời nhắn lạ', en: 'odd message' }, taggedAt: '2026-06-01T00:00:00Z', authors: [], changed: ['content/news/vi/tin-moi.mdx'] },
  ];

  it('in Vietnamese: number, id, fate, dates in Vietnam time, authors, files, and how to show one', () => {
    const text = formatDraftList('/tin-tuc/tin-moi/', ['content/news/vi/tin-moi.mdx'], drafts, 'vi');
    expect(text).toContain('Giờ Việt Nam (UTC+7). 2 bản nháp.');
    expect(text).toContain('1. pr-21  bị từ chối / đóng không đăng\n    PR #21 “Sửa tin” · người mở bien-tap-vien\n    bắt đầu 01/05/2026 09:00 · kết thúc 04/05/2026 10:00 · commit aaaaaaa');
    expect(text).toContain('2. odd  không rõ');
    expect(text).toContain('lưu ý: lời nhắn lạ');
    expect(text).toContain('npm run history -- drafts /tin-tuc/tin-moi/ --show <mã / id>');
  });

  it('in English, and when there are none', () => {
    expect(formatDraftList('/x/', ['content/pages/vi/x.mdx'], drafts, 'en')).toContain('1. pr-21  rejected / closed unpublished');
    expect(formatDraftList('/x/', ['content/pages/vi/x.mdx'], [], 'en')).toContain('No kept draft changes these files.');
  });
});
