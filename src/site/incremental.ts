/**
 * Incremental builds: only the pages whose inputs changed are built again,
 * into the existing site (scripts/build.ts decides when that is safe: same
 * code, settings and day, previous site still there).
 *
 * Each route has a fingerprint: a hash of everything its view shows — its
 * entry's content hash, the entries it lists or names (units, related
 * documents, the newest items), its counterpart in the other language, the
 * navigation. A route is built again when its fingerprint differs from the
 * last build's. Keep `fingerprint` in step with the views: whatever a view
 * reads must be in its fingerprint (tests/build/incremental.test.ts checks
 * the result against a full build).
 */
import { createHash } from 'node:crypto';
import { otherLocale, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import { answerDaysOf } from './calendar.ts';
import { historyDigest } from './history.ts';
import { entries, entryMap, listedIn, newest, once } from './entries.ts';
import { libraryOf, PAGE_SIZE, qaListingOf, type Route, type View } from './route-table.ts';
import type { RoutePlan } from './route-plan.ts';
import { relationTargets } from './relations.ts';
import { getRoles } from './roles.ts';

function hash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

type Digestible = { slug: string; digest?: string | number | undefined };
const digests = (list: Digestible[]) => list.map((e) => `${e.slug}:${e.digest}`);

async function digestOf(collection: CollectionName, locale: Locale, slug: string): Promise<string> {
  return String((await entryMap(collection, locale)).get(slug)?.digest ?? '-');
}

/** The header's navigation: the first page of each section. */
function navigation(): Promise<string> {
  return once('fingerprint/nav', async () =>
    hash((await listedIn('pages', 'vi')).map((p) => [p.slug, p.data.section, p.data.order, p.data.english_address ?? '']).sort()),
  );
}

/** Everything the document library's filters show (every document's filter values and issuer names). */
function libraryFacets(locale: Locale): Promise<string> {
  return once(`fingerprint/library/${locale}`, async () => {
    const library = await libraryOf(locale);
    return hash([library.values, ...(await listedIn('documents', locale)).map((d) => [d.slug, d.data.kind, d.data.issued, d.data.status, d.data.issuer])]);
  });
}

/** The Q&A listing's topic filter of one language: which listings exist, with their counts and pages. */
function qaTopics(locale: Locale): Promise<string> {
  return once(`fingerprint/qa-topics/${locale}`, async () => hash((await qaListingOf(locale)).filter((p) => p.page === 1).map((p) => [p.topic, p.total, p.totalPages])));
}

function allDigests(collection: CollectionName): Promise<string> {
  return once(`fingerprint/all/${collection}`, async () => hash(digests(await entries(collection)).sort()));
}

export async function fingerprint(view: View): Promise<string> {
  const nav = await navigation();
  const l = view.locale;
  const counterpart = async (collection: CollectionName, slug: string) => (await entryMap(collection, otherLocale(l))).has(slug);
  const listPage = async (collection: 'news', page: number, totalPages: number) => {
    const shown = (await newest(collection, l)).slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const otherPages = Math.ceil((await listedIn(collection, otherLocale(l))).length / PAGE_SIZE);
    return [digests(shown), totalPages, otherPages];
  };
  // An entry page shows its history, so a new revision (even without a content change, e.g. a rename) rebuilds it.
  const history = async (entry: { filePath?: string | undefined } | undefined) => (entry?.filePath ? historyDigest(entry.filePath) : '');
  switch (view.kind) {
    case 'home':
      return hash([view, nav, digests((await newest('news', l)).slice(0, 6)), digests((await newest('documents', l)).slice(0, 5)), digests((await newest('qa', l)).slice(0, 5))]);
    case 'page': {
      const page = (await entryMap('pages', l)).get(view.slug);
      const include = page?.data.include;
      // A generated list: the entries it shows, or for the board the roles file (the day is in the build's code digest).
      // The statistics list shows the pages of its section (titles and summaries, either language).
      const listed =
        include === 'board'
          ? (await getRoles()).digest
          : include === 'statistics'
            ? await allDigests('pages')
            : include === 'channels'
              ? '' // from content/site.yml: a change to the settings builds everything (scripts/build.ts)
              : include
                ? await allDigests(include)
                : '';
      return hash([view, nav, page?.digest, await history(page), await counterpart('pages', view.slug), listed]);
    }
    case 'news-list':
      return hash([view, nav, ...(await listPage('news', view.page, view.totalPages))]);
    case 'qa-list': {
      const shown = await entryMap('qa', l);
      return hash([view, nav, view.slugs.map((s) => shown.get(s)?.digest), await qaTopics(l), await qaTopics(otherLocale(l))]);
    }
    case 'news': {
      const news = (await entryMap('news', l)).get(view.slug);
      const unit = news?.data.source_unit;
      return hash([view, nav, news?.digest, await history(news), await counterpart('news', view.slug), unit ? [await digestOf('units', l, unit), await digestOf('units', 'vi', unit)] : '']);
    }
    case 'qa': {
      const qa = (await entryMap('qa', l)).get(view.slug);
      const units = await Promise.all((qa?.data.answered_by ?? []).map(async (u) => [await digestOf('units', l, u), await digestOf('units', 'vi', u)]));
      // The answer time in working days depends on the calendar files too.
      const answerDays = qa ? await answerDaysOf(qa.data) : undefined;
      return hash([view, nav, qa?.digest, await history(qa), await counterpart('qa', view.slug), units, answerDays]);
    }
    case 'document': {
      const doc = (await entryMap('documents', l)).get(view.slug);
      const targets = doc ? await relationTargets(l, view.slug, doc.data.relations) : [];
      const related = await Promise.all(targets.map(async (t) => (t ? [t, await digestOf('documents', l, t), await digestOf('documents', 'vi', t)] : '')));
      return hash([view, nav, doc?.digest, await history(doc), await counterpart('documents', view.slug), related]);
    }
    case 'library': {
      const shown = await entryMap('documents', l);
      const otherHas = (await libraryOf(otherLocale(l))).count(view.filter) > 0;
      return hash([view, nav, view.slugs.map((s) => shown.get(s)?.digest), await libraryFacets(l), otherHas]);
    }
    case 'untranslated':
      return hash([view, nav, await digestOf(view.collection, 'vi', view.slug)]);
    case 'removed':
      return hash([view, nav, await digestOf(view.collection, 'vi', view.slug), await digestOf(view.collection, 'en', view.slug)]);
    case 'moved':
      // The new address (the original's English address) and the entry's title in the page's language.
      return hash([view, nav, await digestOf(view.collection, 'vi', view.slug), await digestOf(view.collection, view.locale, view.slug)]);
    case 'search':
      return hash([view, nav]);
  }
}

/** The routes to build: those new since the last build or whose fingerprint changed. */
export function changedRoutes(routes: (Route & { fingerprint: string })[], previous: RoutePlan): Route[] {
  return routes.filter((r) => previous.routes[r.path] !== r.fingerprint);
}
