import { describe, expect, it } from 'vitest';
import { classifyHeading, nextPointLetters, pointAnchor } from './legal-structure.ts';
import { renderBody } from './render-body.ts';

function ids(html: string): string[] {
  return [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
}

describe('classifyHeading', () => {
  it.each([
    ['Chương I. NHỮNG QUY ĐỊNH CHUNG', { kind: 'chapter', num: 'i' }],
    ['Chapter IV. Organisation', { kind: 'chapter', num: 'iv' }],
    ['Mục 2. Trách nhiệm', { kind: 'chapter-section', num: '2' }],
    ['Điều 11. Quy trình', { kind: 'article', num: 11 }],
    ['Article 3.', { kind: 'article', num: 3 }],
    ['V. CÁC NHIỆM VỤ', { kind: 'roman', num: 'v' }],
    ['2.1. Zalo BHXH Khánh Hòa', { kind: 'numbered', nums: ['2', '1'] }],
    ['QUY CHẾ HOẠT ĐỘNG', { kind: 'other' }],
  ])('%s', (text, expected) => {
    expect(classifyHeading(text)).toEqual(expected);
  });
});

describe('point letters', () => {
  it('follow the Vietnamese or the Latin alphabet', () => {
    expect(nextPointLetters(undefined)).toEqual(['a']);
    expect(nextPointLetters('d')).toEqual(['đ', 'e']);
    expect(nextPointLetters('đ')).toEqual(['e']);
    expect(nextPointLetters('e')).toEqual(['g', 'f']);
    expect(pointAnchor('đ')).toBe('dd');
  });
});

describe('anchors', () => {
  it('gives chapters, articles, clauses and points stable ids', () => {
    const { html, toc, problems } = renderBody(
      [
        '## Chương I. QUY ĐỊNH CHUNG',
        '### Điều 1. Phạm vi',
        'Văn bản.',
        '### Điều 2. Trách nhiệm',
        '1. Khoản một:',
        '',
        '   a) điểm a;',
        '',
        '   đ) điểm đ;',
        '',
        '2. Khoản hai.',
      ].join('\n\n'),
    );
    expect(ids(html)).toEqual(['chuong-i', 'dieu-1', 'dieu-2', 'dieu-2-khoan-1', 'dieu-2-khoan-1-diem-a', 'dieu-2-khoan-1-diem-dd', 'dieu-2-khoan-2']);
    expect(toc.map((t) => [t.depth, t.slug])).toEqual([
      [2, 'chuong-i'],
      [3, 'dieu-1'],
      [3, 'dieu-2'],
    ]);
    // đ after a is out of order (b, c, d are missing): a warning with its line.
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 17, en: 'Point “đ)” is out of order: the next point should be “b)”.' })]);
  });

  it('prefixes the articles of a promulgating decision, so #dieu-1 is the regulation’s', () => {
    const { html } = renderBody(['### Điều 1. Ban hành Quy chế.', '### Điều 2. Hiệu lực.', '## QUY CHẾ', '## Chương I. CHUNG', '### Điều 1. Phạm vi'].join('\n\n'));
    expect(ids(html)).toEqual(['quyet-dinh-dieu-1', 'quyet-dinh-dieu-2', 'quy-che', 'chuong-i', 'dieu-1']);
  });

  it('numbers the parts of a letter without articles', () => {
    const { html } = renderBody(['## IV. ĐỊA CHỈ', '1. Cập nhật tài khoản.', '## V. NHIỆM VỤ', '### 2. Thống kê', '#### 2.1. Zalo', 'b) trước ngày 28.'].join('\n\n'));
    expect(ids(html)).toEqual(['muc-iv', 'muc-iv-1', 'muc-v', 'muc-v-2', 'muc-v-2-1', 'muc-v-2-1-diem-b']);
  });

  it('keeps the clause numbers written in the source and warns when one is skipped', () => {
    const { html, problems } = renderBody(['### Điều 1. X', '1. Một.', '2. Hai.', '4. Bốn.'].join('\n\n'));
    expect(html).toContain('<li id="dieu-1-khoan-4" class="khoan" value="4">');
    expect(problems.map((p) => p.en)).toEqual(['Clause “4.” is out of order: the next clause should be “3.”.']);
  });

  it('warns about a repeated anchor and keeps both reachable', () => {
    const { html, problems } = renderBody(['### Điều 1. A', '### Điều 1. B'].join('\n\n'));
    expect(ids(html)).toEqual(['dieu-1', 'dieu-1-2']);
    expect(problems.map((p) => p.en)).toContain('The anchor “dieu-1” is used twice; check the numbering of chapters, articles, clauses and points.');
  });
});

describe('renderBody', () => {
  it('renders Markdown (GFM tables, links, emphasis) to HTML', () => {
    const { html, problems } = renderBody('Xem [Điều 11](/van-ban/1624-qd-bhxh/#dieu-11) và **chú ý**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(problems).toEqual([]);
    expect(html).toContain('<a href="/van-ban/1624-qd-bhxh/#dieu-11">Điều 11</a>');
    expect(html).toContain('<strong>chú ý</strong>');
    expect(html).toContain('<table>');
  });

  it('refuses javascript: links and images without a description', () => {
    const { problems } = renderBody('[x](javascript:alert(1))\n\n![](/media/a.png)\n');
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'error'],
      [3, 'error'],
    ]);
  });

  it('refuses a level-1 heading in the body', () => {
    const { problems } = renderBody('# Tiêu đề\n');
    expect(problems[0]!.en).toMatch(/^Do not use a level-1 heading/);
  });
});
