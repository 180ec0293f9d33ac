/**
 * Hostile pages (tests/fixtures/hostile/search/): built pages whose editor
 * text carries Pagefind's own markup — `<meta data-pagefind-meta=…>` in a
 * title, summary, image description or link title, `data-pagefind-*`
 * attributes in the body, the body marker in attribute values. Each is made
 * into a search document with the metadata the build computed for it, and
 * indexed by Pagefind itself; what Pagefind stored (its result fragment:
 * language, metadata, filters, anchors, text) must be exactly what
 * expected.json states.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexableHtml, searchDocument, type SearchMetadata } from './search-document.ts';

const FIXTURES = 'tests/fixtures/hostile/search';

interface Expected {
  why: string;
  /** What the build computed from the entry (the search manifest). */
  metadata: SearchMetadata;
  /** What Pagefind must have stored for the page. */
  pagefind: {
    language: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
    anchors: string[];
    /** Text that must be indexed, and text that must not be. */
    text: string[];
    notText: string[];
  };
}

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { id: string }[];
  language: string;
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .sort();
const stored = new Map<string, Fragment>();

beforeAll(async () => {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
  for (const file of cases) {
    const doc = searchDocument(expected[file]!.metadata, readFileSync(path.join(FIXTURES, file), 'utf8'));
    if (!doc) throw new Error(`${file}: no searchable part found`);
    const added = await index.addHTMLFile({ url: `/${file}`, content: indexableHtml(doc, 'vi-0') });
    if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
  }
  const { files } = await index.getFiles();
  for (const f of files.filter((f) => f.path.startsWith('fragment/'))) {
    const json = gunzipSync(Buffer.from(f.content)).toString('utf8').replace(/^pagefind_dcd/, '');
    const fragment = { ...(JSON.parse(json) as Fragment), language: path.basename(f.path).split('_')[0]! };
    stored.set(fragment.url, fragment);
  }
}, 60_000);

afterAll(async () => {
  await pagefind.close();
});

describe('hostile pages give Pagefind the build’s metadata and the text, nothing else', () => {
  it('has an expectation for every page and a page for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  describe.each(cases)('%s', (file) => {
    const want = expected[file]!.pagefind;
    const got = () => stored.get(`/${file}`)!;

    it('is indexed in the entry’s language', () => {
      expect(got()).toBeDefined();
      expect(got().language).toBe(want.language);
    });

    it('has exactly the metadata and filters of the entry', () => {
      expect(got().meta).toEqual(want.meta);
      expect(got().filters).toEqual(want.filters);
    });

    it('keeps the anchors of sub-results', () => {
      expect(got().anchors.map((a) => a.id)).toEqual(want.anchors);
    });

    it('indexes the text readers see, and only that', () => {
      for (const text of want.text) expect(got().content).toContain(text);
      for (const text of want.notText) expect(got().content).not.toContain(text);
    });
  });
});

describe('a page without a searchable part', () => {
  it('gives no search document', () => {
    const metadata: SearchMetadata = { url: '/tin-tuc/', locale: 'vi', title: 'Tin tức', filters: {} };
    expect(searchDocument(metadata, '<!DOCTYPE html><html lang="vi"><head><meta name="description" content="<article data-pagefind-body>"></head><body><p>x</p></body></html>')).toBeUndefined();
  });
});
