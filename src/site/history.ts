/**
 * The published history of every content file, read once per build by one
 * `git log` pass (src/lib/history/read-history.ts) from the repository holding
 * the content (or PORTAL_HISTORY_REPO at PORTAL_HISTORY_REF). Without a
 * repository, or in a shallow clone, pages show no history and the build says
 * why: a history is never passed off as complete when it is not.
 */
import { createHash } from 'node:crypto';
import { formatBilingual } from '../lib/history/history-error.ts';
import { formerAddressesNow, type FormerAddressNow } from '../lib/history/former-addresses.ts';
import { ENTRY_COLLECTIONS, sourcePath } from '../lib/history/page-sources.ts';
import { publicHistory } from '../lib/history/public-history.ts';
import { readContentHistory, SHALLOW_HISTORY_WARNING } from '../lib/history/read-history.ts';
import type { ContentHistory, Revision } from '../lib/history/revision.ts';
import type { TranslationGap } from '../lib/report/report.ts';
import { staleness, translationGaps, WHOLE_HISTORY, type Staleness } from '../lib/translations/translation-gaps.ts';
import { contentRoot } from '../content-loader/read-content.ts';
import { entryMap, once } from './entries.ts';

async function history(): Promise<ContentHistory | undefined> {
  return once('history', async () => {
    const dir = process.env.PORTAL_HISTORY_REPO || contentRoot(process.cwd());
    try {
      const h = await readContentHistory(dir, process.env.PORTAL_HISTORY_REF ? { ref: process.env.PORTAL_HISTORY_REF } : {});
      if (h.shallow) {
        console.warn(`history: ${formatBilingual(SHALLOW_HISTORY_WARNING)}`);
        return undefined;
      }
      return h;
    } catch (error) {
      console.warn(`history: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}

/** The revisions of a content file (`content/news/vi/x.mdx`), oldest first; empty when unknown. */
export async function revisionsOf(file: string): Promise<Revision[]> {
  return (await history())?.files.get(file) ?? [];
}

/** Whether a content file has a published history (its page shows it and has a TimeMap). */
export async function hasHistory(file: string | undefined): Promise<boolean> {
  return file !== undefined && (await revisionsOf(file)).some((r) => r.status !== 'removed');
}

/**
 * The former addresses of the entries with a page now (src/lib/history/former-addresses.ts),
 * with where each is now, whether or not another page has them; none when the history is
 * unknown. Read once per build: the route table leaves a page that sends the reader on at
 * each that no page has now, and the CMS page checks entries' addresses against them all
 * (/admin/entry-rules.json).
 */
export function siteFormerAddresses(): Promise<FormerAddressNow[]> {
  return once('history/former-addresses', async () => {
    const h = await history();
    if (!h) return [];
    const current = await Promise.all(
      ENTRY_COLLECTIONS.map(async (collection) =>
        [...(await entryMap(collection, 'vi')).values()].map((e) => ({ collection, locale: 'vi' as const, slug: e.slug, file: sourcePath('vi', collection, e.slug), data: e.data })),
      ),
    );
    return formerAddressesNow(h, current.flat());
  });
}

/**
 * When a content file was first and last published (ISO 8601 with offset), as
 * its public history shows it (minor edits do not count); undefined when the
 * history is unknown. For `article:published_time`/`modified_time` and the
 * sitemap's `lastmod`.
 */
export async function publicationDates(file: string | undefined): Promise<{ published?: string; modified?: string }> {
  const revisions = file ? publicHistory(await revisionsOf(file)) : [];
  if (revisions.length === 0) return {};
  return { published: revisions.at(-1)!.date, modified: revisions[0]!.date };
}

/**
 * For an English file (`content/news/en/x.mdx`): since when its Vietnamese
 * original has a non-minor revision newer than it (src/lib/translations/
 * translation-gaps.ts); undefined when it is current, or the history unknown.
 */
export async function stalenessOf(file: string): Promise<Staleness | undefined> {
  const h = await history();
  return h ? staleness(h, file) : undefined;
}

/** Every English page older than a non-minor revision of its original; undefined when the history is unknown. */
export async function staleTranslations(): Promise<TranslationGap[] | undefined> {
  const h = await history();
  return h ? translationGaps(h, WHOLE_HISTORY).stale : undefined;
}

/**
 * A short hash of a file's revisions and, for an English file, of its
 * staleness (a revision of the Vietnamese original alone shows or removes the
 * notice on the English page), for the page fingerprints of incremental builds.
 */
export async function historyDigest(file: string): Promise<string> {
  const revisions = await revisionsOf(file);
  const stale = await stalenessOf(file);
  return revisions.length === 0 && !stale ? '' : createHash('sha256').update(JSON.stringify([revisions, stale ?? null])).digest('hex').slice(0, 16);
}
