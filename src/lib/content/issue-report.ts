/**
 * The content check's problems as a readable Markdown page, in Vietnamese and
 * English: the job summary of the pull request workflow ($GITHUB_STEP_SUMMARY),
 * which the `content-check/report` commit status links to, and which Decap
 * CMS shows the editor as its preview link. One row per problem: the file,
 * the line, the field by the name the editor sees in the CMS, and the message
 * in both languages. Nothing in a cell can become markup (a title an editor
 * typed may hold `<script>` or `|`).
 */
import type { z } from 'zod';
import { collectionNames, type CollectionName, type ContentSchemas } from '../schema/collections.ts';
import type { Bilingual } from '../schema/fields.ts';
import { isError, sortIssues, type ContentIssue } from './issues.ts';
import { fieldAt } from './zod-messages.ts';

/** GitHub's limit for one step's summary is 1 MiB; the table stops well before, saying how many rows it left out. */
export const SUMMARY_LIMIT = 512 * 1024;

/** Text safe in a Markdown table cell: no markup, no line breaks, no column breaks. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]#!~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .trim();
}

/** The field's label as the CMS shows it (from the content schemas' metadata), for an issue in an entry file; undefined elsewhere. */
export function fieldLabelOf(schemas: ContentSchemas): (issue: ContentIssue) => Bilingual | undefined {
  return (issue) => {
    if (!issue.field) return undefined;
    const collection = /^content\/([^/]+)\/(?:vi|en)\//.exec(issue.file)?.[1];
    if (!collection || !(collectionNames as readonly string[]).includes(collection)) return undefined;
    // `people[0].roles`, `attachments.0.file`: names and indexes.
    const path = (issue.field.match(/[^.[\]]+/g) ?? []).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const label = fieldAt(schemas[collection as CollectionName] as z.ZodType, path)?.meta.label as Bilingual | undefined;
    return label;
  };
}

export interface CheckCounts {
  files: number;
  entries: number;
}

/** The whole page: a headline with the counts, then the table (or a line saying there is nothing to fix). */
export function issuesMarkdown(issues: ContentIssue[], counts: CheckCounts, labelOf: (issue: ContentIssue) => Bilingual | undefined = () => undefined): string {
  const sorted = sortIssues(issues);
  const errors = sorted.filter(isError).length;
  const warnings = sorted.length - errors;
  const head = ['## Kiểm tra nội dung / Content check', ''];
  const tally = `${counts.files} tệp, ${counts.entries} mục hợp lệ / ${counts.files} files, ${counts.entries} valid entries.`;
  if (sorted.length === 0) return [...head, `**Đạt: không có lỗi.** / **Passed: no problems.** ${tally}`, ''].join('\n');
  const verdict =
    errors > 0
      ? `**Không đạt: ${errors} lỗi, ${warnings} cảnh báo.** Sửa từng lỗi dưới đây trong CMS (mở bài, sửa trường được nêu, lưu lại); kiểm tra sẽ chạy lại. / ` +
        `**Failed: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.** Fix each problem below in the CMS (open the entry, correct the field named, save again); the check runs again.`
      : `**Đạt, có ${warnings} cảnh báo** (không chặn việc đăng). / **Passed with ${warnings} warning${warnings === 1 ? '' : 's'}** (they do not block publication).`;
  const lines = [...head, verdict, '', tally, '', '| Tệp / File | Dòng / Line | Trường / Field | Mức / Level | Tiếng Việt | English |', '| --- | --- | --- | --- | --- | --- |'];
  let size = lines.join('\n').length;
  let shown = 0;
  for (const issue of sorted) {
    const label = labelOf(issue);
    const field = issue.field ? (label ? `${cell(label.vi)} / ${cell(label.en)} (\`${issue.field.replace(/`/g, '')}\`)` : `\`${issue.field.replace(/`/g, '')}\``) : '—';
    const level = isError(issue) ? 'lỗi / error' : 'cảnh báo / warning';
    const row = `| ${cell(issue.file)} | ${issue.line} | ${field} | ${level} | ${cell(issue.vi)} | ${cell(issue.en)} |`;
    if (size + row.length + 1 > SUMMARY_LIMIT) break;
    lines.push(row);
    size += row.length + 1;
    shown++;
  }
  if (shown < sorted.length) {
    const rest = sorted.length - shown;
    lines.push('', `… và ${rest} vấn đề nữa: chạy \`npm run check:content\` để xem tất cả. / … and ${rest} more: run \`npm run check:content\` to see them all.`);
  }
  return [...lines, ''].join('\n');
}
