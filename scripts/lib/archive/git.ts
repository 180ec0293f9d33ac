/**
 * What the archive needs from the local Git repository: the published
 * commit, its committer time and parents (read from the raw commit object, so
 * a shallow clone still knows the parent's sha), the publication note, and the
 * default branch's files (the public signing keys are read from there).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const NOTES_REF = 'publication';

async function git(args: string[], cwd: string): Promise<string> {
  try {
    return (await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`git ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`);
  }
}

export interface CommitInfo {
  sha: string;
  /** Committer time, ISO 8601 UTC (`2026-11-20T02:30:00Z`). */
  time: string;
  parents: string[];
}

export async function commitInfo(rev: string, cwd = process.cwd()): Promise<CommitInfo> {
  let sha: string;
  try {
    sha = (await git(['rev-parse', '--verify', `${rev}^{commit}`], cwd)).trim();
  } catch {
    throw new Error(`Không tìm thấy commit “${rev}” trong kho Git ở ${cwd} / No commit “${rev}” in the Git repository at ${cwd}.`);
  }
  const raw = await git(['cat-file', 'commit', sha], cwd);
  const headers = raw.slice(0, raw.indexOf('\n\n'));
  const parents = [...headers.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]!);
  const committed = /^committer .* (\d+) [+-]\d{4}$/m.exec(headers);
  if (!committed) throw new Error(`git cat-file commit ${sha}: no committer time`);
  const time = new Date(Number(committed[1]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { sha, time, parents };
}

/** Stores `file` as the note on `sha` in refs/notes/publication, replacing an earlier one. */
export async function writePublicationNote(sha: string, file: string, cwd = process.cwd()): Promise<void> {
  await git(['notes', `--ref=${NOTES_REF}`, 'add', '-f', '-F', file, sha], cwd);
}

/**
 * The repository's default branch as this clone knows it: what `origin/HEAD`
 * points at (`origin/main`), else a local `main`. Undefined when neither exists.
 */
export async function defaultBranch(cwd: string): Promise<string | undefined> {
  const remote = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd).catch(() => '');
  if (remote.trim()) return remote.trim();
  const local = await git(['rev-parse', '--verify', '--quiet', 'refs/heads/main'], cwd).catch(() => '');
  return local.trim() ? 'main' : undefined;
}

/** The text of `file` as the branch or commit `ref` holds it (never the working tree). */
export async function fileAtRef(ref: string, file: string, cwd: string): Promise<string> {
  if (ref.startsWith('-')) throw new Error(`“${ref}” không phải tên nhánh / “${ref}” is not a branch name.`);
  const sha = (await git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], cwd)).trim();
  return git(['cat-file', 'blob', `${sha}:${file}`], cwd);
}
