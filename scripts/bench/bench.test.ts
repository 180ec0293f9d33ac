/** The benchmark's own parts do what they claim: a valid, deterministic corpus, and real measurements. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateContent } from '../../src/lib/content/validate.ts';
import { generateCorpus, MIX } from './corpus.ts';
import { measure } from './measure.ts';
import { median } from './report.ts';

const site = readFileSync('content/site.yml', 'utf8');
const taxonomy = readFileSync('content/taxonomy.yml', 'utf8');
const corpus = (pages: number, seed = 42) => generateCorpus({ pages, seed, site, taxonomy }, parse(taxonomy));

describe('benchmark corpus', () => {
  const files = corpus(200);
  const entries = files.filter((f) => /^(news|qa|documents)\//.test(f.path));

  it('has the requested number of pages, half Vietnamese and half their translations, in the collection mix', () => {
    expect(entries).toHaveLength(200);
    expect(entries.filter((f) => f.path.includes('/vi/'))).toHaveLength(100);
    for (const f of entries.filter((x) => x.path.includes('/en/'))) expect(entries.some((x) => x.path === f.path.replace('/en/', '/vi/'))).toBe(true);
    const share = (c: string) => entries.filter((f) => f.path.startsWith(`${c}/`)).length / entries.length;
    expect(share('news')).toBeCloseTo(MIX.news, 1);
    expect(share('qa')).toBeCloseTo(MIX.qa, 1);
    expect(share('documents')).toBeCloseTo(MIX.documents, 1);
  });

  it('is valid content that the build accepts, with legal structure and about 1,050 words a page', () => {
    const { entries: valid, issues } = validateContent(files.map((f) => ({ file: `content/${f.path}`, source: f.text })));
    expect(issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(valid).toHaveLength(files.length - 2);
    const doc = valid.find((e) => e.collection === 'documents' && e.locale === 'vi')!;
    expect(doc.html).toMatch(/id="chuong-i"/);
    expect(doc.html).toMatch(/id="dieu-1-khoan-1"/);
    const words = entries.map((f) => f.text.split(/\s+/).length).sort((a, b) => a - b);
    expect(median(words)).toBeGreaterThan(950);
    expect(median(words)).toBeLessThan(1300);
  });

  it('is the same for the same seed, and different for another', () => {
    expect(corpus(50)).toEqual(corpus(50));
    expect(corpus(50, 7)).not.toEqual(corpus(50));
  });
});

describe('measure', () => {
  it('reports the wall time and the peak memory of the process tree', async () => {
    // A child process that holds ~200 MB for half a second.
    const script = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 500);';
    const result = await measure(process.execPath, ['-e', script], {});
    expect(result.seconds).toBeGreaterThan(0.4);
    expect(result.peakBytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(result.output.trim()).toBe(String(200 * 1024 * 1024));
  });

  it('counts the memory of the child’s own child processes (Pagefind under Hugo’s run, workers under the build)', async () => {
    const grandchild = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 700);';
    const script = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' });`;
    const result = await measure(process.execPath, ['-e', script], {});
    expect(result.output.trim()).toBe(String(200 * 1024 * 1024));
    expect(result.peakBytes).toBeGreaterThan(200 * 1024 * 1024);
  });

  it('fails with the command’s output when it fails', async () => {
    await expect(measure(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'], {})).rejects.toThrow(/exit 3[\s\S]*boom/);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
