/**
 * The local CMS keeps its drafts as the archive step keeps pull requests'
 * heads (docs/archive.md, “Drafts”): before decap-server deletes a draft
 * branch `cms/<collection>/<slug>` on publish or discard, its head and fork
 * point are read; once decap-server has answered success, the head is kept
 * as the annotated tag `drafts/local/<collection>/<slug>/<UTC time>` whose
 * message says its fate (src/lib/history/drafts.ts).
 */
import { draftTagMessage, localDraftTag, type DraftFate } from '../../src/lib/history/drafts.ts';
import { runGit } from '../../src/lib/history/run-git.ts';
import { forkPoint, keepDraftTag } from './drafts-git.ts';

export interface SeenDraft {
  collection: string;
  slug: string;
  head: string;
  base?: string;
}

/** The draft branch's head and its fork point from `published`, read before decap-server touches it; undefined without the branch. */
export async function seeDraft(repo: string, draft: { branch: string; collection: string; slug: string }, published: string): Promise<SeenDraft | undefined> {
  const r = await runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${draft.branch}^{commit}`]);
  if (r.code !== 0) return undefined;
  const head = r.stdout.toString('utf8').trim();
  const base = await forkPoint(repo, head, `refs/heads/${published}`);
  return { collection: draft.collection, slug: draft.slug, head, ...(base ? { base } : {}) };
}

/** Keeps a seen draft with its fate; resolves with the tag's name. */
export async function keepLocalDraft(repo: string, seen: SeenDraft, fate: Extract<DraftFate, 'published' | 'discarded'>, at = new Date()): Promise<string> {
  let tag = localDraftTag(seen.collection, seen.slug, at);
  // Two closings of the same entry within a second: the second gets a suffix rather than being lost.
  for (let n = 2; (await runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`])).code === 0; n++) tag = `${localDraftTag(seen.collection, seen.slug, at)}-${n}`;
  const closedAt = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const message = draftTagMessage({ source: 'local', fate, head: seen.head, ...(seen.base ? { base: seen.base } : {}), closedAt, entry: { collection: seen.collection, slug: seen.slug } });
  await keepDraftTag(repo, tag, seen.head, message);
  return tag;
}
