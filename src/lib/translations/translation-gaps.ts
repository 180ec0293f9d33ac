/**
 * Translations that are missing or stale, from the published history alone
 * (src/lib/history/read-history.ts). The Vietnamese original governs: an
 * English page is stale when its original had a revision that is not minor
 * (`minor_change` not set) published after the English file's last revision.
 * A publication that changes both files at once leaves the translation
 * current. Pure.
 *
 * Only entries with a page of their own are counted (pages, news, documents,
 * questions): units and spokespeople are shown inside other pages and have no
 * address of their own.
 */
import { siteBehaviour, type EntryState } from '../lifecycle/states.ts';
import type { ContentHistory, Revision } from '../history/revision.ts';
import { entryPath, type ListedCollection } from '../routes.ts';
import type { TranslationFigures, TranslationGap } from '../report/report.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';

type PagedCollection = ListedCollection | 'pages';
const pagedCollections: ReadonlySet<string> = new Set<PagedCollection>(['pages', 'news', 'documents', 'qa']);

/**
 * `content/<collection>/<vi|en>/<slug>.mdx`, split; undefined for any other
 * path, and for a slug the content check refuses (so a hostile file name never
 * reaches an address or a message).
 */
export function entryFileOf(path: string): { collection: PagedCollection; locale: 'vi' | 'en'; slug: string } | undefined {
  const m = /^content\/([a-z]+)\/(vi|en)\/([^/]+)\.mdx$/.exec(path);
  if (!m || !pagedCollections.has(m[1]!) || !SLUG_PATTERN.test(m[3]!)) return undefined;
  return { collection: m[1] as PagedCollection, locale: m[2] as 'vi' | 'en', slug: m[3]! };
}

/** The file at `content/<collection>/<locale>/<slug>.mdx`. */
function counterpartPath(collection: string, locale: 'vi' | 'en', slug: string): string {
  return `content/${collection}/${locale}/${slug}.mdx`;
}

/** What stands at a path at one instant: the revisions (published by then) of the file there, oldest first. */
type Present = Map<string, Revision[]>;

/**
 * The files present at `instant` (ms), each with its revisions published by
 * then. A file's revisions are followed across renames; a file removed and
 * added again starts a new life at the addition.
 */
function presentAt(history: ContentHistory, instant: number): Present {
  const present: Present = new Map();
  for (const revisions of history.files.values()) {
    const upTo = revisions.filter((r) => Date.parse(r.date) <= instant);
    const last = upTo.at(-1);
    if (!last || last.status === 'removed') continue;
    let born = 0;
    upTo.forEach((r, i) => {
      if (r.status === 'added') born = i;
    });
    present.set(last.path, upTo.slice(born));
  }
  return present;
}

/** The newest revision of `revisions` that is not minor, if any. */
function lastMajor(revisions: readonly Revision[]): Revision | undefined {
  return revisions.findLast((r) => !r.minor);
}

/** An instant after every revision: `at` for the whole history read. */
export const WHOLE_HISTORY = new Date(8.64e15);

export interface Staleness {
  /** When the original's newest non-minor revision was published (ISO 8601, as recorded). */
  originalRevisedAt: string;
  /** When the English file was last revised (ISO 8601, as recorded). */
  englishRevisedAt: string;
  /** The Vietnamese original's address on the site. */
  originalAddress: string;
  /** content/<collection>/vi/<slug>.mdx */
  original: string;
}

/** Whether the English file at `english` (its path in `present`) is older than a non-minor revision of its original. */
function stalenessIn(present: Present, english: string): Staleness | undefined {
  const file = entryFileOf(english);
  if (!file || file.locale !== 'en') return undefined;
  const original = counterpartPath(file.collection, 'vi', file.slug);
  const en = present.get(english)?.at(-1);
  const vi = lastMajor(present.get(original) ?? []);
  if (!en || !vi || vi.commit === en.commit || !(Date.parse(vi.date) > Date.parse(en.date))) return undefined;
  return { originalRevisedAt: vi.date, englishRevisedAt: en.date, originalAddress: entryPath('vi', file.collection, file.slug), original };
}

/**
 * Whether the English file `englishPath` (content/<collection>/en/<slug>.mdx)
 * is stale at `at` (default: the whole history read), and since when.
 */
export function staleness(history: ContentHistory, englishPath: string, at: Date = WHOLE_HISTORY): Staleness | undefined {
  return stalenessIn(presentAt(history, at.getTime()), englishPath);
}

const byAddress = (a: TranslationGap, b: TranslationGap) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/**
 * The originals present at `at` with no English file then (`missing`), and
 * the English files then older than a non-minor revision of their original
 * published by `at` (`stale`), each sorted by address.
 */
export function translationGaps(history: ContentHistory, at: Date): TranslationFigures {
  const present = presentAt(history, at.getTime());
  const missing: TranslationGap[] = [];
  const stale: TranslationGap[] = [];
  for (const path of present.keys()) {
    const file = entryFileOf(path);
    if (!file || file.locale !== 'vi') continue;
    const english = counterpartPath(file.collection, 'en', file.slug);
    const address = entryPath('vi', file.collection, file.slug);
    if (!present.has(english)) {
      missing.push({ address, original: path });
      continue;
    }
    const found = stalenessIn(present, english);
    if (found) stale.push({ address, original: path, english, originalRevisedAt: found.originalRevisedAt, englishRevisedAt: found.englishRevisedAt });
  }
  return { missing: missing.sort(byAddress), stale: stale.sort(byAddress) };
}

/**
 * Only the gaps a reader meets: those whose original's page is shown at the
 * moment (`entry`, or `entry-with-notice` for a withdrawn one) — not a
 * question still in the register, a scheduled entry or an unpublished one,
 * which have no page to translate. `stateOfOriginal` gives the original's
 * state then (src/lib/lifecycle/states.ts).
 */
export function gapsReadersMeet(gaps: TranslationFigures, stateOfOriginal: (original: string) => EntryState): TranslationFigures {
  const shown = (gap: TranslationGap) => {
    const page = siteBehaviour[stateOfOriginal(gap.original)].page;
    return page === 'entry' || page === 'entry-with-notice';
  };
  return { missing: gaps.missing.filter(shown), stale: gaps.stale.filter(shown) };
}
