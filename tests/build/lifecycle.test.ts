/**
 * Time-based content in the real build (Vietnam time): a scheduled entry stays
 * off the site — pages, listings, feeds, search, sitemap — until its moment;
 * a withdrawn one keeps its page with a dated notice but leaves listings and
 * search; an unpublished one leaves a `noindex` page saying it was removed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuildCache } from '../seed-build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-lifecycle-'));
const content = path.join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const news = (title: string, extra: string) =>
  ['---', `title: ${title}`, 'summary: Tóm tắt.', 'date: 2026-11-30', 'column: tin-tuc-su-kien', 'section: hoat-dong-nganh', 'author: Phòng Truyền thông', extra, '---', '', `Nội dung ${title}.`, ''].join('\n');

function build(name: string, now: string) {
  const out = path.join(work, name);
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: seedBuildCache(path.join(work, `cache-${name}`)), PORTAL_NOW: now, PORTAL_TODAY: '' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  const read = (p: string) => readFileSync(path.join(out, p), 'utf8');
  const exists = (p: string) => existsSync(path.join(out, p));
  return { read, exists, searchable: () => searchablePages(name), marked: () => markedPages(out) };
}

/** The pages the search index reads: those of the search manifest the build wrote (src/site/search-manifest.ts). */
function searchablePages(name: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(work, `cache-${name}`, 'portal-search-pages.json'), 'utf8')) as { url: string }[];
  return manifest.map((page) => `${page.url.slice(1)}index.html`).sort();
}

/** The pages whose template marks a searchable part (`data-pagefind-body`), where the index takes their text from. */
function markedPages(out: string): string[] {
  const files = spawnSync('grep', ['-rl', '--include=*.html', 'data-pagefind-body', out], { encoding: 'utf8' }).stdout;
  return files.split('\n').filter(Boolean).map((f) => path.relative(out, f)).sort();
}

let before: ReturnType<typeof build>;
let after: ReturnType<typeof build>;
let nextDay: ReturnType<typeof build>;

beforeAll(() => {
  cpSync('content', content, { recursive: true });
  // Due at 08:00 on 1 December in Vietnam (01:00 UTC).
  writeFileSync(path.join(content, 'news/vi/hen-gio.mdx'), news('Tin hẹn giờ đăng', 'publish_at: 2026-12-01T08:00:00+07:00'));
  writeFileSync(path.join(content, 'news/vi/da-rut.mdx'), news('Tin đã rút', 'withdrawn:\n  kind: withdraw\n  date: 2026-11-30\n  reason: Thông tin đã cũ, xem tin mới hơn.'));
  writeFileSync(
    path.join(content, 'news/vi/da-go.mdx'),
    news('Tin đã gỡ', 'withdrawn:\n  kind: unpublish\n  date: 2026-11-30\n  reason: Đăng nhầm.\n  replaced_by: /tin-tuc/'),
  );
  // An authorisation to speak whose term ends on 1 December (inclusive).
  const spokesperson = path.join(content, 'spokespeople/vi/tran-thi-binh.mdx');
  writeFileSync(spokesperson, readFileSync(spokesperson, 'utf8').replace('valid_to: 2027-06-30', 'valid_to: 2026-12-01'));
  before = build('before', '2026-12-01T07:59:00+07:00');
  after = build('after', '2026-12-01T08:00:00+07:00');
  // The daily build after midnight in Vietnam (17:05 UTC), nobody having edited anything.
  nextDay = build('next-day', '2026-12-02T00:05:00+07:00');
}, 240_000);

describe('a scheduled entry', () => {
  it('is nowhere before its moment', () => {
    expect(before.exists('tin-tuc/hen-gio/index.html')).toBe(false);
    expect(before.exists('en/news/hen-gio/index.html')).toBe(false);
    expect(before.read('tin-tuc/index.html')).not.toContain('Tin hẹn giờ đăng');
    expect(before.read('tin-tuc/rss.xml')).not.toContain('Tin hẹn giờ đăng');
    expect(before.read('sitemap.xml')).not.toContain('/tin-tuc/hen-gio/');
    expect(before.read('index.html')).not.toContain('Tin hẹn giờ đăng');
  });

  it('is everywhere from its moment on', () => {
    expect(after.read('tin-tuc/hen-gio/index.html')).toContain('Tin hẹn giờ đăng');
    expect(after.read('tin-tuc/index.html')).toContain('Tin hẹn giờ đăng');
    expect(after.read('tin-tuc/rss.xml')).toContain('Tin hẹn giờ đăng');
    expect(after.read('sitemap.xml')).toContain('/tin-tuc/hen-gio/');
    expect(after.searchable()).toContain('tin-tuc/hen-gio/index.html');
  });
});

describe('a withdrawn entry', () => {
  it('keeps its page with a dated notice and the reason', () => {
    const page = after.read('tin-tuc/da-rut/index.html');
    expect(page).toContain('Nội dung này đã được rút');
    expect(page).toContain('Ngày 30/11/2026');
    expect(page).toContain('Thông tin đã cũ, xem tin mới hơn.');
    expect(page).not.toContain('data-pagefind-body');
  });

  it('leaves the listings, the feed and search', () => {
    expect(after.read('tin-tuc/index.html')).not.toContain('Tin đã rút');
    expect(after.read('tin-tuc/rss.xml')).not.toContain('Tin đã rút');
    expect(after.searchable()).not.toContain('tin-tuc/da-rut/index.html');
  });
});

describe('an unpublished entry', () => {
  it('leaves a noindex page saying it was removed, when, why, with the replacement', () => {
    const page = after.read('tin-tuc/da-go/index.html');
    expect(page).toContain('Nội dung đã được gỡ bỏ');
    expect(page).toContain('Ngày 30/11/2026, nội dung “Tin đã gỡ” đã được gỡ khỏi cổng thông tin.');
    expect(page).toContain('Đăng nhầm.');
    expect(page).toContain('href="/tin-tuc/"');
    expect(page).toMatch(/<meta name="robots" content="noindex"/);
    expect(page).not.toContain('Nội dung Tin đã gỡ.');
    // Its English address says the same in English.
    expect(after.read('en/news/da-go/index.html')).toContain('This content has been removed');
  });

  it('is in no listing, feed, sitemap or search', () => {
    expect(after.read('tin-tuc/index.html')).not.toContain('Tin đã gỡ');
    expect(after.read('tin-tuc/rss.xml')).not.toContain('Tin đã gỡ');
    expect(after.read('sitemap.xml')).not.toContain('/tin-tuc/da-go/');
    expect(after.searchable()).not.toContain('tin-tuc/da-go/index.html');
  });
});

describe('the search manifest and the pages', () => {
  it('agree on what is searchable', () => {
    for (const site of [before, after, nextDay]) {
      expect(site.searchable().length).toBeGreaterThan(0);
      expect(site.searchable()).toEqual(site.marked());
    }
  });
});

describe('an authorisation to speak past its term', () => {
  const section = (html: string, id: string) => new RegExp(`<h2 id="spokespeople-${id}"[\\s\\S]*?</ul>`).exec(html)?.[0] ?? '';

  it('is current on its last day and history from the next, without anyone editing', () => {
    const lastDay = after.read('nguoi-phat-ngon/index.html');
    expect(section(lastDay, 'hien-nay')).toContain('Trần Thị Bình');
    expect(section(lastDay, 'truoc-day')).not.toContain('Trần Thị Bình');
    const dayAfter = nextDay.read('nguoi-phat-ngon/index.html');
    expect(section(dayAfter, 'hien-nay')).not.toContain('Trần Thị Bình');
    expect(section(dayAfter, 'truoc-day')).toContain('Trần Thị Bình');
  });
});
