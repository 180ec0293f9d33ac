/** The working-day calendar (content/calendar/*.yml and the office hours of content/site.yml), read once per build. */
import { loadWorkingCalendar } from '../lib/calendar/read-calendar.ts';
import { answerWorkingDays } from '../lib/qa/answer-time.ts';
import type { WorkingCalendar } from '../lib/calendar/index.ts';
import { once } from './entries.ts';

export function getCalendar(): Promise<WorkingCalendar> {
  return once('calendar', () => loadWorkingCalendar());
}

/** How many working days an answered question took (undefined: not answered, or the calendar cannot say). */
export async function answerDaysOf(data: { received: string; answered?: string | undefined }): Promise<number | undefined> {
  return data.answered === undefined ? undefined : answerWorkingDays(await getCalendar(), data.received, data.answered);
}
