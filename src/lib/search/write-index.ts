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
  LENGTHS_FILE,
  type IndexEntry,
  type PageFile,
  type Postings,
  type WordList,
} from './index-format.ts';

interface Occurrence {
  page: number;
  weight: number;
  shadows: Record<number, number>;
  forms: Set<string>;
  inTitle: boolean;
}

function deltas(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The postings of one word key over the pages, in page order. */
function postingsOf(occurrences: Occurrence[]): Postings {
  // Forms: the plain one first, then by first page, then by spelling (any fixed order would do).
  const firstPage = new Map<string, number>();
  for (const o of occurrences) for (const f of o.forms) if (!firstPage.has(f)) firstPage.set(f, o.page);
  const forms = [...firstPage.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : firstPage.get(a)! - firstPage.get(b)! || byCodeUnits(a, b)));
  const rank = new Map(forms.map((f, i) => [f, i]));
  const pages = occurrences.map((o) => o.page);
  const shadows = occurrences.flatMap((o, i) =>
    Object.entries(o.shadows)
      .map(([n, weight]) => [i, Number(n), weight])
      .sort((a, b) => a[1]! - b[1]!)
      .flat(),
  );
  return {
    f: forms,
    p: deltas(pages),
    w: occurrences.map((o) => o.weight),
    v: occurrences.map((o) => {
      const present = [...o.forms].map((f) => rank.get(f)!).sort((a, b) => a - b);
      return present.length === 1 ? present[0]! : present;
    }),
    t: deltas(occurrences.filter((o) => o.inTitle).map((o) => o.page)),
    ...(shadows.length > 0 ? { s: shadows } : {}),
  };
}

/** Every file of the index of `locale`: path relative to `/search/<locale>/` → text. */
export function writeSearchIndex(locale: Locale, records: readonly SearchRecord[]): Map<string, string> {
  const pages = records.filter((r) => r.metadata.locale === locale).sort((a, b) => byCodeUnits(a.metadata.url, b.metadata.url));
  const files = new Map<string, string>();
  const words = new Map<string, Occurrence[]>();
  const filters = new Map<string, Map<string, number[]>>();
  let totalLength = 0;

  pages.forEach((record, page) => {
    const body: SearchRecordBody = record.rest;
    totalLength += body.wordCount;
    const keys = new Set([...Object.keys(body.words), ...Object.keys(body.title)]);
    for (const key of keys) {
      const forms = new Set([...Object.keys(body.words[key] ?? {}), ...(body.title[key] ?? [])]);
      const weight = Object.values(body.words[key] ?? {}).reduce((a, b) => a + b, 0);
      let list = words.get(key);
      if (!list) words.set(key, (list = []));
      list.push({ page, weight, shadows: body.shadows[key] ?? {}, forms, inTitle: key in body.title });
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
    keys.forEach((key, n) => {
      const occurrences = words.get(key)!;
      list[key] = [occurrences.length, n];
      files.set(postingsFile(prefix, n), JSON.stringify(postingsOf(occurrences)));
    });
    files.set(listFile(prefix), JSON.stringify(list));
  }

  const entry: IndexEntry = {
    format: FORMAT_VERSION,
    language: locale,
    pages: pages.length,
    averageLength: pages.length === 0 ? 0 : Math.fround(totalLength / pages.length),
    filters: {},
    lists: prefixes,
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
  files.set(LENGTHS_FILE, JSON.stringify(pages.map((r) => r.rest.wordCount)));
  files.set('index.json', JSON.stringify(entry));
  return files;
}
