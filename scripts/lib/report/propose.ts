/**
 * `npm run report -- --propose`: the report as an entry on a draft branch, so
 * it goes through the approval chain like any content (portal regulation
 * Art. 11: statistics are published after leadership approval).
 *
 * The branch is the one Decap CMS would make for the entry,
 * `cms/pages/<slug>`, marked “in review” the way Decap's local backend marks
 * it (the branch description `decap-cms/pending_review`): in the local
 * sandbox the proposal appears in the CMS's editorial workflow, where the
 * secretary opens it and the board publishes it. With `--repo` and a token,
 * the branch is pushed to `origin` and a pull request opened with Decap's
 * label, so the GitHub CMS shows it the same way and the approval check
 * judges it. The commit is made from the published branch's tree without
 * touching the working tree or the index (git mktree / commit-tree).
 */
import type { Octokit } from 'octokit';
import { HistoryError } from '../../../src/lib/history/history-error.ts';
import { gitText, runGit } from '../../../src/lib/history/run-git.ts';
import type { ReportEntry } from '../../../src/lib/report/report-entry.ts';
import type { RepoRef } from '../github.ts';

/** Decap's status of an entry waiting for review, as its branch description (local) or label (GitHub). */
export const IN_REVIEW = 'decap-cms/pending_review';

export function proposalBranch(slug: string): string {
  return `cms/pages/${slug}`;
}

interface TreeLine {
  mode: string;
  type: string;
  id: string;
  name: string;
}

async function treeLines(repo: string, tree: string | undefined): Promise<TreeLine[]> {
  if (!tree) return [];
  const text = await gitText(repo, ['ls-tree', '-z', '--full-tree', '--end-of-options', tree], { vi: `Không đọc được cây ${tree}.`, en: `Could not read the tree ${tree}.` });
  return text
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t');
      const [mode = '', type = '', id = ''] = meta.split(' ');
      return { mode, type, id, name };
    });
}

async function writeObject(repo: string, args: string[], input: string, what: string): Promise<string> {
  const result = await runGit(repo, args, input);
  if (result.code !== 0) throw new HistoryError({ vi: `Không ghi được ${what} vào kho (git: ${result.stderr.trim()}).`, en: `Could not write ${what} to the repository (git: ${result.stderr.trim()}).` });
  return result.stdout.toString('utf8').trim();
}

/** The tree `tree` with `files` (paths relative to it) written in, subtrees rebuilt as needed. */
async function treeWith(repo: string, tree: string | undefined, files: ReadonlyMap<string, string>): Promise<string> {
  const lines = await treeLines(repo, tree);
  const direct = new Map<string, string>();
  const nested = new Map<string, Map<string, string>>();
  for (const [file, text] of files) {
    const slash = file.indexOf('/');
    if (slash < 0) direct.set(file, text);
    else {
      const dir = file.slice(0, slash);
      if (!nested.has(dir)) nested.set(dir, new Map());
      nested.get(dir)!.set(file.slice(slash + 1), text);
    }
  }
  const byName = new Map(lines.map((l) => [l.name, l]));
  for (const [name, text] of direct) {
    const id = await writeObject(repo, ['hash-object', '-w', '--stdin'], text, name);
    byName.set(name, { mode: '100644', type: 'blob', id, name });
  }
  for (const [dir, inner] of nested) {
    const existing = byName.get(dir);
    const id = await treeWith(repo, existing?.type === 'tree' ? existing.id : undefined, inner);
    byName.set(dir, { mode: '040000', type: 'tree', id, name: dir });
  }
  const input = [...byName.values()].map((l) => `${l.mode} ${l.type} ${l.id}\t${l.name}\0`).join('');
  return writeObject(repo, ['mktree', '-z'], input, 'tree');
}

export interface LocalProposal {
  branch: string;
  commit: string;
}

/**
 * Commits the entry's files on top of `base` as the new branch
 * `cms/pages/<slug>`, marked in review. Refuses when the branch exists
 * (a proposal for the period is already waiting: it is never overwritten).
 */
export async function proposeOnBranch(repo: string, base: string, entry: ReportEntry, message: string): Promise<LocalProposal> {
  const branch = proposalBranch(entry.slug);
  const exists = await runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
  if (exists.code === 0) {
    throw new HistoryError({
      vi: `Đã có bản đề xuất báo cáo này trên nhánh ${branch}: mở nó trong CMS (Quy trình biên tập) để duyệt hoặc huỷ, rồi chạy lại. Không ghi đè bản đang chờ duyệt.`,
      en: `A proposal of this report is already on the branch ${branch}: open it in the CMS (Workflow) to review or discard it, then run again. A proposal waiting for review is never overwritten.`,
    });
  }
  const baseCommit = (
    await gitText(repo, ['rev-parse', '--verify', '--end-of-options', `${base}^{commit}`], {
      vi: `Không có nhánh “${base}” trong kho ${repo}.`,
      en: `There is no branch “${base}” in the repository ${repo}.`,
    })
  ).trim();
  const baseTree = (await gitText(repo, ['rev-parse', `${baseCommit}^{tree}`], { vi: 'Không đọc được cây của nhánh.', en: 'Could not read the branch’s tree.' })).trim();
  const tree = await treeWith(repo, baseTree, new Map(entry.files.map((f) => [f.path, f.text])));
  const commit = await writeObject(repo, ['commit-tree', tree, '-p', baseCommit, '-F', '-'], `${message}\n`, 'commit');
  // Create only (the empty old value): a branch made meanwhile is not overwritten.
  await gitText(repo, ['update-ref', `refs/heads/${branch}`, commit, ''], { vi: `Không tạo được nhánh ${branch}.`, en: `Could not create the branch ${branch}.` });
  await gitText(repo, ['config', `branch.${branch}.description`, IN_REVIEW], { vi: 'Không đánh dấu được nhánh là chờ duyệt.', en: 'Could not mark the branch as in review.' });
  return { branch, commit };
}

/** Pushes the proposal's branch to `origin` and opens its pull request with Decap's label; returns the pull request's address. */
export async function openProposal(
  repo: string,
  octokit: Octokit,
  where: RepoRef,
  proposal: LocalProposal,
  pull: { base: string; title: string; body: string },
): Promise<string> {
  await gitText(repo, ['push', '--quiet', 'origin', `refs/heads/${proposal.branch}:refs/heads/${proposal.branch}`], {
    vi: `Không đẩy được nhánh ${proposal.branch} lên origin. Kiểm tra quyền ghi vào kho.`,
    en: `Could not push the branch ${proposal.branch} to origin. Check you may write to the repository.`,
  });
  const { data } = await octokit.rest.pulls.create({ ...where, head: proposal.branch, base: pull.base, title: pull.title, body: pull.body });
  await octokit.rest.issues.addLabels({ ...where, issue_number: data.number, labels: [IN_REVIEW] });
  return data.html_url;
}
