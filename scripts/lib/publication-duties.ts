/**
 * The I/O shell of the publication duties (src/lib/duties/publication-duties.ts):
 * reads the published history of the entries from Git (one `git log` through
 * src/lib/history/, one `git cat-file --batch` for the front matter of every
 * revision), the rules file, the content and the calendar, and hands them to
 * the pure functions. `npm run duties` (scripts/duties.ts) calls
 * `publicationDutyResults`; a duty due before its collection's history began
 * (scripts/lib/history-begins.ts) is `unrecorded`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentRoot, readContentFiles, readPublicFiles } from '../../src/content-loader/read-content.ts';
import type { VietnamDateTime } from '../../src/lib/calendar/index.ts';
import { loadWorkingCalendar } from '../../src/lib/calendar/read-calendar.ts';
import { formatIssues, isError } from '../../src/lib/content/issues.ts';
import { PUBLICATION_DUTIES_FILE, validatePublicationDutiesFile } from '../../src/lib/content/publication-duties-file.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { dutiesNeedingAttention } from '../../src/lib/duties/publication-duties-report.ts';
import { publicationDuties, type DutyEntry, type PublicationDutyResult, type PublicationHistory, type PublishedRevision } from '../../src/lib/duties/publication-duties.ts';
import { HistoryError } from '../../src/lib/history/history-error.ts';
import { frontmatterOf, parseCatFileBatch, readContentHistory } from '../../src/lib/history/read-history.ts';
import type { Revision } from '../../src/lib/history/revision.ts';
import { runGit } from '../../src/lib/history/run-git.ts';
import type { PublicationDutyRules } from '../../src/lib/schema/publication-duties.ts';
import { historyBeginnings } from './history-begins.ts';

/** Entry files whose life the duties follow: the Vietnamese originals. */
const ORIGINAL = /^content\/[^/]+\/vi\/[^/]+\.mdx$/;

/**
 * The published revisions of every Vietnamese entry file on `ref` of the
 * repository at `dir` (default HEAD), with each revision's front matter
 * (null for a removal); none when `dir` is not in a Git repository or `ref`
 * is not a commit there (nothing has been published). A shallow clone is
 * refused: a history cut short would make every entry look first published at
 * its oldest commit.
 */
export async function readPublicationHistory(dir: string, ref = 'HEAD'): Promise<PublicationHistory> {
  // Content outside a Git repository, or a repository without a commit, has published nothing (as for the Q&A register).
  if ((await runGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).code !== 0) return new Map();
  const history = await readContentHistory(dir, { ref });
  if (history.shallow) {
    throw new HistoryError({
      vi: 'Kho mã là bản sao nông (shallow clone), nên không biết được lần đầu mỗi mục được đăng. Lấy toàn bộ lịch sử: git fetch --unshallow (trong GitHub Actions: fetch-depth: 0).',
      en: 'The repository is a shallow clone, so when each entry was first published cannot be known. Fetch the whole history: git fetch --unshallow (in GitHub Actions: fetch-depth: 0).',
    });
  }
  const files = [...history.files].filter(([file]) => ORIGINAL.test(file));
  const wanted: Revision[] = files.flatMap(([, revisions]) => revisions.filter((r) => r.status !== 'removed'));
  const texts = new Map<Revision, string | undefined>();
  if (wanted.length > 0) {
    const top = (await runGit(dir, ['rev-parse', '--show-toplevel'])).stdout.toString('utf8').trim();
    const result = await runGit(top, ['cat-file', '--batch'], wanted.map((r) => `${r.blob ?? `${r.commit}:${r.path}`}\n`).join(''));
    if (result.code !== 0) throw new HistoryError({ vi: `Không đọc được các phiên bản của tệp trong ${top}.`, en: `Could not read the files' revisions in ${top}.` });
    parseCatFileBatch(result.stdout).forEach((text, i) => texts.set(wanted[i]!, text));
  }
  return new Map(
    files.map(([file, revisions]): [string, PublishedRevision[]] => [
      file,
      revisions.map((r) => ({ date: r.date, data: r.status === 'removed' ? null : (frontmatterOf(texts.get(r)) ?? null) })),
    ]),
  );
}

/** The rules of `content/governance/publication-duties.yml`; stops with the file's problems, file:line, in both languages. */
export async function readPublicationDutyRules(projectRoot: string = process.cwd()): Promise<PublicationDutyRules> {
  const file = path.join(contentRoot(projectRoot), 'governance', 'publication-duties.yml');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new Error(
      `Không có tệp ${PUBLICATION_DUTIES_FILE}: thêm tệp nghĩa vụ đăng tải (xem docs/publication-duties.md). / ` +
        `There is no ${PUBLICATION_DUTIES_FILE}: add the publication-duties file (see docs/publication-duties.md).`,
    );
  }
  const { rules, issues } = validatePublicationDutiesFile(source);
  if (!rules) throw new Error(formatIssues(issues));
  return rules;
}

/** The entries of the content tree, checked; stops with the content check's errors when there are any. */
export async function readDutyEntries(projectRoot: string = process.cwd()): Promise<DutyEntry[]> {
  const [{ files, issues: readIssues }, { staticPaths }] = await Promise.all([readContentFiles(projectRoot), readPublicFiles(projectRoot)]);
  const checked = validateContent(files, { staticPaths });
  const errors = [...readIssues, ...checked.issues].filter(isError);
  if (errors.length > 0) throw new Error(formatIssues(errors));
  return checked.entries;
}

export interface PublicationDutiesOptions {
  /** The project (content/ and the Git repository). */
  root?: string;
  /** The published branch or commit (default HEAD). */
  ref?: string;
  now: VietnamDateTime;
  /** Also list duties still open that fall due within this many working days. */
  within: number;
  /** Every duty, met or not (default: only the late, the overdue and those due within `within`). */
  all?: boolean;
}

/** The duties at `options.now`: every one (`all`) or those that need attention. */
export async function publicationDutyResults(options: PublicationDutiesOptions): Promise<{ rules: PublicationDutyRules; results: PublicationDutyResult[] }> {
  const root = options.root ?? process.cwd();
  // The history is the content folder's repository (PORTAL_CONTENT_DIR may hold content kept elsewhere).
  const content = contentRoot(root);
  const [rules, entries, history, begins, calendar] = await Promise.all([
    readPublicationDutyRules(root),
    readDutyEntries(root),
    readPublicationHistory(content, options.ref),
    historyBeginnings(content, options.ref),
    loadWorkingCalendar(root),
  ]);
  const results = publicationDuties(entries, history, calendar, rules, options.now, begins);
  return { rules, results: options.all ? results : dutiesNeedingAttention(results, calendar, options.now, options.within) };
}
