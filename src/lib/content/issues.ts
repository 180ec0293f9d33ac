/**
 * A problem found in a content file, said in Vietnamese and English, and the
 * way such problems are printed for editors (build output, `check:content`).
 */

export interface ContentIssue {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** Dotted path of the frontmatter field, when the problem is in one. */
  field: string | undefined;
  vi: string;
  en: string;
  /** The field is required and absent: a form (the CMS) shows it as an empty field. */
  missing?: true;
  /** Warnings are printed but do not fail the build. */
  severity?: 'error' | 'warning';
}

export function isError(issue: ContentIssue): boolean {
  return issue.severity !== 'warning';
}

export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** One issue, as printed: `file:line:column  field` then the two languages. */
export function formatIssue(issue: ContentIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const field = issue.field ? `  [${issue.field}]` : '';
  const level = issue.severity === 'warning' ? 'cảnh báo / warning' : 'lỗi / error';
  return `${where}${field}  (${level})\n  vi: ${issue.vi}\n  en: ${issue.en}`;
}

export function formatIssues(issues: ContentIssue[]): string {
  const sorted = sortIssues(issues);
  const errors = sorted.filter(isError).length;
  const warnings = sorted.length - errors;
  const head =
    `Nội dung có ${errors} lỗi và ${warnings} cảnh báo / ` +
    `The content has ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}:`;
  return [head, '', ...sorted.map(formatIssue)].join('\n');
}

/** Thrown by the content loader so the build stops with every problem listed. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(formatIssues(issues));
    this.name = 'ContentError';
    this.issues = issues;
  }
}
