import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../calendar/index.ts';
import { loadWorkingCalendar } from '../calendar/read-calendar.ts';
import { PUBLICATION_DUTIES_FILE, validatePublicationDutiesFile } from '../content/publication-duties-file.ts';
import type { PublicationDutyRules } from '../schema/publication-duties.ts';
import { citationText, dutyHorizon, formatDutyReport, hasOverdue, publicationDutyItems, qaDutyItems, sectionByUnit, type DutyReport, type QaRegisterEntry } from './duty-report.ts';
import type { PublicationDutyResult } from './publication-duties.ts';
import type { QaDeadlineRules } from './qa-deadline-rules.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from './qa-deadlines-file.ts';

let calendar: WorkingCalendar;
let rules: QaDeadlineRules;
beforeAll(async () => {
  calendar = await loadWorkingCalendar();
  rules = validateQaDeadlinesFile(readFileSync(QA_DEADLINES_FILE, 'utf8')).rules!;
});

const entry = (file: string, lifecycle: QaRegisterEntry['lifecycle']): QaRegisterEntry => ({ file, title: { vi: `Câu hỏi ${file}`, en: `Question ${file}` }, lifecycle });
const names = (slug: string) => ({ vi: { a: 'Ă đơn vị', b: 'B đơn vị', 'trung-tam-dich-vu-ho-tro-cham-soc-khach-hang': 'Trung tâm' }[slug] ?? slug, en: slug.toUpperCase() });

describe('the duties report', () => {
  it('cites a rule by its document’s short name, article, clause and point', () => {
    expect(citationText(rules.rules[5]!.cites, rules.documents)).toEqual({ vi: 'Quyết định 1624/QĐ-BHXH, Điều 13, khoản 2, điểm a', en: 'Decision 1624/QĐ-BHXH, Art. 13.2 a' });
    expect(citationText({ document: '1624-qd-bhxh', article: 13, clause: 1, quote: 'x' }, rules.documents)).toEqual({ vi: 'Quyết định 1624/QĐ-BHXH, Điều 13, khoản 1', en: 'Decision 1624/QĐ-BHXH, Art. 13.1' });
  });

  it('lists steps overdue, and steps due by the horizon; not steps done, due later, or of questions received after now', () => {
    const now = '2026-03-10T09:00';
    const until = dutyHorizon(calendar, now, 1);
    expect(until).toBe('2026-03-11T17:00');
    const items = qaDutyItems(
      [
        entry('overdue', { channel: 'portal', received: '2026-02-23T09:00', classified: { at: '2026-02-23T10:00', result: 'in-scope' }, routed_to: ['a'] }),
        entry('due-by-horizon', { channel: 'zalo', received: '2026-03-05T09:00', routed_to: ['a', 'b'] }),
        entry('due-later', { channel: 'zalo', received: '2026-03-09T09:00', routed_to: ['b'] }),
        entry('done', { channel: 'zalo', received: '2026-03-02T09:00', routed_to: ['b'], answered: '2026-03-09T09:00' }),
        entry('not-yet-received', { channel: 'portal', received: '2026-03-10T10:00', routed_to: [] }),
      ],
      calendar,
      rules,
      now,
      until,
    );
    expect(items.map((i) => [i.file, i.rule.id, i.due, i.state, i.units])).toEqual([
      ['overdue', 'portal-answer', '2026-03-04T17:00', 'overdue', ['a']],
      ['due-by-horizon', 'zalo-answer-two-units', '2026-03-11T17:00', 'due', ['a', 'b']],
    ]);
    const section = sectionByUnit('qa', { vi: 'Hỏi đáp', en: 'Questions and answers' }, items, names);
    expect(section.units.map((u) => [u.unit, u.overdue.map((i) => i.file), u.due.map((i) => i.file)])).toEqual([
      ['a', ['overdue'], ['due-by-horizon']],
      ['b', [], ['due-by-horizon']],
    ]);
    const report: DutyReport = { now, within: 1, until, sections: [section] };
    expect(hasOverdue(report)).toBe(true);
    expect(formatDutyReport(report, 'en', names).split('\n').slice(0, 8)).toEqual([
      'Duties overdue and falling due in the next 1 working day (by 11 March 2026, 17:00), as of 10 March 2026, 09:00 Vietnam time',
      '',
      '## Questions and answers',
      '',
      'A (a)',
      '  OVERDUE  due 4 March 2026, 17:00  Answer: “Question overdue”',
      '           overdue · Portal regulation (2021 draft), Art. 11.1 a',
      '  DUE      due 11 March 2026, 17:00  Answer: “Question due-by-horizon”',
    ]);
    // An item nobody is responsible for is listed on its own, never dropped.
    const orphan = { ...items[0]!, units: [] };
    const withOrphan = sectionByUnit('qa', { vi: 'Hỏi đáp', en: 'Questions and answers' }, [orphan], names);
    expect(withOrphan.units.map((u) => [u.unit, u.overdue.length])).toEqual([['', 1]]);
    expect(formatDutyReport({ now, within: 1, until, sections: [withOrphan] }, 'vi', names)).toContain('\nChưa giao cho đơn vị nào\n  QUÁ HẠN  hạn 04/03/2026 17:00  Trả lời: “Câu hỏi overdue”');
    const empty: DutyReport = { now, within: 1, until, sections: [sectionByUnit('qa', { vi: 'Hỏi đáp', en: 'Questions and answers' }, [], names)] };
    expect(hasOverdue(empty)).toBe(false);
    expect(formatDutyReport(empty, 'vi', names)).toContain('## Hỏi đáp\n   Không có việc quá hạn hay sắp đến hạn.');
  });
});

describe('the publication duties as items of the report', () => {
  const pubRules = validatePublicationDutiesFile(readFileSync(PUBLICATION_DUTIES_FILE, 'utf8')).rules as PublicationDutyRules;
  const result = (file: string, state: PublicationDutyResult['state'], due: string, units: string[] = []): PublicationDutyResult => ({
    duty: 'award',
    file,
    collection: 'news',
    slug: file,
    title: `Tin ${file}`,
    supplier: { vi: 'x', en: 'x' },
    units,
    from: '2026-03-02T09:00',
    workingDays: 5,
    due,
    state,
  });

  it('keeps the overdue and those due by the horizon, under the source unit or the section’s own group; not the met, late or unrecorded', () => {
    const items = publicationDutyItems(
      [
        result('qua-han', 'overdue', '2026-03-09T17:00', ['van-phong']),
        result('den-han', 'due', '2026-03-11T17:00'),
        result('sau', 'due', '2026-03-12T17:00'),
        result('tre', 'late', '2026-03-09T17:00'),
        result('dung', 'on-time', '2026-03-09T17:00'),
        result('cu', 'unrecorded', '2025-03-09T17:00'),
      ],
      pubRules,
      '2026-03-11T17:00',
      (file) => (file === 'qua-han' ? 'Overdue item' : undefined),
    );
    expect(items.map((i) => [i.file, i.state, i.units, i.title.en])).toEqual([
      ['qua-han', 'overdue', ['van-phong'], 'Overdue item'],
      ['den-han', 'due', [], 'Tin den-han'],
    ]);
    expect(items[0]!.what).toEqual({ vi: 'Thông tin khen thưởng', en: 'Awards' });
    expect(items[0]!.rule.source.en).toMatch(/\(2021 draft\), Art\. 11\(1\)\(đ\)$/);
    const section = sectionByUnit('publication', { vi: 'Đăng tải', en: 'Publication' }, items, names, { vi: 'Không ghi đơn vị', en: 'No unit named' });
    expect(formatDutyReport({ now: '2026-03-10T09:00', within: 1, until: '2026-03-11T17:00', sections: [section] }, 'en', names)).toContain('\nNo unit named\n  DUE      due 11 March 2026, 17:00  Awards: “Tin den-han”');
  });
});
