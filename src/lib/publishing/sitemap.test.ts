import { describe, expect, it } from 'vitest';
import { sitemapXml } from './sitemap.ts';

describe('sitemapXml', () => {
  it('lists URLs with their language alternates, escaped', () => {
    const xml = sitemapXml([
      {
        loc: 'https://baohiemxahoi.gov.vn/van-ban/1624-qd-bhxh/',
        alternates: [
          { hreflang: 'vi', href: 'https://baohiemxahoi.gov.vn/van-ban/1624-qd-bhxh/' },
          { hreflang: 'en', href: 'https://baohiemxahoi.gov.vn/en/documents/1624-qd-bhxh/' },
        ],
      },
      { loc: 'https://baohiemxahoi.gov.vn/?a=1&b=2', alternates: [] },
    ]);
    expect(xml).toContain('<loc>https://baohiemxahoi.gov.vn/van-ban/1624-qd-bhxh/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://baohiemxahoi.gov.vn/en/documents/1624-qd-bhxh/"/>');
    expect(xml).toContain('<loc>https://baohiemxahoi.gov.vn/?a=1&amp;b=2</loc>');
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });
});
