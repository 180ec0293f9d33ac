import { describe, expect, it } from 'vitest';
import { checkInternalLinks, libraryUrls, pageUrls, type LinkingEntry } from './internal-links.ts';

const doc = (locale: 'vi' | 'en', slug: string, data: Record<string, unknown> = {}): LinkingEntry => ({
  collection: 'documents',
  locale,
  slug,
  file: `content/documents/${locale}/${slug}.mdx`,
  data: { kind: 'quyet-dinh', issued: '2024-09-16', status: 'in-force', issuer: 'Bảo hiểm xã hội Việt Nam', ...data },
});
const entry = (collection: string, locale: 'vi' | 'en', slug: string): LinkingEntry => ({
  collection,
  locale,
  slug,
  file: `content/${collection}/${locale}/${slug}.mdx`,
  data: {},
});
const news = Array.from({ length: 11 }, (_, i) => entry('news', 'vi', `tin-${i}`));
const site: LinkingEntry[] = [
  ...news,
  entry('news', 'en', 'tin-0'),
  { ...entry('qa', 'vi', 'cau-hoi'), data: { topic: 'bhyt', answered: '2026-11-30T15:00' } },
  // Received, not yet answered: in the register only, no page.
  { ...entry('qa', 'vi', 'chua-tra-loi'), data: { topic: 'bhtn' } },
  { ...entry('qa', 'en', 'chua-tra-loi'), data: { topic: 'bhtn', answered: '2026-11-30T15:00' } },
  entry('pages', 'vi', 'gioi-thieu'),
  entry('units', 'vi', 'van-phong'),
  doc('vi', '1624-qd-bhxh'),
  doc('en', '1624-qd-bhxh', { issuer: 'Vietnam Social Security' }),
];

function linking(...urls: string[]): LinkingEntry {
  const e = entry('news', 'vi', 'co-lien-ket');
  e.links = urls.map((url, i) => ({ url, path: url.replace(/[?#].*$/, ''), line: 10 + i, column: 3 }));
  return e;
}

describe('pageUrls and libraryUrls', () => {
  it('are the addresses the route table builds', () => {
    const pages = pageUrls(site);
    for (const url of [
      '/',
      '/en/',
      '/tim-kiem/',
      '/en/search/',
      '/tin-tuc/',
      '/tin-tuc/trang/2/',
      '/tin-tuc/tin-10/',
      '/en/news/',
      '/en/news/tin-0/',
      '/en/news/tin-5/', // untranslated: a notice linking the original
      '/hoi-dap/cau-hoi/',
      '/en/questions/',
      '/hoi-dap/chu-de-bhyt/',
      '/gioi-thieu/',
      '/en/gioi-thieu/',
      '/van-ban/1624-qd-bhxh/',
      '/en/documents/1624-qd-bhxh/',
      '/tin-tuc/rss.xml',
      '/en/documents/rss.xml',
      '/sitemap.xml',
    ]) {
      expect(pages.has(url), url).toBe(true);
    }
    for (const url of ['/tin-tuc/trang/3/', '/en/news/trang/2/', '/en/news/page/2/', '/van-phong/', '/tin-tuc/khong-co/', '/hoi-dap/chu-de-bhyt/trang/2/', '/en/questions/topic-bhyt/']) {
      expect(pages.has(url), url).toBe(false);
    }
    // An unanswered question has no page in either language (its original governs the translation), nor a topic listing.
    for (const url of ['/hoi-dap/chua-tra-loi/', '/en/questions/chua-tra-loi/', '/hoi-dap/chu-de-bhtn/', '/en/questions/topic-bhtn/']) expect(pages.has(url), url).toBe(false);
    const library = libraryUrls(site);
    for (const url of ['/van-ban/', '/van-ban/loai-quyet-dinh/', '/van-ban/nam-2024/tinh-trang-con-hieu-luc/', '/en/documents/issuer-vietnam-social-security/', '/en/documents/kind-decision/']) {
      expect(library.has(url), url).toBe(true);
    }
    expect(library.has('/van-ban/loai-thong-tu/')).toBe(false);
  });

  it('at a moment, leave out an entry still scheduled then (no page, not counted in the listing), and keep it once live', () => {
    const scheduled = { ...entry('news', 'vi', 'tin-hen-gio'), data: { publish_at: '2026-12-10T08:00:00+07:00' } };
    const before = pageUrls([...site, scheduled], new Date('2026-12-02T03:00:00Z'));
    for (const url of ['/tin-tuc/tin-hen-gio/', '/en/news/tin-hen-gio/', '/tin-tuc/trang/3/']) expect(before.has(url), url).toBe(false);
    const after = pageUrls([...site, scheduled], new Date('2026-12-10T01:00:00Z'));
    for (const url of ['/tin-tuc/tin-hen-gio/', '/en/news/tin-hen-gio/']) expect(after.has(url), url).toBe(true);
    // Without a moment (the link check), it counts as built.
    expect(pageUrls([...site, scheduled]).has('/tin-tuc/tin-hen-gio/')).toBe(true);
  });
});

describe('checkInternalLinks', () => {
  it('accepts links to pages, listings, library filters and files, with any query or fragment', () => {
    const e = linking('/van-ban/1624-qd-bhxh/#dieu-11', '/tin-tuc/trang/2/', '/van-ban/loai-quyet-dinh/?a=1', '/files/qd.pdf', '/', '/en/');
    expect(checkInternalLinks([...site, e], new Set(['/files/qd.pdf']))).toEqual([]);
  });

  it('names a link to a page that does not exist, in both languages', () => {
    const issues = checkInternalLinks([...site, linking('/van-ban/khong-co/#dieu-1')], new Set());
    expect(issues).toEqual([
      {
        file: 'content/news/vi/co-lien-ket.mdx',
        line: 10,
        column: 3,
        field: undefined,
        vi:
          'Liên kết “/van-ban/khong-co/#dieu-1” trỏ tới trang không có trên cổng. Kiểm tra đường dẫn: tin tức, văn bản, hỏi đáp và trang có địa chỉ ' +
          '/tin-tuc/<tên-tệp>/, /van-ban/<tên-tệp>/, /hoi-dap/<tên-tệp>/, /<tên-tệp>/ (tiếng Anh: /en/news/<slug>/, /en/documents/<slug>/, /en/questions/<slug>/, /en/<slug>/); ' +
          '<tên-tệp> là tên tệp .mdx của mục, <slug> là địa chỉ trang tiếng Anh của mục (hoặc tên tệp khi mục không có).',
        en:
          'The link “/van-ban/khong-co/#dieu-1” points to a page that is not on the portal. Check the path: news, documents, questions and pages are at ' +
          '/en/news/<slug>/, /en/documents/<slug>/, /en/questions/<slug>/, /en/<slug>/ (Vietnamese: /tin-tuc/<tên-tệp>/, /van-ban/<tên-tệp>/, /hoi-dap/<tên-tệp>/, /<tên-tệp>/); ' +
          '<slug> is the entry’s English page address, or its .mdx file name when it has none.',
      },
    ]);
  });

  it('suggests the trailing slash when that is all that is missing', () => {
    const [issue] = checkInternalLinks([...site, linking('/van-ban/1624-qd-bhxh#dieu-2')], new Set());
    expect(issue!.vi).toBe('Liên kết “/van-ban/1624-qd-bhxh#dieu-2” trỏ tới trang không có trên cổng. Có phải bạn định viết “/van-ban/1624-qd-bhxh/#dieu-2”?');
    expect(issue!.en).toBe('The link “/van-ban/1624-qd-bhxh#dieu-2” points to a page that is not on the portal. Did you mean “/van-ban/1624-qd-bhxh/#dieu-2”?');
  });

  it('needs files under /files/ and /media/ to be in public/', () => {
    const issues = checkInternalLinks([...site, linking('/files/a.pdf', '/media/anh.jpg', '/favicon.svg')], new Set(['/media/anh.jpg', '/favicon.svg']));
    expect(issues.map((i) => [i.line, i.vi, i.en])).toEqual([
      [
        10,
        'Liên kết “/files/a.pdf” trỏ tới tệp không có: cần tệp public/files/a.pdf. Thêm tệp đó vào public/files/ hoặc sửa tên tệp trong liên kết (phân biệt chữ hoa, chữ thường).',
        'The link “/files/a.pdf” points to a file that does not exist: public/files/a.pdf is needed. Add the file to public/files/ or correct its name in the link (capitals matter).',
      ],
    ]);
  });

  it('checks 20,000 entries quickly', () => {
    const many: LinkingEntry[] = [];
    for (let i = 0; i < 10_000; i++) {
      const vi = entry('news', 'vi', `tin-${i}`);
      vi.links = [{ url: `/tin-tuc/tin-${(i + 1) % 10_000}/`, path: `/tin-tuc/tin-${(i + 1) % 10_000}/`, line: 10, column: 1 }];
      many.push(vi, { ...entry('news', 'en', `tin-${i}`), links: [{ url: '/van-ban/loai-quyet-dinh/', path: '/van-ban/loai-quyet-dinh/', line: 10, column: 1 }] });
    }
    many.push(doc('vi', '1624-qd-bhxh'));
    const start = performance.now();
    expect(checkInternalLinks(many, new Set())).toEqual([]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
