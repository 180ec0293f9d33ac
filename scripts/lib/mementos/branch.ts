/**
 * The memento store between deploys: an append-only git branch (`luu-tru`)
 * whose tree is the store (docs/history.md, “Where the store lives”). The
 * publish workflow's build checks it out before the build; once the site is
 * deployed, the archive job commits what the build kept on top of it and
 * pushes it, never forced. Git keeps each captured page and kept file once,
 * whatever the number of deploys, and archivists read the store as any
 * branch.
 *
 * Both ways are checked, as everything read from a branch is untrusted:
 * - checkout takes only regular files at the store's own paths (its index,
 *   `pages/<stamp>/<address>index.html`, `files/<sha256>.<ext>`) — no
 *   symbolic link, no submodule, no other name — and writes nothing when one
 *   is not;
 * - commit refuses a store that lost anything of the branch's last commit (a
 *   file gone or changed, a version missing from the index): a build that
 *   started from an empty or damaged store cannot erase the record.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emptyMementoIndex, isStoreFile, lostMementos, parseMementoIndex, type MementoIndex } from '../../../src/lib/history/mementos.ts';
import { INDEX_FILE, readIndex } from './store.ts';

/** A refusal, in both languages; the store or the branch stays as it was. */
export class StoreBranchError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(vi: string, en: string) {
    super(`${vi}\n${en}`);
    this.vi = vi;
    this.en = en;
  }
}

interface Git {
  (args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string }): string;
}

function gitAt(repo: string): Git {
  return (args, options = {}) => {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...options.env }, input: options.input });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim() || `exit code ${result.status}`}`);
    return result.stdout;
  };
}

/** The commit `branch` (a local branch of `repo`) points at, or undefined when there is no such branch yet. */
function tipOf(git: Git, branch: string): string | undefined {
  try {
    return git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]).trim();
  } catch {
    return undefined;
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  file: string;
}

function treeOf(git: Git, commit: string): TreeEntry[] {
  return git(['ls-tree', '-r', '-z', '--full-tree', commit])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, object] = line.slice(0, tab).split(' ') as [string, string, string];
      return { mode, type, object, file: line.slice(tab + 1) };
    });
}

/** The entries of a store tree that are not the store's (by path or kind), each with why. */
function strangers(entries: TreeEntry[]): string[] {
  return entries.flatMap((e) => {
    if (e.type !== 'blob' || (e.mode !== '100644' && e.mode !== '100755')) return [`${e.file} (${e.type} ${e.mode})`];
    return isStoreFile(e.file) ? [] : [e.file];
  });
}

/**
 * Writes the store kept on `branch` of `repo` into `store` (an empty or new
 * folder). Returns the number of files, 0 when the branch does not exist yet
 * (the first deploy with mementos).
 */
export function checkoutStore(repo: string, branch: string, store: string): number {
  const git = gitAt(repo);
  const tip = tipOf(git, branch);
  if (!tip) return 0;
  const entries = treeOf(git, tip);
  const wrong = strangers(entries);
  if (wrong.length > 0) {
    throw new StoreBranchError(
      `Nhánh ${branch} chứa tệp không thuộc kho bản lưu (chỉ mementos.json, pages/<thời điểm>/…/index.html, files/<sha256>.<đuôi>): ${wrong.slice(0, 5).join(', ')}. Không lấy gì ra.`,
      `The branch ${branch} holds files that are not the memento store's (only mementos.json, pages/<stamp>/…/index.html, files/<sha256>.<ext>): ${wrong.slice(0, 5).join(', ')}. Nothing was checked out.`,
    );
  }
  const index = path.join(mkdtempSync(path.join(tmpdir(), 'portal-store-index-')), 'index');
  try {
    const env = { GIT_INDEX_FILE: index };
    git(['read-tree', tip], { env });
    git([`--work-tree=${path.resolve(store)}`, 'checkout-index', '--all', '--force'], { env });
  } finally {
    rmSync(path.dirname(index), { recursive: true, force: true });
  }
  return entries.length;
}

/**
 * Commits the store in `store` on `branch` of `repo` (made when missing), on
 * top of its last commit; returns the new commit, or undefined when the store
 * is what the branch already holds. Refuses, changing nothing, a store with
 * files that are not the store's or that lost anything the branch holds.
 */
export async function commitStore(repo: string, branch: string, store: string, message: string, at: Date): Promise<string | undefined> {
  const git = gitAt(repo);
  const tip = tipOf(git, branch);
  const index = path.join(mkdtempSync(path.join(tmpdir(), 'portal-store-index-')), 'index');
  try {
    const env = { GIT_INDEX_FILE: index };
    git([`--work-tree=${path.resolve(store)}`, 'add', '--all', '--force', '.'], { env });
    const tree = git(['write-tree'], { env }).trim();
    const entries = treeOf(git, tree);
    const wrong = strangers(entries);
    if (wrong.length > 0) {
      throw new StoreBranchError(
        `Kho ${store} chứa tệp không thuộc kho bản lưu: ${wrong.slice(0, 5).join(', ')}. Không ghi gì lên nhánh ${branch}.`,
        `The store ${store} holds files that are not the memento store's: ${wrong.slice(0, 5).join(', ')}. Nothing was committed on ${branch}.`,
      );
    }
    if (tip) {
      const now = new Map(entries.map((e) => [e.file, e.object]));
      const gone = treeOf(git, tip).filter((e) => e.file !== INDEX_FILE && now.get(e.file) !== e.object).map((e) => e.file);
      const lost = lostMementos(indexAt(git, tip), await readIndex(store));
      if (gone.length > 0 || lost.length > 0) {
        const what = [...lost, ...gone].slice(0, 5).join(', ');
        throw new StoreBranchError(
          `Kho ${store} thiếu hoặc đã sửa ${lost.length + gone.length} mục mà nhánh ${branch} đã lưu (${what}). Kho bản lưu chỉ được thêm; lần dựng phải bắt đầu từ kho trên nhánh. Không ghi gì.`,
          `The store ${store} lacks or changed ${lost.length + gone.length} thing(s) the branch ${branch} keeps (${what}). The memento store only grows; the build must start from the store on the branch. Nothing was committed.`,
        );
      }
      if (git(['rev-parse', `${tip}^{tree}`]).trim() === tree) return undefined;
    }
    const when = `${Math.floor(at.getTime() / 1000)} +0000`;
    const commit = git(['commit-tree', tree, ...(tip ? ['-p', tip] : []), '-F', '-'], { input: `${message}\n`, env: { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } }).trim();
    // Moves the branch only from the commit read above: a concurrent change makes this fail, not vanish.
    git(['update-ref', `refs/heads/${branch}`, commit, tip ?? '']);
    return commit;
  } finally {
    rmSync(path.dirname(index), { recursive: true, force: true });
  }
}

/** The index of the store at `commit`; a damaged one is refused (the branch's own record must parse). */
function indexAt(git: Git, commit: string): MementoIndex {
  let text: string;
  try {
    text = git(['show', `${commit}:${INDEX_FILE}`]);
  } catch {
    return emptyMementoIndex();
  }
  const parsed = parseMementoIndex(text);
  if (parsed.ok) return parsed.index;
  throw new StoreBranchError(`${INDEX_FILE} trên nhánh: ${parsed.problem.vi}`, `${INDEX_FILE} on the branch: ${parsed.problem.en}`);
}

