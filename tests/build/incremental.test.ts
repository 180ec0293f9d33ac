/**
 * Nothing is lost on the fast path: after entries are added, edited, translated
 * and removed, an incremental build of the previous site gives exactly the
 * files — pages, feeds, sitemap, and the search index, byte for byte — of a
 * full build from scratch with empty caches.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });

function build(out: string, cache: string): string {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: cache },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build failed:\n${output}`);
  return output;
}

/** Every file of a built site, the search index included. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(rel, readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const edit = (file: string, change: (text: string) => string) => {
  const full = path.join(content, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
};

describe('incremental build', () => {
  it('gives the same site as a full build after adding, editing, translating and removing entries', () => {
    const site = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    expect(build(site, cache)).toContain('build: everything');
    // Everything built again with the caches kept (the output folder is emptied): the search index is written again.
    const again = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', site], { encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: cache } });
    expect(again.status).toBe(0);
    expect(readdirSync(path.join(site, 'search/vi')).sort()).toEqual(['facets.json', 'index.json', 'p', 'pages', 'w']);

    // A document on the portal that lists Decision 1624 as related, and cites by number one the library does not hold yet.
    writeFileSync(
      path.join(content, 'documents/vi/cong-van-thu.mdx'),
      '---\ntitle: Công văn thử nghiệm\nnumber: 9/BHXH-TT\nkind: cong-van\nissuer: Bảo hiểm xã hội Việt Nam\nissued: 2025-01-02\nstatus: in-force\nsummary: Công văn dùng để kiểm tra bản dựng từng phần.\nrelations:\n  - type: based-on\n    document: 1624-qd-bhxh\n  - type: based-on\n    number: 77/BHXH-TT\n    title: Công văn số 77\nsample: true\n---\n\nNội dung công văn.\n',
    );
    expect(build(site, cache)).toContain('build: only what changed');

    // Edit a title that other pages show, change a unit's name, add a Vietnamese-only news item,
    // translate an untranslated one, remove a question and an English translation, rename a board member.
    edit('documents/vi/1624-qd-bhxh.mdx', (t) => t.replace(/^title: (.*)$/m, 'title: $1 (đã sửa)'));
    edit('units/vi/trung-tam-dich-vu-ho-tro-cham-soc-khach-hang.mdx', (t) => t.replace(/^name: (.*)$/m, 'name: $1 (mới)'));
    const untranslated = readdirSync(path.join(content, 'news/vi')).find((f) => !readdirSync(path.join(content, 'news/en')).includes(f))!;
    cpSync(path.join(content, 'news/vi', untranslated), path.join(content, 'news/en', untranslated));
    edit(`news/en/${untranslated}`, (t) => t.replace(/^title: (.*)$/m, 'title: An English translation'));
    writeFileSync(
      path.join(content, 'news/vi/tin-moi-them.mdx'),
      '---\ntitle: Tin mới thêm để kiểm tra\nsummary: Một tin mới, chỉ có tiếng Việt.\ndate: 2026-11-21\ncolumn: tin-tuc-su-kien\nsection: hoat-dong-nganh\nauthor: Biên tập viên\nsample: true\n---\n\nĐăng ký dịch vụ công trực tuyến.\n',
    );
    const question = readdirSync(path.join(content, 'qa/en'))[0]!;
    unlinkSync(path.join(content, 'qa/vi', question));
    unlinkSync(path.join(content, 'qa/en', question));
    unlinkSync(path.join(content, 'documents/en/1436-bhxh-tt-ptdt.mdx'));
    // A change in the roles file: the editorial-board pages list it.
    edit('governance/roles.yml', (t) => t.replace('name: Vũ Thị Hương', 'name: Vũ Thị Hương Giang'));
    // A new English address for the terms of use, which every page's footer links.
    for (const l of ['vi', 'en']) edit(`pages/${l}/dieu-khoan-su-dung.mdx`, (t) => t.replace(/^english_address: .*$/m, 'english_address: terms-of-use-of-the-portal'));

    const output = build(site, cache);
    expect(output).toContain('build: only what changed');
    expect(output).toMatch(/removed \d+ page\(s\) of deleted entries/);

    // Edits only (the same pages): the search index is patched, not written whole.
    edit('documents/vi/1624-qd-bhxh.mdx', (t) => `${t}\nĐoạn bổ sung: chữ zyxwv mới và đăng ký lại.\n`);
    edit(`news/en/${untranslated}`, (t) => t.replace(/^title: (.*)$/m, 'title: An English translation, revised'));
    // A change that keeps the file's size, in a file no build has seen changed: found by its stamp, not its size.
    const kept = readdirSync(path.join(content, 'qa/vi')).find((f) => f !== question)!;
    edit(`qa/vi/${kept}`, (t) => t.replace(/(\n---\n[^]*?)a/, '$1o'));
    const patched = build(site, cache);
    expect(patched).toContain('build: only what changed');
    expect(patched).toMatch(/index patched: [1-9]\d* file\(s\) written/);

    // Only the document cited by number arrives: the citing page, itself unchanged, links it.
    writeFileSync(
      path.join(content, 'documents/vi/cong-van-77.mdx'),
      '---\ntitle: Công văn số 77\nnumber: 77/BHXH-TT\nkind: cong-van\nissuer: Bảo hiểm xã hội Việt Nam\nissued: 2025-01-03\nstatus: in-force\nsummary: Công văn được văn bản khác dẫn chiếu theo số.\nsample: true\n---\n\nNội dung.\n',
    );
    expect(build(site, cache)).toContain('build: only what changed');

    const fresh = path.join(work, 'fresh');
    expect(build(fresh, path.join(work, 'fresh-cache'))).toContain('build: everything');

    const incremental = files(site);
    const full = files(fresh);
    expect([...incremental.keys()].sort()).toEqual([...full.keys()].sort());
    const different = [...full.keys()].filter((f) => incremental.get(f) !== full.get(f));
    expect(different).toEqual([]);
    // The related document shows the edited title, the removed question is gone.
    expect(incremental.get('van-ban/cong-van-thu/index.html')).toContain('(đã sửa)');
    expect(incremental.get('van-ban/cong-van-thu/index.html')).toContain('href="/van-ban/cong-van-77/"');
    expect(incremental.has(`hoi-dap/${question.replace(/\.mdx$/, '')}/index.html`)).toBe(false);
    expect(incremental.get('ban-bien-tap/index.html')).toContain('Vũ Thị Hương Giang');
    expect(incremental.get('en/editorial-board/index.html')).toContain('Vũ Thị Hương Giang');
    // The terms of use moved to their new English address, and the footers link it there.
    expect(incremental.has('en/terms-of-use/index.html')).toBe(false);
    expect(incremental.get('en/terms-of-use-of-the-portal/index.html')).toContain('<h1');
    expect(incremental.get('en/index.html')).toContain('href="/en/terms-of-use-of-the-portal/"');

    // The search index holds every searchable page, in both builds alike (compared byte for byte above).
    const manifest = JSON.parse(readFileSync(path.join(cache, 'portal-search-pages.json'), 'utf8')) as { url: string }[];
    const pages = (lang: string) => JSON.parse(incremental.get(`search/${lang}/index.json`)!).pages as number;
    expect({ vi: pages('vi'), en: pages('en') }).toEqual({
      vi: manifest.filter((m) => !m.url.startsWith('/en/')).length,
      en: manifest.filter((m) => m.url.startsWith('/en/')).length,
    });
    expect(incremental.has('pagefind/pagefind.js')).toBe(false);
    // The edited entry's new words are found in the incremental index.
    expect([...incremental.keys()].filter((f) => f.startsWith('search/vi/pages/')).some((f) => incremental.get(f)!.includes('(đã sửa)'))).toBe(true);
    expect(incremental.get('search/vi/w/zy.json')).toContain('"zyxwv"');
  });
});
