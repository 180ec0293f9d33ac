/**
 * A link beside every anchored part of a legal text (chương, điều, khoản,
 * điểm, numbered sections): a plain `<a href="#dieu-6-khoan-1-diem-a">` that
 * works without JavaScript, named for screen readers (“Liên kết đến Điều 6,
 * khoản 1, điểm a”). The link holds no text: its sign is drawn by the style
 * sheet (`.part-link::before`), so the part's text, its copy-paste and the
 * search index are unchanged, and 20,000 pages carry no repeated icon. src/scripts/part-links.ts
 * turns a click into a copy of the address where scripts run.
 *
 * Where it goes: at the end of a heading or a paragraph; in a list item (a
 * khoản), at the end of its own words, before the points nested in it.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Locale } from '../locales.ts';
import type { PartNames } from './legal-structure.ts';

export const PART_LINK_CLASS = 'part-link';

const LINK_TO: Record<Locale, string> = { vi: 'Liên kết đến', en: 'Link to' };

/** Elements that start a new block inside a list item: the link goes before the first of them. */
const BLOCKS = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'table', 'pre', 'figure', 'aside', 'section', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

function link(id: string, name: string, locale: Locale): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: [PART_LINK_CLASS], href: `#${id}`, ariaLabel: `${LINK_TO[locale]} ${name}`, dataPagefindIgnore: '' },
    children: [],
  };
}

function isElement(node: ElementContent | undefined, tags?: Set<string>): node is Element {
  return node?.type === 'element' && (tags === undefined || tags.has(node.tagName));
}

function placeLink(element: Element, a: Element): void {
  if (element.tagName !== 'li') {
    element.children.push(a);
    return;
  }
  const firstBlock = element.children.findIndex((c) => isElement(c, BLOCKS));
  const first = element.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  // A loose list: the clause's words are its first paragraph (unless that paragraph is a point with its own link).
  if (isElement(first, new Set(['p'])) && first.properties.id === undefined) {
    first.children.push(a);
    return;
  }
  if (firstBlock < 0) element.children.push(a);
  else element.children.splice(firstBlock, 0, a, { type: 'text', value: '\n' });
}

/** Adds the link to every element whose id is a named part; returns how many were added. */
export function addPartLinks(tree: Root, names: PartNames, locale: Locale): number {
  let added = 0;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties.id;
      // Children first: a clause's points are placed before the clause's own link is.
      visit(child);
      if (typeof id === 'string' && names.has(id)) {
        placeLink(child, link(id, names.get(id)!, locale));
        added++;
      }
    }
  };
  visit(tree);
  return added;
}
