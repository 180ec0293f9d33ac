/**
 * The CMS's reads of entries under review (`unpublishedEntry`,
 * `unpublishedEntryDataFile`, `unpublishedEntryMediaFile`), answered from the
 * draft branch's committed objects, as decap-server answers them.
 *
 * decap-server answers each of them by checking the draft branch out into the
 * sandbox's working tree and back, one request at a time behind a lock that
 * gives up after 3 s. Decap asks for every draft when it opens an entry, so
 * each draft made the CMS slower for every page an editor opened, and enough
 * of them made requests fail with “Request timed out”. Read from git's objects
 * (`git diff`, `git cat-file`), the answers need no checkout and no lock: they
 * run side by side, whatever decap-server is writing, and never follow a
 * symbolic link of the working tree.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { runGit } from '../../src/lib/history/run-git.ts';

/** What decap-server says for a draft that does not exist. */
const NOT_FOUND = { status: 404, body: { message: 'Not Found' } } as const;

/** Decap's default label prefix for a draft's status (`decap-cms/draft`), kept in the branch's description. */
const STATUS_PREFIX = 'decap-cms/';

export interface DraftReadAnswer {
  status: number;
  body: unknown;
}

interface ReadCall {
  action: string;
  params: { id?: string; collection?: string; slug?: string; path?: string };
}

/** One file a draft changes, in decap-server's shape. */
export interface DraftDiff {
  oldPath: string;
  newPath: string;
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  newFile: boolean;
  path: string;
  id: string;
  binary: boolean;
}

const READS = ['unpublishedEntry', 'unpublishedEntryDataFile', 'unpublishedEntryMediaFile'];

/** Whether the call (already allowed by the guard) is one of the reads answered here. */
export function isDraftRead(body: unknown): body is ReadCall {
  return typeof body === 'object' && body !== null && READS.includes((body as ReadCall).action) && typeof (body as ReadCall).params === 'object';
}

/** The entry a read names: by `id` (“collection/slug”, first if given) or by collection and slug. */
function entryOf(params: ReadCall['params']): { collection: string; slug: string } {
  if (typeof params.id === 'string') {
    const cut = params.id.indexOf('/');
    return { collection: params.id.slice(0, cut), slug: params.id.slice(cut + 1) };
  }
  return { collection: String(params.collection), slug: String(params.slug) };
}

/** Whether the branch is there, asked without blocking the server. */
export async function branchExists(repo: string, branch: string): Promise<boolean> {
  return (await runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).code === 0;
}

const statusOfLetter: Record<string, DraftDiff['status']> = { A: 'added', D: 'deleted', M: 'modified', R: 'renamed', T: 'modified' };

/**
 * The files `head` changes against `base`, renames followed, as decap-server
 * lists them (its `git diff base head` read by what-the-diff): a deleted
 * file's new path is empty; `binary` when git sees binary content, or SVG.
 */
export async function draftDiffs(repo: string, base: string, head: string): Promise<DraftDiff[]> {
  const diff = await runGit(repo, ['diff', '--raw', '--numstat', '-z', '-M', base, head, '--']);
  if (diff.code !== 0) throw new Error(`git diff ${base} ${head}: ${diff.stderr}`);
  // -z: first the raw records, “:modes shas S\0path\0” (a rename: “…R100\0old\0new\0”), then the numstat ones,
  // “added\tdeleted\tpath\0” (a rename: “added\tdeleted\t\0old\0new\0”), “-\t-” for binary content.
  const fields = diff.stdout.toString('utf8').split('\0');
  const changes: Omit<DraftDiff, 'binary'>[] = [];
  const binaryPaths = new Set<string>();
  for (let i = 0; i < fields.length - 1; ) {
    const field = fields[i++]!;
    if (field.startsWith(':')) {
      const letter = field.slice(field.lastIndexOf(' ') + 1);
      const status = statusOfLetter[letter[0]!];
      if (!status) throw new Error(`git diff: unexpected status ${letter}`);
      const first = fields[i++]!;
      const oldPath = status === 'added' ? '' : first;
      const newPath = status === 'renamed' ? fields[i++]! : status === 'deleted' ? '' : first;
      const shown = newPath || oldPath;
      changes.push({ oldPath, newPath, status, newFile: status === 'added', path: shown, id: shown });
    } else {
      const [added, deleted, file] = field.split('\t');
      const newPath = file === '' ? fields[(i += 2) - 1]! : file!;
      if (added === '-' && deleted === '-') binaryPaths.add(newPath);
    }
  }
  return changes.map((change) => ({ ...change, binary: binaryPaths.has(change.path) || /.svg$/.test(change.path) }));
}

/**
 * decap-server's answer to a read of a draft, from git's objects, or
 * undefined when it is left to decap-server (a media file the draft does not
 * hold: decap-server's own error).
 */
export async function answerDraftRead(repo: string, published: string, call: ReadCall): Promise<DraftReadAnswer | undefined> {
  // Only `unpublishedEntry` names its entry by `id`; the file reads' `id` is the file's.
  const { collection, slug } = call.action === 'unpublishedEntry' ? entryOf(call.params) : { collection: String(call.params.collection), slug: String(call.params.slug) };
  const branch = `cms/${collection}/${slug}`;
  if (call.action === 'unpublishedEntry') {
    const [last, description] = await Promise.all([
      runGit(repo, ['log', '-1', '--format=%H%x00%cI', `refs/heads/${branch}`, '--']),
      runGit(repo, ['config', `branch.${branch}.description`]),
    ]);
    if (last.code !== 0) return NOT_FOUND;
    const [head, time] = last.stdout.toString('utf8').trim().split('\0');
    const diffs = await draftDiffs(repo, `refs/heads/${published}`, head!);
    const label = description.code === 0 ? description.stdout.toString('utf8').trim() : '';
    return {
      status: 200,
      // decap-server gives the files' modification times after its checkout; the draft's last save is what that stands for.
      body: { collection, slug, status: label && label.slice(STATUS_PREFIX.length), diffs, updatedAt: new Date(time!) },
    };
  }
  const file = call.params.path!;
  const blob = await runGit(repo, ['cat-file', 'blob', `refs/heads/${branch}:${file}`]);
  // Without the branch decap-server fails its checkout: its own error, left to it.
  if (blob.code !== 0 && !(await branchExists(repo, branch))) return undefined;
  const bytes = blob.code === 0 ? blob.stdout : undefined;
  if (call.action === 'unpublishedEntryDataFile') return { status: 200, body: { data: bytes === undefined ? null : bytes.toString() } };
  if (bytes === undefined) return undefined;
  return {
    status: 200,
    body: { id: createHash('sha256').update(bytes).digest('hex'), content: bytes.toString('base64'), encoding: 'base64', path: file.replace(/\\/g, '/'), name: path.basename(file) },
  };
}
