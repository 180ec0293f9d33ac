/**
 * The holiday calendar's year files, `content/calendar/<year>.yml`: checked
 * like every settings file (size, encoding, YAML, schema, with lines, in
 * Vietnamese and English) by the content check, and turned into the plain
 * data the working-day functions take (./working-days.ts). Pure.
 */
import type { ContentIssue } from '../content/issues.ts';
import { validateYamlFile } from '../content/yaml-file.ts';
import { calendarYearSchema, type CalendarYearFile } from '../schema/calendar.ts';
import type { CalendarYear } from './working-days.ts';

export const CALENDAR_FOLDER = 'content/calendar/';
const YEAR_FILE = /^content\/calendar\/(\d{4})\.yml$/;

/** Whether `file` (a path from the project root) lies in the calendar folder. */
export function isCalendarFile(file: string): boolean {
  return file.startsWith(CALENDAR_FOLDER);
}

/** The year file's data as the working-day functions take it. */
export function calendarYearOf(data: CalendarYearFile, file: string): CalendarYear {
  return {
    year: data.year,
    daysOff: data.holidays.flatMap((h) => h.days_off),
    saturdaysWorked: data.holidays.flatMap((h) => h.saturdays_worked),
    undetermined: data.holidays.flatMap((h) => (h.undetermined ? [{ ...h.undetermined, holiday: h.name, file }] : [])),
  };
}

/** One year file: its data when valid, and every problem found in it. */
export function validateCalendarFile(file: string, source: string): { data?: CalendarYearFile; year?: CalendarYear; issues: ContentIssue[] } {
  const m = YEAR_FILE.exec(file);
  if (!m) {
    return {
      issues: [
        {
          file,
          line: 1,
          column: 1,
          field: undefined,
          vi: `Tệp đặt sai chỗ hoặc sai tên: thư mục content/calendar/ chỉ chứa lịch ngày nghỉ của từng năm, mỗi năm một tệp đặt tên theo năm, ví dụ content/calendar/2027.yml.`,
          en: `File in the wrong place or with the wrong name: content/calendar/ holds only the holiday calendar, one file a year named for its year, for example content/calendar/2027.yml.`,
        },
      ],
    };
  }
  const { value, issues } = validateYamlFile(file, source, calendarYearSchema(Number(m[1])));
  if (!value || issues.length > 0) return { issues };
  return { data: value, year: calendarYearOf(value, file), issues };
}

/**
 * The years of `files` (the calendar folder's files, `content/calendar/…`) and
 * their problems; also a problem when the years have a gap between them
 * (a missing year is found by the content check, not in the middle of a count).
 */
export function validateCalendarFiles(files: readonly { file: string; source: string }[]): { years: CalendarYear[]; files: Map<number, CalendarYearFile>; issues: ContentIssue[] } {
  const years: CalendarYear[] = [];
  const data = new Map<number, CalendarYearFile>();
  const issues: ContentIssue[] = [];
  for (const f of files.filter((x) => isCalendarFile(x.file))) {
    const checked = validateCalendarFile(f.file, f.source);
    issues.push(...checked.issues);
    if (checked.year && checked.data) {
      years.push(checked.year);
      data.set(checked.year.year, checked.data);
    }
  }
  const known = [...data.keys()].sort((a, b) => a - b);
  for (let y = known[0] ?? 0; known.length > 0 && y < known[known.length - 1]!; y++) {
    if (!data.has(y) && !files.some((f) => f.file === `${CALENDAR_FOLDER}${y}.yml`)) {
      issues.push({
        file: `${CALENDAR_FOLDER}${y}.yml`,
        line: 1,
        column: 1,
        field: undefined,
        vi: `Thiếu lịch ngày nghỉ năm ${y} giữa các năm ${known[0]}–${known[known.length - 1]}: thêm tệp ${CALENDAR_FOLDER}${y}.yml theo thông báo nghỉ lễ năm đó (docs/working-days.md).`,
        en: `The holiday calendar for ${y} is missing between ${known[0]} and ${known[known.length - 1]}: add ${CALENDAR_FOLDER}${y}.yml from that year's holiday notice (docs/working-days.md).`,
      });
    }
  }
  return { years: years.sort((a, b) => a.year - b.year), files: data, issues };
}

