import { describe, expect, it } from 'vitest';
import { pageTarget } from '../history/page-sources.ts';
import { englishAddresses, englishAddressIssues, englishSegment, slugOfEnglishSegment } from './english-addresses.ts';
import { checkInternalLinks } from './internal-links.ts';

type Locale = 'vi' | 'en';
const entry = (collection: string, locale: Locale, slug: string, english_address?: string) => ({
  collection,
  locale,
  slug,
  file: `content/${collection}/${locale}/${slug}.mdx`,
  data: english_address === undefined ? { title: slug } : { title: slug, english_address },
});
const at = () => ({ line: 3, column: 1 });

describe('English page addresses', () => {
  it('come from the Vietnamese original, else the file name', () => {
    const all = [entry('pages', 'vi', 'lien-he', 'contact'), entry('pages', 'en', 'lien-he', 'contact'), entry('news', 'vi', 'tin-a')];
    const addresses = englishAddresses(all);
    expect(englishSegment(addresses, 'pages', 'lien-he')).toBe('contact');
    expect(englishSegment(addresses, 'news', 'tin-a')).toBe('tin-a');
    expect(slugOfEnglishSegment(addresses, 'pages', 'contact')).toBe('lien-he');
    expect(slugOfEnglishSegment(addresses, 'news', 'contact')).toBeUndefined();
    expect(englishAddressIssues(all, at)).toEqual([]);
  });

  it('refuse a translation whose copy differs from its original, naming both values and the file to change', () => {
    const issues = englishAddressIssues([entry('pages', 'vi', 'lien-he', 'contact'), entry('pages', 'en', 'lien-he', 'contact-us')], at);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'content/pages/en/lien-he.mdx', line: 3, field: 'english_address' });
    expect(issues[0]!.en).toContain('contact-us');
    expect(issues[0]!.en).toContain('content/pages/vi/lien-he.mdx (contact)');
    expect(issues[0]!.vi).toContain('phải giống bản tiếng Việt');
    // A translation without the copy while its original has one is refused too.
    expect(englishAddressIssues([entry('pages', 'vi', 'lien-he', 'contact'), entry('pages', 'en', 'lien-he')], at)).toHaveLength(1);
  });

  it('refuse two English pages at one address, a page address the portal takes, and a question address like a topic listing', () => {
    const twice = englishAddressIssues([entry('news', 'vi', 'tin-a', 'same'), entry('news', 'vi', 'tin-b', 'same')], at);
    expect(twice).toHaveLength(2);
    expect(twice[0]!.en).toContain('“same”');
    // Another entry's file name is its English address when it has none.
    const byName = englishAddressIssues([entry('news', 'vi', 'contact'), entry('news', 'vi', 'lien-he', 'contact')], at);
    expect(byName).toHaveLength(1);
    expect(byName[0]!.file).toBe('content/news/vi/lien-he.mdx');
    // The same word in two collections is two addresses.
    expect(englishAddressIssues([entry('news', 'vi', 'a', 'contact'), entry('pages', 'vi', 'b', 'contact')], at)).toEqual([]);
    expect(englishAddressIssues([entry('pages', 'vi', 'tim', 'search')], at)[0]!.en).toContain('/en/search/');
    expect(englishAddressIssues([entry('qa', 'vi', 'q', 'topic-bhyt')], at)[0]!.en).toContain('topic listings');
  });

  it('warn where a translated page, news item or question has none: its English page is at its Vietnamese file name', () => {
    const warned = englishAddressIssues([entry('news', 'vi', 'tin-a'), entry('news', 'en', 'tin-a'), entry('documents', 'vi', '1624-qd-bhxh'), entry('documents', 'en', '1624-qd-bhxh'), entry('qa', 'vi', 'chi-tieng-viet')], at);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ file: 'content/news/vi/tin-a.mdx', severity: 'warning', field: 'english_address' });
    expect(warned[0]!.en).toContain('/en/news/tin-a/');
    expect(warned[0]!.vi).toContain('Địa chỉ trang tiếng Anh');
  });

  it('lead the archivist’s tool from the English address to the entry’s files', () => {
    const addresses = englishAddresses([entry('pages', 'vi', 'lien-he', 'contact'), entry('qa', 'vi', 'mat-the', 'lost-card')]);
    expect(pageTarget('/en/contact/', addresses)).toMatchObject({ kind: 'entry', address: '/en/contact/', slug: 'lien-he', sources: ['content/pages/en/lien-he.mdx', 'content/pages/vi/lien-he.mdx'] });
    expect(pageTarget('https://vss.gov.vn/en/questions/lost-card/', addresses)).toMatchObject({ kind: 'entry', slug: 'mat-the' });
    expect(pageTarget('content/pages/en/lien-he.mdx', addresses)).toMatchObject({ kind: 'entry', address: '/en/contact/' });
    // The Vietnamese page keeps its file name.
    expect(pageTarget('/lien-he/', addresses)).toMatchObject({ kind: 'entry', address: '/lien-he/' });
  });

  it('make a link to the English page by its file name an error that suggests its address', () => {
    const linking = { ...entry('news', 'en', 'tin-a'), links: [{ url: '/en/lien-he/#phone', path: '/en/lien-he/', line: 7, column: 2 }] };
    const issues = checkInternalLinks([entry('pages', 'vi', 'lien-he', 'contact'), entry('pages', 'en', 'lien-he', 'contact'), entry('news', 'vi', 'tin-a'), linking], new Set());
    expect(issues).toHaveLength(1);
    expect(issues[0]!.en).toContain('Did you mean “/en/contact/#phone”?');
    expect(checkInternalLinks([entry('pages', 'vi', 'lien-he', 'contact'), { ...linking, links: [{ ...linking.links[0]!, url: '/en/contact/', path: '/en/contact/' }] }], new Set())).toEqual([]);
  });
});
