/**
 * The editorial report the board signs (Decision 1624 Art. 7.2c, 7.4; portal
 * regulation Art. 6.4; monthly statistics 1436 V.2.1b): the figures of one
 * period, as plain data. Computed by src/lib/report/figures.ts from what Git
 * and (optionally) GitHub hold; rendered as Markdown, CSV, HTML with SVG charts
 * and JSON by src/lib/report/render-*.ts. Every label a reader sees is given
 * in both languages here, so the renderers never invent one.
 */

import type { Bilingual } from '../schema/fields.ts';

export type { Bilingual };

export type PeriodKind = 'month' | 'half' | 'year' | 'range';

/** The period reported on, in Vietnam time. */
export interface ReportPeriod {
  kind: PeriodKind;
  /** How it was asked for: `2026-11`, `2026-H2`, `2026`, `2026-10-26..2026-11-25`. */
  id: string;
  /** First day, inclusive, Vietnam date YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive, Vietnam date YYYY-MM-DD. */
  to: string;
  /** The first instant of `from` in Vietnam (inclusive), ISO 8601 with +07:00. */
  start: string;
  /** The first instant after `to` in Vietnam (exclusive), ISO 8601 with +07:00. */
  end: string;
  /** “Tháng 11/2026 (26/10/2026 – 25/11/2026)” / “November 2026 (26/10/2026 – 25/11/2026)”. */
  title: Bilingual;
}

/** One row of a breakdown: a collection, a column, a unit…, named in both languages. */
export interface PublicationRow {
  key: string;
  label: Bilingual;
  published: number;
  updated: number;
  withdrawn: number;
  unpublished: number;
}

export interface PublicationFigures {
  /** Entries first published in the period (one per entry: collection + slug, whatever its languages). */
  published: number;
  /** Entries changed in the period with a change that is not minor (one per entry and publication). */
  updated: number;
  /** Entries withdrawn (kept with a notice) in the period. */
  withdrawn: number;
  /** Entries unpublished (replaced by a removal notice) in the period. */
  unpublished: number;
  byCollection: PublicationRow[];
  byColumn: PublicationRow[];
  bySection: PublicationRow[];
  byUnit: PublicationRow[];
  byAuthor: PublicationRow[];
  /**
   * Optional: the same figures per reporting month (26th → 25th), for half-year,
   * year and longer reports; key `YYYY-MM` (the month the period ends in),
   * label “Tháng 11/2026” / “November 2026”. The renderers print a table and a
   * chart when there are two months or more.
   */
  byMonth?: PublicationRow[];
}

/** A distribution of waiting times, in hours (calendar time); `null` when there is nothing to measure. */
export interface Durations {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ApprovalFigures {
  /** False when the report was made without GitHub (no --repo or token): the figures below are then from the publication notes only, or empty. */
  fromGitHub: boolean;
  /** Pull requests into the published branch closed in the period. */
  merged: number;
  /** Closed without merging (rejected or discarded). */
  closedUnmerged: number;
  /** From the pull request's creation to the secretary's first approval. */
  toSecretary: Durations;
  /** From the pull request's creation to the board's deciding approval (head or authorised deputy). */
  toBoard: Durations;
  /** Why some figures are absent, when they are. */
  note?: Bilingual;
}

export interface UrgentPublication {
  pr: number;
  title: string;
  mergedAt: string;
  reason?: string;
  /** The secretary's review after the merge, when it happened (in the period or later, up to the report's making). */
  reviewedAt?: string;
  reviewedBy?: string;
}

export interface Takedown {
  /** The Vietnamese page's address on the site, e.g. /tin-tuc/<slug>/; for `withhold-archive`, the archive's (/luu-tru/). */
  address: string;
  /** The entry's file; for `withhold-archive`, the site settings (content/site.yml). */
  path: string;
  /** `withhold-archive`: the settings stopped serving the archived versions of pages taken down (`taken_down_versions: hidden`). */
  kind: 'withdraw' | 'unpublish' | 'withhold-archive';
  /** The date of withdrawal written in the entry, or the day the change went live (YYYY-MM-DD, Vietnam time). */
  date: string;
  /** The reason written in each language's file (the English one may be missing; none for `withhold-archive`). */
  reason: Bilingual;
  pr?: number;
}

export interface QaRow {
  key: string;
  label: Bilingual;
  received: number;
  answered: number;
  answeredOnTime: number;
}

export interface QaFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered × 100, one decimal; null when nothing was answered. */
  onTimePercent: number | null;
  byChannel: QaRow[];
  byUnit: QaRow[];
}

export interface DutyFigures {
  /** Publication duties whose time limit fell in the period. */
  due: number;
  metOnTime: number;
  late: number;
  /** Due in the period, not yet published when the report was made. */
  open: number;
  onTimePercent: number | null;
}

export interface TranslationGap {
  /** The Vietnamese original's address on the site. */
  address: string;
  /** content/<collection>/vi/<slug>.mdx */
  original: string;
  /** content/<collection>/en/<slug>.mdx (for `stale`). */
  english?: string;
  /** For `stale`: when the original was last revised (non-minor) and when the English page was. */
  originalRevisedAt?: string;
  englishRevisedAt?: string;
}

export interface TranslationFigures {
  /** Originals published at the period's end with no English page. */
  missing: TranslationGap[];
  /** English pages older than a non-minor revision of their original, at the period's end. */
  stale: TranslationGap[];
}

export interface ReportSources {
  /** The published branch's commit the report was made from. */
  commit: string;
  repository?: string;
  /** When the report was made (ISO 8601). */
  generatedAt: string;
  /** The history was a shallow clone: figures incomplete. */
  shallow: boolean;
}

export interface EditorialReport {
  period: ReportPeriod;
  publications: PublicationFigures;
  approvals: ApprovalFigures;
  urgent: UrgentPublication[];
  takedowns: Takedown[];
  qa: QaFigures;
  duties: DutyFigures;
  translations: TranslationFigures;
  sources: ReportSources;
}
