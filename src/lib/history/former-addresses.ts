/**
 * The addresses an entry's pages had in published revisions and have no
 * longer: its Vietnamese file renamed (`/hoi-dap/cu/` → `/hoi-dap/moi/`), or
 * its `english_address` changed (`/en/contact/` → `/en/contact-us/`). The site
 * leaves a page at each that sends the reader on (src/views/MovedView.astro),
 * so links from elsewhere keep working, as GOV.UK keeps a redirect for every
 * path it once published. Pure.
 *
 * What a revision says is untrusted (a direct commit is not checked): an old
 * file name or English address becomes an address only when it is a
 * well-formed slug, and a page's only when the portal's own routes do not
 * take it (`/admin/`, `/search/`…).
 */
import { ENGLISH_ADDRESS_MAX, SLUG_PATTERN } from '../schema/fields.ts';
import { entryPath, reservedSlugs } from '../routes.ts';
import { englishAddressOf } from '../content/english-addresses.ts';
import type { ContentIssue } from '../content/issues.ts';
import type { Locale } from '../locales.ts';
import { ENTRY_COLLECTIONS, entryOfSource, sourcePath, type EntryCollection } from './page-sources.ts';
import type { ContentHistory } from './revision.ts';

/** A page the site no longer has at `path`, now at the entry's own address in `locale`. */
export interface FormerAddress {
  path: string;
  locale: Locale;
  collection: EntryCollection;
  slug: string;
}

const wellFormed = (slug: string | undefined, max = Infinity): slug is string => slug !== undefined && SLUG_PATTERN.test(slug) && slug.length <= max;

/** Whether an `english_address` read from an old revision may name a page: the field's own pattern and length. */
export const wellFormedEnglishAddress = (value: string | undefined): value is string => wellFormed(value, ENGLISH_ADDRESS_MAX);

/**
 * Every former address of the entries that exist now (`exists`, by collection and slug): from each
 * published revision of a Vietnamese original, the two addresses its pages had. `taken`: every address
 * the site has now (an entry's current address, another's, a listing…), which is never a former one.
 * An address two entries once had goes to the one that had it last. Sorted by path.
 */
export function formerAddresses(history: ContentHistory, exists: (collection: EntryCollection, slug: string) => boolean, taken: ReadonlySet<string>): FormerAddress[] {
  const found = new Map<string, FormerAddress & { since: number }>();
  for (const [file, revisions] of history.files) {
    const entry = entryOfSource(file);
    if (!entry || entry.locale !== 'vi' || !wellFormed(entry.slug) || !exists(entry.collection, entry.slug)) continue;
    const live = revisions.filter((r) => r.status !== 'removed');
    // Published once: its addresses are those it has now.
    if (live.length < 2) continue;
    for (const r of live) {
      const then = entryOfSource(r.path);
      if (!then || then.locale !== 'vi' || then.collection !== entry.collection || !wellFormed(then.slug)) continue;
      // A malformed English address names no page: only the Vietnamese one is kept of that revision.
      const englishOk = r.englishAddress === undefined || wellFormedEnglishAddress(r.englishAddress);
      const since = Date.parse(r.date);
      for (const locale of englishOk ? (['vi', 'en'] as const) : (['vi'] as const)) {
        const segment = locale === 'en' && r.englishAddress !== undefined ? r.englishAddress : then.slug;
        if (entry.collection === 'pages' && reservedSlugs.has(segment)) continue;
        const path = entryPath(locale, entry.collection, then.slug, r.englishAddress);
        if (taken.has(path)) continue;
        const held = found.get(path);
        if (!held || held.since < since || (held.since === since && held.slug < entry.slug))
          found.set(path, { path, locale, collection: entry.collection, slug: entry.slug, since });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(({ since: _, ...address }) => address);
}

/** What the reused-address check needs of an entry now: its Vietnamese original's file and data. */
export interface CurrentEntry {
  collection: string;
  locale: Locale;
  slug: string;
  file: string;
  data: unknown;
}

/** A former address with where the entry that had it is now in that language (`now`, its page's address). */
export interface FormerAddressNow extends FormerAddress {
  now: string;
}

const originalsOf = (entries: readonly CurrentEntry[]) => entries.filter((e) => e.locale === 'vi' && (ENTRY_COLLECTIONS as readonly string[]).includes(e.collection));

/**
 * Every address the entries of `entries` had in a published revision of `history` and have no longer, whether
 * or not another page has it now, with the entry's address now in that language: what `reusedAddressIssues` compares against.
 * The build serves it to the CMS page (/admin/entry-rules.json), which has no history to read.
 */
export function formerAddressesNow(history: ContentHistory, entries: readonly CurrentEntry[]): FormerAddressNow[] {
  const originals = new Map(originalsOf(entries).map((e) => [`${e.collection}/${e.slug}`, e]));
  return (
    formerAddresses(history, (collection, slug) => originals.has(`${collection}/${slug}`), new Set())
      .map((f) => ({ ...f, now: entryPath(f.locale, f.collection, f.slug, englishAddressOf(originals.get(`${f.collection}/${f.slug}`)?.data)) }))
      // An entry's address now is not a former one (another entry at it is the content check's duplicate-address error).
      .filter((f) => f.path !== f.now)
  );
}

/**
 * A warning on each entry whose page is now at an address another entry's page
 * had in a published revision (`former`, from `formerAddressesNow`; its file
 * name or `english_address` chosen since): links made to that other page,
 * which its old address would send on to it, now reach this one. A warning,
 * never an error: reusing an address can be meant (the content check names the
 * other entry; the approver decides).
 */
export function reusedAddressIssues(
  former: readonly FormerAddressNow[],
  entries: readonly CurrentEntry[],
  locate: (file: string, path: (string | number)[]) => { line: number; column: number },
): ContentIssue[] {
  const byPath = new Map(former.map((f) => [f.path, f]));
  const issues: ContentIssue[] = [];
  const told = new Set<string>();
  for (const e of originalsOf(entries)) {
    const collection = e.collection as EntryCollection;
    const address = englishAddressOf(e.data);
    for (const locale of ['vi', 'en'] as const) {
      const path = entryPath(locale, collection, e.slug, address);
      const other = byPath.get(path);
      if (!other || (other.collection === collection && other.slug === e.slug)) continue;
      const otherFile = sourcePath('vi', other.collection, other.slug);
      // A file name reused is both languages' address: said once.
      if (told.has(`${e.file}|${otherFile}`)) continue;
      told.add(`${e.file}|${otherFile}`);
      const byAddress = locale === 'en' && address !== undefined;
      const otherNow = other.now;
      issues.push({
        file: e.file,
        ...(byAddress ? locate(e.file, ['english_address']) : { line: 1, column: 1 }),
        field: byAddress ? 'english_address' : undefined,
        severity: 'warning',
        vi:
          `Địa chỉ ${path} của trang này từng là địa chỉ của trang khác (${otherFile}, nay ở ${otherNow}) trong một lần đăng trước: ` +
          `các liên kết cũ tới trang đó sẽ dẫn đến trang này thay vì được chuyển sang ${otherNow}. ` +
          (byAddress ? 'Nếu không chủ ý, hãy chọn địa chỉ trang tiếng Anh khác.' : 'Nếu không chủ ý, hãy đặt tên tệp khác.'),
        en:
          `This page's address ${path} was another page's (${otherFile}, now at ${otherNow}) in an earlier publication: ` +
          `old links to that page will reach this one instead of being sent on to ${otherNow}. ` +
          (byAddress ? 'Unless that is meant, choose another English page address.' : 'Unless that is meant, choose another file name.'),
      });
    }
  }
  return issues;
}
