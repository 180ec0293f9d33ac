/**
 * Reads the published history of content/ from a Git repository: one
 * `git log` (src/lib/history/git-log.ts says which), plus two `git rev-parse`
 * for the repository's top folder, whether it is a shallow clone, and the
 * commit read. A shallow clone is reported (`shallow: true`, print
 * SHALLOW_HISTORY_WARNING), never passed off as the whole history.
 */
import { historyLogArgs, parseHistoryLog } from './git-log.ts';
import { HistoryError, type BilingualMessage } from './history-error.ts';
import type { ContentHistory } from './revision.ts';
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
  return parseHistoryLog(output, { head, shallow });
}

/** The warnings to print with a history (today: only the shallow-clone one). */
export function historyWarnings(history: ContentHistory): BilingualMessage[] {
  return history.shallow ? [SHALLOW_HISTORY_WARNING] : [];
}
