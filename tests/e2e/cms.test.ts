/**
 * An editor's day in the real Decap CMS, on this computer, as `npm start` runs
 * it (site + CMS + decap-server's git backend, in a throw-away sandbox): write
 * a news item in Vietnamese and English, save it, send it for review, mark it
 * ready, publish it, and find it on the rebuilt site and in search.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decapConfigYaml } from '../../src/lib/cms/config-file.ts';
import { parseEntryFile } from '../../src/lib/content/frontmatter.ts';
import { validateSettings, SITE_FILE, TAXONOMY_FILE } from '../../src/lib/content/validate.ts';
import { contentSchemas } from '../../src/lib/schema/collections.ts';
import { launch } from './browser.ts';
import { choose, fieldIds, gitIn } from './cms-editor.ts';
import { guideScreenshot } from './guide-screenshots.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
const slug = 'dang-ky-bhxh-tu-nguyen';
const vi = { title: 'Đăng ký BHXH tự nguyện', summary: 'Người lao động tự do đăng ký tham gia BHXH tự nguyện trực tuyến, không cần đến trụ sở.', body: 'Từ tháng 12, thủ tục được thực hiện hoàn toàn trên Cổng Dịch vụ công quốc gia.' };
const en = { title: 'Registering for voluntary social insurance', summary: 'Self-employed workers can register for voluntary social insurance online.', body: 'From December the procedure is fully online on the National Public Service Portal.' };

let portal: RunningPortal;
let base = '';
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
/** Every violation of the CMS page's Content Security Policy (src/lib/security/) the browser reported. */
const policyViolations: string[] = [];

const git = gitIn(repo);

beforeAll(async () => {
  portal = await startPortal(sandbox);
  base = portal.base;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['localhost', '127.0.0.1'].includes(host) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
  });
  page.on('dialog', (d) => void d.accept());
  await page.context().exposeBinding('reportPolicyViolation', (_source, violation: string) => void policyViolations.push(violation));
  await page.context().addInitScript(() => {
    const w = window as unknown as { reportPolicyViolation: (v: string) => void };
    document.addEventListener('securitypolicyviolation', (e) => w.reportPolicyViolation(`${location.pathname}: ${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function setStatus(label: string) {
  await page.getByText(/^Trạng/).first().click();
  await page.getByText(label, { exact: true }).first().click();
  await expect.poll(() => page.getByText(/^Trạng/).first().textContent(), { timeout: 10_000 }).toContain(label);
}

describe('Decap CMS on the local backend', () => {
  it('serves its configuration generated from the current schemas and settings (never stale)', async () => {
    const files = [SITE_FILE, TAXONOMY_FILE].map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    const { settings } = validateSettings(files);
    for (const [locale, file] of [['vi', 'config.yml'], ['en', 'config.en.yml']] as const) {
      const served = await (await fetch(`${base}/admin/${file}`)).text();
      expect(served).toBe(decapConfigYaml(settings!.site, settings!.taxonomy, locale));
    }
  });

  it('offers an English interface at /en/admin/', async () => {
    await page.goto(`${base}/en/admin/`);
    await page.getByRole('button', { name: 'Login' }).waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('creates, reviews and publishes a news item in both languages', async () => {
    await page.goto(`${base}/admin/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click({ timeout: 30_000 });
    await page.getByText('Bộ sưu tập').waitFor();
    await page.goto(`${base}/admin/#/collections/news`);
    await page.getByRole('link', { name: /Tin/ }).first().waitFor();
    await guideScreenshot(page, 'danh-sach-bai.png');
    await page.goto(`${base}/admin/#/collections/news/new`);
    await page.locator('[id^="title-field-"]').first().waitFor();

    const [titleVi, titleEn] = await fieldIds(page, 'title');
    const [summaryVi, summaryEn] = await fieldIds(page, 'summary');
    await page.fill(`#${titleVi}`, vi.title);
    await page.fill(`#${summaryVi}`, vi.summary);
    await page.fill(`#${(await fieldIds(page, 'date'))[0]}`, '20/11/2026'); // typed day/month/year (src/admin/vietnam-date-widget.ts)
    await choose(page, (await fieldIds(page, 'column'))[0]!, 'Tin tức - Sự kiện');
    await choose(page, (await fieldIds(page, 'section'))[0]!, 'Hoạt động ngành');
    await page.fill(`#${(await fieldIds(page, 'author'))[0]}`, 'Phòng Truyền thông');
    const bodies = page.locator('[contenteditable=true]');
    await bodies.nth(0).click();
    await page.keyboard.type(vi.body);
    await page.fill(`#${titleEn}`, en.title);
    await page.fill(`#${summaryEn}`, en.summary);
    await bodies.nth(1).click();
    await page.keyboard.type(en.body);

    // The preview uses the portal's own stylesheet and layout.
    await page.locator('button[title="Bật/tắt xem trước"]').click();
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.locator('h1').textContent(), { timeout: 10_000 }).toBe(vi.title);
    expect(await preview.locator('link[rel=stylesheet]').first().getAttribute('href')).toMatch(/^\/_astro\/.+\.css$/);
    expect(await preview.locator('.container.page article .lead').textContent()).toBe(vi.summary);

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(`**/collections/news/entries/${slug}`, { timeout: 20_000 });
    // Saved as a draft on its own branch, like a pull request; nothing published yet.
    await expect.poll(() => git('branch', '--list', `cms/news/${slug}`)).toContain(`cms/news/${slug}`);
    expect(git('ls-tree', '-r', '--name-only', 'main', 'content/news/vi')).not.toContain(`${slug}.mdx`);

    await setStatus('Đang xét duyệt');
    expect(git('config', `branch.cms/news/${slug}.description`)).toContain('pending_review');
    await setStatus('Sẵn sàng');
    expect(git('config', `branch.cms/news/${slug}.description`)).toContain('pending_publish');

    await page.getByText('Công bố', { exact: true }).first().click();
    await page.getByText('Công bố ngay', { exact: true }).first().click();
    await expect.poll(() => git('ls-tree', '-r', '--name-only', 'main', 'content/news'), { timeout: 20_000 }).toContain(`content/news/vi/${slug}.mdx`);
    await expect.poll(() => git('branch', '--list', `cms/news/${slug}`), { timeout: 10_000 }).toBe('');
  });

  it('wrote both files with valid frontmatter and the ASCII slug of the Vietnamese title', () => {
    const taxonomy = validateSettings([SITE_FILE, TAXONOMY_FILE].map((file) => ({ file, source: readFileSync(file, 'utf8') }))).settings!.taxonomy;
    const schema = contentSchemas(taxonomy).news;
    for (const [locale, text] of [['vi', vi], ['en', en]] as const) {
      const file = `content/news/${locale}/${slug}.mdx`;
      const source = git('show', `main:${file}`);
      const parsed = parseEntryFile(file, source);
      expect(parsed.issues).toEqual([]);
      const checked = schema.safeParse(parsed.data);
      expect(checked.success ? [] : checked.error.issues).toEqual([]);
      expect(parsed.data).toMatchObject({ title: text.title, summary: text.summary, date: '2026-11-20', column: 'tin-tuc-su-kien', section: 'hoat-dong-nganh' });
      expect(parsed.body.trim()).toBe(text.body);
    }
  });

  it('shows the published item on the rebuilt site in both languages, and search finds it', async () => {
    // `npm start` says so once the rebuild, search index included, is done.
    await expect.poll(() => portal.output().includes('site updated after a publication'), { timeout: 90_000, interval: 500 }).toBe(true);
    const listed = async (url: string, text: string) => (await (await fetch(url)).text()).includes(text);
    expect(await listed(`${base}/tin-tuc/`, vi.title)).toBe(true);
    expect(await listed(`${base}/en/news/`, en.title)).toBe(true);
    expect((await fetch(`${base}/tin-tuc/${slug}/`)).status).toBe(200);
    expect((await fetch(`${base}/en/news/${slug}/`)).status).toBe(200);
    await page.goto(`${base}/tin-tuc/${slug}/`);
    await guideScreenshot(page, 'da-cong-bo.png');

    for (const [searchPath, query, title] of [['/tim-kiem/', 'bhxh tu nguyen', vi.title], ['/en/search/', 'voluntary social insurance', en.title]] as const) {
      await page.goto(`${base}${searchPath}`);
      await page.fill('#search-q', query);
      await page.waitForFunction(() => {
        const s = document.getElementById('search-status')?.textContent ?? '';
        return s !== '' && !/Đang tìm|Searching/.test(s);
      });
      const titles = await page.$$eval('#search-results > li h2', (hs) => hs.map((h) => h.textContent!.trim()));
      expect(titles).toContain(title);
    }
  });

  it('loaded nothing from other hosts (no third-party CDN)', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('had none of its own requests refused by the local backend’s guard', () => {
    expect(portal.output()).not.toContain('The local CMS server refused the request');
  });

  it('worked within the CMS page’s Content Security Policy, without a violation', () => {
    expect(policyViolations).toEqual([]);
  });
});
