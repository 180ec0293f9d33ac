/**
 * The link check (src/lib/content/internal-links.ts) knows exactly the pages
 * the real build writes, and an entry's <Callout> reaches its page as HTML.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryUrls, pageUrls } from '../../src/lib/content/internal-links.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { readContentFiles } from '../../src/content-loader/read-content.ts';
import { seedBuildCache } from '../seed-build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-site-urls-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every page of a built site, as its address: `x/index.html` → `/x/`. */
function builtPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(`/${path.relative(dir, full).split(path.sep).join('/')}`.replace(/index\.html$/, ''));
    }
  };
  walk(dir);
  return out.sort();
}

describe('the built site', () => {
  it('has exactly the pages the link check knows (besides the 404 and CMS pages), and renders a Callout', async () => {
    const content = path.join(work, 'content');
    const out = path.join(work, 'dist');
    cpSync('content', content, { recursive: true });
    writeFileSync(
      path.join(content, 'news/vi/tin-co-luu-y.mdx'),
      [
        '---',
        'title: Tin có lưu ý',
        'summary: Một tin có hộp cảnh báo.',
        'date: 2024-09-16',
        'column: tin-tuc-su-kien',
        'section: hoat-dong-nganh',
        'author: Biên tập viên',
        '---',
        '',
        '<Callout type="warning">',
        '',
        'Chỉ tin tài khoản có [dấu xác thực](/van-ban/1624-qd-bhxh/#dieu-4).',
        '',
        '</Callout>',
        '',
      ].join('\n'),
    );
    const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: seedBuildCache(path.join(work, 'cache')), PORTAL_SEARCH_INDEX: 'off' },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);

    // `work` holds the copy as its content/ folder.
    const { entries, settings } = validateContent((await readContentFiles(work)).files);
    const known = [...pageUrls(entries, new Date(), settings!.taxonomy.qa_topics), ...libraryUrls(entries)].filter((u) => u.endsWith('/')).sort();
    const built = builtPages(out).filter((p) => !/^\/(en\/)?(404\.html|404\/|admin\/)/.test(p));
    expect(built).toEqual([...new Set(known)].sort());

    const page = readFileSync(path.join(out, 'tin-tuc/tin-co-luu-y/index.html'), 'utf8');
    expect(page).toContain(
      '<aside class="callout callout-warning" role="note"><p class="callout-label">Cảnh báo</p><p>Chỉ tin tài khoản có <a href="/van-ban/1624-qd-bhxh/#dieu-4">dấu xác thực</a>.</p></aside>',
    );
  });
});
