/**
 * npm run og-image
 *
 * Draws public/og-image.png (1200×630), the picture Zalo and Facebook show
 * when someone shares a link to the portal, from the names in content/site.yml,
 * with Debian's Chromium. Run it again after changing the agency's name.
 */
import { escapeMarkup } from '../src/lib/markup-text.ts';
import { chromium } from 'playwright-core';
import { readContentFile } from '../src/content-loader/read-content.ts';
import { formatIssues } from '../src/lib/content/issues.ts';
import { SITE_FILE } from '../src/lib/content/validate.ts';
import { validateYamlFile } from '../src/lib/content/yaml-file.ts';
import { siteSchema } from '../src/lib/schema/settings.ts';

const read = await readContentFile(process.cwd(), SITE_FILE);
const checked = read.source === undefined ? undefined : validateYamlFile(SITE_FILE, read.source, siteSchema);
const site = checked?.issues.length === 0 ? checked.value : undefined;
if (!site) {
  console.error(read.issue || checked ? formatIssues(read.issue ? [read.issue] : checked!.issues) : `Thiếu tệp ${SITE_FILE} / ${SITE_FILE} is missing.`);
  process.exit(1);
}
const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
         padding: 0 90px; box-sizing: border-box; background: #0a4a85; color: #fff; font-family: 'DejaVu Sans', sans-serif; }
  .bar { width: 160px; height: 12px; background: #ffdd00; margin-bottom: 48px; }
  h1 { font-size: 68px; margin: 0 0 24px; line-height: 1.1; }
  p { font-size: 34px; margin: 0 0 12px; line-height: 1.3; }
  .en { opacity: .9; font-size: 30px; }
</style><div class="bar"></div><h1>${escapeMarkup(site.name.vi)}</h1><p>${escapeMarkup(site.portal_name.vi)}</p><p class="en">${escapeMarkup(site.portal_name.en)}</p>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og-image.png' });
await browser.close();
console.log('public/og-image.png written (1200×630)');
