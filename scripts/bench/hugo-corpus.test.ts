/** The peer's Hugo site holds the same pages and words as the portal's corpus, with front matter Hugo accepts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateCorpus } from './corpus.ts';
import { HUGO_SEARCH_PATHS, HUGO_SECTIONS, hugoSite, splitEntry } from './hugo-corpus.ts';
import { HUGO_INSTALL, hugoVersion } from './peer-hugo.ts';

const site = readFileSync('content/site.yml', 'utf8');
const taxonomy = readFileSync('content/taxonomy.yml', 'utf8');
const corpus = generateCorpus({ pages: 120, seed: 42, site, taxonomy }, parse(taxonomy));
const hugo = hugoSite(corpus);
const byPath = new Map(hugo.map((f) => [f.path, f.text]));
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('Hugo peer corpus', () => {
  const entries = corpus.filter((f) => /^(news|documents|qa|units)\//.test(f.path));

  it('has one Hugo page per corpus entry, at the portal’s address, with the same body', () => {
    const pages = hugo.filter((f) => /^content\/(vi|en)\/[^/]+\/(?!_index)[^/]+\.md$/.test(f.path));
    expect(pages).toHaveLength(entries.length);
    for (const e of entries) {
      const [, collection, lang, slug] = /^(\w+)\/(vi|en)\/(.+)\.mdx$/.exec(e.path)!;
      const section = HUGO_SECTIONS[collection as keyof typeof HUGO_SECTIONS][lang as 'vi' | 'en'];
      const text = byPath.get(`content/${lang}/${section}/${slug}.md`);
      expect(text, e.path).toBeDefined();
      expect(splitEntry(text!).body).toBe(splitEntry(e.text).body);
    }
  });

  it('keeps the same words: titles and summaries as the portal shows them, bodies unchanged', () => {
    const count = (files: { text: string }[], pick: (d: Record<string, unknown>, body: string) => string) =>
      files.reduce((n, f) => {
        const { data, body } = splitEntry(f.text);
        return n + words(pick(data, body)).length;
      }, 0);
    const portalEntries = entries.filter((f) => !f.path.startsWith('units/'));
    const hugoEntries = [...byPath].filter(([p]) => /\/(tin-tuc|news|van-ban|documents|hoi-dap|questions)\/(?!_index)/.test(p)).map(([, text]) => ({ text }));
    expect(count(hugoEntries, (_, b) => b)).toBe(count(portalEntries, (_, b) => b));
    expect(count(hugoEntries, (d) => `${d.title} ${d.summary}`)).toBe(count(portalEntries, (d) => `${d.title} ${d.summary ?? d.question}`));
  });

  it('writes front matter Hugo accepts: a title, a YYYY-MM-DD date, a translation key shared by both languages', () => {
    const keys = new Map<string, string[]>();
    for (const [p, text] of byPath) {
      if (!p.startsWith('content/') || p.endsWith('_index.md')) continue;
      expect(text.startsWith('---\n'), p).toBe(true);
      const { data } = splitEntry(text);
      expect(typeof data.title, p).toBe('string');
      expect((data.title as string).length, p).toBeGreaterThan(0);
      if (data.date !== undefined) expect(data.date, p).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const t of ['columns', 'subsections', 'topics', 'kinds', 'statuses', 'issuers', 'years', 'tags']) {
        if (data[t] !== undefined) expect(Array.isArray(data[t]) && (data[t] as unknown[]).every((v) => typeof v === 'string' && v !== ''), `${p} ${t}`).toBe(true);
      }
      if (typeof data.translationKey === 'string') keys.set(data.translationKey, [...(keys.get(data.translationKey) ?? []), p]);
    }
    expect(keys.size).toBe(entries.length / 2);
    for (const [key, paths] of keys) {
      expect(paths.map((p) => p.split('/')[1]).sort(), key).toEqual(['en', 'vi']);
    }
    // Searchable like the portal's: entries yes, units no.
    expect(splitEntry(byPath.get([...byPath.keys()].find((p) => p.startsWith('content/vi/don-vi/') && !p.endsWith('_index.md'))!)!).data.searchable).toBe(false);
    const news = splitEntry(byPath.get([...byPath.keys()].find((p) => p.startsWith('content/vi/tin-tuc/') && !p.endsWith('_index.md'))!)!).data;
    expect(news.searchable).toBe(true);
    expect(news.years).toEqual([(news.date as string).slice(0, 4)]);
  });

  it('configures both languages at the portal’s addresses, with search pages using Pagefind’s stock UI', () => {
    const config = parse(byPath.get('config.yaml')!);
    expect(config.defaultContentLanguage).toBe('vi');
    expect(config.defaultContentLanguageInSubdir).toBe(false);
    expect(Object.keys(config.languages)).toEqual(['vi', 'en']);
    expect(config.paginate).toBe(10);
    expect(byPath.get('content/vi/tim-kiem.md')).toMatch(/layout: search/);
    expect(byPath.get('content/en/search.md')).toMatch(/layout: search/);
    expect(HUGO_SEARCH_PATHS).toEqual({ vi: '/tim-kiem/', en: '/en/search/' });
    expect(byPath.get('layouts/_default/search.html')).toMatch(/new PagefindUI\(/);
    const single = byPath.get('layouts/_default/single.html')!;
    expect(single).toMatch(/<article\{\{ if \.Params\.searchable \}\} data-pagefind-body\{\{ end \}\}>/);
    expect(single).toMatch(/\.Content/);
    expect(byPath.get('layouts/_default/baseof.html')).toMatch(/<html lang="\{\{ \.Site\.Language\.Lang \}\}">/);
  });

  it('is deterministic', () => {
    expect(hugoSite(corpus)).toEqual(hugo);
  });
});

describe('without Hugo', () => {
  it('finds no Hugo when none is on the PATH, and says in both languages how to install it', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await hugoVersion()).toBeUndefined();
    } finally {
      process.env.PATH = saved;
    }
    expect(HUGO_INSTALL).toMatch(/Hugo is not installed[\s\S]*apt-get install hugo/);
    expect(HUGO_INSTALL).toMatch(/Hugo chưa được cài[\s\S]*apt-get install hugo/);
  });
});
