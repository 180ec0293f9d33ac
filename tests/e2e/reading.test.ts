/** Reading the portal in a real browser: languages, switcher, anchors, no-JS filtering. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'hast';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { htmlToHast } from 'satteri';
import { launch } from './browser.ts';
import { englishPath, translated, untranslated } from './site-content.ts';
import { entryPath } from '../../src/lib/routes.ts';

const base = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('both languages', () => {
  it('serves Vietnamese at / and English at /en/, each with one h1 and its own <html lang>', async () => {
    await page.goto(`${base}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('Bảo hiểm xã hội Việt Nam');
    await page.goto(`${base}/en/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('Vietnam Social Security');
  });

  it('links each translated page to its counterpart with hreflang alternates and x-default', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) =>
      links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]),
    );
    expect(alternates).toEqual(
      expect.arrayContaining([
        ['vi', '/van-ban/1624-qd-bhxh/'],
        ['en', '/en/documents/1624-qd-bhxh/'],
        ['x-default', '/van-ban/1624-qd-bhxh/'],
      ]),
    );
    expect(await page.getAttribute('meta[property="og:locale:alternate"]', 'content')).toBe('en_GB');
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(/^https:\/\/.+\/og\/[0-9a-f]{20}\.png$/);
  });

  it('shows dates as dd/mm/yyyy in Vietnamese and in words in English', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    expect(await page.locator('table.metadata').innerText()).toContain('16/09/2024');
    await page.goto(`${base}/en/documents/1624-qd-bhxh/`);
    expect(await page.locator('table.metadata').innerText()).toContain('16 September 2024');
  });
});

describe('footer', () => {
  it('reads the contact details apart, as a screen reader and a copy-paste give them', async () => {
    for (const [path, phone, email] of [
      ['/', 'Điện thoại', 'E-mail'],
      ['/en/', 'Telephone', 'E-mail'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const text = (await page.locator('footer.site-footer').innerText()).replace(/\s+/g, ' ');
      expect(text, path).toMatch(new RegExp(`${phone}: [0-9 ]+ · ${email}: \\S+@`));
    }
  });
});

describe('language switcher', () => {
  it('goes from a Vietnamese page to its English translation and back', async () => {
    const slug = translated('news')[0]!;
    await page.goto(`${base}/tin-tuc/${slug}/`);
    const viTitle = await page.locator('h1').innerText();
    await page.click('a.language-switcher');
    expect(new URL(page.url()).pathname).toBe(englishPath('news', slug));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).not.toBe(viTitle);
    await page.click('a.language-switcher');
    expect(new URL(page.url()).pathname).toBe(`/tin-tuc/${slug}/`);
  });

  it('goes to an English notice, never a dead link, when there is no translation', async () => {
    const slug = untranslated('news')[0];
    expect(slug, 'the content should keep at least one news item in Vietnamese only').toBeDefined();
    await page.goto(`${base}/tin-tuc/${slug}/`);
    const viTitle = await page.locator('h1').innerText();
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === englishPath('news', slug!)),
      page.click('a.language-switcher'),
    ]);
    expect(response.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(englishPath('news', slug!));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('This page is not available in English');
    expect(await page.getAttribute('meta[name=robots]', 'content')).toBe('noindex');
    await page.getByRole('link', { name: 'Read the Vietnamese original' }).click();
    expect(new URL(page.url()).pathname).toBe(`/tin-tuc/${slug}/`);
    expect(await page.locator('h1').innerText()).toBe(viTitle);
  });
});

describe('legal documents', () => {
  it('lands a link to a point of an article on that point', async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${base}/van-ban/1624-qd-bhxh/#dieu-11-khoan-1-diem-a`);
    const target = page.locator('#dieu-11-khoan-1-diem-a');
    expect(await target.innerText()).toMatch(/^a\)/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('dieu-11-khoan-1-diem-a');
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
    // The point sits inside clause 1 of article 11.
    expect(await page.locator('#dieu-11-khoan-1 #dieu-11-khoan-1-diem-a').count()).toBe(1);
  });

  it('has a table of contents whose entries reach each article', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    const toc = page.locator('nav.toc');
    await toc.getByRole('link', { name: /^Điều 11\./ }).click();
    expect(new URL(page.url()).hash).toBe('#dieu-11');
    expect(await page.locator('#dieu-11').innerText()).toMatch(/^Điều 11\./);
  });

  it('gives the English translation the same anchors', async () => {
    await page.goto(`${base}/en/documents/1624-qd-bhxh/#dieu-11-khoan-1-diem-a`);
    expect(await page.locator('#dieu-11').innerText()).toMatch(/^Article 11\./);
    expect(await page.locator('#dieu-11-khoan-1-diem-a').innerText()).toMatch(/^a\)/);
  });

  it('puts a named link to its own address beside every chapter, article, clause and point', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    const parts = await page.$$eval('.legal-text [id]', (elements) =>
      elements
        .filter((e) => /^(?:quyet-dinh-)?(?:chuong|dieu)-/.test(e.id))
        .map((e) => {
          const own = [...e.children].find((c) => c.matches('a.part-link')) ?? e.querySelector(':scope > p:first-child > a.part-link');
          return { id: e.id, href: own?.getAttribute('href'), name: own?.getAttribute('aria-label'), text: own?.textContent };
        }),
    );
    expect(parts.length).toBeGreaterThan(80);
    for (const part of parts) {
      expect(part.href, part.id).toBe(`#${part.id}`);
      expect(part.name, part.id).toMatch(/^Liên kết đến (?:Chương [IVX]+|Điều \d+)/);
      // The sign is drawn by the style sheet: the text, its copy and the search index hold nothing more.
      expect(part.text, part.id).toBe('');
    }
    expect(parts.find((p) => p.id === 'dieu-6-khoan-1-diem-a')?.name).toBe('Liên kết đến Điều 6, khoản 1, điểm a');
    await page.goto(`${base}/en/documents/1624-qd-bhxh/`);
    expect(await page.locator('#dieu-6-khoan-1-diem-a a.part-link').getAttribute('aria-label')).toBe('Link to Article 6, clause 1, point a');
  });

  it('copies a part’s address with a click, and says so where the reader looks', async () => {
    const copying = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const p = await copying.newPage();
    await p.goto(`${base}/van-ban/1624-qd-bhxh/`);
    await p.getByRole('link', { name: 'Liên kết đến Điều 6, khoản 1, điểm a', exact: true }).click();
    await expect.poll(() => p.locator('#copy-status').innerText()).toBe('Đã sao chép liên kết đến Điều 6, khoản 1, điểm a');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/van-ban/1624-qd-bhxh/#dieu-6-khoan-1-diem-a`);
    expect(p.url()).toBe(`${base}/van-ban/1624-qd-bhxh/#dieu-6-khoan-1-diem-a`);
    expect(await p.locator('#copy-status').getAttribute('role')).toBe('status');
    await p.goto(`${base}/en/documents/1624-qd-bhxh/`);
    await p.getByRole('link', { name: 'Link to Article 11, clause 1', exact: true }).click();
    await expect.poll(() => p.locator('#copy-status').innerText()).toBe('Copied the link to Article 11, clause 1');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/en/documents/1624-qd-bhxh/#dieu-11-khoan-1`);
    await copying.close();
  });

  it('goes to the part with the same link when JavaScript is off', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(`${base}/van-ban/1624-qd-bhxh/`);
    await p.getByRole('link', { name: 'Liên kết đến Điều 6, khoản 1, điểm a', exact: true }).click();
    await p.waitForURL((u) => u.hash === '#dieu-6-khoan-1-diem-a');
    expect(await p.evaluate(() => document.querySelector(':target')?.id)).toBe('dieu-6-khoan-1-diem-a');
    await plain.close();
  });

  it('sets the head of the document as it is printed: issuer and number left, national name, motto, place and date right', async () => {
    for (const [width, media] of [
      [1200, 'screen'],
      [360, 'screen'],
      [1200, 'print'],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ media });
      await page.goto(`${base}/van-ban/1436-bhxh-tt-ptdt/`);
      const header = page.getByRole('group', { name: 'Phần đầu văn bản' });
      const issuer = header.locator('.official-header__issuer');
      const state = header.locator('.official-header__state');
      expect((await issuer.innerText()).replace(/\s+/g, ' '), `${width} ${media}`).toBe(
        'BẢO HIỂM XÃ HỘI VIỆT NAM BẢO HIỂM XÃ HỘI TỈNH KHÁNH HÒA Số: 1436/BHXH-TT&PTĐT V/v tăng cường truyền thông chính sách BHXH, BHYT, BHTN trên môi trường Internet, mạng xã hội',
      );
      expect((await state.innerText()).replace(/\s+/g, ' ')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Khánh Hòa, ngày 31 tháng 8 năm 2021');
      const [left, right] = [(await issuer.boundingBox())!, (await state.boundingBox())!];
      expect(left.x + left.width, `${width} ${media}`).toBeLessThanOrEqual(right.x);
      expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${base}/en/documents/1624-qd-bhxh/`);
    expect((await page.locator('.official-header').innerText()).replace(/\s+/g, ' ')).toBe(
      'VIETNAM SOCIAL SECURITY No.: 1624/QĐ-BHXH SOCIALIST REPUBLIC OF VIET NAM Independence - Freedom - Happiness Hanoi, 16 September 2024',
    );
    // A draft has no number or date of its own yet: no header.
    await page.goto(`${base}/van-ban/du-thao-quy-che-phat-ngon/`);
    expect(await page.locator('.official-header').count()).toBe(0);
  });

  it('says on an English legal text that it is an unofficial translation, in both languages, with the original a click away', async () => {
    await page.goto(`${base}/en/documents/1624-qd-bhxh/`);
    const notice = page.locator('.notice--translation');
    expect(await notice.innerText()).toContain('Unofficial translation: the Vietnamese text prevails.');
    expect(await notice.locator('[lang=vi]').first().innerText()).toContain('văn bản tiếng Việt');
    await notice.getByRole('link', { name: 'Read the Vietnamese text' }).click();
    await page.waitForURL((u) => u.pathname === '/van-ban/1624-qd-bhxh/');
    expect(await page.locator('.notice--translation').count()).toBe(0);
  });

  it('prints only the document: header, navigation and footer are hidden in print', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.locator('footer.site-footer').isVisible()).toBe(false);
    expect(await page.locator('#dieu-11').isVisible()).toBe(true);
    expect(await page.locator('.print-source').isVisible()).toBe(true);
    // The links beside the parts are for the screen.
    expect(await page.locator('#dieu-11 a.part-link').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('content pages ship no JavaScript', () => {
  for (const path of ['/', '/tin-tuc/', '/van-ban/', '/hoi-dap/', '/nguoi-phat-ngon/']) {
    it(path, async () => {
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await page.goto(`${base}${path}`);
      expect(await page.locator('script').count()).toBe(0);
      expect(scripts).toEqual([]);
      page.removeAllListeners('request');
    });
  }

  // A document page has one small script: copying a part's address (src/scripts/part-links.ts).
  for (const path of ['/van-ban/1624-qd-bhxh/', '/en/documents/1624-qd-bhxh/']) {
    it(`${path}: only the copy-link script, under 2 KB`, async () => {
      const fresh = await browser.newContext();
      const p = await fresh.newPage();
      const scripts: string[] = [];
      p.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await p.goto(`${base}${path}`);
      await p.waitForLoadState('networkidle');
      expect(await p.locator('script').count()).toBe(1);
      expect(scripts).toHaveLength(1);
      expect((await (await fetch(scripts[0]!)).arrayBuffer()).byteLength).toBeLessThan(2048);
      await fresh.close();
    });
  }
});

describe('document library without JavaScript', () => {
  it('filters by kind, year, issuer and status with plain links', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${base}/van-ban/`);
    const all = await p.locator('#results > li').count();
    expect(all).toBeGreaterThanOrEqual(4);

    await p.locator('#facet-kind + ul').getByRole('link', { name: /^Quyết định/ }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/loai-quyet-dinh/'); // waitForURL waits for the new page's load event; p.url() changes before the page is there
    const decisions = await p.locator('#results > li .meta-line').allInnerTexts();
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.length).toBeLessThan(all);
    for (const line of decisions) expect(line).toContain('Quyết định');

    await p.locator('#facet-year + ul').getByRole('link', { name: /^2024/ }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/loai-quyet-dinh/nam-2024/');
    const titles = await p.locator('#results > li h2').allInnerTexts();
    expect(titles).toHaveLength(1);
    expect(await p.locator('#results > li .meta-line').innerText()).toContain('1624/QĐ-BHXH');

    // Two filters at a time: the others say how to choose them.
    expect(await p.locator('#facet-status ~ ul a').count()).toBe(0);
    expect(await p.locator('#facet-status ~ .filter-limit').innerText()).toContain('hai tiêu chí');
    await p.locator('#facet-kind + ul').getByRole('link', { name: /^Tất cả/ }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/nam-2024/');
    await p.locator('#facet-status + ul').getByRole('link', { name: /^Còn hiệu lực/ }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/nam-2024/tinh-trang-con-hieu-luc/');
    await p.locator('#facet-year + ul').getByRole('link', { name: /^Tất cả/ }).click();
    // Only values that leave documents are offered: Khánh Hòa's letter is not "in force".
    expect(await p.locator('#facet-issuer + ul').getByRole('link', { name: /Khánh Hòa/ }).count()).toBe(0);
    await p.locator('#facet-issuer + ul').getByRole('link', { name: /^Bảo hiểm xã hội Việt Nam/ }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/co-quan-bao-hiem-xa-hoi-viet-nam/tinh-trang-con-hieu-luc/');
    expect(await p.locator('#results > li .meta-line').innerText()).toContain('1624/QĐ-BHXH');

    await p.getByRole('link', { name: 'Bỏ mọi bộ lọc' }).click();
    await p.waitForURL((u) => u.pathname === '/van-ban/');
    expect(await p.locator('#results > li').count()).toBe(all);

    // In English, the issuers' names and the addresses are English.
    await p.goto(`${base}/en/documents/`);
    expect(await p.locator('#facet-issuer + ul').innerText()).not.toMatch(/Bảo hiểm/);
    await p.locator('#facet-issuer + ul').getByRole('link', { name: /^Vietnam Social Security \(/ }).click();
    await p.waitForURL((u) => u.pathname === '/en/documents/issuer-vietnam-social-security/');
    await p.locator('#facet-kind + ul').getByRole('link', { name: /^Decision/ }).click();
    await p.waitForURL((u) => u.pathname === '/en/documents/kind-decision/issuer-vietnam-social-security/');
    const english = await p.locator('nav.filters a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(english.length).toBeGreaterThan(3);
    for (const href of english) expect(href).not.toMatch(/chua-ban-hanh|bao-hiem|quyet-dinh|cong-van|quy-che|hieu-luc|du-thao/);
    expect(existsSync('dist/en/documents/year-not-issued/index.html') || !!process.env.PORTAL_TEST_URL).toBe(true);
    await noJs.close();
  });

  it('shows drafts under their own year value and status', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${base}/en/documents/`);
    await p.locator('#facet-status + ul').getByRole('link', { name: /^Draft/ }).click();
    await p.waitForURL((u) => u.pathname === '/en/documents/status-draft/');
    const lines = await p.locator('#results > li .meta-line').allInnerTexts();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toContain('Draft');
    await noJs.close();
  });
});

describe('spokespeople', () => {
  it('lists current people as current and expired authorisations as history', async () => {
    await page.goto(`${base}/nguoi-phat-ngon/`);
    const current = page.locator('#spokespeople-hien-nay + ul > li');
    const former = page.locator('#spokespeople-truoc-day + ul > li');
    expect(await current.count()).toBeGreaterThanOrEqual(2);
    expect(await former.count()).toBeGreaterThanOrEqual(1);
    for (const text of await former.allInnerTexts()) expect(text).toMatch(/ủy quyền/i);
  });
});

describe('listings', () => {
  it('paginate news with previous/next links', async () => {
    await page.goto(`${base}/tin-tuc/`);
    const first = await page.locator('ul.entry-list > li h2').allInnerTexts();
    expect(first).toHaveLength(10);
    await page.locator('nav.pagination').getByRole('link', { name: /Trang sau/ }).click();
    expect(new URL(page.url()).pathname).toBe('/tin-tuc/trang/2/');
    const second = await page.locator('ul.entry-list > li h2').allInnerTexts();
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((t) => first.includes(t))).toBe(false);
    expect(await page.locator('nav.pagination [aria-current=page]').innerText()).toBe('2');
    await page.locator('nav.pagination').getByRole('link', { name: /Trang trước/ }).click();
    expect(new URL(page.url()).pathname).toBe('/tin-tuc/');
  });
});

describe('feeds, sitemap and robots', () => {
  it('serve an RSS feed per language', async () => {
    for (const [path, lang, item] of [
      ['/tin-tuc/rss.xml', 'vi', '/tin-tuc/'],
      ['/en/news/rss.xml', 'en', '/en/news/'],
      ['/van-ban/rss.xml', 'vi', '/van-ban/1624-qd-bhxh/'],
      ['/en/documents/rss.xml', 'en', '/en/documents/1624-qd-bhxh/'],
    ] as const) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      const xml = await res.text();
      // Well formed, as the browser's own XML parser reads it.
      expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length, xml), path).toBe(0);
      const channel = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml).rss.channel;
      expect(channel.language).toBe(lang);
      // The feed names its own address, so readers can find it again.
      const self = channel['atom:link'];
      expect([self['@_rel'], self['@_type'], new URL(self['@_href']).pathname]).toEqual(['self', 'application/rss+xml', path]);
      const items: { link: string; pubDate: string }[] = channel.item;
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i) => new URL(i.link).pathname.startsWith(item)), path).toBe(true);
      // Dates in Vietnam time; the last build date is the newest item's, so the same content gives the same feed.
      for (const i of items) expect(i.pubDate, i.link).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} 00:00:00 \+0700$/);
      expect(channel.lastBuildDate).toBe(items[0]!.pubDate);
      const times = items.map((i) => Date.parse(i.pubDate));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    // A document signed on 16 September 2024 is dated that day, not the 15th in UTC.
    const documents = await (await fetch(`${base}/van-ban/rss.xml`)).text();
    expect(documents).toMatch(/<link>[^<]*\/van-ban\/1624-qd-bhxh\/<\/link>(?:(?!<\/item>)[\s\S])*<pubDate>Mon, 16 Sep 2024 00:00:00 \+0700<\/pubDate>/);
  });

  it('puts English pages at their English addresses, linked from the switcher, hreflang and the sitemap', async () => {
    const contact = englishPath('pages', 'lien-he');
    expect(contact).toBe('/en/contact/');
    await page.goto(`${base}/lien-he/`);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toMatch(/\/en\/contact\/$/);
    await page.click('a.language-switcher');
    expect(new URL(page.url()).pathname).toBe(contact);
    // The file name is not its address: nothing there, or (where the published history had the page there) a page sending the reader on.
    const old = await fetch(`${base}/en/lien-he/`);
    if (old.status !== 404) {
      await page.goto(`${base}/en/lien-he/`);
      await page.waitForURL(`${base}${contact}`);
    }
    // Every translated page, news item and question with an English address is listed there, never at its file name.
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    for (const collection of ['pages', 'news', 'qa'] as const) {
      for (const slug of translated(collection)) {
        // Withdrawn and scheduled entries are in neither language's list.
        if (!xml.includes(`${entryPath('vi', collection, slug)}</loc>`)) continue;
        const english = englishPath(collection, slug);
        expect(english, `${collection}/${slug}`).not.toContain(slug);
        expect(xml).toContain(`${english}</loc>`);
        expect(xml).not.toContain(`${entryPath('en', collection, slug)}</loc>`);
      }
    }
  });

  it('list indexable pages in the sitemap with language alternates, not the notices', async () => {
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    expect(xml).toContain('/van-ban/1624-qd-bhxh/</loc>');
    expect(xml).toMatch(/<xhtml:link rel="alternate" hreflang="en" href="[^"]+\/en\/documents\/1624-qd-bhxh\/"\/>/);
    const slug = untranslated('news')[0]!;
    expect(xml).toContain(`/tin-tuc/${slug}/</loc>`);
    expect(xml).not.toContain(`${englishPath('news', slug)}</loc>`);
    const robots = await (await fetch(`${base}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https:\/\/.+\/sitemap\.xml$/m);
  });

  it('list exactly the pages that ask to be indexed, each canonical to itself, with x-default and the date of its last publication', async () => {
    const xml = await (await fetch(`${base}/sitemap.xml`)).text();
    type Url = { loc: string; lastmod?: string; 'xhtml:link'?: { '@_hreflang': string; '@_href': string }[] };
    const urls: Url[] = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'xhtml:link' }).parse(xml).urlset.url;
    const listed = new Map(urls.map((u) => [new URL(u.loc).pathname, u]));
    // Every page of the built site: indexable and canonical to itself, or noindex — never both, never neither.
    const indexable = new Set<string>();
    for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('index.html') || file.startsWith('admin') || file.includes('pagefind')) continue;
      const head = headOf(readFileSync(path.join('dist', file), 'utf8'));
      const pagePath = `/${file.replace(/index\.html$/, '')}`;
      if (head.robots?.includes('noindex')) {
        expect(head.canonical, pagePath).toBeUndefined();
        continue;
      }
      expect(head.canonical && new URL(head.canonical).pathname, pagePath).toBe(pagePath);
      indexable.add(pagePath);
    }
    expect([...listed.keys()].sort()).toEqual([...indexable].sort());
    // The kinds of page the sitemap used to leave out are listed, or say noindex.
    expect(listed.has('/tin-tuc/trang/2/')).toBe(true);
    expect(headOf(readFileSync('dist/tim-kiem/index.html', 'utf8')).robots).toBe('noindex');
    expect(listed.has('/van-ban/nam-2024/')).toBe(false);
    expect(headOf(readFileSync('dist/van-ban/nam-2024/index.html', 'utf8')).robots).toBe('noindex');
    // Home and section pages carry their language alternates and x-default, as their heads do.
    for (const [vi, en] of [['/', '/en/'], ['/tin-tuc/', '/en/news/'], ['/van-ban/', '/en/documents/'], ['/van-ban/1624-qd-bhxh/', '/en/documents/1624-qd-bhxh/']] as const) {
      const links = Object.fromEntries((listed.get(vi)!['xhtml:link'] ?? []).map((l) => [l['@_hreflang'], new URL(l['@_href']).pathname]));
      expect(links, vi).toEqual({ vi, en, 'x-default': vi });
    }
    // An entry's lastmod is its last publication, as its history on the page shows it.
    const history = headOf(readFileSync('dist/van-ban/1624-qd-bhxh/index.html', 'utf8')).lastPublished;
    expect(listed.get('/van-ban/1624-qd-bhxh/')!.lastmod).toBe(history);
  });
});

describe('sharing', () => {
  it('gives every document, news item and question its own card, in its language, and every other page the portal’s', async () => {
    const cards = new Map<string, string>();
    let entries = 0;
    for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('index.html') || /(^|\/)admin\//.test(file)) continue;
      const head = headOf(readFileSync(path.join('dist', file), 'utf8'));
      const image = new URL(head.ogImage!).pathname;
      // Entry pages (documents, news, questions) are og:type article; every other page shares the portal's picture.
      const isEntry = head.ogType === 'article';
      if (!isEntry) {
        expect(image, file).toBe('/og-image.png');
        continue;
      }
      entries++;
      expect(image, file).toMatch(/^\/og\/[0-9a-f]{20}\.png$/);
      expect(cards.get(image), `${file} shares its card with ${cards.get(image)}`).toBeUndefined();
      cards.set(image, file);
      expect(existsSync(path.join('dist', image)), image).toBe(true);
      // The picture's description says what it shows: the page's title among it.
      expect(head.ogImageAlt, file).toContain(head.title!.slice(0, 40));
    }
    expect(entries).toBeGreaterThan(40);
    // Every card on the site belongs to an entry page, and is served as a PNG picture.
    expect(readdirSync('dist/og').sort()).toEqual([...cards.keys()].map((c) => c.slice('/og/'.length)).sort());
    const response = await page.goto(`${base}${[...cards.keys()][0]}`);
    expect(response?.headers()['content-type']).toBe('image/png');
    expect(headOf(readFileSync('dist/index.html', 'utf8')).ogImage).toMatch(/\/og-image\.png$/);
    expect(headOf(readFileSync('dist/en/documents/1624-qd-bhxh/index.html', 'utf8')).ogImageAlt).toBe(
      'Decision 1624/QĐ-BHXH — Decision promulgating the Regulation on the operation of the Vietnam Social Security Zalo account — 16 September 2024 — Vietnam Social Security',
    );
  });

  it('describes every page in at most 200 characters, and dates articles by their publications', () => {
    for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.html') || /(^|\/)admin\/|pagefind/.test(file)) continue;
      const head = headOf(readFileSync(path.join('dist', file), 'utf8'));
      expect(head.description, file).toBeDefined();
      expect([...head.description!].length, file).toBeLessThanOrEqual(200);
      expect(head.ogDescription, file).toBe(head.description);
    }
    for (const file of ['van-ban/1624-qd-bhxh/index.html', 'en/documents/1624-qd-bhxh/index.html', `hoi-dap/${readdirSync('dist/hoi-dap').find((f) => !f.includes('.') && f !== 'trang' && existsSync(`dist/hoi-dap/${f}/index.html`) && readFileSync(`dist/hoi-dap/${f}/index.html`, 'utf8').includes('revision-history'))}/index.html`]) {
      const head = headOf(readFileSync(path.join('dist', file), 'utf8'));
      // As the page's own history shows them: first and last publication.
      expect([head.published, head.modified], file).toEqual([head.firstPublished, head.lastPublished]);
      expect(head.published, file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(head.repeated, file).toEqual([]);
    }
    // A news item was published on its own date; modified at its last publication.
    const news = headOf(readFileSync(`dist/tin-tuc/${untranslated('news')[0]}/index.html`, 'utf8'));
    expect(news.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(news.modified).toBe(news.lastPublished);
    expect(news.repeated).toEqual([]);
  });
});

/** What the sitemap and sharing tests read from a built page, through an HTML parser. */
interface Head {
  robots?: string;
  canonical?: string;
  description?: string;
  ogDescription?: string;
  ogImage?: string;
  ogImageAlt?: string;
  ogType?: string;
  title?: string;
  published?: string;
  modified?: string;
  lastPublished?: string;
  firstPublished?: string;
  /** Properties and names of meta tags given more than once. */
  repeated: string[];
}
function headOf(html: string): Head {
  const out: Head = { repeated: [] };
  const seen = new Set<string>();
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const p = node.properties ?? {};
      if (node.tagName === 'meta') {
        const key = String(p.property ?? p.name ?? p.httpEquiv ?? p.charSet);
        if (seen.has(key) && !key.endsWith(':alternate')) out.repeated.push(key);
        seen.add(key);
      }
      if (node.tagName === 'meta' && p.name === 'robots') out.robots = String(p.content);
      if (node.tagName === 'meta' && p.name === 'description') out.description = String(p.content);
      if (node.tagName === 'meta' && p.property === 'og:description') out.ogDescription = String(p.content);
      if (node.tagName === 'meta' && p.property === 'og:image') out.ogImage = String(p.content);
      if (node.tagName === 'meta' && p.property === 'og:image:alt') out.ogImageAlt = String(p.content);
      if (node.tagName === 'meta' && p.property === 'og:type') out.ogType = String(p.content);
      if (node.tagName === 'meta' && p.property === 'og:title') out.title = String(p.content);
      if (node.tagName === 'meta' && p.property === 'article:published_time') out.published = String(p.content);
      if (node.tagName === 'meta' && p.property === 'article:modified_time') out.modified = String(p.content);
      if (node.tagName === 'link' && Array.isArray(p.rel) && p.rel.includes('canonical')) out.canonical = String(p.href);
      // The newest revision comes first in the page's history.
      if (node.tagName === 'section' && Array.isArray(p.className) && p.className.includes('revision-history')) {
        const times = allTimes(node);
        out.lastPublished = times[0];
        out.firstPublished = times.at(-1);
        return;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  const allTimes = (node: Nodes): string[] => {
    if (node.type === 'element' && node.tagName === 'time') return [String(node.properties?.dateTime)];
    return 'children' in node ? node.children.flatMap(allTimes) : [];
  };
  visit(htmlToHast(html) as Root);
  return out;
}

describe('not found', () => {
  it('answers 404 with a page that helps, in both languages', async () => {
    const response = await page.goto(`${base}/khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
    expect(await page.locator('section[lang=en] h2').innerText()).toBe('Page not found');
  });
});

describe('what a government portal has', () => {
  // The channels, services and emblem are the agency's, in content/site.yml: the pages show exactly those.
  const site = parseYaml(readFileSync('content/site.yml', 'utf8')) as {
    phone: string;
    email: string;
    logo: string;
    ask_channels: { name: { vi: string; en: string }; url: string }[];
    services: { name: { vi: string; en: string }; url: string }[];
  };
  const languages = [
    { lang: 'vi', home: '/', labels: ['Cách gửi câu hỏi', 'Điều khoản sử dụng', 'Quyền riêng tư'], law: /Nghị định số 13\/2023\/NĐ-CP/ },
    { lang: 'en', home: '/en/', labels: ['How to ask a question', 'Terms of use', 'Privacy'], law: /Decree 13\/2023\/NĐ-CP/ },
  ] as const;

  it('links how to ask, the terms of use and the privacy page from every footer, each a page of its language', async () => {
    for (const { lang, home, labels, law } of languages) {
      for (const from of [home, lang === 'vi' ? '/van-ban/1624-qd-bhxh/' : '/en/documents/1624-qd-bhxh/']) {
        await page.goto(`${base}${from}`);
        const footer = page.locator('footer.site-footer');
        for (const label of labels) expect(await footer.getByRole('link', { name: label, exact: true }).count(), `${from}: ${label}`).toBe(1);
      }
      for (const label of labels) {
        await page.goto(`${base}${home}`);
        await page.locator('footer.site-footer').getByRole('link', { name: label, exact: true }).click();
        await page.waitForLoadState();
        expect(await page.locator('h1').innerText()).toBe(label);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        if (label === labels[2]) expect(await page.locator('main').innerText()).toMatch(law);
      }
    }
  });

  it('lists on “how to ask” the telephone, the e-mail and every channel of site.yml, and the contact page sends people there', async () => {
    for (const { lang, home, labels } of languages) {
      await page.goto(`${base}${home}`);
      await page.locator('footer.site-footer').getByRole('link', { name: labels[0], exact: true }).click();
      await page.waitForLoadState();
      const channels = page.locator('section[aria-labelledby=ask-channels]');
      expect(await channels.getByRole('link', { name: site.phone }).getAttribute('href')).toBe(`tel:${site.phone.replace(/\D/g, '')}`);
      expect(await channels.getByRole('link', { name: site.email }).getAttribute('href')).toBe(`mailto:${site.email}`);
      expect(await channels.innerText()).toMatch(/07:30–17:00/);
      for (const c of site.ask_channels) expect(await channels.getByRole('link', { name: c.name[lang], exact: true }).getAttribute('href')).toBe(c.url);
      const asking = new URL(page.url()).pathname;
      // The contact page no longer promises a question form the portal does not have.
      await page.goto(`${base}${lang === 'vi' ? '/lien-he/' : '/en/contact/'}`);
      expect(await page.locator(`main a[href="${asking}"]`).count()).toBeGreaterThan(0);
    }
  });

  it('shows the public services of site.yml on the home page', async () => {
    for (const { lang, home } of languages) {
      await page.goto(`${base}${home}`);
      const services = page.locator('section.services');
      expect(await services.getByRole('heading', { level: 2 }).innerText()).toBe(lang === 'vi' ? 'Dịch vụ công trực tuyến' : 'Online public services');
      const links = await services.locator('h3 a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual(site.services.map((s) => [s.name[lang], s.url]));
    }
  });

  it('shows the agency’s emblem from site.yml in the header, as a decoration of the name beside it', async () => {
    await page.goto(`${base}/`);
    const logo = page.locator('header.site-header a.site-title img');
    expect(await logo.getAttribute('src')).toBe(site.logo);
    expect(await logo.getAttribute('alt')).toBe('');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('header.site-header a.site-title').getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: /^Bảo hiểm xã hội Việt Nam/ }).first().getAttribute('href')).toBe('/');
  });
});
