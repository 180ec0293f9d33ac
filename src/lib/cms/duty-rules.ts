/**
 * /admin/duty-rules.json: what the CMS preview of a Q&A entry needs to show
 * its deadlines (src/lib/cms/qa-preview-rows.ts) — the calendar's years and
 * the office hours, the Q&A deadline rules, and when each answered question
 * first went live — as the build's loaders parsed them from
 * content/calendar/*.yml, content/site.yml and
 * content/governance/qa-deadlines.yml (src/pages/admin/duty-rules.json.ts).
 * The browser never parses these files itself.
 */
import { workingCalendar, type CalendarYear, type OfficeHours, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import type { QaDeadlineRules } from '../duties/qa-deadline-rules.ts';

export interface DutyRules {
  calendar: { years: CalendarYear[]; officeHours: OfficeHours };
  qa: QaDeadlineRules;
  /** First publication of each Q&A entry, by its slug (the publication history, as `npm run duties` reads it). */
  published: Record<string, VietnamDateTime>;
  /** False when the content was built outside a git repository: no answer is known to be published. */
  historyKnown: boolean;
  /** When the Q&A collection's publication history begins (src/lib/duties/history-begins.ts), when known. */
  historyBegins?: VietnamDateTime;
}

export const DUTY_RULES_PATH = '/admin/duty-rules.json';

/** The working calendar of the JSON's plain data. */
export function calendarOfDutyRules(rules: DutyRules): WorkingCalendar {
  return workingCalendar(rules.calendar.years, rules.calendar.officeHours);
}
