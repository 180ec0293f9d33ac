/**
 * The duties report of `npm run duties` (docs/duties.md): what is overdue and
 * what falls due within the next working days, by unit, section by section:
 * the questions and answers (qaDutyItems) and the portal's publication duties
 * (publicationDutyItems, from src/lib/duties/publication-duties.ts). Pure: the
 * CLI gathers the entries, calendar and rules, this builds and words the report.
 */
import { addWorkingDays, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import { formatVietnamDateTime } from '../dates.ts';
import type { Locale } from '../locales.ts';
import type { Bilingual } from '../schema/fields.ts';
import { qaSteps, type Citation, type QaDeadlineRules } from './qa-deadline-rules.ts';
import { publicationDutyNames, type Citation as PublicationCitation, type PublicationDutyRules } from '../schema/publication-duties.ts';
import { citationText as publicationCitationText } from './publication-duties-report.ts';
import type { PublicationDutyResult } from './publication-duties.ts';
import { qaDeadlines, type QaDeadlineOptions, type QaLifecycle } from './qa-deadlines.ts';

/** One thing a unit must do by a moment, with the rule it comes from. */
export interface DutyItem {
  /** The content file the duty is about. */
  file: string;
  title: Bilingual;
  /** What must be done (the step). */
  what: Bilingual;
  due: VietnamDateTime;
  /** The earlier mark the text names besides the deadline, when it names one (portal classification: 2 of 2–5 working days). */
  target?: VietnamDateTime | undefined;
  state: 'due' | 'overdue';
  units: string[];
  /** The entry is invented for the examples (`sample: true`): said so, so nobody chases it. */
  sample?: boolean;
  /** The rule: a Q&A deadline rule (its id) or a publication duty (its key), its citation, and the citation as printed. */
  rule: { id: string; cites: Citation | PublicationCitation; source: Bilingual };
}

/** One section of the report: a kind of duty, its items by unit. */
export interface DutySection {
  id: string;
  title: Bilingual;
  /** What the items no unit is named for are listed under (default: not assigned to any unit). */
  unassigned?: Bilingual;
  units: { unit: string; overdue: DutyItem[]; due: DutyItem[] }[];
}

export interface DutyReport {
  now: VietnamDateTime;
  within: number;
  /** The close of the `within`-th working day after today: items due by then are listed. */
  until: VietnamDateTime;
  sections: DutySection[];
}

/** A Q&A entry as the report needs it. */
export interface QaRegisterEntry {
  file: string;
  title: Bilingual;
  lifecycle: QaLifecycle;
  /** Invented for the register's examples (`sample: true`): said so wherever the entry is listed. */
  sample?: boolean;
}

/** “Quy chế …, Điều 11, khoản 1, điểm a” / “Portal regulation …, Art. 11.1 a”. */
export function citationText(c: Citation, documents: QaDeadlineRules['documents']): Bilingual {
  const name = documents[c.document] ?? { vi: c.document, en: c.document };
  const vi = [`Điều ${c.article}`, c.clause === undefined ? '' : `khoản ${c.clause}`, c.point === undefined ? '' : `điểm ${c.point}`].filter(Boolean).join(', ');
  const en = `Art. ${c.article}${c.clause === undefined ? '' : `.${c.clause}`}${c.point === undefined ? '' : ` ${c.point}`}`;
  return { vi: `${name.vi}, ${vi}`, en: `${name.en}, ${en}` };
}

/** The Q&A steps not done that are overdue at `now` or due by `until` (questions received after `now` are not in the register yet). */
export function qaDutyItems(
  entries: readonly QaRegisterEntry[],
  calendar: WorkingCalendar,
  rules: QaDeadlineRules,
  now: VietnamDateTime,
  until: VietnamDateTime,
  options: QaDeadlineOptions = {},
): DutyItem[] {
  return entries.flatMap((e) =>
    e.lifecycle.received > now ? [] : qaDeadlines(e.lifecycle, calendar, rules, now, options).flatMap((s): DutyItem[] => {
      if (s.kind !== 'deadline' || (s.state !== 'overdue' && !(s.state === 'due' && s.due <= until))) return [];
      return [
        {
          file: e.file,
          title: e.title,
          what: qaSteps[s.step],
          due: s.due,
          ...(s.target === undefined ? {} : { target: s.target }),
          state: s.state,
          units: s.units,
          ...(e.sample ? { sample: true } : {}),
          rule: { id: s.rule.id, cites: s.rule.cites, source: citationText(s.rule.cites, rules.documents) },
        },
      ];
    }),
  );
}

/**
 * The publication duties not met that are overdue at `now` or due by `until`,
 * as items of the report: under the unit the entry names as its source (none:
 * the section's `unassigned` group). `englishTitle` gives the translation's
 * title of an entry file, when it has one; `isSample` whether the entry is
 * invented (`sample: true`).
 */
export function publicationDutyItems(
  results: readonly PublicationDutyResult[],
  rules: PublicationDutyRules,
  until: VietnamDateTime,
  englishTitle: (file: string) => string | undefined,
  isSample: (file: string) => boolean = () => false,
): DutyItem[] {
  const ruleOf = new Map(rules.duties.map((d) => [d.duty, d]));
  return results.flatMap((r): DutyItem[] => {
    if (r.state !== 'overdue' && !(r.state === 'due' && r.due <= until)) return [];
    const rule = ruleOf.get(r.duty)!;
    const where = { vi: publicationCitationText(rule.time_limit, 'vi'), en: publicationCitationText(rule.time_limit, 'en') };
    return [
      {
        file: r.file,
        title: { vi: r.title, en: englishTitle(r.file) ?? r.title },
        what: publicationDutyNames[r.duty],
        due: r.due,
        state: r.state,
        units: r.units,
        ...(isSample(r.file) ? { sample: true } : {}),
        rule: { id: r.duty, cites: rule.time_limit, source: { vi: `${rules.regulation.title.vi}, ${where.vi}`, en: `${rules.regulation.title.en}, ${where.en}` } },
      },
    ];
  });
}

/** The group of items no unit is responsible for (a rule naming only the routed units, before routing): listed, never dropped. */
export const UNASSIGNED = '';

/** The items of a section by unit (an item of several units under each), units in name order, items by due moment. */
export function sectionByUnit(id: string, title: Bilingual, items: readonly DutyItem[], unitName: (slug: string) => Bilingual, unassigned?: Bilingual): DutySection {
  const byUnit = new Map<string, DutyItem[]>();
  for (const item of items) for (const unit of item.units.length > 0 ? item.units : [UNASSIGNED]) byUnit.set(unit, [...(byUnit.get(unit) ?? []), item]);
  const order = (a: DutyItem, b: DutyItem) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.file.localeCompare(b.file));
  return {
    id,
    title,
    ...(unassigned === undefined ? {} : { unassigned }),
    units: [...byUnit]
      .sort(([a], [b]) => unitName(a).vi.localeCompare(unitName(b).vi, 'vi'))
      .map(([unit, list]) => ({ unit, overdue: list.filter((i) => i.state === 'overdue').sort(order), due: list.filter((i) => i.state === 'due').sort(order) })),
  };
}

/** The report's horizon: the close of the `within`-th working day after the counting day of `now`. */
export function dutyHorizon(calendar: WorkingCalendar, now: VietnamDateTime, within: number): VietnamDateTime {
  return addWorkingDays(calendar, now, within);
}

/** Whether anything in the report is overdue. */
export function hasOverdue(report: DutyReport): boolean {
  return report.sections.some((s) => s.units.some((u) => u.overdue.length > 0));
}

const words = {
  vi: {
    head: (r: DutyReport) =>
      `Nghĩa vụ quá hạn và đến hạn trong ${r.within} ngày làm việc tới (đến ${formatVietnamDateTime(r.until, 'vi')}), tính tại ${formatVietnamDateTime(r.now, 'vi')} giờ Việt Nam`,
    nothing: 'Không có việc quá hạn hay sắp đến hạn.',
    overdue: 'QUÁ HẠN',
    due: 'ĐẾN HẠN',
    by: 'hạn',
    target: 'mục tiêu',
    unassigned: 'Chưa giao cho đơn vị nào',
    sample: ' (mục mẫu)',
  },
  en: {
    head: (r: DutyReport) =>
      `Duties overdue and falling due in the next ${r.within} working day${r.within === 1 ? '' : 's'} (by ${formatVietnamDateTime(r.until, 'en')}), as of ${formatVietnamDateTime(r.now, 'en')} Vietnam time`,
    nothing: 'Nothing overdue or falling due.',
    overdue: 'OVERDUE',
    due: 'DUE',
    by: 'due',
    target: 'target',
    unassigned: 'Not assigned to any unit',
    sample: ' (sample entry)',
  },
};

/** The report as text in one language; `unitName` names a unit by its slug. */
export function formatDutyReport(report: DutyReport, locale: Locale, unitName: (slug: string) => Bilingual): string {
  const w = words[locale];
  const lines = [w.head(report), ''];
  for (const section of report.sections) {
    lines.push(`## ${section.title[locale]}`);
    if (section.units.length === 0) lines.push(`   ${w.nothing}`);
    for (const { unit, overdue, due } of section.units) {
      lines.push('', unit === UNASSIGNED ? (section.unassigned?.[locale] ?? w.unassigned) : `${unitName(unit)[locale]} (${unit})`);
      for (const item of [...overdue, ...due]) {
        const label = item.state === 'overdue' ? w.overdue : w.due;
        const target = item.target === undefined ? '' : ` (${w.target} ${formatVietnamDateTime(item.target, locale)})`;
        lines.push(`  ${label.padEnd(8)} ${w.by} ${formatVietnamDateTime(item.due, locale)}${target}  ${item.what[locale]}: “${item.title[locale]}”${item.sample ? w.sample : ''}`);
        lines.push(`           ${item.file} · ${item.rule.source[locale]}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
