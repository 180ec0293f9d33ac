import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resourceLinks } from './resource-links.ts';

// The very libraries Decap's markdown widget writes Markdown with (unified 9, remark-parse 6, remark-stringify 6).
const widget = createRequire(createRequire(import.meta.url).resolve('decap-cms-widget-markdown'));
const unified = widget('unified') as () => { use(plugin: unknown, options?: unknown): ReturnType<typeof unified>; processSync(text: string): { toString(): string } };
const remarkParse = widget('remark-parse') as unknown;
const remarkStringify = widget('remark-stringify') as unknown;

function roundTrip(markdown: string, plugins: unknown[]): string {
  return unified().use(remarkParse).use(remarkStringify, { commonmark: true }).use(plugins).processSync(markdown).toString();
}

describe('links written back by the rich-text editor', () => {
  const ownAddress = '- có địa chỉ Internet [https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam);\n';

  it('the plugin changes only its own processor', () => {
    roundTrip(ownAddress, [resourceLinks]);
    expect(roundTrip(ownAddress, [])).toContain('<https://zalo.me/bhxhvietnam>');
  });

  it('without the plugin, a link whose text is its address becomes an autolink MDX cannot read', () => {
    expect(roundTrip(ownAddress, [])).toContain('<https://zalo.me/bhxhvietnam>');
  });

  it('with it, the link keeps its [text](address) form', () => {
    const written = roundTrip(ownAddress, [resourceLinks]);
    expect(written).toContain('[https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)');
    expect(written).not.toContain('<https');
  });

  it('leaves other links as they were, titles included, also when the plugin is used twice', () => {
    const text = 'Xem [Cổng thông tin](https://baohiemxahoi.gov.vn "Trang chủ") và [thư](mailto:a@b.vn).\n';
    expect(roundTrip(text, [resourceLinks, resourceLinks])).toBe(text);
    expect(roundTrip(ownAddress, [resourceLinks, resourceLinks])).toContain('[https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)');
  });

  it('does nothing on a processor that only reads Markdown', () => {
    expect(() => unified().use(remarkParse).use([resourceLinks])).not.toThrow();
  });
});
