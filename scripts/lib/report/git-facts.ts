/**
 * The report's facts from Git (docs/reports.md): the published branch's
 * history of content/ read in one pass (src/lib/history/read-history.ts), then
 * every revision's text read with one `git cat-file --batch`. From those: each
 * entry file's revisions with their front matter, and any content file as it
 * stood at a moment (the Q&A register and the rules as of the period's end,
 * the roles, calendar, taxonomy and unit names as of the report's making).
 */
import { frontmatterOf, parseCatFileBatch, readContentHistory } from '../../../src/lib/history/read-history.ts';
import { HistoryError } from '../../../src/lib/history/history-error.ts';
import type { ContentHistory, Revision } from '../../../src/lib/history/revision.ts';
import { runGit } from '../../../src/lib/history/run-git.ts';
import { SITE_FILE } from '../../../src/lib/content/site-file.ts';
import type { SettingsRevisionFact } from '../../../src/lib/report/archive-withholdings.ts';
import { entryOfPath, type EntryRevisionFact } from '../../../src/lib/report/publication-events.ts';

export interface GitFacts {
  history: ContentHistory;
  /** Each entry file's revisions, by path (the path of each revision), oldest first, with front matter. */
  revisions: Map<string, EntryRevisionFact[]>;
  /** The site settings' revisions, oldest first, with their texts. */
  settings: SettingsRevisionFact[];
  /** Every revision of a content file that a pull request's merge published, with its number. */
  merges: { date: string; pr: number }[];
  /** The content files as they stood at instant `at` (ms): path → text; removed files are absent. */
  filesAt(at: number): Map<string, string>;
  /** One file (by its current path) as it stood at instant `at` (ms); undefined when absent then. */
  fileAt(path: string, at: number): string | undefined;
}

/** Reads the history of content/ on `ref` of the repository at `dir`, and every revision's text. */
export async function readGitFacts(dir: string, ref: string): Promise<GitFacts> {
  const history = await readContentHistory(dir, { ref });
  const all: Revision[] = [...history.files.values()].flat();
  const wanted = all.filter((r) => r.status !== 'removed');
  const texts = new Map<Revision, string | undefined>();
  if (wanted.length > 0) {
    const top = (await runGit(dir, ['rev-parse', '--show-toplevel'])).stdout.toString('utf8').trim();
    const result = await runGit(top, ['cat-file', '--batch'], wanted.map((r) => `${r.blob ?? `${r.commit}:${r.path}`}\n`).join(''));
    if (result.code !== 0) throw new HistoryError({ vi: `Không đọc được các phiên bản của tệp trong ${top}.`, en: `Could not read the files' revisions in ${top}.` });
    parseCatFileBatch(result.stdout).forEach((text, i) => texts.set(wanted[i]!, text));
  }
  const revisions = new Map<string, EntryRevisionFact[]>();
  // The pull request: from the merge commit’s subject, else from its publication record (a squash without “(#N)”).
  const prOf = (r: Revision) => r.pr ?? r.publication?.pull_request?.number;
  for (const r of all) {
    if (!entryOfPath(r.path)) continue;
    // A removal is recorded under the path it removed; a rename's revision under its new path.
    const list = revisions.get(r.path) ?? [];
    list.push({ path: r.path, date: r.date, pr: prOf(r), removed: r.status === 'removed', data: r.status === 'removed' ? null : (frontmatterOf(texts.get(r)) ?? null) });
    revisions.set(r.path, list);
  }
  for (const list of revisions.values()) list.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const settings = (history.files.get(SITE_FILE) ?? [])
    .map((r): SettingsRevisionFact => ({ date: r.date, pr: prOf(r), text: r.status === 'removed' ? undefined : texts.get(r) }))
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const filesAt = (at: number): Map<string, string> => {
    const files = new Map<string, string>();
    for (const list of history.files.values()) {
      const last = list.filter((r) => Date.parse(r.date) <= at).at(-1);
      const text = last && last.status !== 'removed' ? texts.get(last) : undefined;
      if (last && text !== undefined) files.set(last.path, text);
    }
    return files;
  };
  const fileAt = (path: string, at: number): string | undefined => {
    const last = (history.files.get(path) ?? []).filter((r) => Date.parse(r.date) <= at).at(-1);
    return last && last.status !== 'removed' ? texts.get(last) : undefined;
  };
  const merges = all.flatMap((r) => {
    const pr = prOf(r);
    return pr === undefined ? [] : [{ date: r.date, pr }];
  });
  return { history, revisions, settings, merges, filesAt, fileAt };
}
