import { describe, expect, it } from 'vitest';
import { languageOfUrl, layoutFor, planIndex, shardNames, shardOf, type IndexManifest } from './search-index-plan.ts';

const pagesOf = (n: number, prefix: string, hash = 'h') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}/`, hash]));

describe('search index shards', () => {
  it('keep each language apart, about 1,000 pages each', () => {
    expect(languageOfUrl('/en/news/x/')).toBe('en');
    expect(languageOfUrl('/tin-tuc/x/')).toBe('vi');
    expect(layoutFor([...Object.keys(pagesOf(2500, '/tin-tuc/')), ...Object.keys(pagesOf(10, '/en/news/'))])).toEqual({ vi: 3, en: 1 });
    expect(layoutFor(Object.keys(pagesOf(5, '/tin-tuc/')))).toEqual({ vi: 1, en: 0 });
    expect(shardNames({ vi: 2, en: 1 })).toEqual(['vi-0', 'vi-1', 'en-0']);
    expect(shardOf('/en/news/a/', { vi: 2, en: 3 })).toMatch(/^en-[012]$/);
    expect(shardOf('/tin-tuc/a/', { vi: 2, en: 3 })).toBe(shardOf('/tin-tuc/a/', { vi: 2, en: 1 }));
  });

  it('index everything the first time, or when the layout or version changes', () => {
    const pages = pagesOf(1500, '/tin-tuc/');
    expect(planIndex(undefined, 'v1', pages)).toMatchObject({ relayout: true, rebuild: ['vi-0', 'vi-1'] });
    const previous: IndexManifest = { version: 'v1', layout: { vi: 2, en: 0 }, pages };
    expect(planIndex(previous, 'v2', pages).relayout).toBe(true);
    expect(planIndex(previous, 'v1', { ...pages, ...pagesOf(600, '/van-ban/') }).relayout).toBe(true);
  });

  it('index again only the shards whose pages changed, appeared or disappeared', () => {
    const pages = pagesOf(1500, '/tin-tuc/');
    const previous: IndexManifest = { version: 'v1', layout: { vi: 2, en: 0 }, pages };
    expect(planIndex(previous, 'v1', pages)).toMatchObject({ relayout: false, rebuild: [] });
    const edited = { ...pages, '/tin-tuc/7/': 'changed' };
    expect(planIndex(previous, 'v1', edited).rebuild).toEqual([shardOf('/tin-tuc/7/', { vi: 2, en: 0 })]);
    const { ['/tin-tuc/9/']: _removed, ...fewer } = pages;
    expect(planIndex(previous, 'v1', fewer).rebuild).toEqual([shardOf('/tin-tuc/9/', { vi: 2, en: 0 })]);
  });
});
