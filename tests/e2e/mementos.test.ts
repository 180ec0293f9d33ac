/**
 * Rendered mementos across deploys (issue 16): a scripted repository
 * publishes one document four times (first publication, an edit, a
 * withdrawal, a republication); after each publication the site is built and
 * deployed with the memento store the previous deploy left. Each version is
 * then readable at its own address, as it was served, with its banner; a
 * reader in Chromium follows the page's history to each version, reads the
 * text as it stood, follows the comparison; the TimeMap is valid, and served
 * as text by a static server — and by GitHub Pages, whose types come from
 * mime-db.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mimeDb from 'mime-db/db.json' with { type: 'json' };
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonPath, mementoIndexSchema, mementoPath, timemapPath } from '../../src/lib/history/mementos.ts';
import { datedGitIn } from '../fixtures/history/scripted-repo.ts';
import { seedBuildCache } from '../seed-build-cache.ts';
import { axeViolations, describeViolations, launch } from './browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-mementos-'));
const repo = path.join(work, 'repo');
const out = path.join(work, 'site');
const store = path.join(work, 'store');
let browser: Browser;
let page: Page;
let base = '';
let closeServer = () => {};
afterAll(async () => {
  await browser?.close();
  closeServer();
  rmSync(work, { recursive: true, force: true });
});

const git = datedGitIn(repo);

const DOC = { vi: 'content/documents/vi/1624-qd-bhxh.mdx', en: 'content/documents/en/1624-qd-bhxh.mdx' };
const PAGE = '/van-ban/1624-qd-bhxh/';
const LINKS = ['content/pages/vi/lien-ket.mdx', 'content/pages/en/lien-ket.mdx'];
/** A news item given a new English address at the second deploy and unpublished at the third; its pages and when each was kept. */
const NEWS = { vi: 'content/news/vi/canh-bao-tai-khoan-zalo-gia-mao.mdx', en: 'content/news/en/canh-bao-tai-khoan-zalo-gia-mao.mdx' };
const NEWS_PAGES = {
  '/tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/': [0, 1],
  '/en/news/beware-of-fake-zalo-accounts/': [0],
  '/en/news/fake-zalo-accounts/': [1],
};
const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(repo, file), change(readFileSync(path.join(repo, file), 'utf8')));
const read = (p: string) => readFileSync(path.join(out, p), 'utf8');
/** What a reader reads on a page: its text, tags and the banner's markup aside. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The four deploys: each publication, then its deploy five minutes later. */
const deploys: { commit: string; at: string; stamp: string }[] = [];

function deploy(commitTime: string) {
  const commit = git(commitTime, 'rev-parse', 'HEAD');
  const at = new Date(Date.parse(commitTime) + 5 * 60_000).toISOString();
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PORTAL_CONTENT_DIR: path.join(repo, 'content'),
      PORTAL_PUBLIC_DIR: path.join(repo, 'public'),
      PORTAL_CACHE_DIR: seedBuildCache(path.join(work, 'cache')),
      PORTAL_HISTORY_REPO: repo,
      PORTAL_TODAY: '2026-03-20',
      PORTAL_MEMENTOS: store,
      PORTAL_DEPLOYED_AT: at,
    },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  deploys.push({ commit, at, stamp: at.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '') });
  return build.stdout;
}

let firstDeployOutput = '';
let takedownDeployOutput = '';
let lastDeployOutput = '';

beforeAll(async () => {
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  cpSync('public', path.join(repo, 'public'), { recursive: true });
  git('2026-03-01T02:00:00Z', 'init', '-q', '-b', 'main');
  git('2026-03-01T02:00:00Z', 'add', '.');
  git('2026-03-01T02:00:00Z', 'commit', '-qm', 'Portal content');
  firstDeployOutput = deploy('2026-03-01T02:00:00Z');

  edit(DOC.vi, (t) => t.replace(/^summary: .*$/m, 'summary: Bản tóm tắt đã sửa lần một.\nchange_note: Sửa bản tóm tắt.'));
  // With it, a page's new English address (as the CMS writes it, into both files): /en/links/ → /en/useful-links/.
  for (const file of LINKS) edit(file, (t) => t.replace('english_address: links\n', 'english_address: useful-links\n'));
  // And the news item taken down at the next deploy gets a new English address first.
  for (const file of [NEWS.vi, NEWS.en]) edit(file, (t) => t.replace('english_address: beware-of-fake-zalo-accounts\n', 'english_address: fake-zalo-accounts\n'));
  git('2026-03-05T03:00:00Z', 'commit', '-qam', 'Sửa tóm tắt (#21)');
  deploy('2026-03-05T03:00:00Z');

  for (const [file, reason] of [
    [DOC.vi, 'Văn bản được thay thế.'],
    [DOC.en, 'The document has been replaced.'],
  ] as const) {
    edit(file, (t) => t.replace(/^title: /m, `withdrawn:\n  kind: withdraw\n  date: 2026-03-10\n  reason: ${reason}\ntitle: `));
  }
  edit(DOC.vi, (t) => t.replace(/^change_note: .*$/m, 'change_note: Rút văn bản.'));
  // With it, a news item taken down: its page only says it was removed, and its kept versions leave the portal.
  for (const [file, reason] of [
    [NEWS.vi, 'Thông tin không còn đúng.'],
    [NEWS.en, 'The information is no longer correct.'],
  ] as const) {
    edit(file, (t) => t.replace(/^title: /m, `withdrawn:\n  kind: unpublish\n  date: 2026-03-10\n  reason: ${reason}\ntitle: `));
  }
  git('2026-03-10T04:00:00Z', 'commit', '-qam', 'Rút văn bản, gỡ tin (#22)');
  takedownDeployOutput = deploy('2026-03-10T04:00:00Z');

  for (const file of [DOC.vi, DOC.en]) edit(file, (t) => t.replace(/^withdrawn:\n(  .*\n)+/m, ''));
  edit(DOC.vi, (t) => t.replace(/^change_note: .*$/m, 'change_note: Đăng lại văn bản.').replace(/^summary: .*$/m, 'summary: Bản tóm tắt đăng lại.'));
  git('2026-03-15T05:00:00Z', 'commit', '-qam', 'Đăng lại (#23)');
  lastDeployOutput = deploy('2026-03-15T05:00:00Z');

  // The deployed site on a static server, types by file extension as a static host gives them.
  const app = express();
  app.use(express.static(out));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => server.close();
  browser = await launch();
  page = await browser.newPage();
}, 600_000);

const mementoOf = (i: number) => `luu-tru/${deploys[i]!.stamp}/van-ban/1624-qd-bhxh/index.html`;

describe('each publication of a document, kept as it was served', () => {
  it('has one memento per publication, each with the text as it stood', () => {
    const texts = [0, 1, 2, 3].map((i) => textOf(read(mementoOf(i))));
    expect(texts[0]).toContain('Quyết định ban hành Quy chế hoạt động của tài khoản Zalo');
    expect(texts[0]).not.toContain('Bản tóm tắt đã sửa lần một.');
    expect(texts[1]).toContain('Bản tóm tắt đã sửa lần một.');
    expect(texts[1]).not.toContain('Nội dung này đã được rút');
    expect(texts[2]).toContain('Nội dung này đã được rút');
    expect(texts[2]).toContain('Văn bản được thay thế.');
    expect(texts[3]).toContain('Bản tóm tắt đăng lại.');
    expect(texts[3]).not.toContain('Nội dung này đã được rút');
  });

  it('is the captured page byte for byte, with only the banner and the memento links added', () => {
    const index = mementoIndexSchema.parse(JSON.parse(readFileSync(path.join(store, 'mementos.json'), 'utf8')));
    const list = index.pages[PAGE]!;
    expect(list.map((m) => m.stamp)).toEqual(deploys.map((d) => d.stamp));
    expect(list.map((m) => m.commit)).toEqual(deploys.map((d) => d.commit));
    // The first capture is still the page the first deploy served (the last deploy's page shows four publications).
    const first = readFileSync(path.join(store, 'pages', deploys[0]!.stamp, 'van-ban', '1624-qd-bhxh', 'index.html'), 'utf8');
    expect(first).toContain('Quyết định ban hành Quy chế hoạt động của tài khoản Zalo');
    expect(first).not.toContain('Sửa bản tóm tắt.');
  });

  it('says it is an archived copy, of when, and links the current page and its neighbours', () => {
    const html = read(mementoOf(1));
    const banner = /<aside class="memento-banner"[\s\S]*?<\/aside>/.exec(html)![0];
    expect(textOf(banner)).toContain('Đây là bản lưu trữ: trang như đã đăng trên cổng lúc 05/03/2026 10:05 (giờ Việt Nam).');
    expect(banner).toContain(`href="${PAGE}"`);
    expect(banner).toContain(`href="/${mementoOf(0).replace(/index\.html$/, '')}" rel="prev"`);
    expect(banner).toContain(`href="/${mementoOf(2).replace(/index\.html$/, '')}" rel="next"`);
    expect(banner).toContain('href="/timemap/van-ban/1624-qd-bhxh.txt"');
    expect(textOf(/<aside class="memento-banner"[\s\S]*?<\/aside>/.exec(read(mementoOf(0)))![0])).toContain('Đây là bản đầu tiên.');
    expect(textOf(/<aside class="memento-banner"[\s\S]*?<\/aside>/.exec(read(mementoOf(3)))![0])).toContain('Đây là bản mới nhất đã lưu.');
    expect(html).toContain('<link rel="original" href="https://baohiemxahoi.gov.vn/van-ban/1624-qd-bhxh/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('loads the style sheets it was served with, kept with it', () => {
    const html = read(mementoOf(0));
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const kept = sheets.filter((s) => s.startsWith('/luu-tru/tep/'));
    expect(kept.length).toBeGreaterThan(0);
    for (const s of kept) expect(existsSync(path.join(out, s))).toBe(true);
    expect(existsSync(path.join(out, 'luu-tru/memento.css'))).toBe(true);
  });

  it('an English page keeps its versions under /en/archive/', () => {
    expect(read(`en/archive/${deploys[0]!.stamp}/documents/1624-qd-bhxh/index.html`)).toContain('This is an archived copy');
  });
});

describe('the TimeMap (RFC 7089)', () => {
  it('lists the original, itself, and each memento with the deploy’s time, first and last marked', () => {
    const map = read('timemap/van-ban/1624-qd-bhxh.txt');
    const links = map
      .trim()
      .split(',\n')
      .map((l) => /^<([^>]+)>; (.*)$/.exec(l)!);
    expect(links[0]![1]).toBe('https://baohiemxahoi.gov.vn/van-ban/1624-qd-bhxh/');
    expect(links[0]![2]).toBe('rel="original"');
    expect(links[1]![1]).toBe('https://baohiemxahoi.gov.vn/timemap/van-ban/1624-qd-bhxh.txt');
    const mementos = links.slice(2).map((l) => [l[1], /rel="([^"]+)"/.exec(l[2]!)![1], /datetime="([^"]+)"/.exec(l[2]!)![1]]);
    expect(mementos).toEqual(
      deploys.map((d, i) => [
        `https://baohiemxahoi.gov.vn/${mementoOf(i).replace(/index\.html$/, '')}`,
        i === 0 ? 'first memento' : i === 3 ? 'last memento' : 'memento',
        new Date(d.at).toUTCString(),
      ]),
    );
  });

  it('the home page has versions too: one per deploy that changed it', () => {
    const map = read('timemap/index.txt');
    expect([...map.matchAll(/rel="[^"]*memento"/g)].length).toBeGreaterThanOrEqual(1);
  });
});

describe('a page taken down (site.yml taken_down_versions: hidden)', () => {
  const storeIndex = () => mementoIndexSchema.parse(JSON.parse(readFileSync(path.join(store, 'mementos.json'), 'utf8')));

  it('keeps its versions in the store, and the portal serves none of them, nor their TimeMap', async () => {
    const index = storeIndex();
    // Its pages' versions, the English page's old address's among them (it would send readers to the removal notice).
    for (const [pagePath, kept] of Object.entries(NEWS_PAGES)) {
      const list = index.pages[pagePath]!;
      expect(list.map((m) => m.stamp)).toEqual(kept.map((i) => deploys[i]!.stamp));
      for (const [i, m] of list.entries()) {
        expect(readFileSync(path.join(store, 'pages', m.stamp, ...pagePath.split('/').filter(Boolean), 'index.html'), 'utf8')).toContain('Zalo');
        // Served by the deploys before the takedown; in the site the third built over it, its address (and its
        // comparison's) says the copy is kept and not served, and nothing of what the page said.
        for (const address of i > 0 ? [mementoPath(pagePath, m.stamp), comparisonPath(pagePath, m.stamp)] : [mementoPath(pagePath, m.stamp)]) {
          const answer = await fetch(`${base}${address}`);
          expect(answer.status, address).toBe(200);
          const html = await answer.text();
          expect(textOf(html)).toMatch(/Bản lưu này không còn được phục vụ trên cổng|This archived copy is no longer served on the portal/);
          expect(html).toContain('<meta name="robots" content="noindex">');
          expect(html).toContain(`<a href="${pagePath}">`);
          expect(textOf(html)).not.toMatch(/Zalo|giả mạo|fake/i);
        }
      }
      expect(existsSync(path.join(out, timemapPath(pagePath)))).toBe(false);
    }
    // Its own address says it was removed, when and why; its old English address sends readers there.
    expect(textOf(read('tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/index.html'))).toContain('Thông tin không còn đúng.');
    expect(read('en/news/beware-of-fake-zalo-accounts/index.html')).toContain('url=/en/news/fake-zalo-accounts/');
    expect(takedownDeployOutput).toContain('4 archived version(s) of 3 page(s) taken down kept in the store, not served on the portal');
    // The withdrawn document stays on the portal with a notice: its versions are served.
    expect(existsSync(path.join(out, mementoOf(2)))).toBe(true);
  });

  it('serves them again, marked as no longer on the portal, when the agency chooses `public`', () => {
    // The memento step alone, on copies of the site and the store, with the other choice in site.yml.
    const copies = path.join(work, 'public-choice');
    for (const dir of ['site', 'store', 'content']) cpSync(dir === 'content' ? path.join(repo, 'content') : path.join(work, dir), path.join(copies, dir), { recursive: true });
    const siteYml = path.join(copies, 'content', 'site.yml');
    writeFileSync(siteYml, readFileSync(siteYml, 'utf8').replace(/^taken_down_versions: hidden$/m, 'taken_down_versions: public'));
    const step = spawnSync(process.execPath, ['scripts/mementos.ts', '--store', path.join(copies, 'store'), '--site', path.join(copies, 'site'), '--at', '2026-03-16T00:00:00Z'], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT_DIR: path.join(copies, 'content'), PORTAL_CACHE_DIR: path.join(work, 'cache') },
    });
    expect(step.status, step.stderr).toBe(0);
    expect(step.stdout).not.toContain('not served on the portal');
    for (const [pagePath, [first]] of Object.entries(NEWS_PAGES)) {
      const html = readFileSync(path.join(copies, 'site', mementoPath(pagePath, deploys[first!]!.stamp), 'index.html'), 'utf8');
      expect(textOf(html)).toMatch(/Trang này không còn trên cổng\.|This page is no longer on the portal\./);
      expect(existsSync(path.join(copies, 'site', timemapPath(pagePath)))).toBe(true);
    }
  });
});

describe('the deploys say what they kept', () => {
  it('the first keeps every page, the last only what changed', () => {
    expect(firstDeployOutput).toMatch(/mementos: \d+ bản mới được lưu/);
    expect(lastDeployOutput).toMatch(/mementos: [1-9] bản mới được lưu|mementos: 1\d bản mới được lưu/);
  });
});

describe('a reader follows the page’s history (Chromium)', () => {
  const historyLinks = async (text: string) =>
    page.locator('section.revision-history li').evaluateAll(
      (items, wanted) => items.map((li) => [...li.querySelectorAll('a')].find((a) => a.textContent === wanted)?.getAttribute('href') ?? null),
      text,
    );
  /** The main content's text, without the history. */
  const mainText = () =>
    page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.revision-history').forEach((e) => e.remove());
      return copy.textContent!.replace(/\s+/g, ' ');
    });

  it('reaches each published version from the current page and reads the text as it stood', async () => {
    await page.goto(`${base}${PAGE}`);
    // Newest first, one per publication, each with its kept version.
    const links = await historyLinks('xem bản đã đăng');
    expect(links).toEqual([3, 2, 1, 0].map((i) => `/${mementoOf(i).replace(/index\.html$/, '')}`));
    const expected = [
      ['Quyết định ban hành Quy chế hoạt động của tài khoản Zalo', 'Bản tóm tắt đã sửa lần một.'],
      ['Bản tóm tắt đã sửa lần một.', 'Nội dung này đã được rút'],
      ['Nội dung này đã được rút', 'Bản tóm tắt đăng lại.'],
      ['Bản tóm tắt đăng lại.', 'Nội dung này đã được rút'],
    ];
    for (const [n, href] of [...links].reverse().entries()) {
      await page.goto(`${base}${PAGE}`);
      await page.locator(`section.revision-history a[href="${href}"]`).click();
      await page.waitForURL(`${base}${href}`);
      expect(await page.locator('.memento-banner').textContent()).toContain('Đây là bản lưu trữ');
      const text = await mainText();
      expect(text).toContain(expected[n]![0]);
      expect(text).not.toContain(expected[n]![1]);
      // It loads the style sheets it was served with, kept with it: its layout is styled.
      const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.includes('/luu-tru/tep/')).map((s) => s.cssRules.length));
      expect(sheets.length).toBeGreaterThan(0);
      expect(sheets.every((n) => n > 0)).toBe(true);
    }
  });

  it('follows the comparison from a version to the one before it: removed and added words marked', async () => {
    await page.goto(`${base}/${mementoOf(1).replace(/index\.html$/, '')}`);
    await page.getByRole('link', { name: 'Những gì đã đổi so với bản trước' }).click();
    await page.waitForURL(/\/luu-tru\/so-sanh\//);
    expect((await page.locator('ins').allTextContents()).join(' | ')).toContain('[đã thêm: Bản tóm tắt đã sửa lần một]');
    expect((await page.locator('del').allTextContents()).join(' ')).toContain('Quy chế hoạt động');
    await page.getByRole('link', { name: '← Bản trước' }).click();
    await page.waitForURL(`${base}/${mementoOf(0).replace(/index\.html$/, '')}`);
  });

  it('finds the TimeMap from the page’s head, served as text, valid link format', async () => {
    await page.goto(`${base}${PAGE}`);
    const href = await page.locator('head link[rel="timemap"]').getAttribute('href');
    expect(href).toBe('/timemap/van-ban/1624-qd-bhxh.txt');
    const res = await fetch(`${base}${href}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    // GitHub Pages takes types from mime-db: .txt is text/plain there, and no extension is application/link-format.
    expect((mimeDb as Record<string, { extensions?: string[] }>)['text/plain']!.extensions).toContain('txt');
    expect((mimeDb as Record<string, { extensions?: string[] }>)['application/link-format']!.extensions ?? []).toEqual([]);
    const links = (await res.text()).trim().split(',\n');
    for (const link of links) expect(link).toMatch(/^<https:\/\/[^>\s]+>(; [a-z]+="[^"]*")+$/);
    const datetimes = links.flatMap((l) => /datetime="([^"]+)"/.exec(l)?.slice(1) ?? []);
    expect(datetimes).toHaveLength(4);
    for (const d of datetimes) expect(d).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });
});

describe('a reader follows a link to an address the page no longer has (Chromium)', () => {
  it('lands on the page at its new address', async () => {
    await page.goto(`${base}/en/links/`);
    await page.waitForURL(`${base}/en/useful-links/`);
    expect(await page.locator('h1').textContent()).toBe('Links');
  });

  it('finds, from an archived version of the old address, the page at its new address', async () => {
    await page.goto(`${base}/en/archive/${deploys[0]!.stamp}/links/`);
    expect(await page.locator('h1').textContent()).toBe('Links');
    expect(await page.locator('.memento-banner').getByRole('link', { name: 'See the current page' }).getAttribute('href')).toBe('/en/useful-links/');
  });

  it('sees, where the browser does not go on by itself, a page that says so and links the new address (no WCAG 2.2 AA violation)', async () => {
    // The new address answers 204 No Content: the browser stays on the old page, as one that does not follow would.
    await page.route(`${base}/en/useful-links/`, (route) => route.fulfill({ status: 204 }));
    try {
      await page.goto(`${base}/en/links/`);
      await page.waitForTimeout(500);
      expect(page.url()).toBe(`${base}/en/links/`);
      expect(await page.locator('h1').textContent()).toBe('This page has moved');
      expect(await page.getByRole('link', { name: 'Links', exact: true }).last().getAttribute('href')).toBe('/en/useful-links/');
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.unroute(`${base}/en/useful-links/`);
    }
  });
});

describe('the archive’s own pages are valid and accessible', () => {
  const comparison = () => `luu-tru/so-sanh/${deploys[1]!.stamp}/van-ban/1624-qd-bhxh/index.html`;

  /** The address of a version kept and not served (a page taken down). */
  const withheld = () => `en/archive/${deploys[0]!.stamp}/news/beware-of-fake-zalo-accounts/index.html`;

  it('a memento, a comparison, an old address and a version not served: no error or warning from the Nu Html Checker', async () => {
    const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const urls = [mementoOf(1), comparison(), `en/archive/${deploys[0]!.stamp}/documents/1624-qd-bhxh/index.html`, 'luu-tru/memento.css', 'en/links/index.html', withheld()].map(
      (f) => `${base}/${f.replace(/index\.html$/, '')}`,
    );
    // Over HTTP from the static server (the checker is told that an address on this machine is meant).
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn('java', ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', vnu, '--also-check-css', '--format', 'json', ...urls]);
      let text = '';
      child.stderr.on('data', (d: Buffer) => (text += d));
      child.on('error', reject);
      child.on('exit', () => resolve(text));
    });
    const messages = (JSON.parse(stderr) as { messages: { type: string; subType?: string; message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.map((m) => `${m.url.replace(base, '')}:${m.lastLine ?? ''}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`)).toEqual([]);
  }, 60_000);

  it('a memento, a comparison and a version not served: no WCAG 2.2 AA violation (axe-core)', async () => {
    for (const file of [mementoOf(1), comparison(), withheld()]) {
      await page.goto(`${base}/${file.replace(/index\.html$/, '')}`);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }
  });
});
