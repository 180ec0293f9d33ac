/**
 * The HTML made from an editor's body carries only the attributes the portal
 * writes: no `data-pagefind-*` attribute (which Pagefind would read as a
 * result's address, title or filter, or use to hide text), no event handler,
 * no style. Checked on the parsed output (a real HTML parser), over every
 * Markdown construct and every way an editor could try to write one.
 */
import type { Nodes } from 'hast';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderBody } from './render-body.ts';

/** Every attribute (hast property name) the renderer may write, and nothing else. */
const ALLOWED = new Set([
  'id',
  'className',
  'href',
  'title',
  'src',
  'alt',
  'value',
  'type',
  'checked',
  'disabled',
  'role',
  'ariaDescribedBy',
  'ariaLabel',
  'dataFootnoteRef',
  'dataFootnotes',
  'dataFootnoteBackref',
]);

function attributesOf(html: string): Set<string> {
  const found = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'element') for (const name of Object.keys(node.properties ?? {})) found.add(name);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(htmlToHast(html, { fragment: true }) as Nodes);
  return found;
}

const everyConstruct = `## Điều 1. Phạm vi

1. Khoản một có **đậm**, *nghiêng*, ~~gạch~~, \`mã\`, [liên kết](/van-ban/ "tiêu đề") và [tham chiếu][r].
   a) Điểm a.

- [ ] việc chưa làm
- [x] việc đã làm

| Cột | Cột 2 |
|:---|---:|
| a | b |

> Trích dẫn

\`\`\`js
mã();
\`\`\`

![ảnh](/media/a.png "tiêu đề ảnh")

Chú thích[^1]. https://example.gov.vn/

---

<Callout type="warning">
Lưu ý **quan trọng**.
</Callout>

[r]: /tin-tuc/ "định nghĩa"
[^1]: Nội dung chú thích.
`;

describe('attributes of rendered bodies', () => {
  it('are only those the portal writes, for every Markdown construct', () => {
    const { html, problems } = renderBody(everyConstruct, { locale: 'vi' });
    expect(problems).toEqual([]);
    const found = [...attributesOf(html)];
    expect(found.filter((name) => !ALLOWED.has(name))).toEqual([]);
    // The check sees the attributes it must see.
    expect(found).toEqual(expect.arrayContaining(['href', 'title', 'alt', 'id', 'dataFootnoteRef']));
  });

  it('give a table column’s alignment as a class, never the obsolete align attribute the HTML checker reports', () => {
    const { html } = renderBody('| Chỉ tiêu | Giữa | Số liệu |\n|:---|:---:|---:|\n| Tin mới | x | 54 |\n', { locale: 'vi' });
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-left">Chỉ tiêu</th>');
    expect(html).toContain('<th class="align-center">Giữa</th>');
    expect(html).toContain('<td class="align-right">54</td>');
  });

  it.each([
    ['an HTML element', '<div data-pagefind-meta="url:javascript:alert(1)">x</div>'],
    ['an inline element', 'Chữ <span data-pagefind-filter="Đường dây nóng">0999</span>.'],
    ['a meta element', '<meta data-pagefind-meta="url[content]" content="javascript:alert(1)" />'],
    ['a component', '<Callout type="note" data-pagefind-filter="Đường dây nóng:0999">x</Callout>'],
    ['a component, ignore', '<Callout type="note" data-pagefind-ignore>x</Callout>'],
    ['a component, spread', '<Callout type="note" {...{"data-pagefind-body": ""}}>x</Callout>'],
    ['attribute syntax after a link', '[x](/tin-tuc/){data-pagefind-meta="url:javascript:alert(1)"}'],
    ['attribute syntax after a heading', '## Tiêu đề {data-pagefind-sort="date:2099"}'],
    ['a link title', '[x](/tin-tuc/ "<meta data-pagefind-meta=url[content] content=javascript:alert(1)>")'],
    ['an image title', '![ảnh](/media/a.png "<meta data-pagefind-filter=\'Năm[content]\' content=1900>")'],
    ['a definition title', '[x][d]\n\n[d]: /tin-tuc/ "<span data-pagefind-meta=\'url:javascript:alert(1)\'>"'],
  ])('%s cannot carry a data-pagefind attribute', (_, body) => {
    const { html, problems } = renderBody(body, { locale: 'vi' });
    const refused = problems.some((p) => p.severity === 'error');
    if (!refused) expect([...attributesOf(html)].filter((name) => name.startsWith('dataPagefind') || !ALLOWED.has(name))).toEqual([]);
    else expect(html).toBe('');
  });
});
