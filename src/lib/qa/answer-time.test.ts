import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.ts';
import vi from '../../i18n/vi.ts';
import { validateCalendarFiles } from '../calendar/calendar-file.ts';
import { workingCalendar } from '../calendar/index.ts';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { answerTimeWords, answerWorkingDays } from './answer-time.ts';
import { siteSchema } from '../schema/settings.ts';

const files = readdirSync('content/calendar').map((n) => ({ file: `content/calendar/${n}`, source: readFileSync(`content/calendar/${n}`, 'utf8') }));
const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const calendar = workingCalendar(validateCalendarFiles(files).years, site.office_hours);

describe('how long a question took to answer, in working days', () => {
  it('counts a question received at 17:45 on the Friday before Tết 2026 from the Monday after it', () => {
    // Tết Bính Ngọ: 14–22/02/2026 off; counting from Monday 23/02, answered Thursday 26/02.
    expect(answerWorkingDays(calendar, '2026-02-13T17:45', '2026-02-26T15:00')).toBe(3);
  });

  it('is 0 for an answer the same working day, and counts late answers in full', () => {
    expect(answerWorkingDays(calendar, '2025-03-17T08:40', '2025-03-17T10:30')).toBe(0);
    // Monday 03/11/2025 to Friday 14/11/2025: nine working days (the rule is seven).
    expect(answerWorkingDays(calendar, '2025-11-03T10:12', '2025-11-14T10:30')).toBe(9);
  });

  it('leaves the figure out rather than guess when the calendar has no data for those days', () => {
    expect(answerWorkingDays(calendar, '2030-03-04T09:00', '2030-03-06T09:00')).toBeUndefined();
  });

  it('says it in both languages', () => {
    expect([0, 1, 3].map((n) => answerTimeWords(n, vi))).toEqual(['Trả lời trong ngày làm việc tiếp nhận', 'Trả lời sau 1 ngày làm việc', 'Trả lời sau 3 ngày làm việc']);
    expect([0, 1, 3].map((n) => answerTimeWords(n, en))).toEqual(['Answered on the working day it was received', 'Answered in 1 working day', 'Answered in 3 working days']);
  });
});
