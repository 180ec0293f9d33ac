/**
 * A bad entry stops the real `astro build` with the file, line, field, what was
 * expected and what was found, in Vietnamese and English.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
