/**
 * The search page's script: the portal's own search index of this page's
 * language (src/lib/search/query.ts; Pagefind's matching and ranking, a
 * few KB of files per query), with the portal's own small interface — a form
 * that also works as a plain link (?q=…), filters by type and year, results
 * with excerpts, and "load more". Results link only to pages of the portal
 * itself (src/lib/search/result-link.ts), and only the portal's own filters
 * (type, year) are offered.
 */
import type { SearchEngine, SearchResult, SearchResultData } from '../lib/search/contract.ts';
import { searchIndexPath } from '../lib/search/contract.ts';
import { openSearch } from '../lib/search/query.ts';
import { escapeMarkup } from '../lib/markup-text.ts';
import { resultLink } from '../lib/search/result-link.ts';
import type { Locale } from '../lib/locales.ts';

const PAGE = 5;
const root = document.getElementById('search-app')!;
const text = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const filterBox = document.getElementById('search-filters')!;

const lang: Locale = document.documentElement.lang === 'en' ? 'en' : 'vi';
const engine: SearchEngine = openSearch(searchIndexPath(lang), async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
});
let results: SearchResult[] = [];
let shown = 0;
let generation = 0;

function say(template: string, term: string, count?: number) {
  status.textContent = template.replace('[SEARCH_TERM]', `“${term}”`).replace('[COUNT]', String(count ?? 0));
}

function selectedFilters(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    (out[box.name] ??= []).push(box.value);
  }
  return out;
}

/** The filters this page offers, in this order: type and year, named in the page's language. */
const offeredFilters = [text.filterType!, text.filterYear!];
/** Each offered value's count, by filter name and value: the whole index's, then the query's. */
const countOf = new Map<string, Map<string, HTMLElement>>();
let totals: Record<string, Record<string, number>> = {};

function showCounts(counts: Record<string, Record<string, number>>) {
  for (const [name, values] of countOf) {
    for (const [value, span] of values) span.textContent = `(${(Object.hasOwn(counts, name) && counts[name]![value]) || 0})`;
  }
}

async function renderFilters() {
  const all = (totals = await engine.filters());
  filterBox.replaceChildren();
  for (const name of offeredFilters) {
    const values = all[name] ?? {};
    const entries = Object.entries(values).sort((a, b) => (/^\d+$/.test(a[0]) ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0])));
    if (entries.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = name;
    fieldset.append(legend);
    for (const [value, count] of entries) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.addEventListener('change', () => void run());
      label.append(box, ` ${value} `);
      const c = document.createElement('span');
      c.className = 'count';
      c.textContent = `(${count})`;
      label.append(c);
      if (!countOf.has(name)) countOf.set(name, new Map());
      countOf.get(name)!.set(value, c);
      fieldset.append(label);
    }
    filterBox.append(fieldset);
  }
}

function link(url: string, html: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = url;
  a.innerHTML = html;
  return a;
}

/** Settles once the batch asked last has been shown: batches are shown in the order asked. */
let appended: Promise<void> = Promise.resolve();
/** Batches asked and not yet shown. */
let loading = 0;

async function showMore() {
  const mine = generation;
  // The slice is taken before waiting: a second call meanwhile (a double click on “more”) takes the next one,
  // never the same results again, and shows it after this one.
  const slice = results.slice(shown, shown + PAGE);
  if (slice.length === 0) return;
  shown += slice.length;
  more.hidden = true;
  const pending = slice.map((r) => r.data());
  // Each is awaited below; until then a failure is not left unhandled.
  for (const p of pending) p.catch(() => undefined);
  const previous = appended;
  let release!: () => void;
  appended = new Promise((resolve) => (release = resolve));
  // Assistive technology (and tests) know the list is still growing.
  loading++;
  list.setAttribute('aria-busy', 'true');
  try {
    await previous;
    // Each result is shown once it and those before it are ready: the first does not wait for the fifth.
    for (const p of pending) {
      const data = await p;
      if (mine !== generation) return;
      append(data);
    }
  } finally {
    release();
    if (--loading === 0) list.removeAttribute('aria-busy');
  }
  more.hidden = shown >= results.length;
}

function append(data: SearchResultData) {
  // A result that would lead anywhere but to a page of this site is not shown.
  const pageUrl = resultLink(data.url, location.href);
  if (pageUrl === undefined) return;
  const at = (u: string) => resultLink(pageUrl + (u.includes('#') ? u.slice(u.indexOf('#')) : ''), location.href);
  const item = document.createElement('li');
  const title = document.createElement('h2');
  title.append(link(pageUrl, escapeMarkup(data.title || pageUrl)));
  const excerpt = document.createElement('p');
  excerpt.innerHTML = data.excerpt;
  item.append(title, excerpt);
  const subs = data.sub_results.filter((s) => s.url.includes('#') && at(s.url) !== undefined).slice(0, 3);
  if (subs.length > 0) {
    const ul = document.createElement('ul');
    for (const s of subs) {
      const li = document.createElement('li');
      li.append(link(at(s.url)!, escapeMarkup(s.title)));
      const p = document.createElement('p');
      p.innerHTML = s.excerpt;
      li.append(p);
      ul.append(li);
    }
    item.append(ul);
  }
  list.append(item);
}

async function run() {
  const term = input.value.trim();
  const mine = ++generation;
  const url = new URL(location.href);
  if (term) url.searchParams.set('q', term);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  list.replaceChildren();
  more.hidden = true;
  results = [];
  shown = 0;
  appended = Promise.resolve();
  if (!term) {
    status.textContent = '';
    showCounts(totals);
    return;
  }
  say(text.searching!, term);
  let search: Awaited<ReturnType<SearchEngine['search']>>;
  try {
    search = await engine.search(term, { filters: selectedFilters() });
  } catch {
    // The index could not be fetched (offline, a deploy in progress): say so, never "searching" for ever.
    if (mine === generation) status.textContent = text.failed!;
    return;
  }
  if (mine !== generation) return;
  results = search.results;
  try {
    await showMore();
  } catch {
    if (mine === generation) status.textContent = text.failed!;
    return;
  }
  if (mine !== generation) return;
  // Announced once the first results are on the page.
  say(results.length === 0 ? text.zero! : results.length === 1 ? text.one! : text.many!, term, results.length);
  // The filters' counts follow the query once the results are shown (one small file, fetched once).
  try {
    const counts = await search.counts();
    if (mine === generation) showCounts(counts);
  } catch {
    // Without the file the counts are the whole index's, never a previous query's: the results are shown and right.
    if (mine === generation) showCounts(totals);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Enter asks at once; the wait for typing to pause is over.
  clearTimeout(timer);
  void run();
});
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 250);
});
more.addEventListener('click', () => void showMore());

void renderFilters().catch(() => undefined);
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run();
}
