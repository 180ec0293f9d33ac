/**
 * The Q&A preview's deadlines table on the real calendar and rules, carried
 * as /admin/duty-rules.json carries them (plain JSON). Checked by hand against
 * content/calendar/2026.yml: 2026-11-23 is a Monday, Tuesday 24 November is
 * Vietnamese Culture Day (off), so the portal's 7 working days from a receipt
 * at 10:05 are 25, 26, 27, 30 November, 1, 2, 3 December: due Thursday
 * 3 December at the close of office hours, 17:00.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingCalendarYear, type WorkingCalendar } from '../calendar/index.ts';
import { loadCalendarData, loadWorkingCalendar } from '../calendar/read-calendar.ts';
import type { QaDeadlineRules } from '../duties/qa-deadline-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../duties/qa-deadlines-file.ts';
import { qaDeadlines } from '../duties/qa-deadlines.ts';
import { calendarOfDutyRules, type DutyRules } from './duty-rules.ts';
import { lifecycleOfForm, qaPreviewRows, qaPreviewTable, type QaPreviewRow } from './qa-preview-rows.ts';

let calendar: WorkingCalendar;
let rules: QaDeadlineRules;

beforeAll(async () => {
  const json: DutyRules = JSON.parse(
    JSON.stringify({ calendar: await loadCalendarData(), qa: validateQaDeadlinesFile(readFileSync(QA_DEADLINES_FILE, 'utf8')).rules!, published: {}, historyKnown: true }),
  ) as DutyRules;
  calendar = calendarOfDutyRules(json);
  rules = json.qa;
});

/** The form's values of content/qa/vi/luong-huu-khi-dong-bhxh-o-hai-tinh.mdx (open: classified, routed, not answered). */
const open = {
  title: 'Lương hưu được tính thế nào khi đã đóng BHXH ở hai tỉnh?',
  channel: 'portal',
  received: '2026-11-23T10:05',
  classified: { at: '2026-11-25T08:45', result: 'in-scope', reported_back: '' },
  routed_to: ['bhxh-viet-nam'],
  answered: null,
};

const row = (rows: QaPreviewRow[], step: QaPreviewRow['step']) => rows.find((r) => r.step === step)!;

function rowsOf(data: Record<string, unknown>, now: string, locale: 'vi' | 'en', published?: string): QaPreviewRow[] {
  const table = qaPreviewTable(data, published, calendar, rules, now, locale);
  if (table.kind !== 'rows') throw new Error(table.message);
  return table.rows;
}

describe('the JSON the CMS page fetches', () => {
  it('gives the same working calendar as the loader of npm run duties', async () => {
    const direct = await loadWorkingCalendar();
    const { addWorkingDays } = await import('../calendar/index.ts');
    for (const from of ['2026-02-13T17:45', '2026-04-29T09:00', '2026-08-31T16:00', '2026-12-31T10:00', '2027-03-05T12:00']) {
      for (const n of [0, 1, 5, 10]) expect(addWorkingDays(calendar, from, n)).toBe(addWorkingDays(direct, from, n));
    }
  });
});

describe('the deadlines of an open question', () => {
  it('shows the answer due on the 7th working day, overdue once that day has closed, with the article and the routed unit', () => {
    const vi = rowsOf(open, '2026-12-03T17:01', 'vi');
    expect(row(vi, 'answer')).toMatchObject({
      label: 'Trả lời',
      dueMoment: '2026-12-03T17:00',
      due: '03/12/2026 17:00',
      state: 'overdue',
      stateLabel: 'Quá hạn',
      units: ['bhxh-viet-nam'],
    });
    expect(row(vi, 'answer').article).toBe('Quy chế hoạt động Cổng Thông tin điện tử (dự thảo 2021), Điều 11, khoản 1, điểm a');
    const en = rowsOf(open, '2026-12-03T17:00', 'en');
    expect(row(en, 'answer')).toMatchObject({ label: 'Answer', due: '3 December 2026, 17:00', state: 'due', stateLabel: 'Due' });
    expect(row(en, 'answer').article).toBe('Portal regulation (2021 draft), Art. 11.1 a');
  });

  it('shows a step done in time as on time, with when it was done and how many working days it took', () => {
    const vi = rowsOf(open, '2026-12-02T19:22', 'vi');
    expect(row(vi, 'classification')).toMatchObject({ due: '01/12/2026 17:00', state: 'on-time', stateLabel: 'Đúng hạn', note: 'Xong lúc 25/11/2026 08:45 (1 ngày làm việc)' });
    expect(row(rowsOf(open, '2026-12-02T19:22', 'en'), 'classification').note).toBe('Done 25 November 2026, 08:45 (1 working day)');
  });

  it('says why a step has no due moment: not applicable, not counting yet, no deadline for the channel', () => {
    const vi = rowsOf(open, '2026-12-02T19:22', 'vi');
    expect(row(vi, 'report-back')).toMatchObject({ due: '—', state: 'not-applicable', stateLabel: 'Không áp dụng' });
    expect(row(vi, 'publication')).toMatchObject({ due: '—', state: 'waiting', stateLabel: 'Chưa bắt đầu tính hạn' });
    const email = rowsOf({ ...open, channel: 'email' }, '2026-12-02T19:22', 'en');
    expect(email.map((r) => r.state)).toEqual(['no-deadline', 'no-deadline', 'no-deadline', 'no-deadline']);
    expect(email[0]!.stateLabel).toBe('No deadline');
  });

  it('moves the due date when the received time changes: after hours counts from the next working day', () => {
    const later = rowsOf({ ...open, received: '2026-11-23T17:01' }, '2026-12-02T19:22', 'vi');
    expect(row(later, 'answer')).toMatchObject({ due: '04/12/2026 17:00', state: 'due' });
  });

  it('counts an answered question with its publication from the history: on time or late', () => {
    const answered = { ...open, answered: '2026-11-27T15:00' };
    const vi = rowsOf(answered, '2026-12-02T19:22', 'vi', '2026-12-02T09:00');
    expect(row(vi, 'answer')).toMatchObject({ state: 'on-time', due: '03/12/2026 17:00' });
    expect(row(vi, 'publication')).toMatchObject({ due: '01/12/2026 17:00', state: 'late', stateLabel: 'Trễ hạn' });
  });

  it('says a publication due before the Q&A history began is not recorded, and when the history began', () => {
    const answered = { ...open, answered: '2026-11-17T15:00' };
    const form = lifecycleOfForm(answered, '2026-11-22T12:17', 'vi');
    if (!('lifecycle' in form)) throw new Error(form.message);
    const vi = qaPreviewRows(form.lifecycle, calendar, rules, '2026-12-02T19:22', 'vi', '2026-11-22T12:17');
    expect(row(vi, 'publication')).toMatchObject({ state: 'unrecorded', stateLabel: 'Không có ghi nhận' });
    expect(row(vi, 'publication').note).toContain('22/11/2026');
    const en = qaPreviewRows(form.lifecycle, calendar, rules, '2026-12-02T19:22', 'en', '2026-11-22T12:17');
    expect(row(en, 'publication')).toMatchObject({ state: 'unrecorded', stateLabel: 'Not recorded' });
    // Without a known beginning, the history judges it: late.
    expect(row(qaPreviewRows(form.lifecycle, calendar, rules, '2026-12-02T19:22', 'vi'), 'publication').state).toBe('late');
  });

  it('agrees with qaDeadlines on every step', () => {
    const now = '2026-12-02T19:22';
    const form = lifecycleOfForm(open, undefined, 'vi');
    if (!('lifecycle' in form)) throw new Error(form.message);
    const expected = qaDeadlines(form.lifecycle, calendar, rules, now);
    const rows = qaPreviewRows(form.lifecycle, calendar, rules, now, 'vi');
    expect(rows.map((r) => [r.step, r.state, r.dueMoment])).toEqual(
      expected.map((s) => [s.step, s.kind === 'deadline' ? s.state : s.kind, s.kind === 'deadline' ? s.due : undefined]),
    );
  });
});

describe('a date the calendar has no data for', () => {
  it('shows the calendar’s message in the interface language instead of a date, for that step only', () => {
    const data = { ...open, received: '2027-12-30T10:00', classified: { at: '2027-12-30T11:00', result: 'out-of-scope' }, routed_to: [] };
    const missing = new MissingCalendarYear(2028, '2028-01-03');
    const vi = rowsOf(data, '2027-12-30T12:00', 'vi');
    expect(row(vi, 'report-back')).toMatchObject({ due: '30/12/2027 17:00', state: 'due' });
    const answer = row(rowsOf({ ...data, classified: undefined }, '2027-12-30T12:00', 'vi'), 'answer');
    expect(answer).toMatchObject({ state: 'calendar-missing', stateLabel: 'Chưa tính được' });
    expect(answer.due).toContain('Chưa có lịch ngày nghỉ năm 2028');
    expect(answer.due).toContain('content/calendar/2028.yml');
    expect(answer.dueMoment).toBeUndefined();
    const en = row(rowsOf({ ...data, classified: undefined }, '2027-12-30T12:00', 'en'), 'answer');
    expect(en.due.startsWith(missing.en.split('(')[0]!)).toBe(true);
    expect(en.due).not.toContain('Chưa');
  });
});

describe('the form as the editor fills it in', () => {
  it('asks for the channel and the time received before it can count', () => {
    expect(qaPreviewTable({ channel: 'portal', received: '' }, undefined, calendar, rules, '2026-12-02T12:00', 'vi')).toEqual({
      kind: 'incomplete',
      message: 'Điền kênh tiếp nhận và thời điểm tiếp nhận (dd/mm/yyyy hh:mm) để xem thời hạn.',
    });
    expect(qaPreviewTable({ received: '2026-11-23T10:05' }, undefined, calendar, rules, '2026-12-02T12:00', 'en')).toMatchObject({ kind: 'incomplete' });
  });

  it('names a moment still being typed instead of counting from it', () => {
    const table = qaPreviewTable({ ...open, answered: '27/11/2026 1' }, undefined, calendar, rules, '2026-12-02T12:00', 'en');
    expect(table).toEqual({ kind: 'incomplete', message: 'Answered at “27/11/2026 1” is not yet a moment dd/mm/yyyy hh:mm: correct that field to see the deadlines.' });
  });

  it('ignores a classification without its time or result, and empty units', () => {
    const form = lifecycleOfForm({ ...open, classified: { at: '', result: 'in-scope' }, routed_to: ['', 'bhxh-viet-nam'] }, undefined, 'vi');
    expect(form).toMatchObject({ lifecycle: { classified: undefined, routed_to: ['bhxh-viet-nam'] } });
  });
});
