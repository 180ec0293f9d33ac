/**
 * The --all listing of the register on the real rules and calendar: every
 * question, each step's state, the count of the states.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../calendar/index.ts';
import { loadWorkingCalendar } from '../calendar/read-calendar.ts';
import type { QaRegisterEntry } from './duty-report.ts';
import type { QaDeadlineRules } from './qa-deadline-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from './qa-deadlines-file.ts';
import { formatRegister, registerRows, stateCounts } from './register-listing.ts';

let calendar: WorkingCalendar;
let rules: QaDeadlineRules;
beforeAll(async () => {
  calendar = await loadWorkingCalendar();
  rules = validateQaDeadlinesFile(readFileSync(QA_DEADLINES_FILE, 'utf8')).rules!;
});

const question = (slug: string, lifecycle: QaRegisterEntry['lifecycle'], sample = false): QaRegisterEntry => ({
  file: `content/qa/vi/${slug}.mdx`,
  title: { vi: `Câu hỏi ${slug}`, en: `Question ${slug}` },
  lifecycle,
  sample,
});
const classified = { at: '2026-11-02T09:00', result: 'in-scope' as const };
const entries = [
  // Answered on time in 2025, first recorded when the history began (the import, 1/10/2026): the publication is unrecorded.
  question('cu', { channel: 'portal', received: '2025-06-02T09:00', classified: { ...classified, at: '2025-06-02T10:00' }, routed_to: ['van-phong'], answered: '2025-06-04T10:00', published: '2026-10-01T08:00' }, true),
  // Answered late (7 working days from Monday 2/11: due Wednesday 11/11), published the next day.
  question('tre', { channel: 'portal', received: '2026-11-02T08:00', classified, routed_to: ['van-phong'], answered: '2026-11-13T10:00', published: '2026-11-16T09:00' }),
  // Still open.
  question('mo', { channel: 'portal', received: '2026-11-30T08:00', classified: { ...classified, at: '2026-11-30T09:00' }, routed_to: ['van-phong'] }),
  // Received after now: not in the register yet.
  question('sau', { channel: 'zalo', received: '2026-12-03T08:00', routed_to: [] }),
];

describe('the register listing (npm run duties -- --all)', () => {
  it('lists every question received by now, in order of receipt, with each step’s state', () => {
    const rows = registerRows(entries, calendar, rules, '2026-12-02T10:00', { historyBegins: '2026-10-01T08:00' });
    expect(rows.map((r) => [r.file.slice(14), r.steps.map((s) => s.listed)])).toEqual([
      ['cu.mdx', ['on-time', 'not-applicable', 'on-time', 'unrecorded']],
      ['tre.mdx', ['on-time', 'not-applicable', 'late', 'on-time']],
      ['mo.mdx', ['on-time', 'not-applicable', 'due', 'waiting']],
    ]);
    expect(stateCounts(rows)).toEqual([
      ['on-time', 5],
      ['late', 1],
      ['due', 1],
      ['unrecorded', 1],
      ['not-applicable', 3],
      ['waiting', 1],
    ]);
  });

  it('words it in each language: the count, the note on unrecorded, a sample entry marked', () => {
    const rows = registerRows(entries, calendar, rules, '2026-12-02T10:00', { historyBegins: '2026-10-01T08:00' });
    const en = formatRegister(rows, 'en', '2026-10-01T08:00');
    expect(en.slice(0, 3)).toEqual([
      '## The Q&A register: 3 questions, each step\'s state',
      '   on time: 5 · late: 1 · due: 1 · unrecorded: 1 · not applicable: 3 · not started: 1',
      '   unrecorded: published before the portal’s history begins (1 October 2026); the time is not recorded.',
    ]);
    expect(en).toContain('“Question cu” (content/qa/vi/cu.mdx) · The portal · received 2 June 2025, 09:00 · sample entry');
    expect(en).toContain('    Classification: on time (due 9 November 2026, 17:00, done 2 November 2026, 09:00) · Report back: not applicable · Answer: late (due 11 November 2026, 17:00, done 13 November 2026, 10:00) · Publication: on time (due 17 November 2026, 17:00, done 16 November 2026, 09:00)');
    const vi = formatRegister(rows, 'vi', '2026-10-01T08:00');
    expect(vi[1]).toBe('   đúng hạn: 5 · trễ hạn: 1 · đến hạn: 1 · không ghi nhận: 1 · không áp dụng: 3 · chưa bắt đầu tính: 1');
    expect(vi).toContain('    Phân loại: đúng hạn (hạn 07/12/2026 17:00, xong 30/11/2026 09:00) · Báo lại: không áp dụng · Trả lời: đến hạn (hạn 09/12/2026 17:00) · Đăng: chưa bắt đầu tính');
  });

  it('says so when there is no question, and leaves the note out when nothing is unrecorded', () => {
    expect(formatRegister([], 'vi', '2026-11-22T12:17')).toEqual(['## Sổ theo dõi hỏi đáp: 0 câu hỏi, trạng thái từng bước', '   Chưa có câu hỏi nào.', '']);
    const recent = registerRows(entries.slice(1), calendar, rules, '2026-12-02T10:00', { historyBegins: '2026-10-01T08:00' });
    expect(formatRegister(recent, 'en', '2026-10-01T08:00').join('\n')).not.toContain('unrecorded');
  });
});
