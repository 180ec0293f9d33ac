/**
 * Every pair of states an entry can go through (before × after), with what
 * the site does on each side and how the approval judge classifies the change
 * — the two readers of the one definition (./states.ts, ./transitions.ts).
 */
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../approval/classify.ts';
import type { ChangedFile } from '../approval/input.ts';
import { readEntryFile } from './entry-file.ts';
import { entryStates, siteBehaviour, stateOf, type EntryState } from './states.ts';
import { allTransitions, transitionOf } from './transitions.ts';

const NOW = '2026-11-22T10:00:00+07:00';
// A question: the one collection whose entries can be in every state, `unanswered` included.
const PATH = 'content/qa/vi/lich-tiep-cong-dan.mdx';
const ROLES = 'content/governance/roles.yml';

/** An entry's text in each state at NOW (null: no file). */
const answered = 'answered: 2026-10-05T15:00\nanswered_by: [van-phong]\n';
const lifecycle: Record<EntryState, string | null> = {
  absent: null,
  unanswered: '',
  scheduled: `${answered}publish_at: 2026-12-01T08:00:00+07:00\n`,
  published: `${answered}publish_at: 2026-11-01T08:00:00+07:00\n`,
  withdrawn: `${answered}withdrawn:\n  kind: withdraw\n  date: 2026-11-20\n  reason: Thông tin đã cũ.\n`,
  unpublished: `${answered}withdrawn:\n  kind: unpublish\n  date: 2026-11-20\n  reason: Đăng nhầm.\n`,
};
const text = (state: EntryState, body = 'Lãnh đạo tiếp công dân vào thứ Năm.') =>
  lifecycle[state] === null
    ? null
    : `---\ntitle: Lịch tiếp công dân?\nquestion: Lãnh đạo tiếp công dân vào ngày nào?\nasker:\n  initials: N.T.H.\n  province: Hà Nội\ntopic: tiep-can-thong-tin\nchannel: portal\nreceived: 2026-10-01T09:00\nclassified:\n  at: 2026-10-01T10:00\n  result: in-scope\nrouted_to: [van-phong]\n${lifecycle[state]}---\n\n${state === 'unanswered' ? '' : body}\n`;

/** The pull request that takes the entry from `from` to `to` (the text edited too when the state stays). */
function change(from: EntryState, to: EntryState): ChangedFile[] {
  const base = text(from);
  const head = text(to, from === to ? 'Lãnh đạo tiếp công dân vào thứ Năm và thứ Sáu.' : undefined);
  if (base === null && head === null) return [];
  const status = base === null ? 'added' : head === null ? 'removed' : 'modified';
  return [{ filename: PATH, status, base_content: base, head_content: head }];
}

/** What the site does in a state, in one word or a few: page, then listed / searchable. */
const site = (s: EntryState) => {
  const b = siteBehaviour[s];
  return [b.page, ...(b.listed ? ['listed'] : []), ...(b.searchable ? ['searchable'] : [])].join(' ');
};

// before, after, the transition's name, what readers lose, the judge's kinds (clearing an answer also removes the
// answer's text and units: a content change alongside the takedown).
const table: [EntryState, EntryState, string, string[], string[]][] = [
  ['absent', 'absent', 'none', [], []],
  ['absent', 'unanswered', 'register', [], ['content']],
  ['unanswered', 'absent', 'delete-unanswered', [], ['content']],
  ['unanswered', 'unanswered', 'edit-unanswered', [], ['content']],
  ['unanswered', 'scheduled', 'answer-scheduled', [], ['content']],
  ['unanswered', 'published', 'answer', [], ['content']],
  ['unanswered', 'withdrawn', 'answer-withdrawn', [], ['content']],
  ['unanswered', 'unpublished', 'answer-unpublished', [], ['content']],
  ['scheduled', 'unanswered', 'unanswer-scheduled', [], ['content']],
  ['published', 'unanswered', 'unanswer', ['address', 'text', 'listed', 'searchable'], ['content', 'takedown']],
  ['withdrawn', 'unanswered', 'unanswer-withdrawn', ['address', 'text'], ['content', 'takedown']],
  ['unpublished', 'unanswered', 'unanswer-unpublished', ['address'], ['content', 'takedown']],
  ['absent', 'scheduled', 'schedule', [], ['content']],
  ['absent', 'published', 'publish', [], ['content']],
  ['absent', 'withdrawn', 'add-withdrawn', [], ['content']],
  ['absent', 'unpublished', 'add-unpublished', [], ['content']],
  ['scheduled', 'absent', 'cancel', [], ['content']],
  ['scheduled', 'scheduled', 'edit-scheduled', [], ['content']],
  ['scheduled', 'published', 'publish-now', [], ['content']],
  ['scheduled', 'withdrawn', 'withdraw-scheduled', [], ['content']],
  ['scheduled', 'unpublished', 'unpublish-scheduled', [], ['content']],
  ['published', 'absent', 'delete', ['address', 'text', 'listed', 'searchable'], ['takedown']],
  ['published', 'scheduled', 'postpone', ['address', 'text', 'listed', 'searchable'], ['takedown']],
  ['published', 'published', 'edit', [], ['content']],
  ['published', 'withdrawn', 'withdraw', ['listed', 'searchable'], ['takedown']],
  ['published', 'unpublished', 'unpublish', ['text', 'listed', 'searchable'], ['takedown']],
  ['withdrawn', 'absent', 'delete-withdrawn', ['address', 'text'], ['takedown']],
  ['withdrawn', 'scheduled', 'postpone-withdrawn', ['address', 'text'], ['takedown']],
  ['withdrawn', 'published', 'reinstate', [], ['content']],
  ['withdrawn', 'withdrawn', 'edit-withdrawn', [], ['content']],
  ['withdrawn', 'unpublished', 'unpublish-withdrawn', ['text'], ['takedown']],
  ['unpublished', 'absent', 'delete-unpublished', ['address'], ['takedown']],
  ['unpublished', 'scheduled', 'postpone-unpublished', ['address'], ['takedown']],
  ['unpublished', 'published', 'republish', [], ['content']],
  ['unpublished', 'withdrawn', 'reinstate-withdrawn', [], ['content']],
  ['unpublished', 'unpublished', 'edit-unpublished', [], ['content']],
];

describe('every transition of an entry', () => {
  it('the table covers every pair of states once', () => {
    const pairs = table.map(([a, b]) => `${a}>${b}`);
    expect(new Set(pairs).size).toBe(entryStates.length ** 2);
    expect(allTransitions.map((t) => `${t.from}>${t.to}`).sort()).toEqual([...pairs].sort());
  });

  it('the sample texts are read in the intended states at the moment', () => {
    for (const s of entryStates) {
      const t = text(s);
      expect(t === null ? 'absent' : stateOf(readEntryFile(PATH, t)!.lifecycle, new Date(NOW)), s).toBe(s);
    }
  });

  it.each(table)('%s → %s: %s', (from, to, name, lost, kinds) => {
    const t = transitionOf(from, to);
    expect(t.name).toBe(name);
    expect(t.lost).toEqual(lost);
    expect(t.takesDown).toBe(lost.length > 0);
    // The site: what readers get on each side; they lose exactly what is not there any more.
    const before = site(from);
    const after = site(to);
    if (lost.includes('address')) expect(siteBehaviour[to].page).toBe('none');
    if (lost.includes('text')) expect(['none', 'removal-notice']).toContain(siteBehaviour[to].page);
    if (lost.includes('listed')) expect([before.includes('listed'), after.includes('listed')]).toEqual([true, false]);
    if (lost.includes('searchable')) expect([before.includes('searchable'), after.includes('searchable')]).toEqual([true, false]);
    // The judge: the same change in a pull request, decided at NOW.
    const c = classifyChanges(change(from, to), ROLES, NOW);
    expect(c.kinds).toEqual(kinds);
    if (kinds.includes('takedown')) expect(c.takedown).toEqual([{ path: PATH, transition: name, words: t.words }]);
  });

  it('says what each takedown does in both languages', () => {
    for (const t of allTransitions.filter((x) => x.takesDown)) {
      expect(t.words.vi.length > 0 && t.words.en.length > 0).toBe(true);
      expect(t.words.vi).toBe(t.words.vi.normalize('NFC'));
      if (t.to === 'absent') expect(t.renamed).toBeDefined();
    }
  });
});

describe('a translation, whose Vietnamese original governs', () => {
  const EN = 'content/qa/en/lich-tiep-cong-dan.mdx';
  it('changes state with its original in the same pull request, not with its own copies of the fields', () => {
    const en = (state: EntryState) => text(state, 'Citizens are received on Thursdays.');
    // The original is withdrawn; the English file only changes its reason: both pages are withdrawn.
    const both = classifyChanges(
      [
        { filename: PATH, status: 'modified', base_content: text('published'), head_content: text('withdrawn') },
        { filename: EN, status: 'modified', base_content: en('published'), head_content: en('withdrawn')!.replace('Thông tin đã cũ.', 'Out of date.') },
      ],
      ROLES,
      NOW,
    );
    expect(both.takedown.map((t) => [t.path, t.transition])).toEqual([
      [PATH, 'withdraw'],
      [EN, 'withdraw'],
    ]);
    // The English file alone marked withdrawn does nothing on the site: an edit.
    const alone = classifyChanges([{ filename: EN, status: 'modified', base_content: en('published'), head_content: en('withdrawn') }], ROLES, NOW);
    expect(alone.kinds).toEqual(['content']);
  });
});

const EN = 'content/qa/en/lich-tiep-cong-dan.mdx';

describe('the Q&A register', () => {
  it('only a question lacks an answer: an entry of another collection without `answered` is published', () => {
    const news = '---\ntitle: Lịch tiếp công dân\nsummary: Lịch.\ndate: 2026-10-01\ncolumn: tin-tuc-su-kien\nsection: hoat-dong-nganh\nauthor: Đặng Thu Trang\n---\n\nNội dung.\n';
    expect(stateOf(readEntryFile('content/news/vi/lich.mdx', news)!.lifecycle, new Date(NOW))).toBe('published');
  });

  it('a question whose answer time the CMS left empty is still unanswered', () => {
    const empty = text('unanswered')!.replace('routed_to:', "answered: ''\nrouted_to:");
    expect(stateOf(readEntryFile(PATH, empty)!.lifecycle, new Date(NOW))).toBe('unanswered');
  });

  it('registering a question with its translation changes nothing readers see, answering it publishes both', () => {
    const en = (state: EntryState) => text(state, 'Citizens are received on Thursdays.');
    const registered = classifyChanges(
      [
        { filename: PATH, status: 'added', base_content: null, head_content: text('unanswered') },
        { filename: EN, status: 'added', base_content: null, head_content: en('unanswered') },
      ],
      ROLES,
      NOW,
    );
    expect([registered.kinds, registered.takedown]).toEqual([['content'], []]);
    // The English file keeps its own copy of `answered`, which does not count: its original governs.
    const answeredOnlyInEnglish = classifyChanges(
      [
        { filename: PATH, status: 'modified', base_content: text('published'), head_content: text('unanswered') },
        { filename: EN, status: 'modified', base_content: en('published'), head_content: en('published') + '\n' },
      ],
      ROLES,
      NOW,
    );
    expect(answeredOnlyInEnglish.takedown.map((t) => [t.path, t.transition])).toEqual([
      [PATH, 'unanswer'],
      [EN, 'unanswer'],
    ]);
  });
});
