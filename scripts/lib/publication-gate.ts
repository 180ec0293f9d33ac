/**
 * The publication gate of `npm start`'s local CMS backend: Decap's
 * “Publish” (`publishUnpublishedEntry`) reaches decap-server's merge only
 * through here, and is answered with success only once the site is rebuilt.
 *
 * 1. The content the merge would produce (the published branch with the
 *    draft merged, `git merge-tree`, nothing checked out) is checked with the
 *    build's own validateContent; a failing draft is refused (422) with its
 *    problems by file, line and field label, and nothing is merged.
 * 2. decap-server merges; then the site is rebuilt from the published branch.
 * 3. When the build fails, the published branch is put back to where it was,
 *    the draft branch (which decap-server deleted) is restored with its
 *    status, the site is rebuilt as it was, and the CMS is told why (500).
 * Saves (`persistEntry`) are checked the same way before decap-server writes
 * anything (`checkSave`), the text of the entry included; a save that passes
 * is answered with the check's notes the browser cannot make (on the text).
 * Messages: src/lib/publication-gate/messages.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readContentFiles, readPublicFiles } from '../../src/content-loader/read-content.ts';
import { isError, sortIssues, type ContentIssue } from '../../src/lib/content/issues.ts';
import { parseEntryPath, validateContent } from '../../src/lib/content/validate.ts';
import { fieldLabel } from '../../src/lib/cms/field-label.ts';
import {
  bodyLineOf,
  buildFailure,
  conflictRefusal,
  contentRefusal,
  gateBody,
  issueLabel,
  mergeFailure,
  saveNote,
  saveRefusal,
  type GateAnswer,
  type LabelledIssue,
  type SaveNote,
} from '../../src/lib/publication-gate/messages.ts';
import { contentSchemas } from '../../src/lib/schema/collections.ts';
import { exportTree, gitOutput, symlinkOnTheWay } from './sandbox-repo.ts';

export interface Answer {
  status: number;
  body: unknown;
}

/** The site's builds, one at a time. */
export interface Publisher {
  /** Runs `work` while no build runs, and lets none start before it ends. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Builds the site from the published branch as it is now; rejects with what the build printed last when it fails. */
  rebuild(): Promise<void>;
}

/** The CMS interface's language (messages.ts interfaceLanguage): the notice is shown in it. */
type Language = 'vi' | 'en' | undefined;

export interface Draft {
  /** cms/<collection>/<slug> */
  branch: string;
  collection: string;
  slug: string;
}

function answerOf(gate: GateAnswer, language: Language): Answer {
  return { status: gate.status, body: gateBody(gate, language) };
}

function git(repo: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim() };
}

/** The content check's findings on content/ and public/ exported to a folder. */
interface CheckedContent {
  /** Its errors, in order, each with the label the CMS shows for its field and the text of its file. */
  errors: LabelledIssue[];
  /** Its warnings, labelled as the errors. */
  warnings: LabelledIssue[];
}

/**
 * The content check the build runs (validateContent, with the settings of
 * the content itself: taxonomy, site.yml's address policy), on content/ and
 * public/ exported to `dir`.
 */
async function checkContent(dir: string): Promise<CheckedContent> {
  const { files, issues: unread } = await readContentFiles(dir);
  const publicFiles = await readPublicFiles(dir);
  const checked = validateContent(files, { staticPaths: publicFiles.staticPaths });
  const issues = sortIssues([...unread, ...publicFiles.issues, ...checked.issues]);
  const schemas = checked.settings ? contentSchemas(checked.settings.taxonomy) : undefined;
  const sourceOf = (file: string) => files.find((f) => f.file === file)?.source;
  const labelled = (issue: ContentIssue): LabelledIssue => {
    const place = parseEntryPath(issue.file);
    const schema = schemas && !('issue' in place) ? schemas[place.collection] : undefined;
    const source = sourceOf(issue.file);
    return { issue, label: issueLabel(issue, source, (field) => (schema ? fieldLabel(schema, field) : undefined)), source };
  };
  return {
    errors: issues.filter(isError).map(labelled),
    warnings: issues.filter((issue) => !isError(issue)).map(labelled),
  };
}

/** Runs `work` on a fresh temporary folder, removed afterwards. */
async function inTemporaryFolder<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-publication-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Checks the content the published branch would hold with `draft` merged,
 * as the build checks it. `undefined` when it passes.
 */
export async function checkDraft(repo: string, branch: string, draft: Draft): Promise<GateAnswer | undefined> {
  const entry = `${draft.collection}/${draft.slug}`;
  const merged = git(repo, ['merge-tree', '--write-tree', '--name-only', '--no-messages', `refs/heads/${branch}`, `refs/heads/${draft.branch}`]);
  const [tree = '', ...conflicted] = merged.stdout.split('\n').filter((line) => line !== '');
  if (merged.status === 1) return conflictRefusal(entry, conflicted);
  if (merged.status !== 0) throw new Error(`git merge-tree ${branch} ${draft.branch} failed (exit code ${merged.status})`);
  return inTemporaryFolder(async (dir) => {
    await exportTree(repo, tree, dir);
    const { errors } = await checkContent(dir);
    if (errors.length === 0) return undefined;
    // The draft's own files' problems: those are the ones the editor can fix from the CMS.
    const changed = new Set(gitOutput(repo, ['diff', '--name-only', `refs/heads/${branch}...refs/heads/${draft.branch}`]).split('\n'));
    // Others follow from them (an English file whose Vietnamese original no longer passes) or were there before: shown only when the draft's files have none.
    const own = errors.filter(({ issue }) => changed.has(issue.file));
    return contentRefusal(entry, own.length > 0 ? own : errors);
  });
}

/** What a save writes (Decap's `persistEntry`, once the guard allowed it): the entry's files with their text, and its uploads. */
export interface Save {
  collection: string;
  slug: string;
  files: { path: string; raw: string }[];
  /** Uploads, base64-encoded as Decap sends them. */
  assets: { path: string; content: string }[];
}

/** What the save check says: why the save is refused, or the notes on the entry once saved. */
export type SaveVerdict = { refused: GateAnswer } | { notes: SaveNote[] };

/**
 * Checks an entry the CMS is about to save, body included, as the build
 * would check it once published: the content the published branch would hold
 * with the entry's draft (when it has one) merged and the saved files and
 * uploads written over it. Only problems in the saved files refuse the save
 * (others were there before and are not the editor's to fix here). A save
 * that passes gets the check's notes on the saved files that the browser's
 * check cannot make: those on the text (the browser's check reads the front
 * matter only; the pages at an address another entry's page had it checks
 * against the former addresses the build serves, /admin/entry-rules.json).
 */
export async function checkSave(repo: string, branch: string, save: Save): Promise<SaveVerdict> {
  const draft = `refs/heads/cms/${save.collection}/${save.slug}`;
  let base = `refs/heads/${branch}`;
  if (git(repo, ['show-ref', '--verify', '--quiet', draft]).status === 0) {
    const merged = git(repo, ['merge-tree', '--write-tree', '--no-messages', `refs/heads/${branch}`, draft]);
    // A draft that conflicts with a later publication is checked as it is; the gate reports the conflict at publication.
    base = merged.status === 0 ? merged.stdout.split('\n')[0]! : draft;
  }
  return inTemporaryFolder(async (dir) => {
    await exportTree(repo, base, dir);
    // The guard has checked every path (plain, inside the configuration's folders, no link on the way).
    for (const file of save.files) await writeInto(dir, file.path, file.raw);
    for (const asset of save.assets) await writeInto(dir, asset.path, Buffer.from(asset.content, 'base64'));
    const saved = new Set(save.files.map((f) => f.path));
    const checked = await checkContent(dir);
    const own = checked.errors.filter(({ issue }) => saved.has(issue.file));
    if (own.length > 0) return { refused: saveRefusal(`${save.collection}/${save.slug}`, own) };
    const onText = checked.warnings.filter(({ issue, source }) => issue.field === undefined && bodyLineOf(issue, source) !== undefined);
    const notes = onText
      .filter(({ issue }) => saved.has(issue.file))
      .map(saveNote)
      .filter((note) => note !== undefined);
    return { notes };
  });
}

/** Writes `file` below `dir`; never through a symbolic link the exported tree holds (a branch made by hand may have one). */
async function writeInto(dir: string, file: string, data: string | Buffer) {
  const link = symlinkOnTheWay(dir, file);
  if (link) throw new Error(`${link} is a symbolic link in the content being checked / là một liên kết tượng trưng trong nội dung đang kiểm tra`);
  const target = path.join(dir, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

/** Puts `branch` back at `commit`, in the working tree too when it is checked out (decap-server's merge leaves it so). */
function resetBranch(repo: string, branch: string, commit: string) {
  const head = git(repo, ['symbolic-ref', '--quiet', 'HEAD']).stdout;
  if (head === `refs/heads/${branch}`) gitOutput(repo, ['reset', '--quiet', '--hard', commit]);
  else gitOutput(repo, ['update-ref', `refs/heads/${branch}`, commit]);
}

/**
 * Publishes `draft` through the gate; `merge` hands the call to decap-server
 * and returns its answer.
 */
export async function publishDraft(options: {
  repo: string;
  branch: string;
  draft: Draft;
  merge: () => Promise<Answer>;
  publisher: Publisher;
  language: Language;
}): Promise<Answer> {
  const { repo, branch, draft, publisher, language } = options;
  const entry = `${draft.collection}/${draft.slug}`;
  return publisher.exclusive(async () => {
    const refused = await checkDraft(repo, branch, draft);
    if (refused) return answerOf(refused, language);

    const before = gitOutput(repo, ['rev-parse', `refs/heads/${branch}`]);
    const tip = gitOutput(repo, ['rev-parse', `refs/heads/${draft.branch}`]);
    const status = git(repo, ['config', `branch.${draft.branch}.description`]).stdout;
    const restoreDraft = () => {
      if (git(repo, ['show-ref', '--verify', '--quiet', `refs/heads/${draft.branch}`]).status !== 0) gitOutput(repo, ['branch', draft.branch, tip]);
      if (status !== '') gitOutput(repo, ['config', `branch.${draft.branch}.description`, status]);
    };

    const merged = await options.merge();
    if (merged.status !== 200) {
      if (gitOutput(repo, ['rev-parse', `refs/heads/${branch}`]) !== before) resetBranch(repo, branch, before);
      restoreDraft();
      const reason = (merged.body as { error?: unknown } | undefined)?.error;
      return answerOf(mergeFailure(entry, typeof reason === 'string' ? reason : `HTTP ${merged.status}`), language);
    }
    try {
      await publisher.rebuild();
      return merged;
    } catch (error) {
      resetBranch(repo, branch, before);
      restoreDraft();
      // The site as it was: the failed build may have written part of it.
      await publisher.rebuild().catch((again: unknown) => {
        console.error(`start: không dựng lại được trang như trước / the site could not be rebuilt as it was: ${again instanceof Error ? again.message : String(again)}`);
      });
      return answerOf(buildFailure(entry, error instanceof Error ? error.message : String(error)), language);
    }
  });
}
