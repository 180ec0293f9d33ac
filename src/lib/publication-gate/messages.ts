/**
 * What the editor reads in the CMS when a publication is refused or fails
 * (scripts/lib/publication-gate.ts): in Vietnamese and English, naming the
 * file, the line and the field by the label the CMS shows, and what to do.
 * Decap shows the answer's `error` (refusalBody) in its notice.
 */
import { bodyLabel } from '../cms/decap-config.ts';
import type { ContentIssue } from '../content/issues.ts';
import type { Locale } from '../locales.ts';
import type { Bilingual } from '../schema/fields.ts';

export interface GateAnswer extends Bilingual {
  status: 409 | 422 | 500;
}

/** How many problems a notice lists; the rest are counted. */
export const SHOWN_ISSUES = 5;

/** Where a problem is, for the editor: the file, its line, and the field's visible label when there is one. */
export function issuePlace(issue: ContentIssue, label: Bilingual | undefined): Bilingual {
  const field = label ? { vi: `, trường “${label.vi}”`, en: `, field “${label.en}”` } : { vi: '', en: '' };
  return { vi: `${issue.file}, dòng ${issue.line}${field.vi}`, en: `${issue.file}, line ${issue.line}${field.en}` };
}

/** The label of the field a problem is in: its frontmatter field, or the body when the line is below the frontmatter. */
export function issueLabel(issue: ContentIssue, source: string | undefined, labelOf: (field: string) => Bilingual | undefined): Bilingual | undefined {
  if (issue.field !== undefined) return labelOf(issue.field);
  if (source === undefined || !issue.file.endsWith('.mdx')) return undefined;
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return bodyLabel;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return end >= 0 && issue.line > end + 1 ? bodyLabel : undefined;
}

/** Where a problem lies for an editor looking at the form: a field of the front matter, or a line of the body (the text field), counted from its first line. */
export function bodyLineOf(issue: ContentIssue, source: string | undefined): number | undefined {
  if (source === undefined || !issue.file.endsWith('.mdx') || issue.field !== undefined) return undefined;
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return issue.line;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return end >= 0 && issue.line > end + 1 ? issue.line - (end + 1) : undefined;
}

const versionNames: Record<Locale, Bilingual> = {
  vi: { vi: 'Bản tiếng Việt', en: 'The Vietnamese version' },
  en: { vi: 'Bản tiếng Anh', en: 'The English version' },
};

/** A problem as an editor finds it in the form: the language version, the field's label, the line inside the text field; the file and its line in brackets. */
export function formPlace(issue: ContentIssue, label: Bilingual | undefined, source: string | undefined): Bilingual {
  const locale = /^content\/[^/]+\/(vi|en)\//.exec(issue.file)?.[1] as Locale | undefined;
  if (!locale || !label) return issuePlace(issue, label);
  const version = versionNames[locale];
  const bodyLine = bodyLineOf(issue, source);
  const line = bodyLine === undefined ? { vi: '', en: '' } : { vi: `, dòng ${bodyLine}`, en: `, line ${bodyLine}` };
  return {
    vi: `${version.vi}, trường “${label.vi}”${line.vi} (${issue.file}, dòng ${issue.line})`,
    en: `${version.en}, field “${label.en}”${line.en} (${issue.file}, line ${issue.line})`,
  };
}

/** The first `SHOWN_ISSUES` problems, numbered, then how many more there are. */
function numbered(issues: LabelledIssue[], place: (l: LabelledIssue) => Bilingual): { vi: string[]; en: string[] } {
  const shown = issues.slice(0, SHOWN_ISSUES).map((l, i) => {
    const at = place(l);
    return { vi: `(${i + 1}) ${at.vi}: ${l.issue.vi}`, en: `(${i + 1}) ${at.en}: ${l.issue.en}` };
  });
  const more = issues.length - shown.length;
  return {
    vi: [...shown.map((s) => s.vi), ...(more > 0 ? [`… và ${more} lỗi khác.`] : [])],
    en: [...shown.map((s) => s.en), ...(more > 0 ? [`… and ${more} more.`] : [])],
  };
}

/** A problem of the content check, with the label of its field in the CMS and the text of its file. */
export interface LabelledIssue {
  issue: ContentIssue;
  label: Bilingual | undefined;
  source?: string | undefined;
}

/**
 * The entry the CMS is saving fails the check the build runs: nothing is
 * written, and the editor's text stays in the form (Decap keeps it when a save fails).
 * The first line says so; each problem follows on a line of its own (the CMS
 * page lists them: src/admin/save-check.ts).
 */
export function saveRefusal(entry: string, issues: LabelledIssue[]): GateAnswer {
  const list = numbered(issues, ({ issue, label, source }) => formPlace(issue, label, source));
  const n = issues.length;
  return {
    status: 422,
    vi:
      `Nội dung của “${entry}” chưa đạt kiểm tra của trang (${n} lỗi), nên chưa có gì được lưu; những gì bạn đã nhập vẫn còn trong biểu mẫu. ` +
      `Hãy sửa các lỗi dưới đây rồi bấm Lưu lại.\n${list.vi.join('\n')}`,
    en:
      `The content of “${entry}” fails the site's check (${n} problem${n === 1 ? '' : 's'}), so nothing was saved; what you typed is still in the form. ` +
      `Fix the problems below and press Save again.\n${list.en.join('\n')}`,
  };
}

/**
 * A note of the content check on an entry that was saved, which the
 * browser's own check (src/lib/cms/cms-entry-check.ts) cannot make: on the
 * entry's text (the numbering of a legal text). The CMS lists it beside the
 * browser's notes, in the interface language: the language version, the
 * field's label and the line inside the text field.
 */
export interface SaveNote {
  version: Locale;
  label: Bilingual;
  message: Bilingual;
}

/** A warning on a saved file as the CMS lists it (`undefined` for a file that is not a language version of an entry). */
export function saveNote({ issue, label, source }: LabelledIssue): SaveNote | undefined {
  const version = /^content\/[^/]+\/(vi|en)\//.exec(issue.file)?.[1] as Locale | undefined;
  if (!version) return undefined;
  const bodyLine = bodyLineOf(issue, source);
  const field = label ?? { vi: '', en: '' };
  const line = bodyLine === undefined ? { vi: '', en: '' } : { vi: `, dòng ${bodyLine}`, en: `, line ${bodyLine}` };
  return {
    version,
    label: { vi: `${field.vi}${line.vi}`.replace(/^, /, ''), en: `${field.en}${line.en}`.replace(/^, /, '') },
    message: { vi: issue.vi, en: issue.en },
  };
}

/** The save could not be checked (the check itself failed): nothing is written. */
export function saveCheckFailure(entry: string, reason: string): GateAnswer {
  return {
    status: 500,
    vi: `Chưa lưu “${entry}”: máy chủ biên tập không kiểm tra được nội dung (${reason}), nên chưa có gì được lưu; những gì bạn đã nhập vẫn còn trong biểu mẫu. Hãy thử lưu lại; nếu vẫn lỗi, báo cho người quản trị kèm nội dung này.`,
    en: `“${entry}” was not saved: the CMS server could not check its content (${reason}), so nothing was saved; what you typed is still in the form. Try saving again; if it fails again, tell the administrator with this message.`,
  };
}

/** The draft's content fails the check the build runs: nothing is merged. */
export function contentRefusal(entry: string, issues: LabelledIssue[]): GateAnswer {
  const list = numbered(issues, ({ issue, label }) => issuePlace(issue, label));
  return {
    status: 422,
    vi:
      `Chưa công bố “${entry}”: nội dung chưa đạt kiểm tra của trang (${issues.length} lỗi), nên không có gì được đưa lên trang. ` +
      `Hãy mở bản nháp, sửa các lỗi dưới đây, lưu rồi công bố lại — hoặc huỷ bản nháp. ${list.vi.join(' ')}`,
    en:
      `“${entry}” was not published: its content fails the site's check (${issues.length} problem${issues.length === 1 ? '' : 's'}), so nothing went live. ` +
      `Open the draft, fix the problems below, save and publish again — or discard the draft. ${list.en.join(' ')}`,
  };
}

/** The draft changes the same lines as a publication made since it was saved. */
export function conflictRefusal(entry: string, files: string[]): GateAnswer {
  const list = files.join(', ');
  return {
    status: 409,
    vi: `Chưa công bố “${entry}”: bản nháp sửa cùng chỗ với một lần công bố khác đã diễn ra sau khi nó được lưu (${list}), nên không có gì được đưa lên trang. Hãy sao lại phần đã sửa, huỷ bản nháp, mở lại mục rồi sửa lại.`,
    en: `“${entry}” was not published: the draft changes the same places as another publication made after it was saved (${list}), so nothing went live. Copy your changes, discard the draft, open the entry again and redo them.`,
  };
}

/** decap-server could not merge the draft. */
export function mergeFailure(entry: string, reason: string): GateAnswer {
  return {
    status: 500,
    vi: `Chưa công bố “${entry}”: không ghép được bản nháp vào nhánh đã công bố (${reason}). Bản nháp vẫn còn nguyên; hãy thử lại, và nếu vẫn lỗi, báo cho người quản trị kèm nội dung này.`,
    en: `“${entry}” was not published: the draft could not be merged into the published branch (${reason}). The draft is kept; try again, and if it fails again, tell the administrator with this message.`,
  };
}

/** The site could not be built with the draft merged: the publication was undone. */
export function buildFailure(entry: string, output: string): GateAnswer {
  const reason = output.trim() === '' ? { vi: 'không có thông báo', en: 'no message' } : { vi: output.trim(), en: output.trim() };
  return {
    status: 500,
    vi: `Chưa công bố “${entry}”: trang không dựng lại được với bản nháp này, nên việc công bố đã được hoàn tác — trang và nhánh đã công bố giữ nguyên như trước, bản nháp vẫn còn trong cột “Sẵn sàng”. Hãy mở bản nháp, sửa theo thông báo của bước dựng trang rồi công bố lại, hoặc huỷ bản nháp. Thông báo: ${reason.vi}`,
    en: `“${entry}” was not published: the site could not be rebuilt with this draft, so the publication was undone — the site and the published branch are as they were, and the draft is still in the “Ready” column. Open the draft, fix what the build says and publish again, or discard the draft. The build said: ${reason.en}`,
  };
}

/**
 * The language of the CMS page that sent a call, from its address (the
 * Referer of the page's own requests): /en/admin/ is the English interface,
 * /admin/ the Vietnamese one; `undefined` when it cannot be told.
 */
export function interfaceLanguage(referer: string | undefined): 'vi' | 'en' | undefined {
  if (referer === undefined) return undefined;
  let pathname: string;
  try {
    pathname = new URL(referer).pathname;
  } catch {
    return undefined;
  }
  if (pathname.startsWith('/en/admin/')) return 'en';
  if (pathname.startsWith('/admin/')) return 'vi';
  return undefined;
}

/** The answer's body: Decap shows `error`, in the interface's language when it is known, else in both. */
export function gateBody(answer: Bilingual, language: 'vi' | 'en' | undefined): { error: string; vi: string; en: string } {
  return { error: language ? answer[language] : `${answer.vi} / ${answer.en}`, vi: answer.vi, en: answer.en };
}

/** Lines of a build's output that say nothing to an editor: stack frames, source echoes, timestamps of progress, the runtime's version. */
const NOISE = [
  /^at\s/,
  /^(Stack trace|Location):?$/,
  /^(\/|file:\/\/|node:)\S*$/,
  /^file:\/\/\S+:\d+$/,
  /^Node\.js v/,
  /^\^+$/,
  /=>|;$/,
  /^Error: .* failed \(exit code \d+\)$/,
  /^build: /,
];

/**
 * What a failed build said, for the editor: its message lines without stack
 * traces or source code, each once, the last `max` of them.
 */
export function buildOutputSummary(output: string, max = 4): string {
  const lines = output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !NOISE.some((noise) => noise.test(line)))
    // Astro's progress lines (“10:22:56 [content] Syncing content”), unless they report an error.
    .filter((line) => !/^\d\d:\d\d:\d\d /.test(line) || /error|lỗi/i.test(line));
  const distinct = [...new Set(lines.reverse())].slice(0, max).reverse();
  return distinct.join(' — ');
}
