/**
 * qaDeadlines on the real rules (content/governance/qa-deadlines.yml) and the
 * real working calendar (content/calendar/2026.yml, office hours 07:30–17:00
 * of content/site.yml). 2026: Tết off Mon 16 – Fri 20 February; Giỗ Tổ off
 * Mon 27 April; 30/4–1/5 off Thursday and Friday.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MissingCalendarYear, type WorkingCalendar } from '../calendar/index.ts';
import { loadWorkingCalendar } from '../calendar/read-calendar.ts';
import type { QaDeadlineRules } from './qa-deadline-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from './qa-deadlines-file.ts';
import { qaDeadlines, type QaLifecycle, type StepDeadline } from './qa-deadlines.ts';

const CSC = 'trung-tam-dich-vu-ho-tro-cham-soc-khach-hang';
let calendar: WorkingCalendar;
let rules: QaDeadlineRules;

beforeAll(async () => {
  calendar = await loadWorkingCalendar();
  rules = validateQaDeadlinesFile(readFileSync(QA_DEADLINES_FILE, 'utf8')).rules!;
});

const portal = (life: Partial<QaLifecycle> & { received: string }): QaLifecycle => ({ channel: 'portal', routed_to: [], ...life });

/** One step of the entry's deadlines. */
function step(entry: QaLifecycle, name: StepDeadline['step'], now = '2026-12-31T12:00'): StepDeadline {
  return qaDeadlines(entry, calendar, rules, now).find((s) => s.step === name)!;
}

/** The deadline fields that matter, for a step that has one. */
function deadline(s: StepDeadline) {
  if (s.kind !== 'deadline') throw new Error(`expected a deadline, got ${s.kind}: ${JSON.stringify(s)}`);
  return { rule: s.rule.id, from: s.from, due: s.due, state: s.state, took: s.took, units: s.units, ...(s.target ? { target: s.target } : {}) };
}

describe('qaDeadlines: a question on the portal (portal regulation Art. 11.1 a)', () => {
  it('received at 17:45 on the Friday before Tết 2026 counts from Monday 23 February, after the holiday', () => {
    const entry = portal({ received: '2026-02-13T17:45' });
    const steps = qaDeadlines(entry, calendar, rules, '2026-02-23T08:00');
    expect(steps.map((s) => [s.step, s.kind])).toEqual([
      ['classification', 'deadline'],
      ['report-back', 'not-applicable'],
      ['answer', 'deadline'],
      ['publication', 'waiting'],
    ]);
    // Within 2 to 5 working days of Monday 23/2: the 5th working day is Monday 2/3, the 2nd Wednesday 25/2.
    expect(deadline(steps[0]!)).toEqual({ rule: 'portal-classification', from: '2026-02-13T17:45', due: '2026-03-02T17:00', target: '2026-02-25T17:00', state: 'due', took: undefined, units: [CSC] });
    expect(deadline(steps[2]!)).toEqual({ rule: 'portal-answer', from: '2026-02-13T17:45', due: '2026-03-04T17:00', state: 'due', took: undefined, units: [CSC] });
    // The same question an hour earlier, inside office hours, counts from Friday itself: the holiday week is skipped.
    expect(deadline(step(portal({ received: '2026-02-13T16:45' }), 'classification', '2026-02-13T17:00')).due).toBe('2026-02-27T17:00');
    // Out of scope: reported back on Monday 23/2 at the close, not on the Friday evening.
    const outOfScope = portal({ received: '2026-02-13T17:45', classified: { at: '2026-02-23T08:10', result: 'out-of-scope', reported_back: '2026-02-23T09:00' } });
    expect(deadline(step(outOfScope, 'report-back'))).toEqual({ rule: 'portal-report-back', from: '2026-02-13T17:45', due: '2026-02-23T17:00', state: 'on-time', took: 0, units: [CSC] });
  });

  it('gives 10 working days when several units are consulted, 7 with one; across Giỗ Tổ and 30/4–1/5', () => {
    const several = portal({ received: '2026-04-20T10:00', classified: { at: '2026-04-21T09:00', result: 'in-scope' }, routed_to: ['bhxh-thanh-pho-ha-noi', 'van-phong'] });
    expect(deadline(step(several, 'answer', '2026-05-06T09:00'))).toEqual({
      rule: 'portal-answer-several-units',
      from: '2026-04-20T10:00',
      due: '2026-05-07T17:00',
      state: 'due',
      took: undefined,
      units: ['bhxh-thanh-pho-ha-noi', 'van-phong'],
    });
    const one = { ...several, routed_to: ['van-phong'] };
    expect(deadline(step(one, 'answer', '2026-05-06T09:00'))).toMatchObject({ rule: 'portal-answer', due: '2026-05-04T17:00', state: 'overdue', units: ['van-phong'] });
    // A unit listed twice is one unit.
    expect(deadline(step({ ...several, routed_to: ['van-phong', 'van-phong'] }, 'answer'))).toMatchObject({ rule: 'portal-answer', units: ['van-phong'] });
  });

  it('reports an out-of-scope question back the same day: on time that day, late the next day or after the close', () => {
    const classified = { at: '2026-03-10T10:00', result: 'out-of-scope' as const };
    const sameDay = portal({ received: '2026-03-10T09:00', classified: { ...classified, reported_back: '2026-03-10T16:00' } });
    expect(deadline(step(sameDay, 'report-back'))).toMatchObject({ due: '2026-03-10T17:00', state: 'on-time', took: 0 });
    expect(deadline(step(portal({ received: '2026-03-10T09:00', classified: { ...classified, reported_back: '2026-03-11T08:00' } }), 'report-back'))).toMatchObject({ state: 'late', took: 1 });
    expect(deadline(step(portal({ received: '2026-03-10T09:00', classified: { ...classified, reported_back: '2026-03-10T17:30' } }), 'report-back'))).toMatchObject({ state: 'late', took: 1 });
    // Received after the close: the same day is the next working day.
    expect(deadline(step(portal({ received: '2026-03-10T18:00', classified: { ...classified, reported_back: '2026-03-11T09:00' } }), 'report-back'))).toMatchObject({ due: '2026-03-11T17:00', state: 'on-time', took: 0 });
    // Not yet reported back: due that day, overdue after the close.
    const pending = portal({ received: '2026-03-10T09:00', classified: { at: '2026-03-10T10:00', result: 'unclear' } });
    expect(deadline(step(pending, 'report-back', '2026-03-10T16:59')).state).toBe('due');
    expect(deadline(step(pending, 'report-back', '2026-03-10T17:01')).state).toBe('overdue');
    // An out-of-scope question is not answered by a unit: the answer step does not apply, and says why.
    const answer = step(sameDay, 'answer');
    expect(answer).toEqual({
      step: 'answer',
      kind: 'not-applicable',
      why: {
        vi: 'Thời hạn của bước này chỉ áp dụng cho câu hỏi chưa phân loại hoặc thuộc phạm vi, được chuyển tới 0–1 đơn vị; cho câu hỏi chưa phân loại hoặc thuộc phạm vi, được chuyển tới từ 2 đơn vị trở lên; câu hỏi này ngoài phạm vi, được chuyển tới 0 đơn vị.',
        en: "This step's deadline applies only to questions not yet classified or in scope, routed to 0–1 units; to questions not yet classified or in scope, routed to 2 units or more; this question is out of scope, routed to 0 units.",
      },
    });
    // In scope: no report back is owed.
    expect(step(portal({ received: '2026-03-10T09:00', classified: { at: '2026-03-10T10:00', result: 'in-scope' } }), 'report-back').kind).toBe('not-applicable');
  });

  it('an open question is due, then overdue once `now` is past its due moment (the due moment itself is still in time)', () => {
    const open = portal({ received: '2026-03-02T09:00' });
    const at = (now: string) => qaDeadlines(open, calendar, rules, now).flatMap((s) => (s.kind === 'deadline' ? [[s.step, s.due, s.state]] : []));
    expect(at('2026-03-05T10:00')).toEqual([
      ['classification', '2026-03-09T17:00', 'due'],
      ['answer', '2026-03-11T17:00', 'due'],
    ]);
    expect(at('2026-03-10T09:00')).toEqual([
      ['classification', '2026-03-09T17:00', 'overdue'],
      ['answer', '2026-03-11T17:00', 'due'],
    ]);
    expect(at('2026-03-11T17:00')[1]).toEqual(['answer', '2026-03-11T17:00', 'due']);
    expect(at('2026-03-11T17:01')[1]).toEqual(['answer', '2026-03-11T17:00', 'overdue']);
    // Replaying a past day: what was done after `now` had not been done yet.
    const answeredLater = { ...open, classified: { at: '2026-03-03T09:00', result: 'in-scope' as const }, answered: '2026-03-10T10:00' };
    expect(qaDeadlines(answeredLater, calendar, rules, '2026-03-02T12:00').map((s) => (s.kind === 'deadline' ? s.state : s.kind))).toEqual(['due', 'not-applicable', 'due', 'waiting']);
    expect(qaDeadlines(answeredLater, calendar, rules, '2026-03-10T12:00').map((s) => (s.kind === 'deadline' ? s.state : s.kind))).toEqual(['on-time', 'not-applicable', 'on-time', 'due']);
    expect(step(open, 'publication')).toMatchObject({
      kind: 'waiting',
      why: { vi: 'Thời hạn tính kể từ khi nhận câu trả lời; câu hỏi chưa được trả lời.', en: 'The deadline counts from receipt of the answer; the question is not answered yet.' },
    });
  });

  it('an answer after its deadline is late; publication counts from the answer and is on time within 2 working days', () => {
    const late = portal({
      received: '2026-03-02T09:00',
      classified: { at: '2026-03-03T09:00', result: 'in-scope' },
      routed_to: ['van-phong'],
      answered: '2026-03-12T10:00',
      published: '2026-03-13T09:00',
    });
    const steps = qaDeadlines(late, calendar, rules, '2026-03-20T09:00');
    expect(deadline(steps[0]!)).toMatchObject({ state: 'on-time', took: 1 });
    expect(deadline(steps[2]!)).toMatchObject({ due: '2026-03-11T17:00', state: 'late', took: 8, units: ['van-phong'] });
    expect(deadline(steps[3]!)).toEqual({ rule: 'portal-publication', from: '2026-03-12T10:00', due: '2026-03-16T17:00', state: 'on-time', took: 1, units: [CSC] });
    // Done exactly at the due moment is on time.
    expect(deadline(step({ ...late, answered: '2026-03-11T17:00' }, 'answer')).state).toBe('on-time');
  });

  it('publication later than 2 working days after the answer is late; not yet published it is due, then overdue', () => {
    const answered = portal({ received: '2026-03-02T09:00', classified: { at: '2026-03-02T10:00', result: 'in-scope' }, answered: '2026-03-04T15:00' });
    expect(deadline(step({ ...answered, published: '2026-03-09T08:00' }, 'publication'))).toMatchObject({ due: '2026-03-06T17:00', state: 'late', took: 3 });
    expect(deadline(step(answered, 'publication', '2026-03-06T16:00')).state).toBe('due');
    expect(deadline(step(answered, 'publication', '2026-03-09T07:30')).state).toBe('overdue');
  });

  it('with the other reading of “from receipt” (counts_from: classified), the answer counts from the routing, and waits for it', () => {
    const fromRouting: QaDeadlineRules = { ...rules, rules: rules.rules.map((r) => (r.id === 'portal-answer' ? { ...r, counts_from: 'classified' as const } : r)) };
    const routed = portal({ received: '2026-03-02T09:00', classified: { at: '2026-03-06T10:00', result: 'in-scope' }, routed_to: ['van-phong'] });
    const [answer] = qaDeadlines(routed, calendar, fromRouting, '2026-03-09T09:00').filter((s) => s.step === 'answer');
    expect(deadline(answer!)).toMatchObject({ from: '2026-03-06T10:00', due: '2026-03-17T17:00', state: 'due' });
    expect(qaDeadlines(portal({ received: '2026-03-02T09:00' }), calendar, fromRouting, '2026-03-03T09:00')[2]).toMatchObject({
      kind: 'waiting',
      why: {
        vi: 'Thời hạn tính kể từ khi câu hỏi được phân loại, chuyển đến đơn vị; câu hỏi chưa được phân loại.',
        en: 'The deadline counts from the classification and routing of the question; the question is not classified yet.',
      },
    });
  });

  it('a moment in a year without calendar data is an error naming the file to add, never a guess', () => {
    expect(() => qaDeadlines(portal({ received: '2031-03-03T09:00' }), calendar, rules, '2031-03-03T10:00')).toThrow(MissingCalendarYear);
    expect(() => qaDeadlines(portal({ received: '2031-03-03T09:00' }), calendar, rules, '2031-03-03T10:00')).toThrow('content/calendar/2031.yml');
  });
});

describe('qaDeadlines: a question on Zalo (Decision 1624 Art. 13.2)', () => {
  const zalo = (routed_to: string[], answered?: string): QaLifecycle => ({ channel: 'zalo', received: '2026-03-09T09:00', routed_to, answered });

  it('gives 3 working days with one unit, 4 with two, 5 with three or more', () => {
    expect(deadline(step(zalo(['van-phong']), 'answer'))).toMatchObject({ rule: 'zalo-answer-one-unit', due: '2026-03-12T17:00' });
    expect(deadline(step(zalo(['van-phong', 'vu-hop-tac-quoc-te']), 'answer'))).toMatchObject({ rule: 'zalo-answer-two-units', due: '2026-03-13T17:00' });
    const three = ['van-phong', 'vu-hop-tac-quoc-te', 'trung-tam-cong-nghe-thong-tin'];
    expect(deadline(step(zalo(three, '2026-03-16T16:30'), 'answer'))).toEqual({
      rule: 'zalo-answer-three-units',
      from: '2026-03-09T09:00',
      due: '2026-03-16T17:00',
      state: 'on-time',
      took: 5,
      units: three,
    });
    expect(deadline(step(zalo([...three, 'bhxh-tinh-khanh-hoa'], '2026-03-17T08:00'), 'answer'))).toMatchObject({ rule: 'zalo-answer-three-units', state: 'late', took: 6 });
  });

  it('sets no working-day deadline while no unit is consulted, nor for classification, report back or publication', () => {
    expect(step(zalo([]), 'answer')).toEqual({
      step: 'answer',
      kind: 'not-applicable',
      why: {
        vi: 'Thời hạn của bước này chỉ áp dụng cho câu hỏi được chuyển tới 1 đơn vị; cho câu hỏi được chuyển tới 2 đơn vị; cho câu hỏi được chuyển tới từ 3 đơn vị trở lên; câu hỏi này chưa phân loại, được chuyển tới 0 đơn vị.',
        en: "This step's deadline applies only to questions routed to 1 unit; to questions routed to 2 units; to questions routed to 3 units or more; this question is not yet classified, routed to 0 units.",
      },
    });
    for (const name of ['classification', 'report-back', 'publication'] as const) {
      const s = step(zalo(['van-phong']), name);
      expect(s.kind).toBe('no-deadline');
      if (s.kind === 'no-deadline') expect([s.cites?.document, s.cites?.article, s.cites?.clause]).toEqual(['1624-qd-bhxh', 13, 1]);
    }
  });
});

describe('qaDeadlines: channels without rules', () => {
  it('rules that say nothing about a step (built outside the schema) give “no deadline”, never a guess', () => {
    const bare: QaDeadlineRules = { ...rules, rules: rules.rules.filter((r) => r.channel !== 'zalo'), no_deadline: [] };
    expect(qaDeadlines({ channel: 'zalo', received: '2026-03-09T09:00', routed_to: ['van-phong'] }, calendar, bare, '2026-03-10T09:00')[2]).toEqual({
      step: 'answer',
      kind: 'no-deadline',
      why: { vi: 'Các quy tắc thời hạn không có quy tắc nào cho bước này của kênh “Zalo (tài khoản chính thức)”.', en: 'The deadline rules have no rule for this step of the channel “Zalo (official account)”.' },
    });
  });

  it.each(['email', 'phone', 'in-person'] as const)('%s: every step says that no deadline applies, and why', (channel) => {
    const steps = qaDeadlines({ channel, received: '2026-03-09T09:00', routed_to: ['van-phong'] }, calendar, rules, '2026-12-01T09:00');
    expect(steps.map((s) => [s.step, s.kind])).toEqual([
      ['classification', 'no-deadline'],
      ['report-back', 'no-deadline'],
      ['answer', 'no-deadline'],
      ['publication', 'no-deadline'],
    ]);
    const why = (steps[0] as Extract<StepDeadline, { kind: 'no-deadline' }>).why;
    expect(why.en).toContain('set deadlines only for questions sent through the portal and through Zalo');
    expect(why.vi).toContain('chỉ đặt thời hạn cho câu hỏi gửi qua Cổng và qua Zalo');
  });
});

describe('qaDeadlines: what the publication history cannot know', () => {
  // The content came into Git on 22/11/2026 (the import): every answer already on the old portal "went live" then.
  const historyBegins = '2026-11-22T12:17';
  const answeredInFebruary = portal({
    received: '2026-02-02T09:00',
    classified: { at: '2026-02-03T09:00', result: 'in-scope' },
    routed_to: ['van-phong'],
    answered: '2026-02-05T15:00',
    published: historyBegins,
  });

  it('a publication due before the history begins is unrecorded, not late: the history only knows what happened after it began', () => {
    // Without knowing when the history began, the import reads as a publication ten months late.
    expect(deadline(step(answeredInFebruary, 'publication', '2026-12-02T10:00'))).toMatchObject({ state: 'late' });
    const known = qaDeadlines(answeredInFebruary, calendar, rules, '2026-12-02T10:00', { historyBegins }).find((x) => x.step === 'publication')!;
    expect(known).toMatchObject({ kind: 'deadline', due: '2026-02-09T17:00', state: 'unrecorded', historyBegins });
    // The import is not the publication: no publication moment, no working days taken.
    expect(known).not.toHaveProperty('done');
    expect(known).not.toHaveProperty('took');
    // The steps the entry itself records keep their states.
    expect(qaDeadlines(answeredInFebruary, calendar, rules, '2026-12-02T10:00', { historyBegins }).find((x) => x.step === 'answer')).toMatchObject({ state: 'on-time' });
  });

  it('a publication due after the history began is judged by the history; one not published at all is still overdue', () => {
    // Answered on the day off of 24/11/2026 (Vietnamese Culture Day): counted from Wednesday 25/11, due Friday 27/11.
    const recent = portal({ ...answeredInFebruary, received: '2026-11-23T09:00', classified: { at: '2026-11-23T10:00', result: 'in-scope' }, answered: '2026-11-24T10:00', published: '2026-11-30T09:00' });
    expect(qaDeadlines(recent, calendar, rules, '2026-12-02T10:00', { historyBegins }).find((x) => x.step === 'publication')).toMatchObject({ due: '2026-11-27T17:00', state: 'late' });
    // Answered in February but first committed on 25/11, after the history began: not on the portal until then, so late.
    expect(qaDeadlines({ ...answeredInFebruary, published: '2026-11-25T09:00' }, calendar, rules, '2026-12-02T10:00', { historyBegins }).find((x) => x.step === 'publication')).toMatchObject({ state: 'late' });
    const never = { ...answeredInFebruary, published: undefined };
    expect(qaDeadlines(never, calendar, rules, '2026-12-02T10:00', { historyBegins }).find((x) => x.step === 'publication')).toMatchObject({ state: 'overdue' });
  });
});
