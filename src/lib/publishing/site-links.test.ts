import { describe, expect, it } from 'vitest';
import { brokenLinks, internalTarget, pagePathOf } from './site-links.ts';

const files = new Set(['index.html', 'tin-tuc/index.html', 'tin-tuc/a/index.html', '_astro/x.css', 'favicon.svg', '404.html', 'en/index.html']);

describe('internal links of the built site', () => {
  it('resolves references against the page, and leaves other sites, mail and fragments alone', () => {
    expect(internalTarget('/tin-tuc/', '/')).toBe('/tin-tuc/');
    expect(internalTarget('a/', '/tin-tuc/')).toBe('/tin-tuc/a/');
    expect(internalTarget('/van-ban/?q=1#dieu-1', '/')).toBe('/van-ban/');
    for (const ref of ['https://vss.gov.vn/', '//cdn.example/x.js', 'mailto:a@b.vn', 'tel:19009068', '#main', '']) expect(internalTarget(ref, '/')).toBeUndefined();
    expect(pagePathOf('tin-tuc/a/index.html')).toBe('/tin-tuc/a/');
    expect(pagePathOf('index.html')).toBe('/');
  });

  it('reports each broken address with the page that links it', () => {
    const pages = [{ file: 'tin-tuc/index.html', html: '<a href="a/">ok</a> <a href="/tin-tuc/b/">gone</a> <link href="/_astro/x.css"> <img src="/anh.png" alt="">' }];
    expect(brokenLinks(pages, files)).toEqual([
      { page: '/tin-tuc/', target: '/tin-tuc/b/' },
      { page: '/tin-tuc/', target: '/anh.png' },
    ]);
  });
});
