/**
 * `npm run history -- drafts <page> [--show <id>]` against a scripted
 * repository holding kept drafts of every fate — a rejected pull request, a
 * merged one, a discarded local draft of a page never published — and hostile
 * tags: a message not in the portal's format, a lightweight tag, a tag on a
 * blob, a message naming another commit, a page name with odd characters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftTagMessage, type DraftFacts } from '../../src/lib/history/drafts.ts';
import { runHistoryCli } from './history-cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-history-drafts-'));
const repo = path.join(work, 'repo');
const vi = 'content/news/vi/tin-moi.mdx';
const en = 'content/news/en/tin-moi.mdx';
const fresh = 'content/news/vi/tin-bo.mdx';
const news = (title: string) => `---\ntitle: ${title}\nsummary: Tóm tắt.\ndate: 2026-03-01\n---\n\nNội dung.\n`;
const sha: Record<string, string> = {};

function git(args: string[], options: { date?: string; who?: [string, string]; input?: string } = {}): string {
  const [name, email] = options.who ?? ['Biên tập viên A', 'a@example.vn'];
  const date = options.date ?? '2026-03-01T01:00:00Z';
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  }).trim();
}
function commitFile(file: string, text: string, message: string, options: { date?: string; who?: [string, string] } = {}): string {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
  git(['add', file]);
  git(['commit', '-q', '-m', message], options);
  return git(['rev-parse', 'HEAD']);
}
const tag = (name: string, target: string, message: string, date = '2026-03-10T00:00:00Z') => git(['tag', '-a', '--cleanup=verbatim', '-F', '-', name, target], { input: message, date });

beforeAll(() => {
  mkdirSync(repo);
  git(['init', '-q', '-b', 'main']);
  writeFileSync(path.join(repo, 'README.md'), 'portal\n');
  git(['add', 'README.md']);
  git(['commit', '-q', '-m', 'Start']);
  sha.start = commitFile(vi, news('Tin mới'), 'Tin mới (#1)', { date: '2026-03-01T02:00:00Z' });
  commitFile(en, news('News'), 'News (#2)', { date: '2026-03-01T03:00:00Z' });
  sha.base = git(['rev-parse', 'HEAD']);

  // PR 7: two editors' commits on tin-moi, closed without merging.
  git(['checkout', '-q', '-b', 'cms/news/tin-moi']);
  commitFile(vi, news('Tin mới — bản nháp 1'), 'Update News “tin-moi”', { date: '2026-03-02T02:00:00Z', who: ['Biên tập viên A', 'a@example.vn'] });
  sha.rejected = commitFile(vi, news('Tin mới — bản nháp bị từ chối'), 'Update News “tin-moi”', { date: '2026-03-02T03:00:00Z', who: ['Biên tập viên B', 'b@example.vn'] });
  // PR 8: merged (a merge commit), so its head is on main.
  git(['checkout', '-q', '-b', 'cms/news/tin-moi-2', sha.base]);
  sha.merged = commitFile(vi, news('Tin mới — đã đăng'), 'Update News “tin-moi”', { date: '2026-03-03T02:00:00Z' });
  git(['checkout', '-q', 'main']);
  git(['merge', '-q', '--no-ff', '-m', 'Merge pull request #8', sha.merged], { date: '2026-03-04T02:00:00Z' });
  // A local draft of a new page, discarded: never published.
  git(['checkout', '-q', '-b', 'cms/news/tin-bo', sha.base]);
  sha.discarded = commitFile(fresh, news('Tin bỏ'), 'Create News “tin-bo”', { date: '2026-03-05T02:00:00Z' });
  // A draft that deletes the page's file.
  git(['checkout', '-q', '-b', 'cms/news/xoa', sha.base]);
  git(['rm', '-q', vi]);
  git(['commit', '-q', '-m', 'Delete'], { date: '2026-03-06T02:00:00Z' });
  sha.deleting = git(['rev-parse', 'HEAD']);
  git(['checkout', '-q', 'main']);
  for (const b of ['cms/news/tin-moi', 'cms/news/tin-moi-2', 'cms/news/tin-bo', 'cms/news/xoa']) git(['branch', '-q', '-D', b]);

  const pull = (n: number, fate: DraftFacts['fate'], head: string, closedAt: string): DraftFacts => ({
    source: 'github',
    fate,
    head,
    base: sha.base!,
    closedAt,
    pull: { number: n, title: `Sửa “Tin mới” \u001b[31m(#${n})`, author: 'bien-tap-vien', url: `https://github.com/o/r/pull/${n}` },
  });
  tag('drafts/pr-7', sha.rejected, draftTagMessage(pull(7, 'rejected', sha.rejected, '2026-03-02T05:00:00Z')));
  tag('drafts/pr-8', sha.merged, draftTagMessage(pull(8, 'published', sha.merged, '2026-03-04T02:00:00Z')));
  tag('drafts/local/news/tin-bo/20260305T030000Z', sha.discarded, draftTagMessage({ source: 'local', fate: 'discarded', head: sha.discarded, base: sha.base, closedAt: '2026-03-05T03:00:00Z', entry: { collection: 'news', slug: 'tin-bo' } }));
  tag('drafts/local/news/xoa/20260306T030000Z', sha.deleting, draftTagMessage({ source: 'local', fate: 'discarded', head: sha.deleting, base: sha.base, closedAt: '2026-03-06T03:00:00Z', entry: { collection: 'news', slug: 'xoa' } }));
  // Hostile: a message of another format; a lightweight tag on a published head; a tag on a blob; a message naming another commit.
  tag('drafts/foreign', sha.rejected, 'Release 1.0\n\n\u001b[2Jnot a draft\n', '2026-03-07T00:00:00Z');
  git(['tag', 'drafts/light', sha.merged]);
  tag('drafts/blob', git(['rev-parse', `${sha.start}:${vi}`]), 'a blob');
  tag('drafts/copied', sha.merged, draftTagMessage(pull(9, 'rejected', sha.rejected, '2026-03-08T00:00:00Z')), '2026-03-08T00:00:00Z');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function history(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runHistoryCli(args, { stdout: { write: (t: string) => (stdout += t), isTTY: false }, stderr: { write: (t: string) => (stderr += t), isTTY: false }, cwd: repo });
  return { code, stdout, stderr };
}

describe('history drafts <page>', () => {
  it('lists every kept draft that changes the page, oldest closed first, with dates, authors and fate', async () => {
    const { code, stdout, stderr } = await history(['drafts', '/tin-tuc/tin-moi/']);
    expect(code, stderr).toBe(0);
    const short = (s: string) => s.slice(0, 7);
    expect(stdout).toContain('Bản nháp đã lưu: /tin-tuc/tin-moi/\nTệp nguồn: content/news/vi/tin-moi.mdx\nGiờ Việt Nam (UTC+7). 6 bản nháp.');
    expect(stdout).toContain(
      [
        '1. pr-7  bị từ chối / đóng không đăng',
        // The escape character of the title is dropped when the tag is written and read (what is left is plain text).
        '    PR #7 “Sửa “Tin mới” [31m(#7)” · người mở bien-tap-vien',
        `    bắt đầu 02/03/2026 09:00 · kết thúc 02/03/2026 12:00 · commit ${short(sha.rejected!)}`,
        '    tác giả: Biên tập viên A <a@example.vn>, Biên tập viên B <b@example.vn>',
        '    sửa: content/news/vi/tin-moi.mdx',
      ].join('\n'),
    );
    expect(stdout).toContain(`3. pr-8  đã đăng\n    PR #8`);
    // Not the discarded new page: it changes another file.
    expect(stdout).not.toContain('tin-bo');
    expect(stdout).toContain('local/news/xoa/20260306T030000Z  đã huỷ');
    // Hostile tags: listed with their fate unknown and why, or left out with a warning; escapes never printed raw.
    expect(stdout).toMatch(/\d\. foreign {2}không rõ[\s\S]*lưu ý: lời nhắn của thẻ không theo mẫu của cổng/);
    expect(stdout).toMatch(/\d\. light {2}không rõ[\s\S]*thẻ nhẹ \(không có lời nhắn\)/);
    expect(stdout).toMatch(/\d\. copied {2}không rõ[\s\S]*lời nhắn của thẻ nói commit/);
    expect(stdout).not.toContain('\u001b');
    expect(stderr).toContain('vi: thẻ drafts/blob trỏ tới một blob, không phải commit: không phải bản nháp, bỏ qua.');
    expect(stderr).toContain('en: the tag drafts/blob points at a blob, not a commit: not a draft, left out.');
  });

  it('a merged draft whose head is on the published branch still shows what it changed (lightweight tag: from its parent)', async () => {
    const { stdout } = await history(['drafts', 'content/news/vi/tin-moi.mdx', '--lang', 'en']);
    expect(stdout).toMatch(/\. light {2}unknown\n {4}started 3 March 2026 09:00/);
    expect(stdout).toMatch(/\. pr-8 {2}published\n {4}PR #8 “Sửa “Tin mới” \[31m\(#8\)” · opened by bien-tap-vien\n {4}started 3 March 2026 09:00 · closed 4 March 2026 09:00/);
  });

  it('a page never published: its discarded draft', async () => {
    const { code, stdout } = await history(['drafts', '/tin-tuc/tin-bo/', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('Vietnam time (UTC+7). 1 draft.\n\n1. local/news/tin-bo/20260305T030000Z  discarded\n    started 5 March 2026 09:00 · closed 5 March 2026 10:00');
  });

  it('an English page lists drafts of its own file and of the Vietnamese original', async () => {
    const { stdout } = await history(['drafts', '/en/news/tin-moi/', '--lang', 'en']);
    expect(stdout).toContain('Source files: content/news/en/tin-moi.mdx, content/news/vi/tin-moi.mdx');
    expect(stdout).toContain('pr-7  rejected');
  });

  it('odd page names: a glob is a plain name, control characters are shown escaped, listing pages are refused', async () => {
    const glob = await history(['drafts', 'content/news/vi/*.mdx']);
    expect(glob.code).toBe(0);
    expect(glob.stdout).toContain('0 bản nháp.');
    const odd = await history(['drafts', '/tin-tuc/<script>\u0007\u001b[31m/']);
    expect(odd.code).toBe(0);
    expect(odd.stdout).not.toMatch(/[\u0007\u001b]/);
    expect(odd.stdout).toContain('Không có bản nháp nào đã lưu sửa các tệp này.');
    const listing = await history(['drafts', '/tin-tuc/']);
    expect(listing.code).toBe(1);
    expect(listing.stderr).toContain('en: /tin-tuc/ is the news list');
  });
});

describe('history drafts <page> --show <id>', () => {
  it('prints the draft’s text of the page, by id or by number, and says which draft on stderr', async () => {
    const byId = await history(['drafts', '/tin-tuc/tin-moi/', '--show', 'pr-7']);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toBe(news('Tin mới — bản nháp bị từ chối'));
    expect(byId.stderr).toContain(`content/news/vi/tin-moi.mdx trong bản nháp pr-7 (bị từ chối, PR #7, commit ${sha.rejected!.slice(0, 7)})`);
    const byNumber = await history(['drafts', '/tin-tuc/tin-moi/', '--show', '3', '--lang', 'en']);
    expect(byNumber.stdout).toBe(news('Tin mới — đã đăng'));
    expect(byNumber.stderr).toContain('in the draft pr-8 (published, PR #8');
    const fresh = await history(['drafts', '/tin-tuc/tin-bo/', '--show', 'local/news/tin-bo/20260305T030000Z']);
    expect(fresh.stdout).toBe(news('Tin bỏ'));
  });

  it('errors in both languages: an unknown id, a draft that deletes the file; usage errors exit 2', async () => {
    const unknown = await history(['drafts', '/tin-tuc/tin-moi/', '--show', '../../heads/main']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('vi: Không có bản nháp “../../heads/main” sửa /tin-tuc/tin-moi/.');
    expect(unknown.stderr).toContain('en: There is no draft “../../heads/main” changing /tin-tuc/tin-moi/. See the list (number or id): npm run history -- drafts /tin-tuc/tin-moi/');
    const deleted = await history(['drafts', '/tin-tuc/tin-moi/', '--show', 'local/news/xoa/20260306T030000Z']);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('en: The draft local/news/xoa/20260306T030000Z deletes the file content/news/vi/tin-moi.mdx');
    expect((await history(['drafts'])).code).toBe(2);
    expect((await history(['drafts', '/a/', '/b/'])).code).toBe(2);
    expect((await history(['log', '/tin-tuc/tin-moi/', '--show', 'pr-7'])).code).toBe(2);
    const noBranch = await history(['drafts', '/tin-tuc/tin-moi/', '--ref', 'nope']);
    expect(noBranch.code).toBe(1);
    expect(noBranch.stderr).toContain('en: There is no published branch “nope” in the repository.');
  });

  it('is in the usage text', async () => {
    expect((await history(['--help'])).stdout).toContain('drafts <địa chỉ / address> [--show <mã / id>]');
  });
});
