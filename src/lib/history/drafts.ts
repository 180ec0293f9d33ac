/**
 * Drafts kept after their branch is gone (Decision 1624 Art. 12; portal
 * regulation Art. 18): the names of the tags that keep them
 * (`refs/tags/drafts/…`), the message those annotated tags carry (the facts:
 * which pull request or local draft, its fate, when it closed, where it forked),
 * reading such a message back — tags are read from a repository someone else
 * may have written, so every field is checked against an allowlist — and the
 * archivist's list of a page's drafts. docs/archive.md, “Drafts”;
 * docs/history.md, “Drafts of a page”.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../locales.ts';
import type { BilingualMessage } from './history-error.ts';
import { formatInstantInVietnam } from './moments.ts';

/** The ref namespace of kept drafts: tags, which a GitHub tag ruleset protects (no update, no deletion). */
export const DRAFT_TAG_NAMESPACE = 'refs/tags/drafts/';

/**
 * What became of a draft: `published` (merged, or published in the CMS),
 * `rejected` (its pull request closed without merging: refused by a reviewer
 * or discarded in the CMS — GitHub does not tell which), `discarded` (discarded
 * in the local CMS).
 */
export const DRAFT_FATES = ['published', 'rejected', 'discarded'] as const;
export type DraftFate = (typeof DRAFT_FATES)[number];

/** The first line of every message this module writes, and how a message is recognised. */
const FORMAT_LINE = 'portal-draft: 1';

export interface DraftFacts {
  /** `github`: a pull request's head, kept by the archive step; `local`: a draft of the local CMS. */
  source: 'github' | 'local';
  fate: DraftFate;
  /** The draft's last commit. */
  head: string;
  /** Where it forked from the published branch, when known. */
  base?: string;
  /** When the draft was published, rejected or discarded (ISO 8601). */
  closedAt?: string;
  pull?: { number: number; title: string; author: string; url?: string };
  /** The entry a local draft was of (`cms/<collection>/<slug>`). */
  entry?: { collection: string; slug: string };
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** A GitHub login: letters, digits, hyphens; `[bot]` accounts too. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** A collection or slug that can be part of a ref name as it is. */
const NAME_PART = /^[a-z0-9](?:[a-z0-9-]{0,99})$/;
const URL_TEXT = /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9._~/-]*$/;

/** An ISO 8601 time whose date and time exist (no 30 February, no 25 o'clock). */
function isRealTime(text: string): boolean {
  if (!ISO.test(text)) return false;
  const [, y, m, d, h, min] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text)!.map(Number) as number[];
  const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return m! >= 1 && m! <= 12 && d! >= 1 && d! <= days && h! <= 23 && min! <= 59 && !Number.isNaN(Date.parse(text));
}

/** The tag (under refs/tags/) that keeps pull request `number`'s head. */
export function pullDraftTag(number: number): string {
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`not a pull request number: ${number}`);
  return `drafts/pr-${number}`;
}

/** `20261202T150700Z`: a time as a ref name may hold it (no colons). */
export function refTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * The tag that keeps a local draft of `collection`/`slug` closed at `at`:
 * `drafts/local/<collection>/<slug>/<time>`. Names outside the allowlist
 * (lower-case ASCII letters, digits, hyphens) are never put in a ref: such an
 * entry is kept as `drafts/local/entry-<hash>/<time>`, its names in the message.
 */
export function localDraftTag(collection: string, slug: string, at: Date): string {
  const time = refTime(at);
  if (NAME_PART.test(collection) && NAME_PART.test(slug)) return `drafts/local/${collection}/${slug}/${time}`;
  const hash = createHash('sha256').update(`${collection}/${slug}`).digest('hex').slice(0, 12);
  return `drafts/local/entry-${hash}/${time}`;
}

/** One line of untrusted text (a pull request title) as a message field: no line breaks, no control characters. */
function oneLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, 300);
}

const FATE_WORDS: Record<DraftFate, BilingualMessage> = {
  published: { vi: 'đã đăng', en: 'published' },
  rejected: { vi: 'không được đăng (pull request đóng, không hợp nhất)', en: 'rejected (pull request closed without merging)' },
  discarded: { vi: 'đã huỷ', en: 'discarded' },
};

/** The annotated tag's message: a readable first line, then one `key: value` per fact. */
export function draftTagMessage(facts: DraftFacts): string {
  const what = facts.pull ? `PR #${facts.pull.number}` : facts.entry ? `${oneLine(facts.entry.collection)}/${oneLine(facts.entry.slug)}` : facts.head.slice(0, 7);
  const fields: [string, string | number | undefined][] = [
    ['source', facts.source],
    ['fate', facts.fate],
    ['head', facts.head],
    ['base', facts.base],
    ['closed-at', facts.closedAt],
    ['pull-request', facts.pull?.number],
    ['title', facts.pull ? oneLine(facts.pull.title) : undefined],
    ['author', facts.pull?.author],
    ['url', facts.pull?.url],
    ['collection', facts.entry ? oneLine(facts.entry.collection) : undefined],
    ['slug', facts.entry ? oneLine(facts.entry.slug) : undefined],
  ];
  return [
    `Bản nháp được lưu / Kept draft: ${what} — ${FATE_WORDS[facts.fate].vi} / ${FATE_WORDS[facts.fate].en}`,
    '',
    FORMAT_LINE,
    ...fields.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`),
    '',
  ].join('\n');
}

export type ParsedDraftMessage = { ok: true; facts: DraftFacts } | { ok: false; problem: BilingualMessage };

const notOurs = (why: BilingualMessage): ParsedDraftMessage => ({ ok: false, problem: why });

/**
 * The facts of a tag message written by draftTagMessage. Anything else — a
 * message of another format, a field out of its allowlist, a fact missing —
 * is a problem said in both languages (the tag is still a draft: its commit is
 * listed, with its fate unknown).
 */
export function parseDraftTagMessage(message: string): ParsedDraftMessage {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const start = lines.indexOf(FORMAT_LINE);
  if (start < 0) {
    return notOurs({
      vi: `lời nhắn của thẻ không theo mẫu của cổng (thiếu dòng “${FORMAT_LINE}”)`,
      en: `the tag message is not in the portal's format (no “${FORMAT_LINE}” line)`,
    });
  }
  const fields = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    const m = /^([a-z-]{1,20}): (.*)$/.exec(line);
    if (!m) return notOurs({ vi: `dòng không hiểu được trong lời nhắn của thẻ: “${line.slice(0, 80)}”`, en: `a line of the tag message is not understood: “${line.slice(0, 80)}”` });
    if (fields.has(m[1]!)) return notOurs({ vi: `trường “${m[1]}” có hai lần`, en: `the field “${m[1]}” appears twice` });
    fields.set(m[1]!, m[2]!);
  }
  const bad = (field: string): ParsedDraftMessage =>
    notOurs({ vi: `trường “${field}” của lời nhắn thiếu hoặc không hợp lệ`, en: `the field “${field}” of the tag message is missing or not valid` });
  const source = fields.get('source');
  if (source !== 'github' && source !== 'local') return bad('source');
  const fate = fields.get('fate');
  if (!DRAFT_FATES.includes(fate as DraftFate)) return bad('fate');
  const head = fields.get('head') ?? '';
  if (!SHA.test(head)) return bad('head');
  const facts: DraftFacts = { source, fate: fate as DraftFate, head };
  const base = fields.get('base');
  if (base !== undefined) {
    if (!SHA.test(base)) return bad('base');
    facts.base = base;
  }
  const closedAt = fields.get('closed-at');
  if (closedAt !== undefined) {
    if (!isRealTime(closedAt)) return bad('closed-at');
    facts.closedAt = closedAt;
  }
  if (source === 'github') {
    const number = fields.get('pull-request') ?? '';
    if (!/^[1-9]\d{0,9}$/.test(number)) return bad('pull-request');
    const author = fields.get('author') ?? '';
    if (!LOGIN.test(author)) return bad('author');
    const title = oneLine(fields.get('title') ?? '');
    const url = fields.get('url');
    if (url !== undefined && !URL_TEXT.test(url)) return bad('url');
    facts.pull = { number: Number(number), title, author, ...(url ? { url } : {}) };
  } else {
    const collection = fields.get('collection') ?? '';
    const slug = fields.get('slug') ?? '';
    if (!collection) return bad('collection');
    if (!slug) return bad('slug');
    facts.entry = { collection: oneLine(collection), slug: oneLine(slug) };
  }
  return { ok: true, facts };
}

/** A closed pull request's fate: merged → published, closed otherwise → rejected. */
export function fateOfPull(pull: { merged_at?: string | null }): DraftFate {
  return pull.merged_at ? 'published' : 'rejected';
}

/** One draft of a page, as the archivist's list shows it. */
export interface PageDraft {
  /** The tag's name under refs/tags/drafts/ (`pr-12`, `local/news/x/20261202T150700Z`): what `--show` takes. */
  id: string;
  head: string;
  /** Undefined when the tag's message is not the portal's (problem says why). */
  facts?: DraftFacts;
  problem?: BilingualMessage;
  /** Author date of the draft's first commit after its fork point (ISO). */
  firstCommit?: string;
  /** When the tag was made (annotated tags). */
  taggedAt?: string;
  /** Commit authors, as `Name <email>`, in order of first commit. */
  authors: string[];
  /** The page's source files the draft changes. */
  changed: string[];
}

const FATE_SHORT: Record<DraftFate, BilingualMessage> = {
  published: { vi: 'đã đăng', en: 'published' },
  rejected: { vi: 'bị từ chối / đóng không đăng', en: 'rejected / closed unpublished' },
  discarded: { vi: 'đã huỷ', en: 'discarded' },
};

/** The list `npm run history -- drafts <page>` prints: newest closed last, each with its id for `--show`. */
export function formatDraftList(page: string, sources: readonly string[], drafts: readonly PageDraft[], locale: Locale): string {
  const vi = locale === 'vi';
  const when = (iso: string | undefined) => (iso ? formatInstantInVietnam(iso, locale) : '—');
  const lines = [
    vi ? `Bản nháp đã lưu: ${page}` : `Kept drafts: ${page}`,
    vi ? `Tệp nguồn: ${sources.join(', ')}` : `Source files: ${sources.join(', ')}`,
    vi ? `Giờ Việt Nam (UTC+7). ${drafts.length} bản nháp.` : `Vietnam time (UTC+7). ${drafts.length} draft${drafts.length === 1 ? '' : 's'}.`,
    '',
  ];
  if (drafts.length === 0) {
    lines.push(vi ? 'Không có bản nháp nào đã lưu sửa các tệp này.' : 'No kept draft changes these files.', '');
    return lines.join('\n');
  }
  drafts.forEach((d, i) => {
    const fate = d.facts ? FATE_SHORT[d.facts.fate][locale] : vi ? 'không rõ' : 'unknown';
    const closed = d.facts?.closedAt ?? d.taggedAt;
    lines.push(`${i + 1}. ${d.id}  ${fate}`);
    if (d.facts?.pull) {
      lines.push(`    PR #${d.facts.pull.number} “${d.facts.pull.title}” · ${vi ? 'người mở' : 'opened by'} ${d.facts.pull.author}`);
    }
    lines.push(
      `    ${vi ? 'bắt đầu' : 'started'} ${when(d.firstCommit)} · ${vi ? 'kết thúc' : 'closed'} ${when(closed)} · commit ${d.head.slice(0, 7)}`,
      `    ${vi ? 'tác giả' : 'authors'}: ${d.authors.length > 0 ? d.authors.join(', ') : '—'}`,
      `    ${vi ? 'sửa' : 'changes'}: ${d.changed.join(', ')}`,
    );
    if (d.problem) lines.push(`    ${vi ? 'lưu ý' : 'note'}: ${d.problem[locale]}`);
  });
  lines.push('', vi ? `Xem một bản: npm run history -- drafts ${page} --show <mã / id>` : `Show one: npm run history -- drafts ${page} --show <id>`, '');
  return lines.join('\n');
}
