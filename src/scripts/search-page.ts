/**
 * The search page's script: Pagefind's search API over every shard of the
 * index (merged in the browser), with the portal's own small interface —
 * a form that also works as a plain link (?q=…), filters by type and year,
 * results with excerpts, and "load more". Excerpts and titles are cleaned of
 * the index's đ→d copies. Results link only to pages of the portal itself
 * (src/lib/search-result-link.ts), and only the portal's own filters (type,
 * year) are offered.
 */
import { escapeMarkup } from '../lib/markup-text.ts';
import { cleanExcerpt } from '../lib/search-folding.ts';
import { resultLink } from '../lib/search-result-link.ts';
import { holds, SHARD_FILTER, vocabularyKey, wordsOf } from '../lib/search-vocabulary.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; url?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE = 5;
const root = document.getElementById('search-app')!;
const text = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const filterBox = document.getElementById('search-filters')!;

let pagefind: Pagefind | undefined;
let shardPaths: string[] = [];
let results: PagefindResult[] = [];
let shown = 0;
let generation = 0;

async function load(): Promise<Pagefind> {
  if (pagefind) return pagefind;
  // The shards of this page's language (each shard holds one language).
  const all = (await (await fetch('/pagefind/shards.json')).json()) as Record<string, string[]>;
  const shards = all[document.documentElement.lang] ?? [];
  shardPaths = shards;
  const primary = shards[0] ?? '/pagefind/vi-0/';
  const module = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
  await module.options({ basePath: primary, excerptLength: 24 });
  for (const shard of shards.slice(1)) await module.mergeIndex(shard);
  await module.init();
  pagefind = module;
  return module;
}

function say(template: string, term: string, count?: number) {
  status.textContent = template.replace('[SEARCH_TERM]', `“${term}”`).replace('[COUNT]', String(count ?? 0));
}

const wordLists = new Map<string, Promise<string[]>>();

/**
 * The shards that hold every word of the query (Vietnamese only; see
 * src/lib/search-vocabulary.ts), or undefined to search them all.
 */
async function shardsHolding(term: string): Promise<string[] | undefined> {
  if (document.documentElement.lang !== 'vi' || shardPaths.length < 2) return undefined;
  const words = wordsOf(term).filter((w) => [...w].length >= 2);
  if (words.length === 0) return undefined;
  const present = await Promise.all(
    shardPaths.map(async (shard) => {
      for (const word of words) {
        const file = `${shard}words/${vocabularyKey(word)}.json`;
        if (!wordLists.has(file)) wordLists.set(file, fetch(file).then((r) => (r.ok ? (r.json() as Promise<string[]>) : [])));
        if (!holds(await wordLists.get(file)!, word)) return undefined;
      }
      return /\/pagefind\/([^/]+)\//.exec(shard)?.[1];
    }),
  );
  const holding = present.filter((s): s is string => Boolean(s));
  // No shard holds them all: let Pagefind look for near matches everywhere, as one index would.
  return holding.length === 0 || holding.length === shardPaths.length ? undefined : holding;
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

async function renderFilters() {
  const all = await (await load()).filters();
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

async function showMore() {
  const mine = generation;
  // The slice is taken before waiting: a second call meanwhile (a double click on “more”) takes the next one,
  // never the same results again.
  const slice = results.slice(shown, shown + PAGE);
  if (slice.length === 0) return;
  shown += slice.length;
  more.hidden = true;
  const batch = await Promise.all(slice.map((r) => r.data()));
  if (mine !== generation) return;
  for (const data of batch) {
    // Indexed documents are stored under hashed names; the page's address is in meta.url.
    // A result that would lead anywhere but to a page of this site is not shown.
    const pageUrl = resultLink(data.meta.url ?? data.url, location.href);
    if (pageUrl === undefined) continue;
    const at = (u: string) => resultLink(pageUrl + (u.includes('#') ? u.slice(u.indexOf('#')) : ''), location.href);
    const item = document.createElement('li');
    const title = document.createElement('h2');
    title.append(link(pageUrl, cleanExcerpt(escapeMarkup(data.meta.title ?? pageUrl))));
    const excerpt = document.createElement('p');
    excerpt.innerHTML = cleanExcerpt(data.excerpt);
    item.append(title, excerpt);
    const subs = data.sub_results.filter((s) => s.url.includes('#') && at(s.url) !== undefined).slice(0, 3);
    if (subs.length > 0) {
      const ul = document.createElement('ul');
      for (const s of subs) {
        const li = document.createElement('li');
        li.append(link(at(s.url)!, cleanExcerpt(escapeMarkup(s.title))));
        const p = document.createElement('p');
        p.innerHTML = cleanExcerpt(s.excerpt);
        li.append(p);
        ul.append(li);
      }
      item.append(ul);
    }
    list.append(item);
  }
  more.hidden = shown >= results.length;
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
  if (!term) {
    status.textContent = '';
    return;
  }
  say(text.searching!, term);
  const engine = await load();
  const shards = await shardsHolding(term);
  const filters: Record<string, unknown> = selectedFilters();
  if (shards) filters[SHARD_FILTER] = { any: shards };
  if (mine !== generation) return;
  const search = await engine.search(term, { filters: filters as Record<string, string[]> });
  if (mine !== generation || !search) return;
  results = search.results;
  await showMore();
  if (mine !== generation) return;
  // Announced once the first results are on the page.
  say(results.length === 0 ? text.zero! : results.length === 1 ? text.one! : text.many!, term, results.length);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 250);
});
more.addEventListener('click', () => void showMore());

root.hidden = false;
void renderFilters();
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run();
}
