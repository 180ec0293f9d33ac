/**
 * How long the agency took to answer a question, as readers see it on the
 * question's page: the working days between its receipt and its answer, by
 * the working-day calendar (src/lib/calendar/: a receipt after office hours or
 * on a day off counts from the next working day), in words.
 */
import { format, type UiStrings } from '../../i18n/index.ts';
import { MissingCalendarYear, UndeterminedCalendarDay, workingDaysBetween, type WorkingCalendar } from '../calendar/index.ts';

/**
 * The working days from `received` to `answered` (0: answered on the working
 * day the question counts from), or undefined when the calendar cannot say:
 * a year without its file, or days whose holidays are not yet announced (the
 * page then leaves the figure out — never a guess; `npm run duties` names the
 * file to add).
 */
export function answerWorkingDays(calendar: WorkingCalendar, received: string, answered: string): number | undefined {
  try {
    return workingDaysBetween(calendar, received, answered);
  } catch (error) {
    if (error instanceof MissingCalendarYear || error instanceof UndeterminedCalendarDay) return undefined;
    throw error;
  }
}

/** “Trả lời sau 3 ngày làm việc” / “Answered in 3 working days”. */
export function answerTimeWords(days: number, t: UiStrings): string {
  if (days === 0) return t.answeredSameDay;
  if (days === 1) return t.answeredInOneDay;
  return format(t.answeredInDays, { n: days });
}
