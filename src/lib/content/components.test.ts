import { describe, expect, it } from 'vitest';
import { checkElement, editorComponents, type JsxElement } from './components.ts';
import { renderBody } from './render-body.ts';

const element = (name: string | null, attributes: JsxElement['attributes'] = [], type: JsxElement['type'] = 'mdxJsxFlowElement'): JsxElement => ({
  type,
  name,
  attributes,
});
const attr = (name: string, value: string | null) => ({ type: 'mdxJsxAttribute' as const, name, value });

describe('<Callout> rendered by renderBody', () => {
  it('becomes an accessible aside with a label in the entry’s language and Markdown inside', () => {
    const body = '<Callout type="warning">\n\nHạn nộp là **ngày 20**, xem [Điều 11](/van-ban/1624-qd-bhxh/#dieu-11).\n\n- một\n- hai\n\n</Callout>\n';
    const vi = renderBody(body, { locale: 'vi' });
    expect(vi.problems).toEqual([]);
    expect(vi.html).toBe(
      '<aside class="callout callout-warning" role="note"><p class="callout-label">Cảnh báo</p>' +
        '<p>Hạn nộp là <strong>ngày 20</strong>, xem <a href="/van-ban/1624-qd-bhxh/#dieu-11">Điều 11</a>.</p>' +
        '<ul>\n<li>một</li>\n<li>hai</li>\n</ul></aside>',
    );
    expect(vi.links).toEqual([{ url: '/van-ban/1624-qd-bhxh/#dieu-11', path: '/van-ban/1624-qd-bhxh/', line: 3, column: 29 }]);
    expect(renderBody(body, { locale: 'en' }).html).toContain('<p class="callout-label">Warning</p>');
  });

  it('wraps a one-line note in a paragraph', () => {
    expect(renderBody('<Callout type="note">Xem thêm.</Callout>', { locale: 'vi' }).html).toBe(
      '<aside class="callout callout-note" role="note"><p class="callout-label">Lưu ý</p><p>Xem thêm.</p></aside>',
    );
  });

  it('still refuses code inside it', () => {
    const { html, problems } = renderBody('<Callout type="note">\n\n{process.env.TOKEN}\n\n</Callout>');
    expect(html).toBe('');
    expect(problems.map((p) => [p.line, p.en])).toEqual([[3, 'Content may not contain { } expressions (JavaScript code). Remove the braces or write the text out.']]);
  });
});

describe('checkElement', () => {
  it('accepts each allowed component with each allowed value', () => {
    for (const [name, c] of Object.entries(editorComponents)) {
      for (const [attribute, values] of Object.entries(c.attributes)) {
        for (const v of values) expect(checkElement(element(name, [attr(attribute, v)]))).toEqual([]);
      }
    }
  });

  it('refuses everything that could carry code', () => {
    const en = (node: JsxElement) => checkElement(node).map((p) => p.en);
    expect(en(element('script'))).toEqual(['The tag <script> is never allowed in content, for security: it runs JavaScript in readers’ browsers. Delete it.']);
    expect(en(element('Iframe'))[0]).toMatch(/^The tag <Iframe> is never allowed in content, for security: it embeds/);
    expect(en(element('style'))[0]).toMatch(/^The tag <style> is never allowed in content, for security: it can restyle/);
    expect(en(element('Callout', [attr('type', 'note'), attr('onMouseOver', 'x')]))).toEqual([
      'The attribute “onMouseOver” on <Callout> is not allowed, for security: on… attributes run JavaScript when readers interact with the page. Delete it.',
    ]);
    expect(en(element('Callout', [{ type: 'mdxJsxAttribute', name: 'type', value: { type: 'mdxJsxAttributeValueExpression', value: 'x' } }]))).toEqual([
      'The value of the attribute “type” on <Callout> is a { } expression (JavaScript code), which is not allowed. Write the value in double quotes, for example type="note".',
    ]);
    expect(en(element('Callout', [attr('type', 'note'), attr('cite', 'vbscript:x')]))[0]).toMatch(/^A “vbscript:” address in the attribute “cite” of <Callout>/);
    expect(en(element('Callout', [attr('type', null)]))).toEqual(['The attribute type of <Callout> must be one of: "note", "warning" (found: no value).']);
  });

  it('refuses the allowed component inside a sentence, and other names, with a hint', () => {
    expect(checkElement(element('Callout', [attr('type', 'note')], 'mdxJsxTextElement'))[0]!.en).toMatch(/^<Callout> must stand as a block of its own/);
    expect(checkElement(element('CALLOUT'))[0]!.en).toMatch(/Did you mean <Callout> \(mind the capitals\)\?$/);
    expect(checkElement(element('toString'))[0]!.en).toMatch(/^The tag <toString> is not allowed in content\./);
  });
});
