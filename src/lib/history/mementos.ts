/**
 * Rendered mementos (RFC 7089): each page kept exactly as it was served, one
 * copy per published revision of an entry page, or per deploy that changed a
 * listing or home page. Nothing here renders anything: a memento is the HTML
 * a deploy served, captured then, and carried forward from deploy to deploy
 * in a store (scripts/lib/mementos/) — never made again with later code.
 *
 * The store's index says, for every page address, its mementos oldest first:
 * when the deploy that served it ran (the memento's datetime), from which
 * commit the page's own file was published (entry pages), and the SHA-256 of
 * the captured HTML. The index is read back from the previous deploy, so it
 * is checked like any other input: addresses, times and hashes by allowlist.
 */
import type { TakenDownVersions } from '../schema/settings.ts';
import { z } from 'zod';
import { isLocale, locales, type Locale } from '../locales.ts';
import { archivePath } from '../routes.ts';

/** The branch of the repository the memento store is carried on, from deploy to deploy (append-only). */
export const MEMENTO_BRANCH = 'luu-tru';

/** A memento's time in its address and in the store: UTC, to the second (`20261120T080000Z`). */
const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function mementoStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The moment a stamp names, or undefined for anything that is not one (`20261320T…`, `x`). */
export function stampTime(stamp: string): Date | undefined {
  const m = STAMP.exec(stamp);
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) || mementoStamp(at) !== stamp ? undefined : at;
}


/** A page address of the portal: `/`, `/van-ban/1624-qd-bhxh/`, `/en/news/x/` — lower-case ASCII words only, no `..`. */
const PAGE_PATH = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/;

export function isPagePath(value: string): boolean {
  return PAGE_PATH.test(value) && value.length <= 400;
}

/** The language of a page address: English under `/en/`, else Vietnamese. */
export function pageLocale(pagePath: string): Locale {
  const first = pagePath.split('/')[1] ?? '';
  return first !== 'vi' && isLocale(first) ? first : 'vi';
}

/** The page's address without its language's prefix (`/en/news/x/` → `news/x/`). */
function withinLocale(pagePath: string, locale: Locale): string {
  return locale === 'vi' ? pagePath.slice(1) : pagePath.slice(locale.length + 2);
}

/** The address of a page's memento: `/van-ban/x/` at 20261120T080000Z → `/luu-tru/20261120T080000Z/van-ban/x/`. */
export function mementoPath(pagePath: string, stamp: string): string {
  const locale = pageLocale(pagePath);
  return `${archivePath(locale)}${stamp}/${withinLocale(pagePath, locale)}`;
}

/** Where the comparison of a page's memento with the one before is served: `/luu-tru/so-sanh/<stamp>/…`, `/en/archive/compare/<stamp>/…`. */
export function comparisonPath(pagePath: string, stamp: string): string {
  const locale = pageLocale(pagePath);
  return `${archivePath(locale)}${comparisonSegment[locale]}/${stamp}/${withinLocale(pagePath, locale)}`;
}

const comparisonSegment: Record<Locale, string> = { vi: 'so-sanh', en: 'compare' };

/** Where a page's TimeMap is served: `/tin-tuc/x/` → `/timemap/tin-tuc/x.txt` (a type every static host serves as text). */
export function timemapPath(pagePath: string): string {
  return `/timemap/${pagePath.replace(/^\/|\/$/g, '') || 'index'}.txt`;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** A kept file's name in the store: its SHA-256 and the extension of the address it was loaded from (`…3f.css`), or the hash alone. */
export function isKeptFileName(name: string): boolean {
  return /^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/.test(name);
}

export const mementoRecordSchema = z
  .object({
    stamp: z.string().refine((s) => stampTime(s) !== undefined, 'a time like 20261120T080000Z'),
    /** The commit that published the page's own file in this version (entry pages). */
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'a full commit hash')
      .optional(),
    sha256,
    /** The files the page loads, by their address as written in it → the kept copy's name. */
    files: z.record(z.string().min(1).max(2000), z.string().refine(isKeptFileName, 'a kept file’s name (SHA-256 and extension)')).optional(),
  })
  .strict();

export type MementoRecord = z.infer<typeof mementoRecordSchema>;

export const mementoIndexSchema = z
  .object({
    format: z.literal(1),
    pages: z.record(
      z.string().refine(isPagePath, 'a page address such as /van-ban/1624-qd-bhxh/'),
      z.array(mementoRecordSchema).refine((list) => list.every((m, i) => i === 0 || m.stamp > list[i - 1]!.stamp), 'mementos oldest first, one per time'),
    ),
  })
  .strict();

export type MementoIndex = z.infer<typeof mementoIndexSchema>;

export const emptyMementoIndex = (): MementoIndex => ({ format: 1, pages: {} });

/**
 * The index from its file's text, or what is wrong with it, in both
 * languages, naming the field. A `__proto__` key (which JSON.parse keeps as an
 * ordinary key and a plain object then takes as its prototype) is refused
 * before anything else looks at the data.
 */
export function parseMementoIndex(text: string): { ok: true; index: MementoIndex } | { ok: false; problem: { vi: string; en: string } } {
  let data: unknown;
  const at: string[] = [];
  try {
    data = JSON.parse(text, function (this: unknown, key, value: unknown) {
      if (key === '__proto__') {
        at.push(key);
        throw new Error('__proto__');
      }
      return value;
    });
  } catch (error) {
    if (at.length > 0) return { ok: false, problem: { vi: 'trường pages.__proto__ sai: không phải địa chỉ trang', en: 'the field pages.__proto__ is wrong: not a page address' } };
    const why = (error as Error).message;
    return { ok: false, problem: { vi: `không phải JSON (${why})`, en: `not JSON (${why})` } };
  }
  const parsed = mementoIndexSchema.safeParse(data);
  if (parsed.success) return { ok: true, index: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || '(root)';
  return { ok: false, problem: { vi: `trường ${field} sai: ${issue.message}`, en: `the field ${field} is wrong: ${issue.message}` } };
}

/** A page of this deploy, as the capture sees it. */
export interface ServedPage {
  path: string;
  /** The commit of the page file's current published revision; undefined for listings and home pages. */
  commit: string | undefined;
  sha256: string;
}

/**
 * Whether this deploy's copy of a page is a new memento: an entry page when
 * its file has a revision not captured yet (a new layout alone makes none);
 * a listing or home page when what it served changed.
 */
export function isNewVersion(last: MementoRecord | undefined, page: ServedPage): boolean {
  if (!last) return true;
  return page.commit !== undefined ? last.commit !== page.commit : last.sha256 !== page.sha256;
}

/** The pages of this deploy that are new versions (a deploy at the same second as the last capture, or a clock behind it, adds nothing: mementos stay in time order). */
export function newVersions<P extends ServedPage>(index: MementoIndex, stamp: string, pages: readonly P[]): P[] {
  return pages.filter((p) => {
    const last = index.pages[p.path]?.at(-1);
    return isNewVersion(last, p) && (!last || last.stamp < stamp);
  });
}

/** The index with this deploy's new mementos added, each page's list oldest first. */
export function withMementos(index: MementoIndex, stamp: string, captured: readonly (ServedPage & { files?: Record<string, string> })[]): MementoIndex {
  const next: MementoIndex = { format: 1, pages: { ...index.pages } };
  for (const p of captured) {
    const record: MementoRecord = { stamp, ...(p.commit ? { commit: p.commit } : {}), sha256: p.sha256, ...(p.files && Object.keys(p.files).length > 0 ? { files: p.files } : {}) };
    next.pages[p.path] = [...(next.pages[p.path] ?? []).filter((m) => m.stamp < stamp), record];
  }
  return next;
}

/**
 * Which kept versions the portal serves (site.yml `taken_down_versions`):
 * those of every page it has now — at its address, or an address a page moved
 * from — and those of a page no longer on it (unpublished, deleted, scheduled
 * again, its translation deleted: taken down) only when the agency chose
 * `public`. The store keeps every version either way (the record, Decision
 * 1624 Art. 12); `withheld` are those kept and not served.
 */
export function servedVersions(
  index: MementoIndex,
  onPortal: ReadonlySet<string>,
  takenDown: TakenDownVersions,
): { served: [path: string, versions: MementoRecord[]][]; withheld: [path: string, versions: MementoRecord[]][] } {
  const served: [string, MementoRecord[]][] = [];
  const withheld: [string, MementoRecord[]][] = [];
  for (const [pagePath, list] of Object.entries(index.pages)) (onPortal.has(pagePath) || takenDown === 'public' ? served : withheld).push([pagePath, list]);
  return { served, withheld };
}

/**
 * Whether `file` (a path inside the store, `/`-separated) is one the store
 * holds: its index, a captured page (`pages/<stamp>/<page address>index.html`)
 * or a kept file (`files/<name>`). Anything else — another name, `..`, a page
 * address that is not one — is not the store's.
 */
export function isStoreFile(file: string): boolean {
  if (file === 'mementos.json') return true;
  const kept = /^files\/([^/]+)$/.exec(file);
  if (kept) return isKeptFileName(kept[1]!);
  const page = /^pages\/([^/]+)(\/.*\/)index\.html$|^pages\/([^/]+)\/index\.html$/.exec(file);
  if (!page) return false;
  const stamp = page[1] ?? page[3]!;
  return stampTime(stamp) !== undefined && isPagePath(page[2] ?? '/');
}

/**
 * What `next` lost of `before`, by page address and stamp (`/van-ban/x/ 20261120T080000Z`):
 * a kept version is never removed or replaced — the store only grows.
 */
export function lostMementos(before: MementoIndex, next: MementoIndex): string[] {
  const lost: string[] = [];
  for (const [pagePath, list] of Object.entries(before.pages)) {
    const kept = new Map((next.pages[pagePath] ?? []).map((m) => [m.stamp, m]));
    for (const m of list) {
      const now = kept.get(m.stamp);
      if (!now || now.sha256 !== m.sha256 || now.commit !== m.commit || JSON.stringify(now.files ?? {}) !== JSON.stringify(m.files ?? {})) lost.push(`${pagePath} ${m.stamp}`);
    }
  }
  return lost;
}

/**
 * Whether a file of the built site (`luu-tru/…/index.html`, `en/archive/…`) is
 * part of the archive the memento step serves: the kept copies link the site
 * as it was, and a page they link may be gone since — that is the record, not
 * a broken link of today's site.
 */
export function isArchiveFile(file: string): boolean {
  return locales.some((locale) => `/${file}`.startsWith(archivePath(locale)));
}
