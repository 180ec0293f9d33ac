/**
 * Every content page shows its revision history from one git log pass, and a
 * Memento TimeMap lists its revisions — against a temporary repository with
 * scripted commits: a merged pull request with a change note, a rename, a
 * minor change, a new English address, and dates on both sides of midnight in
 * Vietnam (UTC+7). The addresses a rename or a new English address left send
 * the reader on.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { htmlToHast } from 'satteri';
import { datedGitIn } from '../fixtures/history/scripted-repo.ts';
import { seedBuildCache } from '../seed-build-cache.ts';
import type { EntryRules } from '../../src/lib/cms/cms-entry-check.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-history-site-'));
const out = path.join(repo, '..', `${path.basename(repo)}-site`);
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const git = datedGitIn(repo);

const NEWS = 'content/news/vi/canh-bao-tai-khoan-zalo-gia-mao.mdx';
const read = (p: string) => readFileSync(path.join(out, p), 'utf8');

beforeAll(() => {
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  cpSync('public', path.join(repo, 'public'), { recursive: true });
  git('2026-03-01T16:30:00Z', 'init', '-q', '-b', 'main');
  git('2026-03-01T16:30:00Z', 'add', '.');
  // 23:30 on 1 March in Vietnam.
  git('2026-03-01T16:30:00Z', 'commit', '-qm', 'Portal content');

  // A reviewed pull request, merged at 00:30 on 2 March in Vietnam, with a change note.
  git('2026-03-01T17:00:00Z', 'checkout', '-qb', 'cms/news/canh-bao');
  const text = readFileSync(path.join(repo, NEWS), 'utf8');
  writeFileSync(path.join(repo, NEWS), text.replace('sample: true\n', 'sample: true\nchange_note: Thêm cách nhận biết tài khoản giả.\n').replace('đề nghị người dân', 'khuyến cáo người dân'));
  git('2026-03-01T17:00:00Z', 'commit', '-qam', 'Update Tin “canh-bao”');
  git('2026-03-01T17:30:00Z', 'checkout', '-q', 'main');
  git('2026-03-01T17:30:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from bhxh-vietnam/cms/news/canh-bao', 'cms/news/canh-bao');

  // A minor change straight on main: not in the public history.
  writeFileSync(path.join(repo, NEWS), readFileSync(path.join(repo, NEWS), 'utf8').replace('change_note: Thêm cách nhận biết tài khoản giả.\n', 'minor_change: true\n').replace('khuyến cáo người dân', 'khuyến cáo người dân,'));
  git('2026-03-05T02:00:00Z', 'commit', '-qam', 'Typo (#13)');

  // A rename: the page's history continues under its new address.
  for (const l of ['vi', 'en']) renameSync(path.join(repo, `content/qa/${l}/mat-the-bhyt-giay.mdx`), path.join(repo, `content/qa/${l}/mat-the-bao-hiem-y-te-giay.mdx`));
  git('2026-03-06T02:00:00Z', 'add', '-A');
  git('2026-03-06T02:00:00Z', 'commit', '-qm', 'Rename (#14)');

  // A new English address, as the CMS writes it: into both language files.
  for (const l of ['vi', 'en']) {
    const file = path.join(repo, `content/pages/${l}/lien-ket.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('english_address: links\n', 'english_address: useful-links\n'));
  }
  git('2026-03-07T02:00:00Z', 'commit', '-qam', 'Merge pull request #15 from bhxh-vietnam/cms/pages/lien-ket');

  buildSite(['--full', '--out', out], path.join(out, '..', `${path.basename(repo)}-cache`));
}, 180_000);

/** `npm run build` of the scripted repository's content, with the cache `cache`; what it printed. */
function buildSite(args: string[], cache: string): string {
  const build = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: path.join(repo, 'content'), PORTAL_PUBLIC_DIR: path.join(repo, 'public'), PORTAL_CACHE_DIR: seedBuildCache(cache), PORTAL_TODAY: '2026-03-10' },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  return build.stdout;
}

describe('the revision history on a page', () => {
  it('lists each publication newest first, with its note and pull request, in Vietnam dates', () => {
    const page = read('tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/index.html');
    const history = /<section class="revision-history"[\s\S]*?<\/section>/.exec(page)![0];
    const items = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      '02/03/2026 — Thêm cách nhận biết tài khoản giả. (đề nghị #12)',
      expect.stringMatching(/^01\/03\/2026 — Đăng lần đầu \(phiên bản [0-9a-f]{7}\)$/),
    ]);
  });

  it('says the same in English on the English page’s own history', () => {
    const page = read('en/news/online-services-on-national-public-service-portal/index.html');
    expect(page).toContain('<h2 id="revision-history">Page history</h2>');
    expect(page).toMatch(/01\/03\/2026|1 March 2026|March 1, 2026/);
    expect(page).toContain('First published');
  });

  it('continues across a rename', () => {
    const page = read('hoi-dap/mat-the-bao-hiem-y-te-giay/index.html');
    const items = [.../<section class="revision-history"[\s\S]*?<\/section>/.exec(page)![0].matchAll(/<li>/g)];
    expect(items).toHaveLength(2);
    expect(page).toContain('đề nghị #14');
  });
});

describe('the TimeMap of a page (RFC 7089)', () => {
  it('lists the original and one memento per publication, with their datetimes', () => {
    const map = read('timemap/tin-tuc/canh-bao-tai-khoan-zalo-gia-mao.txt');
    expect(map).toContain('<https://baohiemxahoi.gov.vn/tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/>; rel="original"');
    const mementos = [...map.matchAll(/rel="([^"]*memento)"; datetime="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(mementos).toEqual([
      ['first memento', 'Sun, 01 Mar 2026 16:30:00 GMT'],
      ['memento', 'Sun, 01 Mar 2026 17:30:00 GMT'],
      ['last memento', 'Thu, 05 Mar 2026 02:00:00 GMT'],
    ]);
  });
});

/** Every element of a page, read with an HTML parser. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) if (child.type === 'element') (out.push(child), walk(child));
  };
  walk(htmlToHast(html) as Root);
  return out;
}
const attr = (e: Element | undefined, name: string) => (e ? String(e.properties[name] ?? '') : undefined);
const textOf = (e: Element): string => e.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');

describe('an address a page no longer has', () => {
  const moved = (file: string) => {
    const all = elements(read(file));
    return {
      refresh: attr(all.find((e) => e.tagName === 'meta' && attr(e, 'httpEquiv') === 'refresh'), 'content'),
      canonical: attr(all.find((e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical'), 'href'),
      robots: attr(all.find((e) => e.tagName === 'meta' && attr(e, 'name') === 'robots'), 'content'),
      lang: attr(all.find((e) => e.tagName === 'html'), 'lang'),
      h1: textOf(all.find((e) => e.tagName === 'h1')!),
      links: all.filter((e) => e.tagName === 'a' && attr(e, 'className')?.includes('button')).map((a) => [attr(a, 'href'), textOf(a)]),
    };
  };

  it('sends the reader of a renamed question’s old address to the new one, in Vietnamese', () => {
    expect(moved('hoi-dap/mat-the-bhyt-giay/index.html')).toEqual({
      refresh: '0; url=/hoi-dap/mat-the-bao-hiem-y-te-giay/',
      canonical: undefined,
      robots: 'noindex',
      lang: 'vi',
      h1: 'Trang đã chuyển địa chỉ',
      links: [['/hoi-dap/mat-the-bao-hiem-y-te-giay/', expect.stringContaining('thẻ BHYT')]],
    });
    // Its English address was not the file name: unchanged, so no page left there.
    expect(existsSync(path.join(out, 'en/questions/mat-the-bhyt-giay/index.html'))).toBe(false);
  });

  it('sends the reader of an old English address to the new one, in English', () => {
    expect(moved('en/links/index.html')).toEqual({
      refresh: '0; url=/en/useful-links/',
      canonical: undefined,
      robots: 'noindex',
      lang: 'en',
      h1: 'This page has moved',
      links: [['/en/useful-links/', 'Links']],
    });
    expect(read('en/useful-links/index.html')).toContain('<h1>Links</h1>');
  });

  it('serves the CMS page the former addresses, with where each entry is now, for its check of an address another page had', () => {
    const { formerAddresses } = JSON.parse(read('admin/entry-rules.json')) as EntryRules;
    expect(formerAddresses).toEqual([
      { path: '/en/links/', locale: 'en', collection: 'pages', slug: 'lien-ket', now: '/en/useful-links/' },
      { path: '/hoi-dap/mat-the-bhyt-giay/', locale: 'vi', collection: 'qa', slug: 'mat-the-bao-hiem-y-te-giay', now: '/hoi-dap/mat-the-bao-hiem-y-te-giay/' },
    ]);
  });

  it('leaves old addresses out of the sitemap, and keeps the new ones in it', () => {
    const sitemap = read('sitemap.xml');
    expect(sitemap).not.toContain('/en/links/<');
    expect(sitemap).not.toContain('/hoi-dap/mat-the-bhyt-giay/<');
    expect(sitemap).toContain('<loc>https://baohiemxahoi.gov.vn/en/useful-links/</loc>');
    expect(sitemap).toContain('<loc>https://baohiemxahoi.gov.vn/hoi-dap/mat-the-bao-hiem-y-te-giay/</loc>');
  });

  it('after one more change of address, an incremental build gives what a full build gives', () => {
    for (const l of ['vi', 'en']) {
      const file = path.join(repo, `content/pages/${l}/lien-ket.mdx`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('english_address: useful-links\n', 'english_address: helpful-links\n'));
    }
    git('2026-03-08T02:00:00Z', 'commit', '-qam', 'Merge pull request #16 from bhxh-vietnam/cms/pages/lien-ket');
    expect(buildSite(['--out', out], path.join(out, '..', `${path.basename(repo)}-cache`))).toContain('build: only what changed');
    const fresh = `${out}-fresh`;
    try {
      expect(buildSite(['--full', '--out', fresh], `${fresh}-cache`)).toContain('build: everything');
      const incremental = siteFiles(out);
      const full = siteFiles(fresh);
      expect([...incremental.keys()]).toEqual([...full.keys()]);
      expect([...full.keys()].filter((f) => incremental.get(f) !== full.get(f))).toEqual([]);
      // Both old addresses now send readers to the newest, and the CMS page knows both.
      expect(moved('en/links/index.html').refresh).toBe('0; url=/en/helpful-links/');
      expect((JSON.parse(read('admin/entry-rules.json')) as EntryRules).formerAddresses.filter((f) => f.slug === 'lien-ket').map((f) => [f.path, f.now])).toEqual([
        ['/en/links/', '/en/helpful-links/'],
        ['/en/useful-links/', '/en/helpful-links/'],
      ]);
      expect(moved('en/useful-links/index.html').refresh).toBe('0; url=/en/helpful-links/');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
      rmSync(`${fresh}-cache`, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Every file of a built site, by its path in it, sorted. */
function siteFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return found;
}
