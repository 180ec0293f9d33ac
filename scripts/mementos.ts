/**
 * npm run mementos -- --store <dir> [--site dist] [--at <ISO time>]
 *
 * Keeps this deploy's new page versions and serves every kept one
 * (src/lib/history/mementos.ts, docs/history.md “Mementos”):
 *
 * 1. capture — each page of the build's memento list (src/site/memento-pages.ts)
 *    that is a new version (an entry page whose file has a revision not kept
 *    yet; a home or listing page whose HTML changed) is copied from the built
 *    site into the store, bytes as served, with the files it loads (style
 *    sheets, scripts, images), kept by content;
 * 2. serve — every kept version is written into the site at its memento
 *    address (`/luu-tru/<stamp>/…`, `/en/archive/<stamp>/…`) with its banner
 *    (src/lib/history/memento-page.ts), with the kept files it loads under
 *    `/luu-tru/tep/`, each version after the first with the word-level
 *    comparison with the one before (`/luu-tru/so-sanh/<stamp>/…`, from the
 *    text of the two kept copies), and every page with mementos gets its
 *    TimeMap (`/timemap/<page>.txt`).
 *
 * The versions of a page no longer on the portal (taken down) stay in the
 * store; they are served only when site.yml says `taken_down_versions: public`,
 * and otherwise their addresses say that they are kept and not served.
 *
 * `--at` is the deploy's time (the memento's datetime; default: now). The
 * store is the previous deploy's, carried forward: nothing kept is ever
 * rendered again, and a capture never replaces one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { resolveReference } from '../src/lib/archive/public-url.ts';
import { comparisonPage } from '../src/lib/history/comparison-page.ts';
import { loadedUrls, servedMemento } from '../src/lib/history/memento-page.ts';
import { readableText } from '../src/lib/history/memento-text.ts';
import {
  comparisonPath,
  mementoPath,
  mementoStamp,
  newVersions,
  pageLocale,
  servedVersions,
  stampTime,
  timemapPath,
  withMementos,
  type MementoIndex,
  type MementoRecord,
  type ServedPage,
} from '../src/lib/history/mementos.ts';
import { timemap } from '../src/lib/history/timemap.ts';
import { withheldPage } from '../src/lib/history/withheld-page.ts';
import { readMementoPages } from '../src/site/memento-pages.ts';
import { getSettings } from '../src/site/settings.ts';
import { capturedFile, keptFile, keptFileName, readIndex, writeIndex } from './lib/mementos/store.ts';

/** Where the banner's style sheet and the kept files are served. */
export const BANNER_STYLESHEET = '/luu-tru/memento.css';
const KEPT_FILES = '/luu-tru/tep/';

const BANNER_CSS = `.visually-hidden{clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;overflow:hidden;position:absolute;white-space:nowrap;width:1px}
.memento-comparison{color:#1b1b1b;font:17px/1.6 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}
.memento-comparison a{color:#0b4f8a}
.memento-comparison del{background:#fde7e9;color:#8a1c1c;text-decoration:line-through}
.memento-comparison ins{background:#e3f4e6;color:#14532d;text-decoration:underline}
.memento-comparison .folded,.memento-comparison .legend{color:#454545;font-style:italic}
.memento-banner{background:#fff8e1;border-bottom:3px solid #b26a00;color:#1b1b1b;font:16px/1.5 system-ui,sans-serif;padding:.75rem 1rem}
.memento-banner p{margin:0 0 .25rem}
.memento-banner ul{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;list-style:none;margin:0;padding:0}
.memento-banner a{color:#0b4f8a;text-decoration:underline}
.memento-banner a:focus{outline:3px solid #b26a00;outline-offset:2px}
`;

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    site: { type: 'string', default: 'dist' },
    at: { type: 'string' },
  },
});

/** Stops with a message in both languages: exit code 2 for a wrong command, 1 for anything else. */
function fail(vi: string, en: string, code = 1): never {
  console.error(`mementos: ${vi}\n          ${en}`);
  process.exit(code);
}

if (!values.store) fail('cần --store <thư mục kho bản lưu>.', 'needs --store <memento store folder>.', 2);
const store = path.resolve(values.store);
const site = path.resolve(values.site!);
const at = values.at === undefined ? new Date() : new Date(values.at);
if (Number.isNaN(at.getTime())) fail(`--at “${values.at}” không phải thời điểm ISO 8601.`, `--at “${values.at}” is not an ISO 8601 time.`, 2);
const stamp = mementoStamp(at);
const started = Date.now();

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const siteFile = (pagePath: string) => path.join(site, ...pagePath.split('/').filter(Boolean), 'index.html');

const pages = await readMementoPages();
if (!pages) fail(`không có danh sách trang của lần dựng trước; chạy npm run build trước.`, `there is no page list of a build; run npm run build first.`);
const settings = (await getSettings()).site;
const pageUrl = (pagePath: string) => new URL(pagePath, settings.url).href;

// 1. capture
let index: MementoIndex = await readIndex(store).catch((error: unknown) => {
  // readIndex says what is wrong in both languages.
  console.error(`mementos: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const served: ServedPage[] = [];
for (const page of pages) {
  // An old address's page only sends readers on: not a version of anything.
  if (page.movedTo) continue;
  const html = await readFile(siteFile(page.path)).catch(() => undefined);
  if (html) served.push({ path: page.path, commit: page.commit, sha256: sha256(html) });
}
const fresh = newVersions(index, stamp, served);
const captured = [];
for (const page of fresh) {
  const html = await readFile(siteFile(page.path));
  const target = capturedFile(store, stamp, page.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, html);
  const files: Record<string, string> = {};
  for (const url of await loadedUrls(html.toString('utf8'))) {
    const ref = resolveReference(url, pageUrl(page.path), settings);
    const bytes = ref && (await readFile(path.join(site, ref.path)).catch(() => undefined));
    if (!bytes) continue;
    const name = keptFileName(sha256(bytes), ref.url);
    if (!existsSync(keptFile(store, name))) {
      await mkdir(path.dirname(keptFile(store, name)), { recursive: true });
      await writeFile(keptFile(store, name), bytes);
    }
    files[url] = name;
  }
  captured.push({ ...page, files });
}
index = withMementos(index, stamp, captured);
await writeIndex(store, index);
console.log(`mementos: ${captured.length} bản mới được lưu / new versions kept (${served.length} trang / pages looked at)`);

// 2. serve
/** Where each page kept is now: its own address, or the new one of an address it no longer has. */
const current = new Map<string, string>(served.map((p) => [p.path, p.path]));
for (const page of pages) if (page.movedTo) current.set(page.path, page.movedTo);
// A page taken down keeps its versions in the store; the portal serves them only when the agency chose so (site.yml).
const { served: servedLists, withheld } = servedVersions(index, new Set(current.keys()), settings.taken_down_versions);
const total = servedLists.reduce((n, [, list]) => n + list.length, 0);
const bar = process.stdout.isTTY ? new SingleBar({ format: 'mementos {bar} {value}/{total}', hideCursor: true }, Presets.shades_classic) : undefined;
bar?.start(total, 0);
const keptUsed = new Set<string>();
await mkdir(path.dirname(path.join(site, BANNER_STYLESHEET)), { recursive: true });
await writeFile(path.join(site, BANNER_STYLESHEET), BANNER_CSS);
/** A kept page's HTML, checked against the hash the index holds for it. */
async function capturedHtml(pagePath: string, memento: MementoRecord): Promise<string> {
  const html = await readFile(capturedFile(store, memento.stamp, pagePath), 'utf8').catch(() => undefined);
  if (html === undefined || sha256(html) !== memento.sha256) {
    fail(
      `bản lưu ${memento.stamp} của ${pagePath} thiếu hoặc đã bị sửa trong kho ${store}; lấy lại kho từ bản lưu trữ trước.`,
      `the memento ${memento.stamp} of ${pagePath} is missing or altered in the store ${store}; restore the store from the previous archive.`,
    );
  }
  return html;
}

for (const [pagePath, list] of servedLists) {
  const addresses = list.map((m) => mementoPath(pagePath, m.stamp));
  const comparisons = list.map((m, i) => (i > 0 ? comparisonPath(pagePath, m.stamp) : undefined));
  let before: { paragraphs: string[]; datetime: Date; address: string } | undefined;
  for (const [i, memento] of list.entries()) {
    const captured = await capturedHtml(pagePath, memento);
    // A page kept once has nothing to compare: its text is not read (most pages, at scale).
    const text = list.length > 1 ? readableText(captured) : undefined;
    const after = { paragraphs: text?.paragraphs ?? [], datetime: stampTime(memento.stamp)!, address: addresses[i]! };
    if (before && text) {
      const target = siteFile(comparisons[i]!);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(
        target,
        comparisonPage({ locale: pageLocale(pagePath), title: text.title, before, after, current: current.get(pagePath), timemap: timemapPath(pagePath), stylesheet: BANNER_STYLESHEET }),
      );
    }
    before = after;
    const html = await servedMemento(
      captured,
      {
        locale: pageLocale(pagePath),
        datetime: stampTime(memento.stamp)!,
        current: current.get(pagePath),
        original: pageUrl(pagePath),
        previous: addresses[i - 1],
        next: addresses[i + 1],
        timemap: timemapPath(pagePath),
        comparison: comparisons[i],
        stylesheet: BANNER_STYLESHEET,
      },
      (url) => {
        const name = memento.files?.[url];
        if (!name) return undefined;
        keptUsed.add(name);
        return `${KEPT_FILES}${name}`;
      },
    );
    const target = siteFile(addresses[i]!);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, html);
    bar?.increment();
  }
  const timemapFile = path.join(site, timemapPath(pagePath));
  await mkdir(path.dirname(timemapFile), { recursive: true });
  await writeFile(
    timemapFile,
    timemap(
      pageUrl(pagePath),
      pageUrl(timemapPath(pagePath)),
      list.map((m, i) => ({ uri: pageUrl(addresses[i]!), datetime: stampTime(m.stamp)! })),
    ),
  );
}
for (const name of keptUsed) {
  const target = path.join(site, KEPT_FILES, name);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(keptFile(store, name), target);
}
bar?.stop();
// At the addresses of a page taken down, what an earlier deploy served (a build into the same folder keeps it) gives
// way to a notice that the version is kept and not served; the TimeMap goes.
for (const [pagePath, list] of withheld) {
  await rm(path.join(site, timemapPath(pagePath)), { force: true });
  const notice = existsSync(siteFile(pagePath)) ? pagePath : undefined;
  for (const [i, m] of list.entries()) {
    const html = withheldPage({ locale: pageLocale(pagePath), datetime: stampTime(m.stamp)!, notice, stylesheet: BANNER_STYLESHEET });
    for (const page of i > 0 ? [mementoPath(pagePath, m.stamp), comparisonPath(pagePath, m.stamp)] : [mementoPath(pagePath, m.stamp)]) {
      await mkdir(path.dirname(siteFile(page)), { recursive: true });
      await writeFile(siteFile(page), html);
    }
  }
}
console.log(`mementos: ${total} bản lưu của ${servedLists.length} trang được phục vụ / archived versions of pages served, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (withheld.length > 0) {
  const versions = withheld.reduce((n, [, list]) => n + list.length, 0);
  console.log(
    `mementos: ${versions} bản lưu của ${withheld.length} trang đã gỡ được giữ trong kho, không phục vụ trên cổng (site.yml taken_down_versions: hidden) / ` +
      `${versions} archived version(s) of ${withheld.length} page(s) taken down kept in the store, not served on the portal`,
  );
}
