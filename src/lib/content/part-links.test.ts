import type { Element, Nodes, Root } from 'hast';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { PART_LINK_CLASS } from './part-links.ts';
import { renderBody } from './render-body.ts';

/** Each part link as [its parent's id, href, accessible name, text]. */
function partLinks(html: string): [string | undefined, string, string, string][] {
  const found: [string | undefined, string, string, string][] = [];
  const visit = (node: Nodes, owner: string | undefined) => {
    if (node.type === 'element' && (node.properties.className as string[] | undefined)?.includes(PART_LINK_CLASS)) {
      const text = (node.children as Nodes[]).map((c) => ('value' in c ? c.value : '')).join('');
      found.push([owner, String(node.properties.href), String(node.properties.ariaLabel), text]);
    }
    if ('children' in node) for (const c of node.children) visit(c, node.type === 'element' && node.properties.id ? String(node.properties.id) : owner);
  };
  visit(htmlToHast(html) as Root, undefined);
  return found;
}

const regulation = ['## Chương I. QUY ĐỊNH CHUNG', '### Mục 1. Phạm vi', '### Điều 1. Phạm vi', '1. Khoản một:', '', '   a) điểm a;', '', '   đ) điểm đ.', '', '2. Khoản hai.'].join('\n');

describe('part links', () => {
  it('put a link to its own anchor beside every part, named for it, with no text of its own', () => {
    const { html } = renderBody(regulation, { partLinks: true, locale: 'vi' });
    expect(partLinks(html)).toEqual([
      ['chuong-i', '#chuong-i', 'Liên kết đến Chương I', ''],
      ['chuong-i-muc-1', '#chuong-i-muc-1', 'Liên kết đến Chương I, Mục 1', ''],
      ['dieu-1', '#dieu-1', 'Liên kết đến Điều 1', ''],
      ['dieu-1-khoan-1', '#dieu-1-khoan-1', 'Liên kết đến Điều 1, khoản 1', ''],
      ['dieu-1-khoan-1-diem-a', '#dieu-1-khoan-1-diem-a', 'Liên kết đến Điều 1, khoản 1, điểm a', ''],
      ['dieu-1-khoan-1-diem-dd', '#dieu-1-khoan-1-diem-dd', 'Liên kết đến Điều 1, khoản 1, điểm đ', ''],
      ['dieu-1-khoan-2', '#dieu-1-khoan-2', 'Liên kết đến Điều 1, khoản 2', ''],
    ]);
  });

  it('name the parts in English on an English text', () => {
    const { html } = renderBody(['### Article 3. Scope', '1. One:', '', '   a) point.'].join('\n'), { partLinks: true, locale: 'en' });
    expect(partLinks(html).map(([, , name]) => name)).toEqual(['Link to Article 3', 'Link to Article 3, clause 1', 'Link to Article 3, clause 1, point a']);
  });

  it('put a clause’s link after its own words, before its points', () => {
    const { html } = renderBody(regulation, { partLinks: true, locale: 'vi' });
    const clause = /<li id="dieu-1-khoan-1"[^>]*>([\s\S]*?)<\/li>/.exec(html)![1]!;
    expect(clause.indexOf('href="#dieu-1-khoan-1"')).toBeLessThan(clause.indexOf('a) điểm a'));
  });

  it('are only added where asked (documents), and change no text', () => {
    const plain = renderBody(regulation, { locale: 'vi' });
    const linked = renderBody(regulation, { partLinks: true, locale: 'vi' });
    expect(partLinks(plain.html)).toEqual([]);
    const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    expect(text(linked.html)).toBe(text(plain.html));
  });

  it('keep a hostile heading text inside the name, as text', () => {
    const { html, problems } = renderBody('## &quot;&gt;&lt;img src=x onerror=alert(1)&gt;', { partLinks: true, locale: 'vi' });
    expect(problems).toEqual([]);
    const images: Element[] = [];
    const visit = (n: Nodes) => {
      if (n.type === 'element' && n.tagName === 'img') images.push(n);
      if ('children' in n) for (const c of n.children) visit(c);
    };
    visit(htmlToHast(html) as Root);
    expect(images).toEqual([]);
    expect(partLinks(html)[0]![2]).toBe('Liên kết đến "><img src=x onerror=alert(1)>');
  });
});
