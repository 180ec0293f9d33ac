/**
 * A change to a published entry needs a change note, unless it is marked minor
 * (GOV.UK's rule; the page's history shows the notes). Compares an entry file
 * as it is on the published branch with the pull request's version.
 */
import { parseEntryFile } from './frontmatter.ts';
import type { ContentIssue } from './issues.ts';

/** The fields that say what changed, not what the entry is. */
const bookkeeping = new Set(['change_note', 'minor_change']);

function substance(data: Record<string, unknown>, body: string): string {
  return JSON.stringify([Object.entries(data).filter(([k]) => !bookkeeping.has(k)).sort(([a], [b]) => a.localeCompare(b)), body.trim()]);
}

/** The issue for an entry changed without a new change note, or undefined. */
export function changeNoteIssue(file: string, published: string, proposed: string): ContentIssue | undefined {
  const before = parseEntryFile(file, published);
  const after = parseEntryFile(file, proposed);
  if (!before.data || !after.data) return undefined; // the content check reports unreadable files
  if (substance(before.data, before.body) === substance(after.data, after.body)) return undefined;
  if (after.data.minor_change === true) return undefined;
  const note = typeof after.data.change_note === 'string' ? after.data.change_note.trim() : '';
  if (note !== '' && note !== before.data.change_note) return undefined;
  const where = after.data.change_note === undefined ? { line: 1, column: 1 } : after.locate(['change_note']);
  return {
    file,
    ...where,
    field: 'change_note',
    vi:
      'Mục đã đăng được sửa nội dung nhưng chưa có ghi chú thay đổi mới. Viết vào “Ghi chú thay đổi” (change_note) đã sửa gì — ghi chú hiện trong lịch sử của trang — ' +
      'hoặc, nếu chỉ sửa lỗi chính tả, định dạng, bật “Thay đổi nhỏ” (minor_change: true).',
    en:
      'This published entry is changed but has no new change note. Write what changed in “Change note” (change_note) — it is shown in the page’s history — ' +
      'or, for typos and formatting only, turn on “Minor change” (minor_change: true).',
  };
}
