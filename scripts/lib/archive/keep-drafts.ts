/**
 * The archive step's keeping of drafts (docs/archive.md, “Drafts”): every
 * closed pull request, merged or not, whose head is not kept yet has its head
 * fetched from GitHub's `refs/pull/<N>/head` and kept as the annotated tag
 * `drafts/pr-<N>` carrying its facts (src/lib/history/drafts.ts). Decap deletes
 * a draft's branch when it is published or discarded; this is what remains.
 */
import type { Octokit } from 'octokit';
import type { KeptDraftRecord } from '../../../src/lib/history/revision.ts';
import { draftTagMessage, fateOfPull, pullDraftTag, type DraftFacts } from '../../../src/lib/history/drafts.ts';
import { runGit } from '../../../src/lib/history/run-git.ts';
import { draftTagNames, forkPoint, keepDraftTag } from '../drafts-git.ts';
import type { RepoRef } from '../github.ts';

/** Where fetched heads wait until they are tagged (removed afterwards). */
const INCOMING = 'refs/portal-incoming/pull/';
const FETCH_BATCH = 100;

export interface KeepDraftsResult {
  /** Kept by this run. */
  kept: KeptDraftRecord[];
  /** Closed pull requests whose head was kept by an earlier run. */
  already: number;
  /** Pull requests whose head could not be fetched, with git's words. */
  missing: { number: number; reason: string }[];
}

async function fetchHeads(repo: string, remote: string, numbers: number[]): Promise<Map<number, string>> {
  const heads = new Map<number, string>();
  const refspec = (n: number) => `+refs/pull/${n}/head:${INCOMING}${n}`;
  // One fetch per hundred (the first run may have thousands); when GitHub lacks one of them, each again
  // alone, so the others are still kept.
  for (let i = 0; i < numbers.length; i += FETCH_BATCH) {
    const batch = numbers.slice(i, i + FETCH_BATCH);
    const together = await runGit(repo, ['fetch', '--no-tags', '--quiet', remote, ...batch.map(refspec)]);
    for (const n of batch) {
      if (together.code !== 0) await runGit(repo, ['fetch', '--no-tags', '--quiet', remote, refspec(n)]);
      const r = await runGit(repo, ['rev-parse', '--verify', '--quiet', `${INCOMING}${n}^{commit}`]);
      if (r.code === 0) heads.set(n, r.stdout.toString('utf8').trim());
    }
  }
  return heads;
}

/**
 * Keeps the heads of the closed pull requests of `where` in the clone `repo`
 * (its remote `remote` is the GitHub repository). The new tags are local:
 * the workflow pushes refs/tags/drafts/* afterwards.
 */
export async function keepClosedPullHeads(octokit: Octokit, where: RepoRef, repo: string, remote = 'origin'): Promise<KeepDraftsResult> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...where, state: 'closed', per_page: 100 });
  const existing = await draftTagNames(repo);
  const todo = pulls.filter((p) => !existing.has(`refs/tags/${pullDraftTag(p.number)}`)).sort((a, b) => a.number - b.number);
  const heads = await fetchHeads(
    repo,
    remote,
    todo.map((p) => p.number),
  );
  const kept: KeptDraftRecord[] = [];
  const missing: KeepDraftsResult['missing'] = [];
  try {
    for (const pull of todo) {
      const head = heads.get(pull.number);
      if (!head) {
        missing.push({ number: pull.number, reason: `refs/pull/${pull.number}/head not fetched from ${remote}` });
        continue;
      }
      const base = pull.base?.sha ? await forkPoint(repo, head, pull.base.sha) : undefined;
      const fate = fateOfPull(pull);
      const closedAt = pull.merged_at ?? pull.closed_at ?? undefined;
      const facts: DraftFacts = {
        source: 'github',
        fate,
        head,
        ...(base ? { base } : {}),
        ...(closedAt ? { closedAt } : {}),
        pull: { number: pull.number, title: pull.title, author: pull.user?.login ?? 'ghost', url: pull.html_url },
      };
      const tag = pullDraftTag(pull.number);
      const made = await keepDraftTag(repo, tag, head, draftTagMessage(facts));
      if (!made.created) continue;
      const object = (await runGit(repo, ['rev-parse', `refs/tags/${tag}`])).stdout.toString('utf8').trim();
      kept.push({ tag: `refs/tags/${tag}`, tag_object: object, head, ...(base ? { base } : {}), fate, pull_request: pull.number, title: facts.pull!.title, author: facts.pull!.author, ...(closedAt ? { closed_at: closedAt } : {}) });
    }
  } finally {
    for (const n of heads.keys()) await runGit(repo, ['update-ref', '-d', `${INCOMING}${n}`]);
  }
  return { kept, already: pulls.length - todo.length, missing };
}
