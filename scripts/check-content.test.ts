/**
 * `npm run check:content` on a content folder (PORTAL_CONTENT_DIR) and public
 * folder (PORTAL_PUBLIC_DIR) full of hostile files: it exits 1 and names each
 * problem in both languages — never a stack trace, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-check-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const frontmatter = ['---', 'title: Tin thử nghiệm', 'summary: Một mục dùng để kiểm tra.', 'date: 2024-09-16', 'column: tin-tuc-su-kien', 'section: hoat-dong-nganh', 'author: Biên tập viên'];

describe('npm run check:content on hostile files', () => {
  it('exits 1 with every problem named, in both languages, and no stack trace', () => {
    const content = path.join(work, 'content');
    const publicDir = path.join(work, 'public');
    cpSync('content', content, { recursive: true });
    cpSync('public', publicDir, { recursive: true });
    const news = (name: string, text: string) => writeFileSync(path.join(content, 'news/vi', `${name}.mdx`), text);
    news('trich-dan-sau', [...frontmatter, '---', '', `${'>'.repeat(10_000)} Nội dung.`, ''].join('\n'));
    news('bom-bi-danh', [...frontmatter, 'tags: &a [a, a, a, a, a, a, a, a, a]', 'x: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'y: [*b, *b, *b, *b, *b, *b, *b, *b, *b]', '---', '', 'Nội dung.', ''].join('\n'));
    news('rat-lon', [...frontmatter, '---', '', 'Nội dung rất dài. '.repeat(70_000)].join('\n'));
    writeFileSync(path.join(content, 'governance/roles.yml'), readFileSync('content/governance/roles.yml', 'utf8').replace('roles: [board-head]', 'roles: !!js/function "function () {}"'));
    writeFileSync(path.join(work, 'secret.txt'), 'secret\n');
    symlinkSync(path.join(work, 'secret.txt'), path.join(content, 'news/vi/lien-ket.mdx'));
    mkdirSync(path.join(publicDir, 'media'), { recursive: true });
    writeFileSync(path.join(publicDir, 'media/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    symlinkSync(path.join(work, 'secret.txt'), path.join(publicDir, 'media/mat-khau.txt'));

    const summary = path.join(work, 'summary.md');
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--summary', summary], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_PUBLIC_DIR: publicDir },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/RangeError|ReferenceError|TypeError|Segmentation/);
    for (const [where, vi, en] of [
      ['content/news/vi/trich-dan-sau.mdx:10:33', 'vi: Trích dẫn, danh sách, thành phần và định dạng lồng nhau quá sâu: tối đa 32 cấp', 'en: Quotes, lists, components and formatting are nested too deeply: at most 32 levels'],
      ['content/news/vi/bom-bi-danh.mdx:9:8  [x[0]]', 'vi: Bí danh YAML “*a” không được phép (tệp có 18 bí danh)', 'en: The YAML alias “*a” is not allowed (the file has 18 aliases)'],
      ['content/news/vi/rat-lon.mdx:1:1', 'vi: Tệp quá lớn (1,5 MB); mỗi tệp nội dung được tối đa 1 MB', 'en: The file is too large (1.5 MB); a content file may hold at most 1 MB'],
      ['content/governance/roles.yml:22:26  [people[0].roles]', 'vi: Thẻ kiểu YAML “!!js/function” không được phép', 'en: The YAML tag “!!js/function” is not allowed'],
      ['content/news/vi/lien-ket.mdx:1:1', 'vi: Đây là một liên kết tượng trưng (symlink), không phải tệp', 'en: This is a symbolic link (symlink), not a file'],
      ['public/media/logo.svg:1:49', 'vi: Ảnh SVG logo.svg: Phần tử <script> không được phép', 'en: SVG image logo.svg: The element <script> is not allowed'],
      ['public/media/mat-khau.txt:1:1', 'vi: Đây là một liên kết tượng trưng (symlink), không phải tệp', 'en: This is a symbolic link (symlink), not a file'],
    ]) {
      expect(output).toContain(`${where}  (lỗi / error)\n  ${vi}`);
      expect(output).toContain(en);
    }
    expect(output).toContain('7 error(s)');
    // The same problems as a readable table for the pull request (the job summary the CMS links to).
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('**Không đạt: 7 lỗi, 0 cảnh báo.**');
    expect(table.split('\n').filter((l) => /^\| (content|public)\//.test(l))).toHaveLength(7);
    expect(table).toContain('| content/news/vi/bom-bi-danh.mdx | 9 | `x[0]` | lỗi / error |');
    expect(table).not.toContain('<script>');
  });
});

describe('npm run check:content on the published history: stale translations, reused addresses', () => {
  it('warns on an English file older than a non-minor revision of its original, in both languages, and still exits 0', () => {
    const repo = path.join(work, 'repo');
    cpSync('content', path.join(repo, 'content'), { recursive: true });
    cpSync('public', path.join(repo, 'public'), { recursive: true });
    const git = (date: string, ...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=Biên tập viên', '-c', 'user.email=editor@example.vn', ...args], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    };
    const slug = 'dich-vu-cong-truc-tuyen-bhxh-tren-cong-dich-vu-cong-quoc-gia';
    const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(repo, file), change(readFileSync(path.join(repo, file), 'utf8')));
    const check = () => {
      const r = spawnSync(process.execPath, ['scripts/check-content.ts'], {
        encoding: 'utf8',
        env: { ...process.env, PORTAL_CONTENT_DIR: path.join(repo, 'content'), PORTAL_PUBLIC_DIR: path.join(repo, 'public') },
      });
      return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
    };
    git('2026-11-01T03:00:00Z', 'init', '-q', '-b', 'main');
    git('2026-11-01T03:00:00Z', 'add', '.');
    git('2026-11-01T03:00:00Z', 'commit', '-qm', 'Portal content');
    // A minor change of one original, a real revision (00:30 on 20 November in Vietnam) of another.
    edit('content/news/vi/canh-bao-tai-khoan-zalo-gia-mao.mdx', (t) => t.replace('sample: true\n', 'sample: true\nminor_change: true\n'));
    edit(`content/news/vi/${slug}.mdx`, (t) => t.replace('sample: true\n', 'sample: true\nchange_note: Bổ sung thủ tục mới.\n'));
    git('2026-11-19T17:30:00Z', 'commit', '-qam', 'Merge pull request #21 from bhxh-vietnam/cms/news/dich-vu-cong');

    const stale = check();
    expect(stale.status, stale.output).toBe(0);
    expect(stale.output).toContain(`content/news/en/${slug}.mdx:1:1  (cảnh báo / warning)`);
    expect(stale.output).toContain(`vi: Bản gốc tiếng Việt content/news/vi/${slug}.mdx đã được sửa đổi ngày 20/11/2026, sau lần sửa cuối của bản dịch này (01/11/2026)`);
    expect(stale.output).toContain(`en: The Vietnamese original content/news/vi/${slug}.mdx was revised on 20 November 2026, after this translation was last revised (1 November 2026)`);
    expect(stale.output).not.toContain('content/news/en/canh-bao-tai-khoan-zalo-gia-mao.mdx');
    expect(stale.output).toMatch(/0 errors and 1 warning\b/);

    // The translation brought up to date: no warning.
    edit(`content/news/en/${slug}.mdx`, (t) => t.replace('People and businesses can', 'Since November, people and businesses can'));
    git('2026-11-21T03:00:00Z', 'commit', '-qam', 'Update the translation (#22)');
    const current = check();
    expect(current.status, current.output).toBe(0);
    expect(current.output).not.toContain('(cảnh báo / warning)');

    // A page's English address changed (/en/links/ → /en/useful-links/, so /en/links/ sends readers on) …
    const setAddress = (slug: string, from: string, to: string) => {
      for (const l of ['vi', 'en']) edit(`content/pages/${l}/${slug}.mdx`, (t) => t.replace(`english_address: ${from}\n`, `english_address: ${to}\n`));
    };
    setAddress('lien-ket', 'links', 'useful-links');
    git('2026-11-22T03:00:00Z', 'commit', '-qam', 'Merge pull request #23 from bhxh-vietnam/cms/pages/lien-ket');
    expect(check().output).not.toContain('(cảnh báo / warning)');
    // … then another page given it: old links to Links would reach it instead.
    setAddress('dieu-khoan-su-dung', 'terms-of-use', 'links');
    const reused = check();
    expect(reused.status, reused.output).toBe(0);
    expect(reused.output).toMatch(/content\/pages\/vi\/dieu-khoan-su-dung\.mdx:\d+:\d+  \[english_address\]  \(cảnh báo \/ warning\)/);
    expect(reused.output).not.toContain('dieu-khoan-su-dung.mdx:1:1');
    expect(reused.output).toContain("en: This page's address /en/links/ was another page's (content/pages/vi/lien-ket.mdx, now at /en/useful-links/) in an earlier publication");
    expect(reused.output).toContain('vi: Địa chỉ /en/links/ của trang này từng là địa chỉ của trang khác (content/pages/vi/lien-ket.mdx, nay ở /en/useful-links/)');
    expect(reused.output).toMatch(/0 errors and 1 warning\b/);
  }, 60_000);
});
