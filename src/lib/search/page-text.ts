/**
 * The searchable text of a built page, read from its parsed tree (never by
 * pattern-matching HTML): the part marked `data-pagefind-body`, without the
 * parts marked `data-pagefind-ignore` and without what readers never read as
 * text (scripts, styles, forms, navigation, footers, inline SVG).
 *
 * The text is laid out as Pagefind lays it out, so that positions, excerpts
 * and weights agree with a plain Pagefind index: block elements (headings,
 * paragraphs, list items, table cells, sections) are separated by a space
 * and end with a full stop when they end in a word; headings weigh more
 * (h1 ×7 … h6 ×2); an element with an `id` starts an anchor, the target of a
 * sub-result.
 *
 * One difference, on purpose: Pagefind separates only some blocks, and runs
 * the text of a table's caption and header cells, of a description list's
 * terms and descriptions, into the text beside them (`Câu hỏi` + `Người hỏi`
 * → `Câu hỏiNgười hỏi`), words no reader sees and nobody searches for. Here
 * every element a browser lays out as a block of its own is separated
 * (`SEPARATED`). The tests give the plain Pagefind index they compare with
 * the same separations (tests/e2e/search.test.ts).
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { htmlToHast } from 'satteri';

/** A piece of the page's text, or a marker between pieces. */
export type TextToken =
  | { kind: 'text'; value: string }
  | { kind: 'anchor'; element: string; id: string; text: string }
  | { kind: 'weight'; weight: number }
  | { kind: 'end-weight' };

/**
 * The elements HTML lays out as blocks of their own (the user agent style
 * sheet's `display: block`, `list-item` and the table boxes): their text
 * never runs into the text beside them.
 */
export const SEPARATED: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const REMOVED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
/** A block ending in one of these gets a full stop, so that excerpts read as sentences. */
const SENTENCE_END = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}'")$*]/u;

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

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || REMOVED.has(node.tagName) || node.properties?.dataPagefindIgnore !== undefined) return '';
  return node.children.map(textOf).join('');
}

/** Collapsed whitespace, trimmed: how an anchor's text is shown. */
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The last character of the text so far; a marker reads as a space, as Pagefind's markers end in one. */
function lastChar(tokens: TextToken[]): string {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== 'text') return ' ';
    if (t.value.length > 0) return t.value.at(-1)!;
  }
  return '';
}

/** The tokens of an element (and its descendants), as Pagefind's parser would append them to its parent. */
function tokensOf(node: ElementContent, out: TextToken[]): void {
  if (node.type === 'text') {
    out.push({ kind: 'text', value: node.value });
    return;
  }
  if (node.type !== 'element') return;
  if (REMOVED.has(node.tagName) || node.properties?.dataPagefindIgnore !== undefined) return;
  const id = node.properties?.id;
  if (typeof id === 'string' && id !== '') out.push({ kind: 'anchor', element: node.tagName, id, text: collapse(textOf(node)) });
  if (node.tagName === 'br') out.push({ kind: 'text', value: ' ' });
  const own: TextToken[] = [];
  for (const child of node.children) tokensOf(child, own);
  const block = SEPARATED.has(node.tagName);
  if (block) {
    own.unshift({ kind: 'text', value: ' ' });
    if (SENTENCE_END.test(lastChar(own))) own.push({ kind: 'text', value: '.' });
    own.push({ kind: 'text', value: ' ' });
  }
  const weight = HEADING_WEIGHT[node.tagName];
  if (weight !== undefined) out.push({ kind: 'weight', weight }, ...own, { kind: 'end-weight' });
  else out.push(...own);
}

/**
 * The searchable part of a built page as tokens; undefined when the page has
 * no part marked `data-pagefind-body`.
 */
export function pageTokens(html: string): TextToken[] | undefined {
  const body = bodyOf(htmlToHast(html) as Root);
  if (!body) return undefined;
  const out: TextToken[] = [];
  tokensOf(body, out);
  return out;
}
