/** The git the archivist's tool needs besides the history itself: a file at a commit, the publications, worktrees. */
import { englishAddresses, type EnglishAddresses } from '../../src/lib/content/english-addresses.ts';
import { parseEntryFile } from '../../src/lib/content/frontmatter.ts';
import { entryOfSource } from '../../src/lib/history/page-sources.ts';
import { gitText, runGit } from '../../src/lib/history/run-git.ts';

/** The text of `path` as commit `commit` left it. */
export async function fileAt(repo: string, commit: string, path: string): Promise<string> {
  return gitText(repo, ['show', `${commit}:${path}`], {
    vi: `Không đọc được ${path} ở commit ${commit.slice(0, 7)}.`,
    en: `Could not read ${path} at commit ${commit.slice(0, 7)}.`,
  });
}

/** Every publication on `ref` (its first-parent commits), oldest first. */
export async function publications(repo: string, ref: string): Promise<{ commit: string; date: string }[]> {
  const text = await gitText(repo, ['log', '--first-parent', '--format=%H%x00%cI', '--end-of-options', ref, '--'], {
    vi: `Không đọc được danh sách các lần đăng trên “${ref}”.`,
    en: `Could not list the publications on “${ref}”.`,
  });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit = '', date = ''] = line.split('\0');
      return { commit, date };
    })
    .reverse();
}

/** Checks `commit` out, detached, into the new folder `dir`. */
export async function addWorktree(repo: string, dir: string, commit: string): Promise<void> {
  await gitText(repo, ['worktree', 'add', '--detach', '--quiet', dir, commit], {
    vi: `Không tạo được worktree tạm ở ${dir}.`,
    en: `Could not create the temporary worktree at ${dir}.`,
  });
}

/** Removes the worktree at `dir` and forgets it; never fails (clean-up runs after errors too). */
export async function removeWorktree(repo: string, dir: string): Promise<void> {
  await runGit(repo, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
  await runGit(repo, ['worktree', 'prune']).catch(() => undefined);
}

/**
 * The English page addresses the entries on `ref` give (`/en/contact/` → lien-he): the files
 * whose text names the field are read and their frontmatter parsed, so a word in a body
 * names nothing.
 */
export async function englishAddressesAt(repo: string, ref: string): Promise<EnglishAddresses> {
  // The ref as a commit first (`git grep` before 2.43 takes no --end-of-options before a revision):
  // an unknown ref names nothing here, and the history's own reading says what is wrong with it.
  const resolved = await runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const commit = resolved.stdout.toString('utf8').trim();
  if (resolved.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) return new Map();
  const found = await runGit(repo, ['grep', '-l', '-I', '-F', '-e', 'english_address:', commit, '--', 'content/']);
  // 1: no file names it.
  if (found.code !== 0) return new Map();
  const files = found.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(commit.length + 1));
  const entries = [];
  for (const file of files) {
    const entry = entryOfSource(file);
    if (!entry) continue;
    const data = parseEntryFile(file, await fileAt(repo, commit, file)).data;
    entries.push({ ...entry, file, data });
  }
  return englishAddresses(entries);
}
