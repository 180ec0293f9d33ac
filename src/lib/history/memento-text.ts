/**
 * What a reader reads on a captured page: the text of its `<main>`, one
 * paragraph per block (headings, paragraphs, list items, table cells…), from
 * the parsed document — for the word-level comparison of two versions. The
 * page's history (which changes with every version) and anything hidden are
 * left out; notices (a withdrawal, a stale translation) are the page's text
 * and stay.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'nav', 'form', 'iframe']);

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function skipped(el: Element): boolean {
  if (SKIPPED.has(el.tagName) || attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const classes = (attr(el, 'class') ?? '').split(/\s+/);
  return classes.includes('revision-history') || classes.includes('memento-banner');
}

function findMain(node: Node): Element | undefined {
  if (isElement(node) && node.tagName === 'main') return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

function findTitle(node: Node): string | undefined {
  if (isElement(node) && node.tagName === 'title') return node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('').trim();
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findTitle(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The page's title and the paragraphs a reader reads in its main content (the whole body when it has no `<main>`). */
export function readableText(html: string): { title: string; paragraphs: string[] } {
  const doc = parse(html);
  const title = findTitle(doc) ?? '';
  const root = findMain(doc) ?? doc;
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    buffer = '';
  };
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      buffer += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!isElement(node) && node.nodeName !== '#document') return;
    if (isElement(node) && skipped(node)) return;
    const block = isElement(node) && BLOCKS.has(node.tagName);
    if (block) flush();
    if (isElement(node) && node.tagName === 'img') buffer += ` ${attr(node, 'alt') ?? ''} `;
    const children = node.nodeName === 'template' ? [] : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return { title, paragraphs };
}
