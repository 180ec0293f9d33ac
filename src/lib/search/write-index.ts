/**
 * Every file of one language's search index, from the records of its pages
 * (docs/search-index-format.md). Deterministic: the same records, in any
 * order, give the same files byte for byte — so an incremental build, which
 * reads most records from its cache, writes what a full build writes.
 *
 * A reader's browser fetches `index.json` (a few hundred bytes to a few KB),
 * then for each word of the query one word list and the postings of the
 * words it names, then the page files of the results it shows: a search
 * costs what its words and results weigh, not what the site weighs.
 */
import type { Locale } from '../locales.ts';
import type { SearchRecord, SearchRecordBody } from './record.ts';
import { dFold } from './tokenize.ts';
import {
  FORMAT_VERSION,
  listFile,
  listPrefix,
  postingsFile,
  filterFile,
  pageFile,
  CHUNK_BYTES,
  type IndexEntry,
  type PageFile,
  type Postings,
  type WordList,
} from './index-format.ts';

/**
 * What the index knows of one word key while it is written: parallel arrays
 * over the pages holding it (numbers, not objects: 20,000 pages hold
 * millions of such entries).
 */
interface KeyData {
  pages: number[];
  weights: number[];
  /** Per page, the forms it has, as the sum of 2^index (form index in `forms`). */
  masks: number[];
  /** Form → index, in the order met (pages in order, a page's new forms by spelling). */
  forms: Map<string, number>;
  titles: number[];
  /** Triples [index in `pages`, n, weight]. */
  shadows: number[];
}

function deltas(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The postings of one word key over the pages, in page order. */
function postingsOf(d: KeyData): Postings {
  // Forms: the plain one first, then in the order met (any fixed order would do).
  const met = [...d.forms.keys()];
  const order = met.includes('') ? ['', ...met.filter((f) => f !== '')] : met;
  const rank = met.map((f) => order.indexOf(f));
  const v = d.masks.map((mask) => {
    const present: number[] = [];
    for (let i = 0; i < met.length; i++) if (Math.floor(mask / 2 ** i) % 2 === 1) present.push(rank[i]!);
    present.sort((x, y) => x - y);
    return present.length === 1 ? present[0]! : present;
  });
  return {
    f: order,
    p: deltas(d.pages),
    w: d.weights,
    v,
    t: deltas(d.titles),
    ...(d.shadows.length > 0 ? { s: d.shadows } : {}),
  };
}

/** A record's lines: `a<TAB>b<TAB>c` → [a, b, c]. */
function linesOf(text: string): string[][] {
  if (text === '') return [];
  return text.split('\n').map((line) => line.split('\t'));
}

/** Every file of the index of `locale`: path relative to `/search/<locale>/` → text. */
export function writeSearchIndex(locale: Locale, records: readonly SearchRecord[]): Map<string, string> {
  const pages = records.filter((r) => r.metadata.locale === locale).sort((a, b) => byCodeUnits(a.metadata.url, b.metadata.url));
  const files = new Map<string, string>();
  const words = new Map<string, KeyData>();
  const filters = new Map<string, Map<string, number[]>>();
  let totalLength = 0;

  const dataOf = (key: string): KeyData => {
    let d = words.get(key);
    if (!d) words.set(key, (d = { pages: [], weights: [], masks: [], forms: new Map(), titles: [], shadows: [] }));
    return d;
  };
  pages.forEach((record, page) => {
    const body: SearchRecordBody = record.rest;
    totalLength += body.wordCount;
    // Per key on this page: its weight, its forms (new ones by spelling), whether the title holds it.
    const here = new Map<string, { weight: number; forms: string[]; title: boolean }>();
    const entry = (key: string) => {
      let e = here.get(key);
      if (!e) here.set(key, (e = { weight: 0, forms: [], title: false }));
      return e;
    };
    for (const [key, form, weight] of linesOf(body.words)) {
      const e = entry(key!);
      e.weight += Number(weight);
      if (!e.forms.includes(form!)) e.forms.push(form!);
    }
    for (const [key, form] of linesOf(body.title)) {
      const e = entry(key!);
      if (!e.forms.includes(form!)) e.forms.push(form!);
      e.title = true;
    }
    for (const [key, e] of here) {
      const d = dataOf(key);
      if (e.forms.length > 1) e.forms.sort(byCodeUnits);
      let mask = 0;
      for (const form of e.forms) {
        let index = d.forms.get(form);
        if (index === undefined) d.forms.set(form, (index = d.forms.size));
        mask += 2 ** index;
      }
      d.pages.push(page);
      d.weights.push(e.weight);
      d.masks.push(mask);
      if (e.title) d.titles.push(page);
    }
    for (const [key, n, weight] of linesOf(body.shadows)) {
      const d = words.get(key!)!;
      d.shadows.push(d.pages.length - 1, Number(n), Number(weight));
    }
    for (const [name, value] of Object.entries(record.metadata.filters)) {
      let values = filters.get(name);
      if (!values) filters.set(name, (values = new Map()));
      let ids = values.get(value);
      if (!ids) values.set(value, (ids = []));
      ids.push(page);
    }
    const file: PageFile = {
      url: record.metadata.url,
      title: record.metadata.title,
      content: body.content,
      anchors: body.anchors,
      weights: body.weights,
    };
    files.set(pageFile(page), JSON.stringify(file));
  });

  // Word lists by the first letters of the key (with đ read as d), and each word's postings.
  const groups = new Map<string, string[]>();
  for (const key of words.keys()) {
    const prefix = listPrefix(dFold(key));
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = []));
    group.push(key);
  }
  const prefixes = [...groups.keys()].sort(byCodeUnits);
  for (const prefix of prefixes) {
    const keys = groups.get(prefix)!.sort(byCodeUnits);
    const list: WordList = {};
    let chunk: string[] = [];
    let size = 0;
    let n = 0;
    const close = () => {
      if (chunk.length === 0) return;
      files.set(postingsFile(prefix, n++), `{${chunk.join(',')}}`);
      chunk = [];
      size = 0;
    };
    for (const key of keys) {
      const d = words.get(key)!;
      const text = `${JSON.stringify(key)}:${JSON.stringify(postingsOf(d))}`;
      list[key] = [d.pages.length, n];
      chunk.push(text);
      size += text.length;
      if (size >= CHUNK_BYTES) close();
    }
    close();
    files.set(listFile(prefix), JSON.stringify(list));
  }

  const entry: IndexEntry = {
    format: FORMAT_VERSION,
    language: locale,
    pages: pages.length,
    averageLength: pages.length === 0 ? 0 : Math.fround(totalLength / pages.length),
    filters: {},
    lists: prefixes,
    lengths: pages.map((r) => r.rest.wordCount),
  };
  let n = 0;
  for (const name of [...filters.keys()].sort(byCodeUnits)) {
    const values = filters.get(name)!;
    entry.filters[name] = {};
    for (const value of [...values.keys()].sort(byCodeUnits)) {
      const ids = values.get(value)!;
      entry.filters[name][value] = [ids.length, n];
      files.set(filterFile(n), JSON.stringify(deltas(ids)));
      n++;
    }
  }
  files.set('index.json', JSON.stringify(entry));
  return files;
}
