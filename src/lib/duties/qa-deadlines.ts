/**
 * The deadlines of one question's life (docs/duties.md): for each step —
 * classification, report back, answer, publication — the rule of
 * content/governance/qa-deadlines.yml that governs it (with its article), its
 * due moment in working days by the working-day calendar, its state, and the
 * units responsible; or why no deadline applies. Pure: the calendar, the
 * rules and the present moment are arguments.
 */
import { addWorkingDays, workingDaysBetween, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import { qaChannels, type QaChannel } from '../schema/collections.ts';
import type { Bilingual } from '../schema/fields.ts';
import { isUnrecorded } from './history-begins.ts';
import {
  classificationStates,
  countingStarts,
  QA_STEPS,
  type Citation,
  type ClassificationState,
  type QaDeadlineRule,
  type QaDeadlineRules,
  type QaStep,
} from './qa-deadline-rules.ts';

/** A question's life as the register records it (the contract of issue 12; mapped from the Q&A entry by qa-lifecycle.ts). */
export interface QaLifecycle {
  channel: QaChannel;
  received: VietnamDateTime;
  classified?: { at: VietnamDateTime; result: 'in-scope' | 'out-of-scope' | 'unclear'; reported_back?: VietnamDateTime | undefined } | undefined;
  routed_to: string[];
  answered?: VietnamDateTime | undefined;
  /** From the publication history (first time it went live), when it has one. */
  published?: VietnamDateTime | undefined;
}

/**
 * Done on time, done late, not done and not yet past its due moment, not done
 * and past it; or done, but due before the publication history began, so when
 * it was done is not recorded (src/lib/duties/history-begins.ts).
 */
export type StepState = 'on-time' | 'late' | 'due' | 'overdue' | 'unrecorded';

export interface QaDeadlineOptions {
  /**
   * When the publication history of the Q&A collection begins: a publication
   * due before then and recorded when the history began is `unrecorded` (the
   * first commit carrying it is the import, not the publication); one first
   * recorded later was not on the portal until then. Unknown: every
   * publication is judged by the history.
   */
  historyBegins?: VietnamDateTime | undefined;
}

export type StepDeadline =
  | {
      step: QaStep;
      kind: 'deadline';
      rule: QaDeadlineRule;
      /** The moment the deadline counts from (the question's receipt, its classification, or the answer). */
      from: VietnamDateTime;
      due: VietnamDateTime;
      /** The earlier mark the text names besides the deadline (portal classification: 2 of 2–5 working days). */
      target?: VietnamDateTime | undefined;
      done?: VietnamDateTime | undefined;
      /** Working days the step took (0: the day it counts from), when done. */
      took?: number | undefined;
      state: StepState;
      /** When the history began, for an `unrecorded` step (then `done` and `took` are absent: they are not known). */
      historyBegins?: VietnamDateTime | undefined;
      /** The units that must act: the rule's, or the units the question was routed to. */
      units: string[];
    }
  /** The rule counts from a moment that has not come yet (publication: from the answer). */
  | { step: QaStep; kind: 'waiting'; rule: QaDeadlineRule; why: Bilingual }
  /** The step has rules, but none for this question as it stands (e.g. no report back for a question in scope). */
  | { step: QaStep; kind: 'not-applicable'; why: Bilingual }
  /** The regulations set no deadline for this channel and step. */
  | { step: QaStep; kind: 'no-deadline'; why: Bilingual; cites?: Citation | undefined };

/** The moment each step was done, when it was. */
function doneAt(entry: QaLifecycle, step: QaStep): VietnamDateTime | undefined {
  switch (step) {
    case 'classification':
      return entry.classified?.at;
    case 'report-back':
      return entry.classified?.reported_back;
    case 'answer':
      return entry.answered;
    case 'publication':
      return entry.published;
  }
}

const classificationOf = (entry: QaLifecycle): ClassificationState => entry.classified?.result ?? 'pending';
const unitsOf = (entry: QaLifecycle): string[] => [...new Set(entry.routed_to)];

function applies(rule: QaDeadlineRule, entry: QaLifecycle): boolean {
  const when = rule.when;
  if (when?.classification && !when.classification.includes(classificationOf(entry))) return false;
  const n = unitsOf(entry).length;
  if (when?.units && (n < when.units.min || (when.units.max !== undefined && n > when.units.max))) return false;
  return true;
}

/** `when` in words: “questions not yet classified or in scope, routed to 2 units or more”. */
function describeWhen(when: QaDeadlineRule['when']): Bilingual {
  const parts: Bilingual[] = [];
  if (when?.classification) {
    parts.push({
      vi: when.classification.map((c) => classificationStates[c].vi).join(' hoặc '),
      en: when.classification.map((c) => classificationStates[c].en).join(' or '),
    });
  }
  const u = when?.units;
  if (u) {
    const range =
      u.max === undefined
        ? { vi: `từ ${u.min} đơn vị trở lên`, en: `${u.min} unit${u.min === 1 ? '' : 's'} or more` }
        : u.max === u.min
          ? { vi: `${u.min} đơn vị`, en: `${u.min} unit${u.min === 1 ? '' : 's'}` }
          : { vi: `${u.min}–${u.max} đơn vị`, en: `${u.min}–${u.max} units` };
    parts.push({ vi: `được chuyển tới ${range.vi}`, en: `routed to ${range.en}` });
  }
  if (parts.length === 0) return { vi: 'mọi câu hỏi', en: 'every question' };
  return { vi: `câu hỏi ${parts.map((p) => p.vi).join(', ')}`, en: `questions ${parts.map((p) => p.en).join(', ')}` };
}

function notApplicable(step: QaStep, rules: QaDeadlineRule[], entry: QaLifecycle): StepDeadline {
  const n = unitsOf(entry).length;
  const state = classificationStates[classificationOf(entry)];
  const conditions = rules.map((r) => describeWhen(r.when));
  return {
    step,
    kind: 'not-applicable',
    why: {
      vi: `Thời hạn của bước này chỉ áp dụng cho ${conditions.map((c) => c.vi).join('; cho ')}; câu hỏi này ${state.vi}, được chuyển tới ${n} đơn vị.`,
      en: `This step's deadline applies only to ${conditions.map((c) => c.en).join('; to ')}; this question is ${state.en}, routed to ${n} unit${n === 1 ? '' : 's'}.`,
    },
  };
}

function stepDeadline(step: QaStep, entry: QaLifecycle, calendar: WorkingCalendar, rules: QaDeadlineRules, now: VietnamDateTime, options: QaDeadlineOptions): StepDeadline {
  const none = rules.no_deadline.find((n) => n.channel === entry.channel && (n.steps === undefined || n.steps.includes(step)));
  if (none) return { step, kind: 'no-deadline', why: none.why, cites: none.cites };
  const candidates = rules.rules.filter((r) => r.channel === entry.channel && r.step === step);
  // The rules file's schema lets no channel and step go unsaid; rules built otherwise still get an answer, not a guess.
  if (candidates.length === 0) {
    return {
      step,
      kind: 'no-deadline',
      why: {
        vi: `Các quy tắc thời hạn không có quy tắc nào cho bước này của kênh “${qaChannels[entry.channel].vi}”.`,
        en: `The deadline rules have no rule for this step of the channel “${qaChannels[entry.channel].en}”.`,
      },
    };
  }
  const rule = candidates.find((r) => applies(r, entry));
  if (!rule) return notApplicable(step, candidates, entry);
  const from = rule.counts_from === 'received' ? entry.received : rule.counts_from === 'classified' ? entry.classified?.at : entry.answered;
  if (from === undefined) {
    const not = rule.counts_from === 'classified' ? { vi: 'chưa được phân loại', en: 'not classified yet' } : { vi: 'chưa được trả lời', en: 'not answered yet' };
    return {
      step,
      kind: 'waiting',
      rule,
      why: { vi: `Thời hạn tính ${countingStarts[rule.counts_from].vi}; câu hỏi ${not.vi}.`, en: `The deadline counts ${countingStarts[rule.counts_from].en}; the question is ${not.en}.` },
    };
  }
  const due = addWorkingDays(calendar, from, rule.working_days);
  const target = rule.target_working_days === undefined ? undefined : addWorkingDays(calendar, from, rule.target_working_days);
  const routed = unitsOf(entry);
  const units = rule.responsible.routed && routed.length > 0 ? routed : (rule.responsible.units ?? []);
  const done = doneAt(entry, step);
  // Only the publication's moment comes from the history; the entry records the other steps' moments itself.
  // A publication the history records at its very beginning (the import) and that fell due before then: when it happened is not known.
  if (step === 'publication' && done !== undefined && isUnrecorded(due, options.historyBegins) && done <= options.historyBegins!) {
    return { step, kind: 'deadline', rule, from, due, target, state: 'unrecorded', historyBegins: options.historyBegins, units };
  }
  const state: StepState = done !== undefined ? (done <= due ? 'on-time' : 'late') : now <= due ? 'due' : 'overdue';
  return {
    step,
    kind: 'deadline',
    rule,
    from,
    due,
    target,
    done,
    took: done === undefined ? undefined : workingDaysBetween(calendar, from, done),
    state,
    units,
  };
}

/**
 * The entry as it stood at `now`: what happened later had not happened yet
 * (so a past day can be replayed with `now`).
 */
export function lifecycleAt(entry: QaLifecycle, now: VietnamDateTime): QaLifecycle {
  const by = (m: VietnamDateTime | undefined) => (m !== undefined && m <= now ? m : undefined);
  const classified = entry.classified && by(entry.classified.at) ? { ...entry.classified, reported_back: by(entry.classified.reported_back) } : undefined;
  return { ...entry, classified, answered: by(entry.answered), published: by(entry.published) };
}

/**
 * Each step of `entry`'s life with its deadline (or why it has none), in the
 * order of the steps, as it stood at `now`: `now` decides between due and
 * overdue for steps not done, and what was done after `now` counts as not
 * done. Throws the calendar's MissingCalendarYear when a moment falls in a
 * year without calendar data. A publication due before `options.historyBegins`
 * is `unrecorded`.
 */
export function qaDeadlines(entry: QaLifecycle, calendar: WorkingCalendar, rules: QaDeadlineRules, now: VietnamDateTime, options: QaDeadlineOptions = {}): StepDeadline[] {
  const known = lifecycleAt(entry, now);
  return QA_STEPS.map((step) => stepDeadline(step, known, calendar, rules, now, options));
}
