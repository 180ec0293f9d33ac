/**
 * The git shell of src/lib/duties/history-begins.ts: one `git log` of the
 * commits (first parent of HEAD, the published branch) that added files under
 * the content folder on `ref`, read into the moment each collection's history begins.
 * Empty when the content is not in a git repository or it has no commit yet.
 */
import path from 'node:path';
import { PUBLICATION_LOG_FORMAT } from '../../src/lib/duties/first-publications.ts';
import { historyBeginningsFromLog } from '../../src/lib/duties/history-begins.ts';
import type { VietnamDateTime } from '../../src/lib/dates.ts';
import { gitText, runGit } from '../../src/lib/history/run-git.ts';

export async function historyBeginnings(contentDir: string, ref = 'HEAD'): Promise<Map<string, VietnamDateTime>> {
  const top = await runGit(contentDir, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return new Map();
  const toplevel = top.stdout.toString('utf8').trim();
  if ((await runGit(toplevel, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).code !== 0) return new Map();
  const prefix = path.relative(toplevel, contentDir).split(path.sep).join('/');
  const log = await gitText(
    toplevel,
    ['-c', 'core.quotePath=false', 'log', '--first-parent', '--reverse', '--diff-filter=A', `--format=${PUBLICATION_LOG_FORMAT}`, '--name-only', ref, '--', prefix === '' ? '.' : prefix],
    { vi: `Không đọc được lịch sử của ${prefix || 'kho'}.`, en: `Could not read the history of ${prefix || 'the repository'}.` },
  );
  return historyBeginningsFromLog(log, prefix);
}
