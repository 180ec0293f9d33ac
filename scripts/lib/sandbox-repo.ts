/**
 * The local editorial sandbox: a git clone of the portal where the CMS's local
 * backend commits, and an export of its published branch for the site build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Runs git and returns its trimmed output; throws with git's message when it fails. */
export function gitOutput(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim() || `exit code ${result.status}`}`);
  return result.stdout.trim();
}

function isGitWorkTree(dir: string): boolean {
  return spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' }).stdout.trim() === 'true';
}

/**
 * Creates the sandbox repository at `repo` unless it exists (it keeps the
 * editors' work between runs): a clone of `root` (or a new repository when
 * `root` is not one) whose branch holds `root`'s content/ and public/ as they
 * are in the working tree.
 * Returns whether it was created.
 */
export async function prepareSandbox(root: string, repo: string, branch: string): Promise<boolean> {
  if (existsSync(path.join(repo, '.git'))) return false;
  if (isGitWorkTree(root)) {
    gitOutput(path.dirname(repo), ['clone', '--quiet', root, repo]);
    gitOutput(repo, ['checkout', '--quiet', '-B', branch]);
  } else {
    await mkdir(repo, { recursive: true });
    gitOutput(repo, ['init', '--quiet', '--initial-branch', branch]);
  }
  // Commits made by the local CMS need an author even on a machine without git identity.
  if (spawnSync('git', ['config', 'user.name'], { cwd: repo }).status !== 0) gitOutput(repo, ['config', 'user.name', 'Biên tập viên (máy cục bộ)']);
  if (spawnSync('git', ['config', 'user.email'], { cwd: repo }).status !== 0) gitOutput(repo, ['config', 'user.email', 'editor@localhost']);
  // Start from the content as it is in the working tree, uncommitted changes included.
  for (const dir of ['content', 'public']) {
    await rm(path.join(repo, dir), { recursive: true, force: true });
    await cp(path.join(root, dir), path.join(repo, dir), { recursive: true });
  }
  gitOutput(repo, ['add', '--all', 'content', 'public']);
  if (gitOutput(repo, ['status', '--porcelain']) !== '') gitOutput(repo, ['commit', '--quiet', '-m', 'Content of the working tree']);
  return true;
}

/** Writes content/ and public/ as committed on `branch` into `dir` (never a draft branch's files). */
export async function exportBranch(repo: string, branch: string, dir: string): Promise<void> {
  await exportTree(repo, `refs/heads/${branch}`, dir);
}

/** Writes content/ and public/ of the commit or tree `treeish` into `dir`. */
export async function exportTree(repo: string, treeish: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', treeish, 'content', 'public'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'inherit', 'inherit'] });
    archive.stdout.pipe(tar.stdin);
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exporting ${treeish} failed (tar exit code ${code})`))));
  });
}

/**
 * The first symbolic link on the way from `root` to `relative` (the path
 * itself included), as a path relative to `root`; `undefined` when there is
 * none. A link inside the sandbox could send a write anywhere — into .git too.
 */
export function symlinkOnTheWay(root: string, relative: string): string | undefined {
  const names = relative.split('/');
  for (let i = 1; i <= names.length; i++) {
    const here = names.slice(0, i).join('/');
    try {
      if (lstatSync(path.join(root, here)).isSymbolicLink()) return here;
    } catch {
      // Not there (yet): nothing below it exists either.
      return undefined;
    }
  }
  return undefined;
}
