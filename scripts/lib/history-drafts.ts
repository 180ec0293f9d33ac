/**
 * The kept drafts (refs/tags/drafts/…) as the archivist's tool reads them:
 * every tag, its message's facts (parsed by src/lib/history/drafts.ts), the
 * commits the draft made since it forked from the published branch, and the
 * page files it changes. Tags were written by someone else: a tag that points
 * at something other than a commit, or whose message is not the portal's,
 * is reported, never trusted.
 */
import { DRAFT_TAG_NAMESPACE, parseDraftTagMessage, type PageDraft } from '../../src/lib/history/drafts.ts';
import type { BilingualMessage } from '../../src/lib/history/history-error.ts';
import { gitText, runGit } from '../../src/lib/history/run-git.ts';

interface TagRef {
  id: string;
  objectType: string;
  object: string;
  peeledType: string;
  peeled: string;
  taggedAt: string;
}

/** A ref under refs/tags/drafts/ that is not a draft, and why. */
export interface NotADraft {
  id: string;
  problem: BilingualMessage;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

async function tagRefs(repo: string): Promise<TagRef[]> {
  const text = await gitText(repo, ['for-each-ref', '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(taggerdate:iso-strict)', DRAFT_TAG_NAMESPACE], {
    vi: 'Không đọc được các thẻ bản nháp (refs/tags/drafts/).',
    en: 'Could not list the draft tags (refs/tags/drafts/).',
  });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref = '', objectType = '', object = '', peeledType = '', peeled = '', taggedAt = ''] = line.split('\0');
      return { id: ref.slice(DRAFT_TAG_NAMESPACE.length), objectType, object, peeledType, peeled, taggedAt };
    });
}

/** The messages of annotated tags, by tag object, in one `git cat-file --batch`. */
async function tagMessages(repo: string, objects: string[]): Promise<Map<string, string>> {
  const messages = new Map<string, string>();
  if (objects.length === 0) return messages;
  const r = await runGit(repo, ['cat-file', '--batch'], `${objects.join('\n')}\n`);
  const out = r.stdout;
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [sha = '', , size = ''] = out.subarray(at, eol).toString('utf8').split(' ');
    const length = Number(size);
    if (!Number.isFinite(length)) {
      at = eol + 1;
      continue;
    }
    const body = out.subarray(eol + 1, eol + 1 + length).toString('utf8');
    const split = body.indexOf('\n\n');
    messages.set(sha, split < 0 ? '' : body.slice(split + 2));
    at = eol + 1 + length + 1;
  }
  return messages;
}

function foreignTarget(id: string, type: string): NotADraft {
  return {
    id,
    problem: {
      vi: `thẻ drafts/${id} trỏ tới một ${type || 'đối tượng không rõ'}, không phải commit: không phải bản nháp, bỏ qua.`,
      en: `the tag drafts/${id} points at a ${type || 'unknown object'}, not a commit: not a draft, left out.`,
    },
  };
}

async function isCommit(repo: string, rev: string): Promise<boolean> {
  return (await runGit(repo, ['cat-file', '-e', `${rev}^{commit}`])).code === 0;
}

/** Where `head` forked from `published`: the message's base when it is a commit here, else their merge base (or head's parent when head is already published). */
async function forkOf(repo: string, head: string, recorded: string | undefined, published: string): Promise<string | undefined> {
  if (recorded && (await isCommit(repo, recorded))) return recorded;
  const mb = await runGit(repo, ['merge-base', '--end-of-options', head, published]);
  const base = mb.code === 0 ? mb.stdout.toString('utf8').trim() : '';
  if (base && base !== head) return base;
  const parent = await runGit(repo, ['rev-parse', '--verify', '--quiet', `${head}^1`]);
  return parent.code === 0 ? parent.stdout.toString('utf8').trim() : undefined;
}

/** The kept drafts that change one of `sources` relative to their fork point; and the refs that are no drafts. */
export async function readPageDrafts(repo: string, published: string, sources: readonly string[]): Promise<{ drafts: PageDraft[]; skipped: NotADraft[] }> {
  await gitText(repo, ['rev-parse', '--verify', '--end-of-options', `${published}^{commit}`], {
    vi: `Không có nhánh đã đăng “${published}” trong kho.`,
    en: `There is no published branch “${published}” in the repository.`,
  });
  const refs = await tagRefs(repo);
  const messages = await tagMessages(
    repo,
    refs.filter((r) => r.objectType === 'tag' && SHA.test(r.object)).map((r) => r.object),
  );
  const drafts: PageDraft[] = [];
  const skipped: NotADraft[] = [];
  for (const ref of refs) {
    const annotated = ref.objectType === 'tag';
    const head = annotated ? ref.peeled : ref.object;
    const type = annotated ? ref.peeledType : ref.objectType;
    if (type !== 'commit' || !SHA.test(head)) {
      skipped.push(foreignTarget(ref.id, type));
      continue;
    }
    const parsed = annotated
      ? parseDraftTagMessage(messages.get(ref.object) ?? '')
      : { ok: false as const, problem: { vi: 'thẻ nhẹ (không có lời nhắn): không rõ số phận của bản nháp', en: 'a lightweight tag (no message): the draft’s fate is unknown' } };
    // The message's head must be the tagged commit: a message copied onto another commit says nothing about it.
    const facts = parsed.ok && parsed.facts.head === head ? parsed.facts : undefined;
    const problem = parsed.ok
      ? facts
        ? undefined
        : { vi: `lời nhắn của thẻ nói commit ${parsed.facts.head.slice(0, 7)} nhưng thẻ trỏ tới ${head.slice(0, 7)}`, en: `the tag message names commit ${parsed.facts.head.slice(0, 7)} but the tag points at ${head.slice(0, 7)}` }
      : parsed.problem;
    const base = await forkOf(repo, head, facts?.base, published);
    const diffArgs = ['--literal-pathspecs', 'diff', '--name-only', '-z', '--no-renames', ...(base ? [base] : ['4b825dc642cb6eb9a060e54bf8d69288fbee4904']), head, '--', ...sources];
    const diff = await runGit(repo, diffArgs);
    const changed = diff.stdout.toString('utf8').split('\0').filter(Boolean);
    if (changed.length === 0) continue;
    const log = await runGit(repo, ['log', '--reverse', '--format=%aI%x00%an <%ae>', base ? `${base}..${head}` : head, '--']);
    const lines = log.stdout.toString('utf8').split('\n').filter(Boolean).map((l) => l.split('\0') as [string, string]);
    const authors = [...new Set(lines.map(([, who]) => who))];
    drafts.push({
      id: ref.id,
      head,
      ...(facts ? { facts } : {}),
      ...(problem ? { problem } : {}),
      ...(lines[0] ? { firstCommit: lines[0][0] } : {}),
      ...(ref.taggedAt ? { taggedAt: ref.taggedAt } : {}),
      authors,
      changed: sources.filter((s) => changed.includes(s)),
    });
  }
  const closed = (d: PageDraft) => Date.parse(d.facts?.closedAt ?? d.taggedAt ?? d.firstCommit ?? '') || 0;
  drafts.sort((a, b) => closed(a) - closed(b) || a.id.localeCompare(b.id));
  return { drafts, skipped };
}
