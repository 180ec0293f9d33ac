/**
 * Keeping a draft's head as an annotated tag under refs/tags/drafts/ (the
 * archive step for closed pull requests, the local CMS for its drafts) and
 * reading the kept drafts back (the archivist's `history drafts`). The facts
 * and names are decided in src/lib/history/drafts.ts.
 */
import { DRAFT_TAG_NAMESPACE } from '../../src/lib/history/drafts.ts';
import { gitText, runGit } from '../../src/lib/history/run-git.ts';

/** Who tags when the repository has no identity of its own configured. */
const FALLBACK_IDENTITY = ['-c', 'user.name=Lưu trữ bản nháp (cổng)', '-c', 'user.email=drafts@localhost'];

async function hasIdentity(repo: string): Promise<boolean> {
  const name = await runGit(repo, ['config', 'user.name']);
  const email = await runGit(repo, ['config', 'user.email']);
  return name.code === 0 && email.code === 0;
}

/** The full names of the kept-draft tags (`refs/tags/drafts/pr-12`), sorted. */
export async function draftTagNames(repo: string): Promise<Set<string>> {
  const text = await gitText(repo, ['for-each-ref', '--format=%(refname)', DRAFT_TAG_NAMESPACE], {
    vi: 'Không đọc được các thẻ bản nháp.',
    en: 'Could not list the draft tags.',
  });
  return new Set(text.split('\n').filter(Boolean));
}

/**
 * Makes the annotated tag `refs/tags/<tag>` on commit `head` with `message`.
 * Never moves an existing tag (git refuses without -f): `created` is false
 * when one of that name exists already.
 */
export async function keepDraftTag(repo: string, tag: string, head: string, message: string): Promise<{ created: boolean }> {
  if (!tag.startsWith('drafts/')) throw new Error(`not a draft tag: ${tag}`);
  const exists = await runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]);
  if (exists.code === 0) return { created: false };
  const identity = (await hasIdentity(repo)) ? [] : FALLBACK_IDENTITY;
  const made = await runGit(repo, [...identity, 'tag', '--annotate', '--no-sign', '--cleanup=verbatim', '--file=-', '--end-of-options', tag, `${head}^{commit}`], message);
  if (made.code !== 0) throw new Error(`git tag ${tag} ${head.slice(0, 7)}: ${made.stderr.trim()}`);
  return { created: true };
}

/** The fork point of `head` from `base` (their merge base), or undefined when they share no history or `base` is absent. */
export async function forkPoint(repo: string, head: string, base: string): Promise<string | undefined> {
  const r = await runGit(repo, ['merge-base', '--end-of-options', head, base]);
  return r.code === 0 ? r.stdout.toString('utf8').trim() || undefined : undefined;
}
