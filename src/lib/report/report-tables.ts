/**
 * The editorial report as tables: one list, built once from an
 * EditorialReport, that the Markdown, HTML and CSV renderers all print, so the
 * three formats always hold the same figures under the same names. Cells keep
 * their raw value (for the CSV and the charts) and say how to write it
 * (count, percentage, duration, date); ./number-format.ts writes it per
 * language. Every heading and column name is here in both languages; names
 * that come from the report (collections, units, authors, pull-request titles,
 * reasons, addresses) are untrusted text, and each renderer escapes them for
 * its format.
 */
import type { Bilingual } from '../schema/fields.ts';
import type { Locale } from '../locales.ts';
import { formatDuration, formatNumber, formatPercent, formatReportDate, formatReportMoment, NOT_APPLICABLE } from './number-format.ts';
import type { Durations, EditorialReport, PublicationRow, QaRow, Takedown } from './report.ts';

export type Cell =
  | { kind: 'text'; text: Bilingual }
  | { kind: 'count'; value: number }
  | { kind: 'percent'; value: number | null }
  | { kind: 'hours'; value: number | null }
  | { kind: 'date'; value: string }
  /** An instant; when null, `none` is written (“—” if not given). */
  | { kind: 'moment'; value: string | null; none?: Bilingual };

export interface Column {
  id: string;
  label: Bilingual;
  /** Numbers are right-aligned and summed in charts. */
  numeric: boolean;
}

export interface Row {
  /** Stable key of the row (a collection's key, a pull request's number…). */
  key: string;
  cells: Cell[];
}

export interface ReportTable {
  /** Stable id, also the CSV `table` column and the HTML anchor: `publications-by-collection`. */
  id: string;
  caption: Bilingual;
  columns: Column[];
  rows: Row[];
  /** Said when the table has no row. */
  empty: Bilingual;
  note?: Bilingual;
}

export interface ReportSection {
  id: string;
  heading: Bilingual;
  tables: ReportTable[];
}

const same = (text: string): Bilingual => ({ vi: text, en: text });
const text = (t: Bilingual | string): Cell => ({ kind: 'text', text: typeof t === 'string' ? same(t) : t });
const count = (value: number): Cell => ({ kind: 'count', value });

/** answeredOnTime / answered × 100 with one decimal, as report.ts defines it; null when nothing was answered. */
export function onTimePercent(onTime: number, answered: number): number | null {
  return answered === 0 ? null : Math.round((onTime / answered) * 1000) / 10;
}

/** A cell written for people, in `locale`. */
export function formatCell(cell: Cell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return cell.text[locale];
    case 'count':
      return formatNumber(cell.value, locale, 0);
    case 'percent':
      return formatPercent(cell.value, locale);
    case 'hours':
      return formatDuration(cell.value, locale);
    case 'date':
      return formatReportDate(cell.value);
    case 'moment':
      return cell.value === null ? (cell.none?.[locale] ?? NOT_APPLICABLE) : formatReportMoment(cell.value);
  }
}

/** A cell's raw value for machines: a number, ISO date, the text in `locale`, or empty for none. */
export function rawCell(cell: Cell, locale: Locale): string | number {
  switch (cell.kind) {
    case 'text':
      return cell.text[locale];
    case 'count':
      return cell.value;
    case 'percent':
    case 'hours':
      return cell.value ?? '';
    case 'date':
      return cell.value;
    case 'moment':
      return cell.value ?? '';
  }
}

const publicationColumns = (first: Bilingual): Column[] => [
  { id: 'label', label: first, numeric: false },
  { id: 'published', label: { vi: 'Đăng mới', en: 'Published' }, numeric: true },
  { id: 'updated', label: { vi: 'Cập nhật', en: 'Updated' }, numeric: true },
  { id: 'withdrawn', label: { vi: 'Rút (giữ kèm thông báo)', en: 'Withdrawn (kept with a notice)' }, numeric: true },
  { id: 'unpublished', label: { vi: 'Gỡ bỏ', en: 'Unpublished' }, numeric: true },
];

function publicationTable(id: string, caption: Bilingual, first: Bilingual, rows: PublicationRow[]): ReportTable {
  return {
    id,
    caption,
    columns: publicationColumns(first),
    rows: rows.map((r) => ({ key: r.key, cells: [text(r.label), count(r.published), count(r.updated), count(r.withdrawn), count(r.unpublished)] })),
    empty: { vi: 'Không có nội dung nào trong kỳ.', en: 'No entries in the period.' },
  };
}

const qaColumns = (first: Bilingual): Column[] => [
  { id: 'label', label: first, numeric: false },
  { id: 'received', label: { vi: 'Tiếp nhận', en: 'Received' }, numeric: true },
  { id: 'answered', label: { vi: 'Đã trả lời', en: 'Answered' }, numeric: true },
  { id: 'answered-on-time', label: { vi: 'Trả lời đúng hạn', en: 'Answered on time' }, numeric: true },
  { id: 'on-time-percent', label: { vi: 'Tỷ lệ đúng hạn', en: 'On time' }, numeric: true },
];

function qaTable(id: string, caption: Bilingual, first: Bilingual, rows: QaRow[]): ReportTable {
  return {
    id,
    caption,
    columns: qaColumns(first),
    rows: rows.map((r) => ({
      key: r.key,
      cells: [text(r.label), count(r.received), count(r.answered), count(r.answeredOnTime), { kind: 'percent', value: onTimePercent(r.answeredOnTime, r.answered) }],
    })),
    empty: { vi: 'Không có câu hỏi nào trong kỳ.', en: 'No questions in the period.' },
  };
}

const durationRow = (key: string, label: Bilingual, d: Durations): Row => ({
  key,
  cells: [text(label), count(d.count), { kind: 'hours', value: d.medianHours }, { kind: 'hours', value: d.p90Hours }],
});

export const takedownKinds: Record<Takedown['kind'], Bilingual> = {
  withdraw: { vi: 'Rút (giữ kèm thông báo)', en: 'Withdrawn (kept with a notice)' },
  unpublish: { vi: 'Gỡ bỏ (thay bằng thông báo gỡ)', en: 'Unpublished (replaced by a removal notice)' },
  'withhold-archive': {
    vi: 'Thôi phục vụ trên cổng các bản lưu của trang đã gỡ (giữ trong kho lưu trữ)',
    en: 'Archived versions of pages taken down no longer served on the portal (kept in the archive)',
  },
};

/** The settings carry no reason of their own: the approved pull request says why. */
const reasonInRequest: Bilingual = { vi: 'Thiết lập không ghi lý do: xem đề nghị đã duyệt', en: 'The settings record no reason: see the approved request' };

/** The reason in each language; when the English file gives none, the Vietnamese one, said to be so. */
function reasonOf({ kind, reason }: Takedown): Bilingual {
  if (kind === 'withhold-archive' && !reason.vi.trim() && !reason.en.trim()) return reasonInRequest;
  const en = reason.en.trim() ? reason.en : reason.vi.trim() ? `(Vietnamese only) ${reason.vi}` : '';
  return { vi: reason.vi, en };
}

/** The words of the report that are not figures: its title and the names of its parts. */
export const reportText = {
  title: { vi: 'Báo cáo hoạt động biên tập', en: 'Editorial report' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  generatedAt: { vi: 'Lập lúc', en: 'Made at' },
  commit: { vi: 'Phiên bản nội dung (commit)', en: 'Content version (commit)' },
  repository: { vi: 'Kho', en: 'Repository' },
  shallow: {
    vi: 'Cảnh báo: lịch sử Git được sao chép không đầy đủ (shallow clone), số liệu có thể thiếu.',
    en: 'Warning: the Git history was a shallow clone; figures may be incomplete.',
  },
  skipLink: { vi: 'Bỏ qua, đến nội dung báo cáo', en: 'Skip to the report' },
  timesNote: { vi: 'Thời gian tính theo lịch (kể cả ngày nghỉ), làm tròn đến giờ.', en: 'Calendar time (holidays included), rounded to the hour.' },
} as const satisfies Record<string, Bilingual>;

/** The report's parts, in the order every format prints them. */
export function reportSections(report: EditorialReport): ReportSection[] {
  const p = report.publications;
  const a = report.approvals;
  const qa = report.qa;
  const d = report.duties;
  const t = report.translations;
  const summary: ReportTable = {
    id: 'summary',
    caption: { vi: 'Số liệu chính', en: 'Key figures' },
    columns: [
      { id: 'label', label: { vi: 'Chỉ tiêu', en: 'Figure' }, numeric: false },
      { id: 'value', label: { vi: 'Số liệu', en: 'Value' }, numeric: true },
    ],
    rows: [
      { key: 'published', cells: [text({ vi: 'Nội dung đăng mới', en: 'Entries published' }), count(p.published)] },
      { key: 'updated', cells: [text({ vi: 'Nội dung cập nhật', en: 'Entries updated' }), count(p.updated)] },
      { key: 'withdrawn', cells: [text({ vi: 'Nội dung rút (giữ kèm thông báo)', en: 'Entries withdrawn (kept with a notice)' }), count(p.withdrawn)] },
      { key: 'unpublished', cells: [text({ vi: 'Nội dung gỡ bỏ', en: 'Entries unpublished' }), count(p.unpublished)] },
      { key: 'urgent', cells: [text({ vi: 'Đăng khẩn cấp', en: 'Urgent publications' }), count(report.urgent.length)] },
      { key: 'qa-received', cells: [text({ vi: 'Câu hỏi tiếp nhận', en: 'Questions received' }), count(qa.received)] },
      { key: 'qa-answered', cells: [text({ vi: 'Câu hỏi đã trả lời', en: 'Questions answered' }), count(qa.answered)] },
      { key: 'qa-on-time-percent', cells: [text({ vi: 'Tỷ lệ trả lời đúng hạn', en: 'Answered on time' }), { kind: 'percent', value: qa.onTimePercent }] },
      { key: 'duties-on-time-percent', cells: [text({ vi: 'Nghĩa vụ công bố đúng hạn', en: 'Publication duties met on time' }), { kind: 'percent', value: d.onTimePercent }] },
      { key: 'translations-missing', cells: [text({ vi: 'Bài chưa có bản tiếng Anh', en: 'Entries without an English page' }), count(t.missing.length)] },
      { key: 'translations-stale', cells: [text({ vi: 'Bản tiếng Anh cũ hơn bản gốc', en: 'English pages older than their original' }), count(t.stale.length)] },
    ],
    empty: { vi: '', en: '' },
  };

  const approvalNote: Bilingual | undefined =
    a.note ?? (a.fromGitHub ? undefined : { vi: 'Báo cáo lập không có dữ liệu GitHub: số liệu lấy từ ghi chú công bố, có thể thiếu.', en: 'Made without GitHub data: figures from the publication notes only, possibly incomplete.' });

  return [
    { id: 'summary', heading: { vi: 'Tóm tắt', en: 'Summary' }, tables: [summary] },
    {
      id: 'publications',
      heading: { vi: 'Nội dung đăng tải', en: 'Publications' },
      tables: [
        publicationTable('publications-by-collection', { vi: 'Theo loại nội dung', en: 'By collection' }, { vi: 'Loại nội dung', en: 'Collection' }, p.byCollection),
        publicationTable('publications-by-column', { vi: 'Theo chuyên mục', en: 'By column' }, { vi: 'Chuyên mục', en: 'Column' }, p.byColumn),
        publicationTable('publications-by-section', { vi: 'Theo mục', en: 'By section' }, { vi: 'Mục', en: 'Section' }, p.bySection),
        publicationTable('publications-by-unit', { vi: 'Theo đơn vị cung cấp', en: 'By supplying unit' }, { vi: 'Đơn vị', en: 'Unit' }, p.byUnit),
        publicationTable('publications-by-author', { vi: 'Theo tác giả', en: 'By author' }, { vi: 'Tác giả', en: 'Author' }, p.byAuthor),
        ...(p.byMonth && p.byMonth.length > 1
          ? [publicationTable('publications-by-month', { vi: 'Theo tháng (26 tháng trước – 25 tháng này)', en: 'By month (26th of the previous month – 25th)' }, { vi: 'Tháng', en: 'Month' }, p.byMonth)]
          : []),
      ],
    },
    {
      id: 'approvals',
      heading: { vi: 'Phê duyệt', en: 'Approvals' },
      tables: [
        {
          id: 'approvals-requests',
          caption: { vi: 'Đề nghị đăng tải (pull request) đã đóng trong kỳ', en: 'Publication requests (pull requests) closed in the period' },
          columns: [
            { id: 'label', label: { vi: 'Kết quả', en: 'Outcome' }, numeric: false },
            { id: 'count', label: { vi: 'Số lượng', en: 'Number' }, numeric: true },
          ],
          rows: [
            { key: 'merged', cells: [text({ vi: 'Được duyệt và đăng', en: 'Approved and published' }), count(a.merged)] },
            { key: 'closed-unmerged', cells: [text({ vi: 'Đóng không đăng (từ chối hoặc huỷ)', en: 'Closed unpublished (rejected or discarded)' }), count(a.closedUnmerged)] },
          ],
          empty: { vi: '', en: '' },
          ...(approvalNote ? { note: approvalNote } : {}),
        },
        {
          id: 'approvals-times',
          caption: { vi: 'Thời gian chờ duyệt, từ khi gửi đề nghị', en: 'Time waiting for approval, from the request' },
          columns: [
            { id: 'label', label: { vi: 'Đến khi', en: 'Until' }, numeric: false },
            { id: 'count', label: { vi: 'Số đề nghị', en: 'Requests' }, numeric: true },
            { id: 'median-hours', label: { vi: 'Trung vị', en: 'Median' }, numeric: true },
            { id: 'p90-hours', label: { vi: 'Phân vị 90', en: '90th percentile' }, numeric: true },
          ],
          rows: [
            durationRow('secretary', { vi: 'Thư ký duyệt', en: 'The secretary’s approval' }, a.toSecretary),
            durationRow('board', { vi: 'Ban Quản trị quyết định', en: 'The board’s decision' }, a.toBoard),
          ],
          empty: { vi: '', en: '' },
          note: reportText.timesNote,
        },
      ],
    },
    {
      id: 'urgent',
      heading: { vi: 'Đăng khẩn cấp', en: 'Urgent publications' },
      tables: [
        {
          id: 'urgent',
          caption: { vi: 'Nội dung đăng khẩn cấp và việc rà soát sau', en: 'Urgent publications and their review afterwards' },
          columns: [
            { id: 'pr', label: { vi: 'Đề nghị số', en: 'Request no.' }, numeric: false },
            { id: 'title', label: { vi: 'Tiêu đề', en: 'Title' }, numeric: false },
            { id: 'merged-at', label: { vi: 'Đăng lúc', en: 'Published at' }, numeric: false },
            { id: 'reason', label: { vi: 'Lý do khẩn cấp', en: 'Reason for urgency' }, numeric: false },
            { id: 'reviewed-at', label: { vi: 'Thư ký rà soát lúc', en: 'Reviewed by the secretary at' }, numeric: false },
            { id: 'reviewed-by', label: { vi: 'Người rà soát', en: 'Reviewed by' }, numeric: false },
          ],
          rows: report.urgent.map((u) => ({
            key: String(u.pr),
            cells: [
              text(String(u.pr)),
              text(u.title),
              { kind: 'moment', value: u.mergedAt },
              text(u.reason ?? ''),
              { kind: 'moment', value: u.reviewedAt ?? null, none: { vi: 'Chưa rà soát', en: 'Not reviewed' } },
              text(u.reviewedBy ?? ''),
            ],
          })),
          empty: { vi: 'Không có nội dung đăng khẩn cấp trong kỳ.', en: 'No urgent publications in the period.' },
        },
      ],
    },
    {
      id: 'takedowns',
      heading: { vi: 'Rút và gỡ bỏ nội dung', en: 'Takedowns' },
      tables: [
        {
          id: 'takedowns',
          caption: { vi: 'Nội dung rút hoặc gỡ bỏ, bản lưu thôi phục vụ, và lý do', en: 'Entries withdrawn or unpublished, archived versions no longer served, with the reasons' },
          columns: [
            { id: 'address', label: { vi: 'Địa chỉ', en: 'Address' }, numeric: false },
            { id: 'kind', label: { vi: 'Hình thức', en: 'Kind' }, numeric: false },
            { id: 'date', label: { vi: 'Ngày', en: 'Date' }, numeric: false },
            { id: 'reason', label: { vi: 'Lý do', en: 'Reason' }, numeric: false },
            { id: 'pr', label: { vi: 'Đề nghị số', en: 'Request no.' }, numeric: false },
          ],
          rows: report.takedowns.map((k) => ({
            key: k.path,
            cells: [text(k.address), text(takedownKinds[k.kind]), { kind: 'date', value: k.date }, text(reasonOf(k)), text(k.pr === undefined ? '' : String(k.pr))],
          })),
          empty: { vi: 'Không có nội dung nào bị rút hoặc gỡ bỏ trong kỳ.', en: 'No entries withdrawn or unpublished in the period.' },
        },
      ],
    },
    {
      id: 'qa',
      heading: { vi: 'Hỏi đáp', en: 'Questions and answers' },
      tables: [
        {
          id: 'qa-totals',
          caption: { vi: 'Tổng số câu hỏi', en: 'All questions' },
          columns: qaColumns({ vi: 'Chỉ tiêu', en: 'Figure' }),
          rows: [{ key: 'all', cells: [text({ vi: 'Tất cả', en: 'All' }), count(qa.received), count(qa.answered), count(qa.answeredOnTime), { kind: 'percent', value: qa.onTimePercent }] }],
          empty: { vi: '', en: '' },
        },
        qaTable('qa-by-channel', { vi: 'Theo kênh tiếp nhận', en: 'By channel' }, { vi: 'Kênh', en: 'Channel' }, qa.byChannel),
        qaTable('qa-by-unit', { vi: 'Theo đơn vị trả lời', en: 'By answering unit' }, { vi: 'Đơn vị', en: 'Unit' }, qa.byUnit),
      ],
    },
    {
      id: 'duties',
      heading: { vi: 'Nghĩa vụ công bố thông tin', en: 'Publication duties' },
      tables: [
        {
          id: 'duties',
          caption: { vi: 'Nghĩa vụ có thời hạn trong kỳ', en: 'Duties whose time limit fell in the period' },
          columns: [
            { id: 'due', label: { vi: 'Đến hạn', en: 'Due' }, numeric: true },
            { id: 'met-on-time', label: { vi: 'Đúng hạn', en: 'Met on time' }, numeric: true },
            { id: 'late', label: { vi: 'Trễ hạn', en: 'Late' }, numeric: true },
            { id: 'open', label: { vi: 'Chưa thực hiện', en: 'Not yet met' }, numeric: true },
            { id: 'on-time-percent', label: { vi: 'Tỷ lệ đúng hạn', en: 'On time' }, numeric: true },
          ],
          rows: [{ key: 'all', cells: [count(d.due), count(d.metOnTime), count(d.late), count(d.open), { kind: 'percent', value: d.onTimePercent }] }],
          empty: { vi: '', en: '' },
        },
      ],
    },
    {
      id: 'translations',
      heading: { vi: 'Bản tiếng Anh', en: 'English pages' },
      tables: [
        {
          id: 'translations-missing',
          caption: { vi: 'Bài chưa có bản tiếng Anh (cuối kỳ)', en: 'Entries without an English page (at the period’s end)' },
          columns: [
            { id: 'address', label: { vi: 'Địa chỉ bản gốc', en: 'Address of the original' }, numeric: false },
            { id: 'original', label: { vi: 'Tệp bản gốc', en: 'Original file' }, numeric: false },
          ],
          rows: t.missing.map((g) => ({ key: g.original, cells: [text(g.address), text(g.original)] })),
          empty: { vi: 'Mọi bài đều có bản tiếng Anh.', en: 'Every entry has an English page.' },
        },
        {
          id: 'translations-stale',
          caption: { vi: 'Bản tiếng Anh cũ hơn bản gốc (cuối kỳ)', en: 'English pages older than their original (at the period’s end)' },
          columns: [
            { id: 'address', label: { vi: 'Địa chỉ bản gốc', en: 'Address of the original' }, numeric: false },
            { id: 'english', label: { vi: 'Tệp tiếng Anh', en: 'English file' }, numeric: false },
            { id: 'original-revised-at', label: { vi: 'Bản gốc sửa lúc', en: 'Original revised at' }, numeric: false },
            { id: 'english-revised-at', label: { vi: 'Bản tiếng Anh sửa lúc', en: 'English revised at' }, numeric: false },
          ],
          rows: t.stale.map((g) => ({
            key: g.original,
            cells: [text(g.address), text(g.english ?? ''), { kind: 'moment', value: g.originalRevisedAt ?? null }, { kind: 'moment', value: g.englishRevisedAt ?? null }],
          })),
          empty: { vi: 'Không có bản tiếng Anh nào cũ hơn bản gốc.', en: 'No English page is older than its original.' },
        },
      ],
    },
  ];
}

/** Every table of the report, in order. */
export function reportTables(report: EditorialReport): ReportTable[] {
  return reportSections(report).flatMap((s) => s.tables);
}
