/**
 * What the search index gets for a built page.
 *
 * Two sources, never mixed:
 * - the metadata (address, language, title, filters) comes from the entry's
 *   data, computed by the build (search-metadata.ts, written to the search
 *   manifest) — never from the page's HTML, where editors' text lives;
 * - the text is the page's part marked `data-pagefind-body`, found with a real
 *   HTML parser (satteri's `htmlToHast`) and rebuilt from the parsed tree with
 *   nothing but elements, their `id` (the anchors of sub-results) and text
 *   (with the đ→d copies of search-folding.ts). Parts marked
 *   `data-pagefind-ignore` are left out.
 *
 * So whatever an editor writes — a `<meta data-pagefind-meta=…>` in a title
 * or an image description, an attribute in the body — reaches Pagefind as
 * text at most: the only `data-pagefind-*` attributes Pagefind sees are the
 * ones `indexableHtml` writes from the metadata.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { localeInfo, type Locale } from './locales.ts';
import { addFoldedCopies } from './search-folding.ts';
import { SHARD_FILTER } from './search-vocabulary.ts';

import type { SearchMetadata } from './search/contract.ts';
export type { SearchMetadata };

/** What is indexed for a page: its metadata and its text, as our own HTML. */
export interface SearchDocument {
  metadata: SearchMetadata;
  /** The text marked `data-pagefind-body`, rebuilt as elements with ids and text only. */
  body: string;
}

/** Elements whose content readers never see as text. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);

function isElement(node: Nodes): node is Element {
  return node.type === 'element';
}

/** The first element, in document order, marked `data-pagefind-body` by the page's template. */
function bodyOf(node: Nodes): Element | undefined {
  if (isElement(node) && node.properties?.dataPagefindBody !== undefined) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = bodyOf(child);
    if (found) return found;
  }
  return undefined;
}

/** The node as Pagefind may see it: elements with their id only, text with the đ→d copies; nothing else. */
function clean(node: ElementContent): ElementContent[] {
  if (node.type === 'text') return [{ type: 'text', value: addFoldedCopies(node.value) }];
  if (node.type !== 'element' || DROPPED.has(node.tagName) || node.properties?.dataPagefindIgnore !== undefined) return [];
  const id = node.properties?.id;
  return [
    {
      type: 'element',
      tagName: node.tagName,
      properties: typeof id === 'string' && id !== '' ? { id } : {},
      children: node.children.flatMap(clean),
    },
  ];
}

/**
 * The searchable part of a built page, with the metadata the build computed
 * for it; undefined when the page has no part marked `data-pagefind-body`.
 */
export function searchDocument(metadata: SearchMetadata, html: string): SearchDocument | undefined {
  const body = bodyOf(htmlToHast(html) as Root);
  if (!body) return undefined;
  return { metadata, body: toHtml(body.children.flatMap(clean)) };
}

/** `<meta data-pagefind-…="key[content]" content="value">`. */
function pagefindMeta(attribute: 'dataPagefindMeta' | 'dataPagefindFilter', key: string, value: string): Element {
  return { type: 'element', tagName: 'meta', properties: { [attribute]: `${key}[content]`, content: value }, children: [] };
}

/**
 * The HTML Pagefind indexes for a document. Documents are stored flat, under
 * a hashed file name, so the page's URL is given as Pagefind metadata (`url`),
 * which the search page uses for links; the shard is a filter (see
 * search-vocabulary.ts). Every attribute here is written from the metadata;
 * the body is `searchDocument`'s own serialisation.
 */
export function indexableHtml(doc: SearchDocument, shard: string): string {
  const { url, locale, title, filters } = doc.metadata;
  const head: Element[] = [
    { type: 'element', tagName: 'meta', properties: { charset: 'utf-8' }, children: [] },
    pagefindMeta('dataPagefindMeta', 'url', url),
    pagefindMeta('dataPagefindMeta', 'title', title),
    ...Object.entries(filters).map(([name, value]) => pagefindMeta('dataPagefindFilter', name, value)),
    pagefindMeta('dataPagefindFilter', SHARD_FILTER, shard),
  ];
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang: localeInfo[locale].htmlLang },
        children: [
          { type: 'element', tagName: 'head', properties: {}, children: head },
          { type: 'element', tagName: 'body', properties: { dataPagefindBody: '' }, children: [{ type: 'raw', value: doc.body }] },
        ],
      },
    ],
  };
  return toHtml(page, { allowDangerousHtml: true });
}
