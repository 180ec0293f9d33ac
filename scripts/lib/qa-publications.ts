/**
 * The git shell of src/lib/duties/first-publications.ts: one `git log` over
 * the Q&A folder of the content, read into the moment each entry first went
 * live, keyed `content/qa/vi/<slug>.mdx`. Empty, with a note, when the content
 * is not in a git repository (nothing has been published from it).
 */
import path from 'node:path';
import { firstPublicationsFromLog, PUBLICATION_LOG_FORMAT } from '../../src/lib/duties/first-publications.ts';
import type { VietnamDateTime } from '../../src/lib/dates.ts';
import { gitText, runGit } from '../../src/lib/history/run-git.ts';

/** `ref`: the commit whose history counts (the build of a publication passes its commit; by default HEAD). */
export async function qaFirstPublications(contentDir: string, ref = 'HEAD'): Promise<{ published: Map<string, VietnamDateTime>; inGit: boolean }> {
  const top = await runGit(contentDir, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return { published: new Map(), inGit: false };
  const toplevel = top.stdout.toString('utf8').trim();
  const prefix = path.relative(toplevel, contentDir).split(path.sep).join('/');
  const folder = `${prefix === '' ? '' : `${prefix}/`}qa/vi`;
  const head = await runGit(toplevel, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (head.code !== 0) return { published: new Map(), inGit: true };
  const log = await gitText(
    toplevel,
    ['-c', 'core.quotePath=false', 'log', '--first-parent', '--reverse', `--format=${PUBLICATION_LOG_FORMAT}`, '--name-only', '-G^answered:', head.stdout.toString('utf8').trim(), '--', folder],
    { vi: `Không đọc được lịch sử đăng của ${folder}.`, en: `Could not read the publication history of ${folder}.` },
  );
  const published = new Map<string, VietnamDateTime>();
  for (const [file, when] of firstPublicationsFromLog(log)) {
    if (file.startsWith(`${folder}/`)) published.set(`content/qa/vi/${file.slice(folder.length + 1)}`, when);
  }
  return { published, inGit: true };
}
