import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { comparisonPage, type Comparison } from './comparison-page.ts';
import { readableText } from './memento-text.ts';

const page = (main: string) =>
  `<!DOCTYPE html><html lang="vi"><head><title>Quyết định 1624</title></head><body><header><nav><a href="/">Trang chủ</a></nav></header><main>${main}</main><footer>Chân trang</footer></body></html>`;

describe('readableText', () => {
  it('reads the main content one paragraph per block, leaving out navigation, the page history and what is hidden', () => {
    const html = page(
      '<h1>Quyết định <em>1624</em></h1><p>Đoạn một,\n   còn tiếp.</p><ul><li>Mục <strong>một</strong></li><li><p>Mục hai</p></li></ul>' +
        '<section class="notice notice--withdrawn"><h2>Nội dung này đã được rút</h2></section>' +
        '<nav>Mục lục</nav><p hidden>Ẩn</p><script>var x = 1;</script><img src="/a.png" alt="Ảnh trụ sở">' +
        '<section class="revision-history"><h2>Lịch sử thay đổi</h2></section>',
    );
    expect(readableText(html)).toEqual({
      title: 'Quyết định 1624',
      paragraphs: ['Quyết định 1624', 'Đoạn một, còn tiếp.', 'Mục một', 'Mục hai', 'Nội dung này đã được rút', 'Ảnh trụ sở'],
    });
  });
});

const comparison = (before: string[], after: string[]): Comparison => ({
  locale: 'vi',
  title: 'Quyết định <1624>',
  before: { paragraphs: before, datetime: new Date('2026-03-01T02:05:00Z'), address: '/luu-tru/20260301T020500Z/van-ban/x/' },
  after: { paragraphs: after, datetime: new Date('2026-03-05T03:05:00Z'), address: '/luu-tru/20260305T030500Z/van-ban/x/' },
  current: '/van-ban/x/',
  timemap: '/timemap/van-ban/x.txt',
  stylesheet: '/luu-tru/memento.css',
});

describe('comparisonPage', () => {
  it('marks removed and added words, in the paragraphs where they changed, and says so to screen readers', () => {
    const html = comparisonPage(comparison(['Tiêu đề', 'Bản tóm tắt cũ của văn bản.', 'Đoạn giữ nguyên.'], ['Tiêu đề', 'Bản tóm tắt mới của văn bản.', 'Đoạn giữ nguyên.']));
    expect(html).toContain('<del><span class="visually-hidden">[đã bỏ: </span>cũ<span class="visually-hidden">]</span></del>');
    expect(html).toContain('<ins><span class="visually-hidden">[đã thêm: </span>mới<span class="visually-hidden">]</span></ins>');
    expect(html).toContain('<title>So sánh hai bản: Quyết định &lt;1624&gt;</title>');
    expect(html).toContain('01/03/2026 09:05');
    expect(html).toContain('05/03/2026 10:05');
    expect(html).toContain('href="/luu-tru/20260301T020500Z/van-ban/x/"');
    expect(parse(html)).toBeTruthy();
  });

  it('marks a run of changed words once, spaces between them included', () => {
    const html = comparisonPage(comparison(['Một hai ba.'], ['Một bốn năm sáu.']));
    expect(html).toContain(
      '<p class="changed">Một <del><span class="visually-hidden">[đã bỏ: </span>hai ba<span class="visually-hidden">]</span></del> <ins><span class="visually-hidden">[đã thêm: </span>bốn năm sáu<span class="visually-hidden">]</span></ins>.</p>',
    );
  });

  it('folds long unchanged stretches, saying how many paragraphs', () => {
    const same = Array.from({ length: 10 }, (_, i) => `Đoạn ${i}.`);
    const html = comparisonPage(comparison([...same, 'Cuối cũ.'], [...same, 'Cuối mới.']));
    expect(html).toContain('⋯ 9 đoạn không đổi');
    expect(html).toContain('<p>Đoạn 9.</p>');
    expect(html).not.toContain('<p>Đoạn 3.</p>');
  });

  it('says when the text did not change', () => {
    expect(comparisonPage(comparison(['A'], ['A']))).toContain('Nội dung chữ của hai bản như nhau');
  });

  it('escapes the text of the pages', () => {
    const html = comparisonPage(comparison(['<script>alert(1)</script>'], ['<img src=x onerror=alert(1)>']));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });
});
