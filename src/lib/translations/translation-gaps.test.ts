import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitIn } from '../../../tests/fixtures/history/scripted-repo.ts';
import hostile from '../../../tests/fixtures/hostile/history-paths/paths.json' with { type: 'json' };
import { readContentHistory } from '../history/read-history.ts';
import type { ContentHistory, Revision } from '../history/revision.ts';
import type { EntryState } from '../lifecycle/states.ts';
import { gapsReadersMeet, staleness, translationGaps } from './translation-gaps.ts';

const VI = 'content/news/vi/tin.mdx';
const EN = 'content/news/en/tin.mdx';

/** A revision of commit `c` (its date is 1 March 2026 plus `c` days, at noon UTC). */
function rev(c: number, path: string, status: Revision['status'] = 'modified', extra: Partial<Revision> = {}): Revision {
  const date = new Date(Date.UTC(2026, 2, 1 + c, 12)).toISOString().replace('.000Z', '+00:00');
  return { commit: String(c).padStart(40, '0'), date, path, status, minor: false, ...extra };
}
const historyOf = (files: Record<string, Revision[]>): ContentHistory => ({ files: new Map(Object.entries(files)), shallow: false, head: 'f'.repeat(40) });
const END = new Date('2027-01-01T00:00:00Z');

describe('translationGaps', () => {
  it('counts an English page never revised after a non-minor revision of its original as stale, with both dates', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(3, VI)], [EN]: [rev(0, EN, 'added'), rev(1, EN)] });
    expect(translationGaps(history, END)).toEqual({
      missing: [],
      stale: [{ address: '/tin-tuc/tin/', original: VI, english: EN, originalRevisedAt: '2026-03-04T12:00:00+00:00', englishRevisedAt: '2026-03-02T12:00:00+00:00' }],
    });
    expect(staleness(history, EN)).toEqual({ originalRevisedAt: '2026-03-04T12:00:00+00:00', englishRevisedAt: '2026-03-02T12:00:00+00:00', originalAddress: '/tin-tuc/tin/', original: VI });
  });

  it('does not count a publication that changes both files at once', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(3, VI)], [EN]: [rev(0, EN, 'added'), rev(3, EN)] });
    expect(translationGaps(history, END).stale).toEqual([]);
    expect(staleness(history, EN)).toBeUndefined();
  });

  it('does not count a minor revision of the original', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(3, VI, 'modified', { minor: true })], [EN]: [rev(0, EN, 'added')] });
    expect(translationGaps(history, END).stale).toEqual([]);
  });

  it('counts the last non-minor revision when a minor one follows it', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(2, VI), rev(4, VI, 'modified', { minor: true })], [EN]: [rev(0, EN, 'added'), rev(1, EN)] });
    expect(translationGaps(history, END).stale.map((g) => g.originalRevisedAt)).toEqual(['2026-03-03T12:00:00+00:00']);
  });

  it('is no longer stale once the English page is revised after the original', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(2, VI)], [EN]: [rev(0, EN, 'added'), rev(3, EN, 'modified', { minor: true })] });
    expect(translationGaps(history, END).stale).toEqual([]);
  });

  it('looks only at revisions published at or before `at`', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(3, VI)], [EN]: [rev(0, EN, 'added'), rev(5, EN)] });
    // Before the Vietnamese revision: current. Between the two: stale. After the English one: current.
    expect(translationGaps(history, new Date('2026-03-04T11:59:59Z')).stale).toEqual([]);
    expect(translationGaps(history, new Date('2026-03-04T12:00:00Z')).stale).toHaveLength(1);
    expect(staleness(history, EN, new Date('2026-03-05T00:00:00Z'))?.originalRevisedAt).toBe('2026-03-04T12:00:00+00:00');
    expect(translationGaps(history, END).stale).toEqual([]);
  });

  it('counts an original with no English file present as missing, at `at`', () => {
    const history = historyOf({
      [VI]: [rev(0, VI, 'added')],
      [EN]: [rev(2, EN, 'added'), rev(6, EN, 'removed')],
      'content/documents/vi/qd.mdx': [rev(1, 'content/documents/vi/qd.mdx', 'added')],
      'content/pages/vi/gioi-thieu.mdx': [rev(1, 'content/pages/vi/gioi-thieu.mdx', 'added'), rev(4, 'content/pages/vi/gioi-thieu.mdx', 'removed')],
      // Units have no page of their own: not counted.
      'content/units/vi/vp.mdx': [rev(1, 'content/units/vi/vp.mdx', 'added')],
    });
    expect(translationGaps(history, new Date('2026-03-01T13:00:00Z')).missing).toEqual([{ address: '/tin-tuc/tin/', original: VI }]);
    expect(translationGaps(history, new Date('2026-03-04T13:00:00Z')).missing.map((g) => g.address)).toEqual(['/gioi-thieu/', '/van-ban/qd/']);
    expect(translationGaps(history, END).missing.map((g) => g.address)).toEqual(['/tin-tuc/tin/', '/van-ban/qd/']);
  });

  it('follows renames: the files pair at their paths at `at`, their revisions carried across the rename', () => {
    const viOld = 'content/qa/vi/cu.mdx';
    const enOld = 'content/qa/en/cu.mdx';
    const viNew = 'content/qa/vi/moi.mdx';
    const enNew = 'content/qa/en/moi.mdx';
    const history = historyOf({
      [viNew]: [rev(0, viOld, 'added'), rev(2, viOld), rev(3, viNew, 'renamed', { previousPath: viOld, minor: true })],
      [enNew]: [rev(0, enOld, 'added'), rev(1, enOld), rev(3, enNew, 'renamed', { previousPath: enOld })],
    });
    // Before the rename: the old pair, stale since the Vietnamese edit of day 2.
    expect(translationGaps(history, new Date('2026-03-03T13:00:00Z')).stale.map((g) => [g.address, g.english])).toEqual([['/hoi-dap/cu/', enOld]]);
    // The rename of both (an English revision) in one publication makes the translation current.
    expect(translationGaps(history, END)).toEqual({ missing: [], stale: [] });
    // Renamed on the Vietnamese side only: the English file no longer pairs, the original has no English page.
    const apart = historyOf({ [viNew]: history.files.get(viNew)!, [enOld]: history.files.get(enNew)!.slice(0, 2) });
    expect(translationGaps(apart, END)).toEqual({ missing: [{ address: '/hoi-dap/moi/', original: viNew }], stale: [] });
  });

  it('starts a file removed and added again afresh', () => {
    const history = historyOf({ [VI]: [rev(0, VI, 'added'), rev(1, VI, 'removed'), rev(2, VI, 'added')], [EN]: [rev(0, EN, 'added'), rev(3, EN)] });
    expect(translationGaps(history, END)).toEqual({ missing: [], stale: [] });
    expect(translationGaps(history, new Date('2026-03-03T13:00:00Z')).stale).toHaveLength(1);
  });

  it('ignores paths that are not entries, and answers nothing for a Vietnamese or unknown path', () => {
    const odd = 'content/news/vi/<script>.mdx.bak';
    const hostile = 'content/news/vi/<img src=x onerror=alert(1)>\n\x1b[31m.mdx';
    const history = historyOf({ [odd]: [rev(0, odd, 'added')], [hostile]: [rev(0, hostile, 'added')], [VI]: [rev(0, VI, 'added'), rev(3, VI)], [EN]: [rev(0, EN, 'added')] });
    expect(translationGaps(history, END).missing).toEqual([]);
    expect(staleness(history, VI)).toBeUndefined();
    expect(staleness(history, 'content/news/en/khac.mdx')).toBeUndefined();
  });
});

describe('translationGaps on hostile file names (tests/fixtures/hostile/history-paths/)', () => {
  it('counts none of them, as original or as translation', () => {
    const files: Record<string, Revision[]> = {};
    for (const p of hostile.paths) {
      files[p] = [rev(0, p, 'added'), rev(3, p)];
      const en = p.replace('/vi/', '/en/');
      files[en] = [rev(0, en, 'added')];
    }
    const history = historyOf(files);
    expect(translationGaps(history, END)).toEqual({ missing: [], stale: [] });
    for (const p of hostile.paths) expect(staleness(history, p.replace('/vi/', '/en/'))).toBeUndefined();
  });
});

describe('translationGaps on a real repository read by readContentHistory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-translation-gaps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const entry = (title: string, extra = '') => `---\ntitle: ${title}\nsummary: Tóm tắt.\ndate: 2026-11-01\n${extra}---\n\nNội dung.\n`;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const commit = (date: string, message: string) => {
    const git = gitIn(dir, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    git('add', '-A');
    git('commit', '-qm', message);
    return git('rev-parse', 'HEAD').trim();
  };

  it('finds the stale, minor and same-commit cases as they were published', async () => {
    gitIn(dir)('init', '-q', '-b', 'main');
    write(VI, entry('Tin'));
    write(EN, entry('News'));
    write('content/news/vi/ca-hai.mdx', entry('Cả hai'));
    write('content/news/en/ca-hai.mdx', entry('Both'));
    write('content/news/vi/nho.mdx', entry('Nhỏ'));
    write('content/news/en/nho.mdx', entry('Small'));
    write('content/news/vi/chi-viet.mdx', entry('Chỉ tiếng Việt'));
    commit('2026-11-01T03:00:00Z', 'Initial content');
    // A non-minor edit of one original; both files of another in one publication; a minor edit of a third.
    write(VI, entry('Tin (sửa)', 'change_note: Cập nhật số liệu.\n'));
    write('content/news/vi/ca-hai.mdx', entry('Cả hai (sửa)'));
    write('content/news/en/ca-hai.mdx', entry('Both (edited)'));
    write('content/news/vi/nho.mdx', entry('Nhỏ.', 'minor_change: true\n'));
    commit('2026-11-20T03:00:00Z', 'Merge pull request #7 from org/cms/news/tin');

    const history = await readContentHistory(dir);
    expect(translationGaps(history, new Date('2026-11-30T00:00:00Z'))).toEqual({
      missing: [{ address: '/tin-tuc/chi-viet/', original: 'content/news/vi/chi-viet.mdx' }],
      stale: [{ address: '/tin-tuc/tin/', original: VI, english: EN, originalRevisedAt: '2026-11-20T03:00:00+00:00', englishRevisedAt: '2026-11-01T03:00:00+00:00' }],
    });
    expect(translationGaps(history, new Date('2026-11-19T00:00:00Z')).stale).toEqual([]);

    // The translation is brought up to date.
    write(EN, entry('News (edited)'));
    commit('2026-11-21T03:00:00Z', 'Update the translation (#8)');
    expect(translationGaps(await readContentHistory(dir), new Date('2026-11-30T00:00:00Z')).stale).toEqual([]);
  });
});

describe('the gaps a reader meets', () => {
  it('keeps the originals whose page is shown (published, or withdrawn with its notice), not those without a page', () => {
    const gap = (slug: string) => ({ address: `/tin-tuc/${slug}/`, original: `content/news/vi/${slug}.mdx` });
    const states: Record<string, EntryState> = {
      'content/news/vi/shown.mdx': 'published',
      'content/news/vi/withdrawn.mdx': 'withdrawn',
      'content/news/vi/unpublished.mdx': 'unpublished',
      'content/news/vi/scheduled.mdx': 'scheduled',
      'content/news/vi/register.mdx': 'unanswered',
    };
    const all = Object.keys(states).map((file) => gap(path.basename(file, '.mdx')));
    const met = gapsReadersMeet({ missing: all, stale: all }, (original) => states[original]!);
    expect(met.missing.map((g) => g.original)).toEqual(['content/news/vi/shown.mdx', 'content/news/vi/withdrawn.mdx']);
    expect(met.stale).toEqual(met.missing);
  });
});
