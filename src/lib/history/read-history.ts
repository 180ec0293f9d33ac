/**
 * Reads the published history of content/ from a Git repository: one
 * `git log` (src/lib/history/git-log.ts says which), plus two `git rev-parse`
 * for the repository's top folder, whether it is a shallow clone, and the
 * commit read. A shallow clone is reported (`shallow: true`, print
 * SHALLOW_HISTORY_WARNING), never passed off as the whole history.
 */
import { parse as parseYaml } from 'yaml';
import { historyLogArgs, parseHistoryLog } from './git-log.ts';
import { HistoryError, type BilingualMessage } from './history-error.ts';
import type { ContentHistory, Revision } from './revision.ts';
import { gitText, runGit } from './run-git.ts';

/** For the build and the tools to print when `history.shallow` is true. */
export const SHALLOW_HISTORY_WARNING: BilingualMessage = {
  vi:
    'Kho mã là bản sao nông (shallow clone): chỉ có một phần lịch sử, nên lịch sử sửa đổi của các trang không đầy đủ ' +
    '(các tệp có vẻ như được đăng lần đầu ở lần chụp cũ nhất). Lấy toàn bộ lịch sử: git fetch --unshallow; ' +
    'trong GitHub Actions đặt fetch-depth: 0 cho actions/checkout.',
  en:
    'The repository is a shallow clone: it holds only part of the history, so the pages’ revision histories are incomplete ' +
    '(files look first published at the oldest commit present). Fetch the whole history: git fetch --unshallow; ' +
    'in GitHub Actions set fetch-depth: 0 on actions/checkout.',
};

export interface ReadHistoryOptions {
  /** The published branch or commit to read (default HEAD: what the build has checked out). */
  ref?: string;
}

/** The folder's repository: its top folder and whether it is shallow, or a HistoryError that says what is wrong. */
async function repositoryOf(dir: string): Promise<{ top: string; shallow: boolean }> {
  const result = await runGit(dir, ['rev-parse', '--is-shallow-repository', '--show-toplevel']);
  const [shallow, top] = result.stdout.toString('utf8').trim().split('\n');
  if (result.code !== 0 || !top) {
    throw new HistoryError({
      vi: `${dir} không phải là kho Git (hoặc không có thư mục làm việc), nên không đọc được lịch sử sửa đổi. Chạy lệnh trong bản sao của kho cổng thông tin (git clone …), hoặc chỉ đúng thư mục bằng --repo.`,
      en: `${dir} is not a Git repository (or has no working tree), so the revision history cannot be read. Run the command in a clone of the portal’s repository (git clone …), or point --repo at it.`,
    });
  }
  return { top, shallow: shallow === 'true' };
}

/** The published history of `content/` in the repository at `dir`, at `options.ref` (default HEAD). */
export async function readContentHistory(dir: string, options: ReadHistoryOptions = {}): Promise<ContentHistory> {
  const ref = options.ref ?? 'HEAD';
  const { top, shallow } = await repositoryOf(dir);
  const head = (
    await gitText(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], {
      vi: `Không tìm thấy “${ref}” trong kho ${top} (nhánh chưa có, hoặc kho chưa có lần commit nào). Kiểm tra tên nhánh đã đăng (thường là main).`,
      en: `“${ref}” was not found in the repository ${top} (no such branch, or no commit yet). Check the name of the published branch (usually main).`,
    })
  ).trim();
  const output = await gitText(top, historyLogArgs(head), {
    vi: `Không đọc được lịch sử của content/ trong ${top}.`,
    en: `Could not read the history of content/ in ${top}.`,
  });
  const history = parseHistoryLog(output, { head, shallow });
  await readRevisionFacts(top, history);
  return history;
}

/** Splits `git cat-file --batch` output into the objects' texts (undefined for a missing one), in request order. */
export function parseCatFileBatch(output: Buffer): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    const header = output.subarray(at, end).toString('utf8');
    const m = / (\w+) (\d+)$/.exec(header);
    if (!m || header.endsWith(' missing')) {
      texts.push(undefined);
      at = end + 1;
      continue;
    }
    const size = Number(m[2]);
    texts.push(output.subarray(end + 1, end + 1 + size).toString('utf8'));
    at = end + 1 + size + 1;
  }
  return texts;
}

/** The frontmatter of an entry's text as plain data (only what the history needs: no positions, no checks). */
export function frontmatterOf(text: string | undefined): Record<string, unknown> | undefined {
  const m = text === undefined ? null : /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    const data: unknown = parseYaml(m[1]!);
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sets each revision's `changeNote` (when it set or changed the note),
 * `minor` (its `minor_change`) and `englishAddress` (its `english_address`)
 * from the file's frontmatter at that commit.
 * Only files published more than once need it; one `git cat-file --batch`
 * reads all those texts.
 */
async function readRevisionFacts(top: string, history: ContentHistory): Promise<void> {
  const wanted: Revision[] = [];
  for (const revisions of history.files.values()) {
    const live = revisions.filter((r) => r.status !== 'removed');
    if (live.length > 1) wanted.push(...live);
  }
  if (wanted.length === 0) return;
  const result = await runGit(top, ['cat-file', '--batch'], wanted.map((r) => `${r.blob ?? `${r.commit}:${r.path}`}\n`).join(''));
  if (result.code !== 0) throw new HistoryError({ vi: `Không đọc được các phiên bản của tệp trong ${top}.`, en: `Could not read the files' revisions in ${top}.` });
  const texts = parseCatFileBatch(result.stdout);
  const front = new Map<Revision, Record<string, unknown> | undefined>(wanted.map((r, i) => [r, frontmatterOf(texts[i])]));
  for (const revisions of history.files.values()) {
    let previousNote: unknown;
    revisions.forEach((r, i) => {
      if (!front.has(r)) return;
      const data = front.get(r);
      const note = typeof data?.change_note === 'string' ? data.change_note.trim() : undefined;
      delete r.changeNote;
      if (note && (i === 0 || note !== previousNote)) r.changeNote = note;
      r.minor = data?.minor_change === true;
      delete r.englishAddress;
      if (typeof data?.english_address === 'string' && data.english_address !== '') r.englishAddress = data.english_address;
      previousNote = note;
    });
  }
}

/** The warnings to print with a history (today: only the shallow-clone one). */
export function historyWarnings(history: ContentHistory): BilingualMessage[] {
  return history.shallow ? [SHALLOW_HISTORY_WARNING] : [];
}
