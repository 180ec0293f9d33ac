/**
 * The Content Security Policy of the built site (src/lib/security/): every
 * page carries exactly one, first thing after <meta charset>; in Chromium,
 * a script, an event handler and a `javascript:` link injected into a built
 * page do not run, while the page's own search works without a violation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { htmlToHast } from 'satteri';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicy, policyExceptionsOf, type PolicyName } from '../../src/lib/security/content-security-policy.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings } from '../../src/lib/content/validate.ts';
import { launch } from './browser.ts';

const base = inject('baseUrl');
const dist = path.resolve('dist');
const local = !process.env.PORTAL_TEST_URL && existsSync(path.join(dist, 'index.html'));

function elements(node: Nodes, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

/** The image hosts content/site.yml allows, which every policy lists (the build read the same file). */
const exceptions = policyExceptionsOf(validateSettings([SITE_FILE, TAXONOMY_FILE].map((file) => ({ file, source: readFileSync(file, 'utf8') }))).settings!.site);

/** The policy a built page must carry: the CMS's, or every other page's (the search page's too: no WebAssembly). */
function policyOf(file: string): PolicyName {
  if (/^(en\/)?admin\//.test(file)) return 'cms';
  return 'site';
}

describe('every built HTML page', () => {
  it('has exactly one Content Security Policy, first thing after <meta charset>, the one of its kind', async () => {
    if (!local) return;
    const files: string[] = [];
    for await (const f of glob('**/*.html', { cwd: dist, exclude: (p) => p.startsWith('pagefind') })) files.push(f);
    expect(files.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const file of files.sort()) {
      const tree = htmlToHast(readFileSync(path.join(dist, file), 'utf8')) as Root;
      const all = elements(tree);
      const policies = all.filter((e) => e.tagName === 'meta' && String(e.properties?.httpEquiv ?? '').toLowerCase() === 'content-security-policy');
      const head = all.find((e) => e.tagName === 'head');
      const first = head?.children.filter((c): c is Element => c.type === 'element').slice(0, 2) ?? [];
      const problem =
        policies.length !== 1
          ? `${policies.length} policies`
          : first[0]?.properties?.charSet !== 'utf-8' || first[1] !== policies[0]
            ? 'the policy is not right after <meta charset>'
            : policies[0]!.properties!.content !== contentSecurityPolicy(policyOf(file), exceptions)
              ? `not the ${policyOf(file)} policy`
              : undefined;
      if (problem) wrong.push(`${file}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Collects every CSP violation the page reports, from its very start. */
async function watchViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: { directive: string; blocked: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: { directive: string; blocked: string }[] }).__violations);

/** What an attacker would inject: an inline script, an event handler, a javascript: link; each sets a marker if it runs. */
const INJECTED =
  '<script>window.__inlineRan = true;</script>' +
  '<img id="csp-probe-image" src="/favicon.svg" alt="" onload="window.__handlerRan = true">' +
  '<a id="csp-probe-link" href="javascript:window.__linkRan = true; void 0">probe</a>';

const markers = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { inline: w.__inlineRan ?? false, handler: w.__handlerRan ?? false, link: w.__linkRan ?? false };
  });

/** Opens a built page with INJECTED added to it (served as a modified copy by route interception). */
async function openInjected(page: Page, url: string) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain('</main>');
    await route.fulfill({ response, body: html.replace('</main>', `${INJECTED}</main>`) });
  });
  await page.goto(url);
  await page.locator('#csp-probe-image').evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
  await page.click('#csp-probe-link');
}

describe('in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the injection runs when the policy is bypassed (so the next test can fail)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await openInjected(page, `${base}/tin-tuc/`);
    await expect.poll(() => markers(page)).toEqual({ inline: true, handler: true, link: true });
    await context.close();
  });

  it('blocks an injected inline script, event handler and javascript: link on a built page, and reports them', async () => {
    const context = await browser.newContext();
    await watchViolations(context);
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await openInjected(page, `${base}/tin-tuc/`);
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(3);
    expect(await markers(page)).toEqual({ inline: false, handler: false, link: false });
    const seen = await violations(page);
    expect(seen.map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem']);
    expect(seen.every((v) => v.blocked === 'inline')).toBe(true);
    expect(messages.filter((m) => m.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('lets the search page search, with no violation', async () => {
    const context = await browser.newContext();
    await watchViolations(context);
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    for (const [searchPath, query] of [['/tim-kiem/', 'bảo hiểm'], ['/en/search/', 'social insurance']] as const) {
      await page.goto(`${base}${searchPath}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-results > li h2 a');
      await page.waitForSelector('#search-filters legend');
      expect(await violations(page)).toEqual([]);
    }
    expect(messages.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });

  it('lets readers’ pages load with no violation', async () => {
    const context = await browser.newContext();
    await watchViolations(context);
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    for (const p of ['/', '/van-ban/1624-qd-bhxh/', '/van-ban/', '/en/news/', '/hoi-dap/', '/khong-co-trang-nay/']) {
      await page.goto(`${base}${p}`);
      await page.waitForLoadState('load');
      expect(await violations(page), p).toEqual([]);
    }
    expect(messages.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
