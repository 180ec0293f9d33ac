/**
 * A page's revisions as the archivist's `history log` prints them, in
 * Vietnamese or English: when (Vietnam time), what changed, the pull request,
 * the commit and who approved it (from the publication record). Pure.
 */
import type { Locale } from '../locales.ts';
import { roleLabels } from '../schema/governance.ts';
import { formatInstantInVietnam } from './moments.ts';
import { entryOfSource } from './page-sources.ts';
import type { PublicationRecord, Revision } from './revision.ts';

const words = {
  vi: {
    title: 'Lịch sử sửa đổi',
    sources: 'Tệp nguồn',
    sourcesNote: 'trang tiếng Anh hiện bản dịch, hoặc thông báo dẫn tới bản gốc tiếng Việt khi chưa có bản dịch',
    times: (n: number) => `Giờ Việt Nam (UTC+7). ${n} lần đăng.`,
    first: 'Đăng lần đầu',
    again: 'Đăng lại',
    minor: 'thay đổi nhỏ',
    noNote: '(không có ghi chú thay đổi)',
    moved: (from: string, to: string) => `Đổi tên tệp: ${from} → ${to}`,
    removed: 'Xoá tệp (trang không còn trên cổng)',
    pr: (n: number) => `PR #${n}`,
    noPr: 'không qua pull request',
    approvers: 'người duyệt',
    notRecorded: 'chưa ghi nhận',
    noApprovals: 'không có phê duyệt nào được ghi',
  },
  en: {
    title: 'Revision history',
    sources: 'Source files',
    sourcesNote: 'the English page shows the translation, or a notice linking the Vietnamese original when there is none',
    times: (n: number) => `Vietnam time (UTC+7). ${n} publication(s).`,
    first: 'First published',
    again: 'Published again',
    minor: 'minor change',
    noNote: '(no change note)',
    moved: (from: string, to: string) => `File renamed: ${from} → ${to}`,
    removed: 'File deleted (the page left the portal)',
    pr: (n: number) => `PR #${n}`,
    noPr: 'no pull request',
    approvers: 'approved by',
    notRecorded: 'not recorded',
    noApprovals: 'no approvals recorded',
  },
} as const;

/** What a revision did, in a few words: its change note, or what it was (first published, minor, renamed, deleted). */
export function describeRevision(revision: Revision, earlier: readonly Revision[], locale: Locale): string {
  const w = words[locale];
  const note = revision.changeNote ? (revision.minor ? `${revision.changeNote} (${w.minor})` : revision.changeNote) : undefined;
  switch (revision.status) {
    case 'added':
      return earlier.some((r) => r.path === revision.path && r.status === 'removed') ? w.again : w.first;
    case 'removed':
      return w.removed;
    case 'renamed': {
      const moved = w.moved(revision.previousPath ?? '?', revision.path);
      return note ? `${note}. ${moved}` : moved;
    }
    default:
      return note ?? (revision.minor ? w.minor.charAt(0).toUpperCase() + w.minor.slice(1) : w.noNote);
  }
}

/** Who approved the publication: “login (role)” for each approving review in its record, or “not recorded”. */
export function approversOf(publication: PublicationRecord | undefined, locale: Locale): string {
  const w = words[locale];
  if (!publication) return w.notRecorded;
  const approving = publication.approvals.filter((a) => String(a.state).toUpperCase() === 'APPROVED');
  if (approving.length === 0) return w.noApprovals;
  return approving
    .map((a) => {
      const label = (roleLabels as Record<string, { vi: string; en: string }>)[a.role]?.[locale] ?? a.role;
      return label ? `${a.login} (${label})` : a.login;
    })
    .join(', ');
}

/** The language tag of a revision's file (`[vi]`, `[en]`), when the page has files in both. */
function languageTag(revision: Revision): string {
  const locale = entryOfSource(revision.path)?.locale;
  return locale ? `[${locale}] ` : '';
}

/** The whole log: a heading naming the page and its files, then one block per revision, oldest first. */
export function formatLog(page: { name: string; sources: readonly string[] }, revisions: readonly Revision[], locale: Locale): string {
  const w = words[locale];
  const lines = [`${w.title}: ${page.name}`];
  lines.push(`${w.sources}: ${page.sources.join(', ')}${page.sources.length > 1 ? ` (${w.sourcesNote})` : ''}`);
  lines.push(w.times(new Set(revisions.map((r) => r.commit)).size), '');
  const tagged = page.sources.length > 1;
  revisions.forEach((revision, i) => {
    const what = describeRevision(revision, revisions.slice(0, i), locale);
    lines.push(`${formatInstantInVietnam(revision.date, locale)}  ${tagged ? languageTag(revision) : ''}${what}`);
    const pr = revision.pr !== undefined ? w.pr(revision.pr) : w.noPr;
    lines.push(`    ${pr} · commit ${revision.commit.slice(0, 7)} · ${w.approvers}: ${approversOf(revision.publication, locale)}`);
  });
  return lines.join('\n');
}
