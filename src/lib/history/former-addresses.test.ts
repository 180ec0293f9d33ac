import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitIn } from '../../../tests/fixtures/history/scripted-repo.ts';
import hostilePaths from '../../../tests/fixtures/hostile/history-paths/paths.json' with { type: 'json' };
import hostileAddresses from '../../../tests/fixtures/hostile/history-english-addresses/values.json' with { type: 'json' };
import { formerAddresses, formerAddressesNow, reusedAddressIssues, type CurrentEntry } from './former-addresses.ts';
import { readContentHistory } from './read-history.ts';
import type { ContentHistory, Revision } from './revision.ts';

/** A revision of commit `c` (1 March 2026 plus `c` days, at noon UTC). */
function rev(c: number, path: string, extra: Partial<Revision> = {}): Revision {
  const date = new Date(Date.UTC(2026, 2, 1 + c, 12)).toISOString().replace('.000Z', '+00:00');
  return { commit: String(c).padStart(40, '0'), date, path, status: c === 0 ? 'added' : 'modified', minor: false, ...extra };
}
const historyOf = (files: Record<string, Revision[]>): ContentHistory => ({ files: new Map(Object.entries(files)), shallow: false, head: 'f'.repeat(40) });
const everything = () => true;

describe('formerAddresses', () => {
  it('keeps both old addresses of a renamed entry without an English address, sending each to its language', () => {
    const now = 'content/qa/vi/mat-the-bao-hiem-y-te-giay.mdx';
    const history = historyOf({ [now]: [rev(0, 'content/qa/vi/mat-the-bhyt-giay.mdx'), rev(2, now, { status: 'renamed', previousPath: 'content/qa/vi/mat-the-bhyt-giay.mdx' })] });
    const taken = new Set(['/hoi-dap/mat-the-bao-hiem-y-te-giay/', '/en/questions/mat-the-bao-hiem-y-te-giay/']);
    expect(formerAddresses(history, everything, taken)).toEqual([
      { path: '/en/questions/mat-the-bhyt-giay/', locale: 'en', collection: 'qa', slug: 'mat-the-bao-hiem-y-te-giay' },
      { path: '/hoi-dap/mat-the-bhyt-giay/', locale: 'vi', collection: 'qa', slug: 'mat-the-bao-hiem-y-te-giay' },
    ]);
  });

  it('keeps an English address the entry no longer has, and not the one it has now', () => {
    const file = 'content/pages/vi/lien-he.mdx';
    const history = historyOf({ [file]: [rev(0, file, { englishAddress: 'contact' }), rev(1, file), rev(2, file, { englishAddress: 'contact-us' })] });
    const taken = new Set(['/lien-he/', '/en/contact-us/']);
    // Between the two: no English address, so the file name.
    expect(formerAddresses(history, everything, taken).map((a) => [a.path, a.locale, a.slug])).toEqual([
      ['/en/contact/', 'en', 'lien-he'],
      ['/en/lien-he/', 'en', 'lien-he'],
    ]);
  });

  it('never takes an address the site has now: the entry’s own again, or another page’s', () => {
    const file = 'content/pages/vi/lien-he.mdx';
    const history = historyOf({ [file]: [rev(0, file, { englishAddress: 'contact' }), rev(1, file, { englishAddress: 'contact-us' }), rev(2, file, { englishAddress: 'contact' })] });
    expect(formerAddresses(history, everything, new Set(['/lien-he/', '/en/contact/']))).toEqual([
      { path: '/en/contact-us/', locale: 'en', collection: 'pages', slug: 'lien-he' },
    ]);
    // Another page took /en/contact-us/ since.
    expect(formerAddresses(history, everything, new Set(['/lien-he/', '/en/contact/', '/en/contact-us/']))).toEqual([]);
  });

  it('gives an address two entries once had to the one that had it last', () => {
    const a = 'content/pages/vi/lien-he.mdx';
    const b = 'content/pages/vi/hop-thu.mdx';
    const history = historyOf({
      [a]: [rev(0, a, { englishAddress: 'contact' }), rev(3, a, { englishAddress: 'contact-us' })],
      [b]: [rev(4, b, { englishAddress: 'contact' }), rev(6, b, { englishAddress: 'mailbox' })],
    });
    const taken = new Set(['/lien-he/', '/hop-thu/', '/en/contact-us/', '/en/mailbox/']);
    expect(formerAddresses(history, everything, taken)).toEqual([{ path: '/en/contact/', locale: 'en', collection: 'pages', slug: 'hop-thu' }]);
  });

  it('has nothing for an entry published once, an entry that is gone, a translation’s own file or a file without a page', () => {
    const once = 'content/news/vi/tin.mdx';
    const gone = 'content/news/vi/cu.mdx';
    const en = 'content/news/en/tin-en.mdx';
    const unit = 'content/units/vi/van-phong.mdx';
    const history = historyOf({
      [once]: [rev(0, once, { englishAddress: 'news-item' })],
      [gone]: [rev(0, 'content/news/vi/cu-hon.mdx'), rev(1, gone, { status: 'renamed', previousPath: 'content/news/vi/cu-hon.mdx' })],
      [en]: [rev(0, 'content/news/en/tin-cu.mdx'), rev(1, en, { status: 'renamed', previousPath: 'content/news/en/tin-cu.mdx' })],
      [unit]: [rev(0, 'content/units/vi/vp.mdx'), rev(1, unit, { status: 'renamed', previousPath: 'content/units/vi/vp.mdx' })],
    });
    expect(formerAddresses(history, (c, slug) => !(c === 'news' && slug === 'cu'), new Set())).toEqual([]);
  });

  it('never takes an address of the portal’s own routes for a page', () => {
    const file = 'content/pages/vi/gioi-thieu.mdx';
    const history = historyOf({ [file]: [rev(0, 'content/pages/vi/admin.mdx', { englishAddress: 'search' }), rev(1, file, { status: 'renamed', previousPath: 'content/pages/vi/admin.mdx', englishAddress: 'about' })] });
    expect(formerAddresses(history, everything, new Set(['/gioi-thieu/', '/en/about/']))).toEqual([]);
  });

  it('makes no address of a hostile old file name (tests/fixtures/hostile/history-paths/)', () => {
    const file = 'content/news/vi/tin.mdx';
    const files: Record<string, Revision[]> = {};
    for (const p of hostilePaths.paths) {
      files[p] = [rev(0, p), rev(1, p)];
    }
    files[file] = hostilePaths.paths.map((p, i) => rev(i, p)).concat(rev(99, file));
    const found = formerAddresses(historyOf(files), everything, new Set(['/tin-tuc/tin/', '/en/news/tin/']));
    expect(found).toEqual([]);
  });

  it('makes no English address of a hostile old english_address, and keeps the revision’s Vietnamese one (tests/fixtures/hostile/history-english-addresses/)', () => {
    const now = 'content/news/vi/tin.mdx';
    const old = 'content/news/vi/tin-cu.mdx';
    for (const value of hostileAddresses.values) {
      const history = historyOf({ [now]: [rev(0, old, { englishAddress: value }), rev(1, now, { status: 'renamed', previousPath: old })] });
      expect(formerAddresses(history, everything, new Set(['/tin-tuc/tin/', '/en/news/tin/'])), value).toEqual([
        { path: '/tin-tuc/tin-cu/', locale: 'vi', collection: 'news', slug: 'tin' },
      ]);
    }
  });
});

describe('reusedAddressIssues', () => {
  const entry = (collection: string, slug: string, data: Record<string, unknown> = {}) => ({ collection, locale: 'vi' as const, slug, file: `content/${collection}/vi/${slug}.mdx`, data });
  /** Where a field is in its file (as the content check finds it): here, line 4 of every file. */
  const at = (_file: string, path: (string | number)[]) => (path[0] === 'english_address' ? { line: 4, column: 18 } : { line: 1, column: 1 });
  const contact = 'content/pages/vi/lien-he.mdx';
  const mailbox = 'content/pages/vi/hop-thu.mdx';
  // lien-he had /en/contact/, then /en/contact-us/.
  const moved = historyOf({ [contact]: [rev(0, contact, { englishAddress: 'contact' }), rev(3, contact, { englishAddress: 'contact-us' })], [mailbox]: [rev(4, mailbox)] });
  /** The check as the content check runs it: the former addresses of the entries there are, then the entries. */
  const check = (history: ReturnType<typeof historyOf>, entries: CurrentEntry[]) => reusedAddressIssues(formerAddressesNow(history, entries), entries, at);

  it('the former addresses of the entries there are, with where each entry is now', () => {
    const entries = [entry('pages', 'lien-he', { english_address: 'contact-us' }), entry('pages', 'hop-thu')];
    expect(formerAddressesNow(moved, entries)).toEqual([{ path: '/en/contact/', locale: 'en', collection: 'pages', slug: 'lien-he', now: '/en/contact-us/' }]);
    // A page that is gone has none.
    expect(formerAddressesNow(moved, [entry('pages', 'hop-thu')])).toEqual([]);
  });

  it('the same warning from the former addresses alone (as the CMS page has them) as from the history, on the entry edited alone', () => {
    const entries = [entry('pages', 'lien-he', { english_address: 'contact-us' }), entry('pages', 'hop-thu', { english_address: 'contact' })];
    const former = formerAddressesNow(moved, entries);
    expect(reusedAddressIssues(former, [entries[1]!], at)).toEqual(check(moved, entries));
  });

  it('warns on a page given an English address another page had, naming it, its address now and the field', () => {
    const issues = check(moved, [entry('pages', 'lien-he', { english_address: 'contact-us' }), entry('pages', 'hop-thu', { english_address: 'contact' })]);
    expect(issues).toEqual([
      {
        file: mailbox,
        line: 4,
        column: 18,
        field: 'english_address',
        severity: 'warning',
        vi: expect.stringContaining('Địa chỉ /en/contact/ của trang này từng là địa chỉ của trang khác (content/pages/vi/lien-he.mdx, nay ở /en/contact-us/)'),
        en: expect.stringMatching(/^This page's address \/en\/contact\/ was another page's \(content\/pages\/vi\/lien-he\.mdx, now at \/en\/contact-us\/\).*choose another English page address\.$/),
      },
    ]);
  });

  it('says nothing of a page at its own old or current address, or at an address of a page that is gone', () => {
    expect(check(moved, [entry('pages', 'lien-he', { english_address: 'contact' }), entry('pages', 'hop-thu', { english_address: 'mailbox' })])).toEqual([]);
    // lien-he is gone: its old address leads nowhere, so taking it breaks no link that worked.
    expect(check(moved, [entry('pages', 'hop-thu', { english_address: 'contact' })])).toEqual([]);
  });

  it('warns once on a file named as another entry’s old file, which is both languages’ address', () => {
    const now = 'content/news/vi/tin-moi.mdx';
    const history = historyOf({ [now]: [rev(0, 'content/news/vi/tin-cu.mdx'), rev(2, now, { status: 'renamed', previousPath: 'content/news/vi/tin-cu.mdx' })] });
    const issues = check(history, [entry('news', 'tin-moi'), entry('news', 'tin-cu')]);
    expect(issues.map((i) => [i.file, i.field, i.en.slice(0, 60)])).toEqual([['content/news/vi/tin-cu.mdx', undefined, "This page's address /tin-tuc/tin-cu/ was another page's (con"]]);
    expect(issues[0]!.vi).toContain('hãy đặt tên tệp khác');
  });
});

describe('formerAddresses of a real repository read by readContentHistory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-former-addresses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const page = (address: string) => `---\ntitle: Liên hệ\nsection: gioi-thieu\nenglish_address: ${address}\n---\n\nNội dung.\n`;
  const commit = (date: string, message: string) => {
    const git = gitIn(dir, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    git('add', '-A');
    git('commit', '-qm', message);
  };

  it('reads each revision’s English address and follows renames', async () => {
    gitIn(dir)('init', '-q', '-b', 'main');
    write('content/pages/vi/lien-he.mdx', page('contact'));
    write('content/news/vi/tin-cu.mdx', '---\ntitle: Tin\n---\n\nNội dung.\n');
    commit('2026-03-01T12:00:00Z', 'Portal content');
    write('content/pages/vi/lien-he.mdx', page('contact-us'));
    renameSync(path.join(dir, 'content/news/vi/tin-cu.mdx'), path.join(dir, 'content/news/vi/tin-moi.mdx'));
    commit('2026-03-02T12:00:00Z', 'Merge pull request #2 from bhxh/cms/pages/lien-he');
    const history = await readContentHistory(dir);
    expect(history.files.get('content/pages/vi/lien-he.mdx')!.map((r) => r.englishAddress)).toEqual(['contact', 'contact-us']);
    const taken = new Set(['/lien-he/', '/en/contact-us/', '/tin-tuc/tin-moi/', '/en/news/tin-moi/']);
    expect(formerAddresses(history, everything, taken).map((a) => `${a.path} → ${a.collection}/${a.slug} (${a.locale})`)).toEqual([
      '/en/contact/ → pages/lien-he (en)',
      '/en/news/tin-cu/ → news/tin-moi (en)',
      '/tin-tuc/tin-cu/ → news/tin-moi (vi)',
    ]);
  });
});
