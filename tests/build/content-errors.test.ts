/**
 * A bad entry stops the real `astro build` with the file, line, field, what was
 * expected and what was found, in Vietnamese and English; code in an entry is
 * refused and never runs; links are checked from the cache too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-bad-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(files: Record<string, string>) {
  const content = path.join(work, `content-${Object.keys(files).length}-${Date.now()}`);
  cpSync('content', content, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(content, file), text);
  const result = spawnSync('npx', ['astro', 'build', '--outDir', path.join(content, 'dist')], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: path.join(content, '.cache') },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the build with a bad entry', () => {
  it('fails and names the file, line, field, expected and found, in both languages', () => {
    const bad = [
      '---',
      'title: Tin có lỗi',
      'summary: Ngày viết sai định dạng.',
      'date: 16/9/2024',
      'column: tin-tuc-su-kien',
      'section: hoat-dong-nganh',
      'author: Biên tập viên',
      '---',
      '',
      'Nội dung.',
      '',
    ].join('\n');
    const { status, output } = buildWith({ 'news/vi/tin-co-loi.mdx': bad });
    expect(status).not.toBe(0);
    expect(output).toContain('content/news/vi/tin-co-loi.mdx:4:1  [date]');
    expect(output).toContain('vi: “date” (Ngày đăng): Cần một ngày có thật, viết theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2024-09-16. (đang ghi: “16/9/2024”)');
    expect(output).toContain('en: “date” (Date): Expected a real date written YYYY-MM-DD, for example 2024-09-16. (found: “16/9/2024”)');
  });
});

describe('the build with a bad roles file', () => {
  it('fails and names the file, line and field of content/governance/roles.yml, in both languages', () => {
    const roles = readFileSync('content/governance/roles.yml', 'utf8').replace('  - to: sample-tran-thi-binh', '  - to: sample-vu-thi-huong');
    const { status, output } = buildWith({ 'governance/roles.yml': roles });
    expect(status).not.toBe(0);
    expect(output).toContain('content/governance/roles.yml:69:5  [delegations[0].to]  (lỗi / error)');
    expect(output).toContain('vi: “delegations[0].to” (Phó Trưởng Ban được ủy quyền (tài khoản GitHub)): “sample-vu-thi-huong” không phải Phó Trưởng Ban (deputy-head)');
    expect(output).toContain('en: “delegations[0].to” (Authorised deputy head (GitHub login)): “sample-vu-thi-huong” is not a deputy head (deputy-head)');
  });
});

const frontmatter = (title: string) =>
  ['---', `title: ${title}`, 'summary: Một mục dùng để kiểm tra.', 'date: 2024-09-16', 'column: tin-tuc-su-kien', 'section: hoat-dong-nganh', 'author: Biên tập viên', '---', ''];

describe('the build with code in an entry', () => {
  it('fails with the check’s message (file:line:column, both languages) and never runs the code', () => {
    const marker = path.join(work, 'hostile-code-ran');
    const hostile = [
      ...frontmatter('Tin có mã độc'),
      `export const x = require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`,
      '',
      `{import('node:fs').then((f) => f.writeFileSync(${JSON.stringify(marker)}, 'ran'))}`,
      '',
    ].join('\n');
    const { status, output } = buildWith({ 'news/vi/tin-co-ma-doc.mdx': hostile });
    expect(status).not.toBe(0);
    expect(output).toContain(
      [
        'content/news/vi/tin-co-ma-doc.mdx:10:1  (lỗi / error)',
        '  vi: Nội dung không được chứa lệnh import/export (mã JavaScript). Hãy xoá dòng này.',
        '  en: Content may not contain import/export statements (JavaScript code). Delete this line.',
      ].join('\n'),
    );
    expect(output).toContain(
      [
        'content/news/vi/tin-co-ma-doc.mdx:12:1  (lỗi / error)',
        '  vi: Nội dung không được chứa biểu thức trong ngoặc nhọn { } (mã JavaScript). Xoá ngoặc nhọn hoặc viết bằng chữ.',
        '  en: Content may not contain { } expressions (JavaScript code). Remove the braces or write the text out.',
      ].join('\n'),
    );
    expect(existsSync(marker)).toBe(false);
  });
});

describe('links between entries, across builds', () => {
  it('are checked from the cache: an unchanged entry linking to a removed one fails the next sync', () => {
    const content = path.join(work, 'content-links');
    const cache = path.join(work, 'cache-links');
    cpSync('content', content, { recursive: true });
    writeFileSync(path.join(content, 'news/vi/tin-dich.mdx'), [...frontmatter('Tin đích'), 'Nội dung.', ''].join('\n'));
    writeFileSync(path.join(content, 'news/vi/tin-lien-ket.mdx'), [...frontmatter('Tin có liên kết'), 'Xem [tin đích](/tin-tuc/tin-dich/).', ''].join('\n'));
    const sync = () => {
      const result = spawnSync('npx', ['astro', 'sync'], { encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: cache } });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    };
    expect(sync().status).toBe(0);

    unlinkSync(path.join(content, 'news/vi/tin-dich.mdx'));
    const { status, output } = sync();
    expect(status).not.toBe(0);
    // The linking entry is unchanged, so its links come from the cache, not from a new render.
    expect(output).toMatch(/news: \d+ entries, 0 rendered/);
    expect(output).toContain('content/news/vi/tin-lien-ket.mdx:10:5  (lỗi / error)');
    expect(output).toContain('en: The link “/tin-tuc/tin-dich/” points to a page that is not on the portal.');
  });
});

describe('the build with a link or a hostile file in content/ or public/', () => {
  it('fails before Astro copies public/ into the site: a link to a file of the build machine and an SVG with a script', () => {
    const content = path.join(work, 'content-public');
    const publicDir = path.join(work, 'public-hostile');
    const out = path.join(work, 'dist-public');
    const secret = path.join(work, 'build-machine-secret.txt');
    cpSync('content', content, { recursive: true });
    cpSync('public', publicDir, { recursive: true });
    writeFileSync(secret, 'a secret of the build machine\n');
    mkdirSync(path.join(publicDir, 'media'), { recursive: true });
    symlinkSync(secret, path.join(publicDir, 'media/bao-cao.txt'));
    writeFileSync(path.join(publicDir, 'media/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_PUBLIC_DIR: publicDir, PORTAL_CACHE_DIR: path.join(work, 'cache-public') },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('public/media/bao-cao.txt:1:1  (lỗi / error)\n  vi: Đây là một liên kết tượng trưng (symlink), không phải tệp');
    expect(output).toContain('public/media/logo.svg:1:49  (lỗi / error)\n  vi: Ảnh SVG logo.svg: Phần tử <script> không được phép');
    expect(existsSync(path.join(out, 'media/bao-cao.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'media/logo.svg'))).toBe(false);
  });

  it('fails with a message, not a hang, when content/site.yml is a link to an endless device', () => {
    const content = path.join(work, 'content-endless');
    cpSync('content', content, { recursive: true });
    rmSync(path.join(content, 'site.yml'));
    symlinkSync('/dev/zero', path.join(content, 'site.yml'));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', path.join(work, 'dist-endless')], {
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: path.join(work, 'cache-endless') },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('content/site.yml:1:1  (lỗi / error)\n  vi: Đây là một liên kết tượng trưng (symlink), không phải tệp');
  });
});
