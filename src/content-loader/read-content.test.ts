/**
 * What the content check reads from disk: no symbolic link is ever followed
 * in content/ or public/ (each is refused with a message), nothing but
 * regular files, and content files over the size limit are not read at all.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../lib/content/issues.ts';
import { readContentFile, readContentFileSync, readContentFiles, readPublicFiles } from './read-content.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-read-content-'));
const secret = path.join(work, 'secret.txt');
const saved = { content: process.env.PORTAL_CONTENT_DIR, public: process.env.PORTAL_PUBLIC_DIR };

beforeAll(() => {
  delete process.env.PORTAL_CONTENT_DIR;
  delete process.env.PORTAL_PUBLIC_DIR;
  writeFileSync(secret, 'the build machine’s secret\n');
  cpSync('content', path.join(work, 'content'), { recursive: true });
  cpSync('public', path.join(work, 'public'), { recursive: true });
  mkdirSync(path.join(work, 'outside'));
  writeFileSync(path.join(work, 'outside', 'x.mdx'), '---\ntitle: x\n---\n');
  // Links to a file, to a folder, and a dangling one, in both trees.
  symlinkSync(secret, path.join(work, 'content/news/vi/bi-mat.mdx'));
  symlinkSync(path.join(work, 'outside'), path.join(work, 'content/pages/ngoai'));
  symlinkSync('/nonexistent/target.yml', path.join(work, 'content/governance/treo.yml'));
  mkdirSync(path.join(work, 'public/files'));
  symlinkSync(secret, path.join(work, 'public/files/mat-khau.txt'));
  symlinkSync('/etc', path.join(work, 'public/media/uploads'));
});

afterAll(() => {
  if (saved.content !== undefined) process.env.PORTAL_CONTENT_DIR = saved.content;
  if (saved.public !== undefined) process.env.PORTAL_PUBLIC_DIR = saved.public;
  rmSync(work, { recursive: true, force: true });
});

const SYMLINK_EN =
  'This is a symbolic link (symlink), not a file: it is not allowed in content/ or public/, because the build would copy whatever it points to on the build machine (possibly a key or a password) into the public site. Replace the link with the file itself, or delete it (git rm).';

describe('readContentFiles and readPublicFiles never follow a link', () => {
  it('refuses every link in content/, reading none of them', async () => {
    const { files, issues } = await readContentFiles(work);
    expect(issues.map((i) => [i.file, i.line, i.column, i.en])).toEqual([
      ['content/governance/treo.yml', 1, 1, SYMLINK_EN],
      ['content/news/vi/bi-mat.mdx', 1, 1, SYMLINK_EN],
      ['content/pages/ngoai', 1, 1, SYMLINK_EN],
    ]);
    expect(issues[0]!.vi).toMatch(/^Đây là một liên kết tượng trưng \(symlink\), không phải tệp/);
    expect(files.some((f) => f.source.includes('the build machine’s secret'))).toBe(false);
    expect(files.some((f) => f.file.startsWith('content/pages/ngoai'))).toBe(false);
    expect(files.length).toBeGreaterThan(100);
  });

  it('refuses every link in public/ and leaves it out of the site’s files', async () => {
    const { staticPaths, issues } = await readPublicFiles(work);
    expect(issues.map((i) => [i.file, i.en])).toEqual([
      ['public/files/mat-khau.txt', SYMLINK_EN],
      ['public/media/uploads', SYMLINK_EN],
    ]);
    expect([...staticPaths].sort()).toEqual(['/favicon.svg', '/media/site/logo.svg', '/og-image.png']);
  });
});

describe('readContentFile (the settings, the roles file, astro.config.mjs)', () => {
  it('reads a regular file, says nothing of a missing one, and refuses a link without following it', async () => {
    expect((await readContentFile(work, 'content/site.yml')).source).toContain('baohiemxahoi.gov.vn');
    expect(await readContentFile(work, 'content/khong-co.yml')).toEqual({});
    expect((await readContentFile(work, 'content/governance/treo.yml')).issue?.en).toBe(SYMLINK_EN);
    expect((await readContentFile(work, 'content/news/vi/bi-mat.mdx')).source).toBeUndefined();
    expect(readContentFileSync(work, 'content/site.yml')).toContain('baohiemxahoi.gov.vn');
    expect(readContentFileSync(work, 'content/news/vi/bi-mat.mdx')).toBeUndefined();
  });
});

describe('only regular files with printable names, content files within the size limit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-read-odd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a pipe, a name with a text-direction control, an oversize file, and a file refused by its content', async () => {
    mkdirSync(path.join(dir, 'content/news/vi'), { recursive: true });
    mkdirSync(path.join(dir, 'public/files'), { recursive: true });
    expect(spawnSync('mkfifo', [path.join(dir, 'content/news/vi/ong.mdx')]).status).toBe(0);
    writeFileSync(path.join(dir, 'content/news/vi/lon.mdx'), `---\ntitle: x\n---\n${'x'.repeat(1024 * 1024)}`);
    writeFileSync(path.join(dir, 'public/files/hoa-don\u202Efdp.exe'), '%PDF-1.4\n');
    writeFileSync(path.join(dir, 'public/files/trang.html'), '<script>alert(1)</script>');
    const content = await readContentFiles(dir);
    expect(content.files).toEqual([]);
    expect(content.issues.map((i) => [i.file, i.en.slice(0, 60)])).toEqual([
      ['content/news/vi/lon.mdx', 'The file is too large (1 MB); a content file may hold at mos'],
      ['content/news/vi/ong.mdx', 'This is no regular file (perhaps a pipe, a socket or a devic'],
    ]);
    const publicFiles = await readPublicFiles(dir);
    expect(publicFiles.issues.map(formatIssue)).toEqual([
      [
        'public/files/hoa-don\\u{202E}fdp.exe:1:1  (lỗi / error)',
        '  vi: Ký tự điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE) trong tên tệp không được phép, vì lý do bảo mật: nó đảo thứ tự hiển thị chữ và số, nên người đọc có thể thấy một số điện thoại hay một địa chỉ khác với số, địa chỉ thật. Xoá ký tự vô hình này (thường lọt vào khi sao chép; gõ lại đoạn chữ nếu không thấy nó).',
        '  en: The text-direction control U+202E (RIGHT-TO-LEFT OVERRIDE) in the file name is not allowed, for security: it reorders how letters and digits are shown, so readers can see a telephone number or an address other than the real one. Delete this invisible character (it usually comes with copied text; retype the passage if you cannot see it).',
      ].join('\n'),
      expect.stringMatching(/^public\/files\/trang.html:1:1 {2}\(lỗi \/ error\)\n {2}vi: Tệp trang.html là trang HTML/),
    ]);
  });
});

describe('files left unread when their stamp is the known one', () => {
  it('leaves unread what `unchanged` accepts, stamps every file, and still refuses links it is asked about', async () => {
    const first = await readContentFiles(work);
    const stamp = first.stamps.get('content/site.yml')!;
    expect(stamp).toMatch(/^\d+:\d+:\d+:\d+$/);
    const known = new Map(first.stamps);
    const again = await readContentFiles(work, (file, s) => file !== 'content/site.yml' && known.get(file) === s);
    expect(again.files.map((f) => f.file)).toEqual(['content/site.yml']);
    expect(again.unread.length).toBe(first.files.length - 1);
    expect(again.issues.map((i) => i.file)).toEqual(first.issues.map((i) => i.file));
    // A change that keeps the size (one letter for another) changes the stamp: the file is read.
    const file = first.files.find((f) => f.file.startsWith('content/news/vi/'))!;
    const changed = file.source.replace('a', 'o');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(file.source));
    writeFileSync(path.join(work, file.file), changed);
    const edited = await readContentFiles(work, (f, s) => known.get(f) === s);
    expect(edited.files.map((f) => f.file)).toEqual([file.file]);
  });
});
