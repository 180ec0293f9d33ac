import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from './read-calendar.ts';
import { CalendarError, isWorkingDay } from './working-days.ts';

const made: string[] = [];
const saved = process.env.PORTAL_CONTENT_DIR;

afterEach(() => {
  if (saved === undefined) delete process.env.PORTAL_CONTENT_DIR;
  else process.env.PORTAL_CONTENT_DIR = saved;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with the project's site.yml and the given calendar files. */
function contentWith(calendar: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calendar-'));
  made.push(dir);
  cpSync('content/site.yml', path.join(dir, 'site.yml'));
  mkdirSync(path.join(dir, 'calendar'));
  for (const [name, text] of Object.entries(calendar)) writeFileSync(path.join(dir, 'calendar', name), text);
  return dir;
}

describe('loadWorkingCalendar', () => {
  it('reads the year files and the office hours of the project', async () => {
    const calendar = await loadWorkingCalendar(process.cwd());
    expect([...calendar.years.keys()]).toEqual([2024, 2025, 2026, 2027]);
    expect(calendar.officeHours).toEqual({ opens: '07:30', closes: '17:00' });
    expect(isWorkingDay(calendar, '2026-02-17')).toBe(false);
  });

  it('stops on an invalid year file, naming its file, line and problem in both languages', async () => {
    process.env.PORTAL_CONTENT_DIR = contentWith({
      '2026.yml': 'year: 2026\nholidays:\n  - key: x\n    name: { vi: Lễ, en: Holiday }\n    dates: [2026-01-03]\n    days_off: [2026-01-03]\n    confidence: computed\n    notices: []\n',
    });
    const loading = loadWorkingCalendar(process.cwd());
    await expect(loading).rejects.toBeInstanceOf(CalendarError);
    await expect(loading).rejects.toThrow(/content\/calendar\/2026\.yml:6:16 .*\n.*thứ Bảy, vốn đã là ngày nghỉ/);
    await expect(loading).rejects.toThrow(/is a Saturday, already a day off/);
    await expect(loading).rejects.toThrow(/content\/calendar\/2026\.yml:8:/);
  });

  it('gives a calendar without years when there is no year file, so every date names the file it needs', async () => {
    process.env.PORTAL_CONTENT_DIR = contentWith({});
    const calendar = await loadWorkingCalendar(process.cwd());
    expect(() => isWorkingDay(calendar, '2026-03-02')).toThrow(/content\/calendar\/2026\.yml/);
  });
});
