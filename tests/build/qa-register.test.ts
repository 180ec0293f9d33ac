/**
 * The Q&A register in the real build: a question received but not yet
 * answered is in the register (content/qa/) only — its slug and its title are
 * in no file of the built site (pages, listings, feeds, sitemap, search index:
 * what the archive of a deploy keeps) — while answered questions show when
 * they were received and answered, and the listing is filterable by topic
 * without JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuildCache } from '../seed-build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-qa-register-'));
const content = path.join(work, 'content');
const out = path.join(work, 'dist');
const cache = path.join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A question received and routed, with no answer yet, in both languages; and the register's own open questions.
const OPEN = 'cau-hoi-dang-cho-tra-loi-x7';
const OPEN_TITLE = 'Câu hỏi đang chờ trả lời Q7Z';
const open = (title: string, question: string) =>
  ['---', `title: ${JSON.stringify(title)}`, `question: ${JSON.stringify(question)}`, 'asker:', '  initials: T.V.K.', '  province: Hà Nội', 'topic: bhtn', 'channel: zalo', 'received: 2026-11-30T09:15', 'classified:', '  at: 2026-11-30T10:00', '  result: in-scope', 'routed_to: [bhxh-thanh-pho-ha-noi]', '---', ''].join('\n');
const REGISTER_ONLY = [OPEN, 'luong-huu-khi-dong-bhxh-o-hai-tinh', 'gia-han-the-bhyt-ho-gia-dinh'];

/** Every file of the built site, with the search index's compressed files read uncompressed. */
function builtFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const file = path.join(d.parentPath, d.name);
      const bytes = readFileSync(file);
      let text = bytes.toString('utf8');
      try {
        text += gunzipSync(bytes).toString('utf8');
      } catch {
        // Not compressed.
      }
      return { file: path.relative(dir, file), text };
    });
}

let files: { file: string; text: string }[];
const read = (p: string) => readFileSync(path.join(out, p), 'utf8');

beforeAll(() => {
  cpSync('content', content, { recursive: true });
  writeFileSync(path.join(content, `qa/vi/${OPEN}.mdx`), open(OPEN_TITLE, 'Tôi nghỉ việc tháng 11, khi nào được nhận trợ cấp thất nghiệp?'));
  writeFileSync(path.join(content, `qa/en/${OPEN}.mdx`), open('Question awaiting an answer Q7Z', 'I left my job in November: when do I get unemployment benefit?'));
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: seedBuildCache(cache), PORTAL_NOW: '2026-12-02T12:00:00+07:00', PORTAL_TODAY: '' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  files = builtFiles(out);
}, 300_000);

describe('a question received but not yet answered', () => {
  it('is in no built file: no page, listing, topic listing, feed, sitemap, search index', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.file.startsWith('search/'))).toBe(true);
    for (const slug of REGISTER_ONLY) expect(files.filter((f) => f.text.includes(slug)).map((f) => f.file), slug).toEqual([]);
    for (const title of [OPEN_TITLE, 'Question awaiting an answer Q7Z', 'Lương hưu được tính thế nào khi đã đóng BHXH ở hai tỉnh']) {
      expect(files.filter((f) => f.text.includes(title)).map((f) => f.file), title).toEqual([]);
    }
    expect(existsSync(path.join(out, `hoi-dap/${OPEN}/index.html`))).toBe(false);
    expect(existsSync(path.join(out, `en/questions/${OPEN}/index.html`))).toBe(false);
  });

  it('is not counted: the listing and its topic filter count only answered questions', () => {
    const listed = readdirSync(path.join(content, 'qa/vi')).filter((f) => !REGISTER_ONLY.includes(f.replace(/\.mdx$/, ''))).length;
    expect(read('hoi-dap/index.html')).toContain(`<strong>${listed} câu hỏi</strong>`);
    // The only question on unemployment insurance besides the open one: one, not two.
    expect(read('hoi-dap/chu-de-bhtn/index.html')).toContain('<strong>1 câu hỏi</strong>');
  });
});

describe('an answered question’s page', () => {
  it('shows when the question was received and answered, in Vietnam time, and how many working days it took, in each language', () => {
    const vi = read('hoi-dap/gui-cau-hoi-tren-cong-can-thong-tin-gi/index.html');
    expect(vi).toContain('<time datetime="2026-02-13T17:45+07:00">13/02/2026 17:45</time>');
    expect(vi).toContain('<time datetime="2026-02-26T15:00+07:00">26/02/2026 15:00</time>');
    expect(vi).toContain('Cổng thông tin điện tử');
    // Received at 17:45 on the Friday before Tết 2026: counted from Monday 23/02, answered on the third working day.
    expect(vi).toContain('Trả lời sau 3 ngày làm việc');
    const en = read('en/questions/what-to-include-in-a-question/index.html');
    expect(en).toContain('<time datetime="2026-02-13T17:45+07:00">13 February 2026, 17:45</time>');
    expect(en).toContain('<time datetime="2026-02-26T15:00+07:00">26 February 2026, 15:00</time>');
    expect(en).toContain('Answered in 3 working days');
    // An out-of-scope question answered the morning it arrived; a late answer shows its nine days.
    expect(read('hoi-dap/cau-hoi-ngoai-pham-vi-bhxh/index.html')).toContain('Trả lời trong ngày làm việc tiếp nhận');
    expect(read('en/questions/employer-late-paying-social-insurance/index.html')).toContain('Answered in 9 working days');
  });
});

describe('the Q&A listing filtered by topic, without JavaScript', () => {
  it('has a static page per topic with questions, linked from every listing, the chosen one marked', () => {
    const all = read('hoi-dap/index.html');
    expect(all).toContain('href="/hoi-dap/chu-de-bhyt/"');
    expect(all).toMatch(/<span aria-current="true">\s*Mọi chủ đề/);
    const bhyt = read('hoi-dap/chu-de-bhyt/index.html');
    expect(bhyt).toMatch(/<span aria-current="true">\s*Bảo hiểm y tế/);
    expect(bhyt).toContain('href="/hoi-dap/"');
    expect(bhyt).toContain('href="/hoi-dap/mat-the-bhyt-giay/"');
    expect(bhyt).not.toContain('href="/hoi-dap/quen-mat-khau-vssid/"');
    // Its counterpart in the other language is the same topic's listing.
    expect(bhyt).toContain('/en/questions/topic-health-insurance/');
    expect(read('en/questions/topic-health-insurance/index.html')).toMatch(/<span aria-current="true">\s*Health insurance/);
    // No script on the listing: the filter is links.
    expect(bhyt).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });
});
