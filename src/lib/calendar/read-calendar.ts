/**
 * Reads the working calendar from disk: the year files `content/calendar/*.yml`
 * and the office hours of `content/site.yml` (under PORTAL_CONTENT_DIR when
 * set, as every content reader). The I/O shell around ./calendar-file.ts and
 * ./working-days.ts; an invalid file stops with its problems, file:line, in
 * Vietnamese and English.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentRoot } from '../../content-loader/read-content.ts';
import { formatIssues } from '../content/issues.ts';
import { validateYamlFile } from '../content/yaml-file.ts';
import { siteSchema } from '../schema/settings.ts';
import { CALENDAR_FOLDER, validateCalendarFiles } from './calendar-file.ts';
import { CalendarError, workingCalendar, type CalendarYear, type OfficeHours, type WorkingCalendar } from './working-days.ts';

/** The working calendar of the project at `projectRoot`. Throws CalendarError when a file is missing or invalid. */
export async function loadWorkingCalendar(projectRoot: string = process.cwd()): Promise<WorkingCalendar> {
  const { years, officeHours } = await loadCalendarData(projectRoot);
  return workingCalendar(years, officeHours);
}

/**
 * The calendar's plain data (the year files as the working-day functions take
 * them, and the office hours), e.g. for the CMS page (/admin/duty-rules.json).
 * Throws CalendarError when a file is missing or invalid.
 */
export async function loadCalendarData(projectRoot: string = process.cwd()): Promise<{ years: CalendarYear[]; officeHours: OfficeHours }> {
  const root = contentRoot(projectRoot);
  const folder = path.join(root, 'calendar');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.yml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    names = [];
  }
  const files = await Promise.all(names.map(async (n) => ({ file: `${CALENDAR_FOLDER}${n}`, source: await readFile(path.join(folder, n), 'utf8') })));
  const calendar = validateCalendarFiles(files);
  const siteSource = await readFile(path.join(root, 'site.yml'), 'utf8');
  const site = validateYamlFile('content/site.yml', siteSource, siteSchema);
  const issues = [...calendar.issues, ...site.issues];
  if (issues.length > 0 || !site.value) {
    throw new CalendarError(
      'Không đọc được lịch ngày làm việc; sửa các lỗi sau (npm run check:content).',
      'The working calendar cannot be read; fix these problems (npm run check:content).',
      formatIssues(issues),
    );
  }
  return { years: calendar.years, officeHours: site.value.office_hours };
}
