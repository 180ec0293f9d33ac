/**
 * What each revision of an entry did for readers, read from the published
 * branch's history (docs/reports.md): first published, updated (a change not
 * marked minor), withdrawn (kept with a notice) or unpublished (replaced by a
 * removal notice), at the moment it went live. Pure: the revisions (with each
 * one's front matter) and `now` are given.
 *
 * - One entry is a collection and a slug, whatever its languages: it is
 *   counted by its Vietnamese original when the history has one (the original
 *   governs the translation's life, src/lib/lifecycle/states.ts), else by its
 *   English file.
 * - A revision goes live at its merge, or at its `publish_at` when that is
 *   later (a scheduled entry counts when it went live, not when it was
 *   merged), and not at all when the next revision was merged before then —
 *   the same rule as `firstLive` of src/lib/duties/publication-duties.ts.
 *   Nothing after `now` has happened yet.
 * - A Q&A entry is published when its answer is (a question without one is in
 *   the register only).
 */
import { lifecycleOf, stateOf, type EntryState } from '../lifecycle/states.ts';

/** One revision of an entry file on the published branch, with its front matter then. */
export interface EntryRevisionFact {
  /** content/<collection>/<locale>/<slug>.mdx */
  path: string;
  /** When it was merged into the published branch (ISO 8601 with offset). */
  date: string;
  /** The pull request whose merge published it, when known. */
  pr?: number | undefined;
  /** The revision removed the file. */
  removed: boolean;
  /** The front matter at this revision (null for a removal, or unreadable). */
  data: Record<string, unknown> | null;
}

/** The revisions of each entry file, by path, oldest first. */
export type EntryRevisions = ReadonlyMap<string, readonly EntryRevisionFact[]>;

export type PublicationEventKind = 'published' | 'updated' | 'withdrawn' | 'unpublished';

export interface PublicationEvent {
  /** `<collection>/<slug>` */
  entry: string;
  collection: string;
  slug: string;
  /** The file counted (the Vietnamese original when the history has one). */
  path: string;
  kind: PublicationEventKind;
  /** When it went live (ISO 8601, UTC). */
  at: string;
  pr?: number | undefined;
  /** The entry's front matter in that revision. */
  data: Record<string, unknown>;
}

const ENTRY = /^content\/([^/]+)\/(vi|en)\/([^/]+)\.mdx$/;

/** collection, locale and slug of an entry file, or undefined for other files (settings, calendar…). */
export function entryOfPath(path: string): { collection: string; locale: 'vi' | 'en'; slug: string } | undefined {
  const m = ENTRY.exec(path);
  return m ? { collection: m[1]!, locale: m[2] as 'vi' | 'en', slug: m[3]! } : undefined;
}

/** When a revision went live, or undefined when it never did (superseded first, or scheduled after `now`). */
export function liveMoment(revision: EntryRevisionFact, next: EntryRevisionFact | undefined, now: Date): number | undefined {
  const merged = Date.parse(revision.date);
  const scheduled = typeof revision.data?.publish_at === 'string' ? Date.parse(revision.data.publish_at) : Number.NaN;
  const live = Number.isNaN(scheduled) ? merged : Math.max(merged, scheduled);
  if (next && Date.parse(next.date) <= live) return undefined;
  return live <= now.getTime() ? live : undefined;
}

function eventsOfFile(collection: string, slug: string, revisions: readonly EntryRevisionFact[], now: Date): PublicationEvent[] {
  const events: PublicationEvent[] = [];
  let previous: EntryState = 'absent';
  let everPublished = false;
  revisions.forEach((r, i) => {
    if (r.removed || !r.data) {
      if (r.removed) previous = 'absent';
      return;
    }
    const live = liveMoment(r, revisions[i + 1], now);
    if (live === undefined) return;
    const state = stateOf(lifecycleOf(collection, r.data), new Date(live));
    let kind: PublicationEventKind | undefined;
    if (state === 'published') {
      if (!everPublished) kind = 'published';
      else if (r.data.minor_change !== true) kind = 'updated';
      everPublished = true;
    } else if (state === 'withdrawn' || state === 'unpublished') {
      if (previous !== state) kind = state;
    }
    previous = state;
    if (kind) events.push({ entry: `${collection}/${slug}`, collection, slug, path: r.path, kind, at: new Date(live).toISOString(), pr: r.pr, data: r.data });
  });
  return events;
}

/** Every publication event of every entry, oldest first (ties by entry). */
export function publicationEvents(revisions: EntryRevisions, now: Date): PublicationEvent[] {
  const counted = new Map<string, { collection: string; slug: string; path: string }>();
  for (const path of revisions.keys()) {
    const entry = entryOfPath(path);
    if (!entry) continue;
    const key = `${entry.collection}/${entry.slug}`;
    if (entry.locale === 'vi' || !counted.has(key)) counted.set(key, { collection: entry.collection, slug: entry.slug, path });
  }
  const events = [...counted.values()].flatMap(({ collection, slug, path }) => eventsOfFile(collection, slug, revisions.get(path)!, now));
  return events.sort((a, b) => a.at.localeCompare(b.at) || a.entry.localeCompare(b.entry));
}
