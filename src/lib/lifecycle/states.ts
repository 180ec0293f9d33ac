/**
 * The life of an entry, defined once — as GOV.UK Whitehall's edition workflow
 * names every state an edition can be in and every transition between them.
 * The site builder (src/site/: which pages exist, what is listed, what is
 * searchable) and the editorial-approval judge (src/lib/approval/classify.ts:
 * what a change does to readers, hence whose approval it needs) both read
 * this module and ./transitions.ts, so they cannot disagree.
 *
 * The states of an entry's address at a moment (docs/content-model.md):
 * - `absent`: there is no entry file (before it is created, after it is deleted);
 * - `unanswered`: a question received but not yet answered (a Q&A entry
 *   without `answered`): it is in the register (content/qa/) only, nowhere on
 *   the site — no page, listing, feed, search, sitemap or archive;
 * - `scheduled`: its `publish_at` is still in the future: nowhere on the site;
 * - `published`: its page is shown, listed and searchable;
 * - `withdrawn` (`withdrawn.kind: withdraw`): the page stays, with a dated
 *   notice and the reason, out of listings and search;
 * - `unpublished` (`withdrawn.kind: unpublish`): the address shows a `noindex`
 *   notice saying the entry was removed, when and why.
 *
 * A translation has no life of its own: the Vietnamese original governs it.
 * The English page is scheduled, published, withdrawn or unpublished exactly
 * when the Vietnamese page is; the translation's own copies of `publish_at`,
 * `withdrawn.kind` and `withdrawn.date` (the CMS duplicates them) are ignored,
 * and only its `withdrawn.reason` and `replaced_by` are shown on its notice.
 */

export const entryStates = ['absent', 'unanswered', 'scheduled', 'published', 'withdrawn', 'unpublished'] as const;
export type EntryState = (typeof entryStates)[number];

/** The fields of an entry that decide its state (src/lib/schema/fields.ts: lifecycleFields, withdrawnGroup). */
export interface LifecycleData {
  publish_at?: string | undefined;
  withdrawn?: { kind: 'withdraw' | 'unpublish'; date: string; reason: string; replaced_by?: string | undefined } | undefined;
  /** True for an entry of a register that is not complete yet (a question without its answer): see `registers`. */
  registerOnly?: boolean | undefined;
}

/**
 * Collections whose entries are recorded in a register before they can reach
 * the site, and the field that completes them: a question is received (and
 * classified, routed) before it is answered; only an answered question is
 * published (portal regulation Art. 11). An entry without that field is
 * `unanswered`.
 */
export const registers: Readonly<Record<string, string>> = { qa: 'answered' };

/** The lifecycle fields of an entry of `collection` (its frontmatter as read or parsed). */
export function lifecycleOf(collection: string, data: Record<string, unknown>): LifecycleData {
  const out: LifecycleData = { publish_at: data.publish_at as LifecycleData['publish_at'], withdrawn: data.withdrawn as LifecycleData['withdrawn'] };
  const completing = registers[collection];
  if (completing !== undefined) {
    const value = data[completing];
    // Decap writes a field the editor left empty as '' or null: still not answered.
    out.registerOnly = value === undefined || value === null || value === '';
  }
  return out;
}

/**
 * The state of an entry at `moment`. `entry` is null when there is no file.
 * For a translation, `original` is the Vietnamese entry's data, which governs
 * (null or omitted: the entry governs itself).
 */
export function stateOf(entry: LifecycleData | null, moment: Date, original?: LifecycleData | null): EntryState {
  if (entry === null) return 'absent';
  const governing = original ?? entry;
  if (governing.registerOnly) return 'unanswered';
  if (governing.publish_at && Date.parse(governing.publish_at) > moment.getTime()) return 'scheduled';
  const withdrawn = governing.withdrawn;
  if (!withdrawn) return 'published';
  return withdrawn.kind === 'unpublish' ? 'unpublished' : 'withdrawn';
}

/**
 * The state of a file the site serves as it is (`public/media/…`,
 * `public/files/…`): the build copies `public/` whole, so a file on the
 * branch is published and has no schedule or withdrawal of its own.
 */
export function servedFileState(exists: boolean): EntryState {
  return exists ? 'published' : 'absent';
}

/** The withdrawal notice to show: the original's kind and date, the translation's own reason and replacement when it has them. */
export function withdrawalOf(entry: LifecycleData, original?: LifecycleData | null): LifecycleData['withdrawn'] {
  const governing = (original ?? entry).withdrawn;
  if (!governing) return undefined;
  return { ...governing, reason: entry.withdrawn?.reason ?? governing.reason, replaced_by: entry.withdrawn?.replaced_by ?? governing.replaced_by };
}

/** What the entry's address serves. */
export type EntryPage = 'none' | 'entry' | 'entry-with-notice' | 'removal-notice';

/** What the site does with an entry in a state. */
export interface SiteBehaviour {
  /** `none`: no page (the address is not found); `entry-with-notice`: the page with the dated withdrawal notice; `removal-notice`: a `noindex` page saying it was removed, left out of the sitemap. */
  page: EntryPage;
  /** In listings, feeds, navigation, the generated lists (spokespeople, units) and the document library. */
  listed: boolean;
  /** In the site's search index. */
  searchable: boolean;
}

export const siteBehaviour: Readonly<Record<EntryState, Readonly<SiteBehaviour>>> = {
  absent: { page: 'none', listed: false, searchable: false },
  unanswered: { page: 'none', listed: false, searchable: false },
  scheduled: { page: 'none', listed: false, searchable: false },
  published: { page: 'entry', listed: true, searchable: true },
  withdrawn: { page: 'entry-with-notice', listed: false, searchable: false },
  unpublished: { page: 'removal-notice', listed: false, searchable: false },
};

/** What readers can reach of an entry: its address answers, its text is shown, it is listed, it is searchable. */
export type Reach = 'address' | 'text' | 'listed' | 'searchable';

export function reachOf(state: EntryState): Reach[] {
  const b = siteBehaviour[state];
  const out: Reach[] = [];
  if (b.page !== 'none') out.push('address');
  if (b.page === 'entry' || b.page === 'entry-with-notice') out.push('text');
  if (b.listed) out.push('listed');
  if (b.searchable) out.push('searchable');
  return out;
}
