/**
 * The working-day calendar (docs/working-days.md): import the pure functions
 * from here; the loader that reads the files is ./read-calendar.ts.
 */
export {
  addWorkingDays,
  CalendarError,
  calendarFilePath,
  countingDay,
  isWorkingDay,
  MissingCalendarYear,
  nextWorkingDay,
  UndeterminedCalendarDay,
  workingCalendar,
  workingDaysBetween,
  type CalendarYear,
  type OfficeHours,
  type UndeterminedSpan,
  type VietnamDateTime,
  type WorkingCalendar,
} from './working-days.ts';
