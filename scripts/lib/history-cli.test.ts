/**
 * The archivist's tool against a scripted repository (tests/fixtures/history):
 * log, show --at, diff, addresses, errors and exit codes, shallow clones;
 * names printed escaped; verify of a signed archive.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArchive, makeSite, newKey, PAGES, recomputeWithoutKey, writeKeysFile } from '../../tests/fixtures/archives/signed-archive.ts';
import { changeNotes, createScriptedRepo, gitIn, texts, type ScriptedRepo } from '../../tests/fixtures/history/scripted-repo.ts';
import { runHistoryCli } from './history-cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-history-cli-'));
let repo: ScriptedRepo;

beforeAll(() => {
  repo = createScriptedRepo(path.join(work, 'repo'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `history <args>` in the scripted repository; what it printed and its exit code. */
async function history(args: string[], options: { tty?: boolean; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runHistoryCli(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    cwd: options.cwd ?? repo.dir,
  });
  return { code, stdout, stderr };
}

const short = (name: keyof ScriptedRepo['commits']) => repo.commits[name].slice(0, 7);

describe('history log', () => {
  it('lists every revision of a page in Vietnamese: time in Vietnam, note, PR, commit and approvers', async () => {
    const { code, stdout, stderr } = await history(['log', 'https://baohiemxahoi.gov.vn/tin-tuc/tin-moi/']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Lịch sử sửa đổi: /tin-tuc/tin-moi/',
        'Tệp nguồn: content/news/vi/tin-moi.mdx',
        'Giờ Việt Nam (UTC+7). 4 lần đăng.',
        '',
        '02/03/2026 00:30  Đăng lần đầu',
        `    PR #12 · commit ${short('pr12')} · người duyệt: thu-ky (Thư ký Ban Biên tập), pho-truong-ban (Phó Trưởng Ban Biên tập)`,
        `05/03/2026 09:00  ${changeNotes.pr13}`,
        `    PR #13 · commit ${short('pr13')} · người duyệt: chưa ghi nhận`,
        '06/03/2026 10:00  Thay đổi nhỏ',
        `    PR #14 · commit ${short('pr14')} · người duyệt: chưa ghi nhận`,
        `12/03/2026 12:00  ${changeNotes.pr16}`,
        `    PR #16 · commit ${short('pr16')} · người duyệt: chưa ghi nhận`,
        '',
      ].join('\n'),
    );
  });

  it('in English, across a rename, from the old address or the file path', async () => {
    const { code, stdout } = await history(['log', '/tin-tuc/lich-tiep-dan/', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('1 March 2026 23:30  First published\n    no pull request · commit');
    expect(stdout).toContain(`10 March 2026 11:00  ${changeNotes.pr15}. File renamed: content/news/vi/lich-tiep-dan.mdx → content/news/vi/lich-tiep-cong-dan.mdx`);
    expect((await history(['log', 'content/news/vi/lich-tiep-cong-dan.mdx', '--lang', 'en'])).stdout).toContain('File renamed');
  });

  it('shows both files of an English page, each tagged with its language', async () => {
    const { stdout } = await history(['log', '/en/news/lich-tiep-cong-dan/']);
    expect(stdout).toContain('Tệp nguồn: content/news/en/lich-tiep-cong-dan.mdx, content/news/vi/lich-tiep-cong-dan.mdx');
    expect(stdout).toContain('01/03/2026 23:30  [en] Đăng lần đầu');
    expect(stdout).toContain('01/03/2026 23:30  [vi] Đăng lần đầu');
  });

  it('shows a deletion, and files that are not pages', async () => {
    expect((await history(['log', '/gioi-thieu/'])).stdout).toContain('15/03/2026 08:00  Xoá tệp (trang không còn trên cổng)');
    expect((await history(['log', 'content/site.yml'])).stdout).toContain('Lịch sử sửa đổi: content/site.yml');
  });
});

describe('an English address the page no longer has', () => {
  it('gives the history of the page now elsewhere, and says so on stderr in both languages', async () => {
    const dir = path.join(work, 'moved-address');
    const page = (title: string, address: string) => `---\ntitle: ${title}\nsection: gioi-thieu\nenglish_address: ${address}\n---\n\nNội dung.\n`;
    const publish = (address: string, date: string, message: string) => {
      for (const [l, title] of [['vi', 'Liên kết'], ['en', 'Links']] as const) {
        mkdirSync(path.join(dir, 'content/pages', l), { recursive: true });
        writeFileSync(path.join(dir, `content/pages/${l}/lien-ket.mdx`), page(title, address));
      }
      const git = gitIn(dir, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
      git('add', '-A');
      git('commit', '-qm', message);
    };
    mkdirSync(dir, { recursive: true });
    gitIn(dir)('init', '-q', '-b', 'main');
    publish('links', '2026-03-01T12:00:00Z', 'Merge pull request #1 from bhxh/cms/pages/lien-ket');
    publish('useful-links', '2026-03-05T12:00:00Z', 'Merge pull request #2 from bhxh/cms/pages/lien-ket');

    const { code, stdout, stderr } = await history(['log', '/en/links/'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('/en/links/ là địa chỉ cũ của trang nay ở /en/useful-links/');
    expect(stderr).toContain('/en/links/ is a former address of the page now at /en/useful-links/');
    expect(stdout).toContain('Lịch sử sửa đổi: /en/useful-links/');
    expect(stdout).toContain('Tệp nguồn: content/pages/en/lien-ket.mdx, content/pages/vi/lien-ket.mdx');
    expect(stdout).toContain('01/03/2026 19:00  [en] Đăng lần đầu');
    // The current English address names the page's files (git 2.39's `git grep` refused the way the ref was given).
    expect((await history(['log', '/en/useful-links/'], { cwd: dir })).stdout).toContain('Tệp nguồn: content/pages/en/lien-ket.mdx, content/pages/vi/lien-ket.mdx');
    // Renamed since, English address kept: the old file's page is named by that address, not the new file name.
    for (const l of ['vi', 'en']) gitIn(dir)('mv', `content/pages/${l}/lien-ket.mdx`, `content/pages/${l}/lien-ket-huu-ich.mdx`);
    gitIn(dir, { GIT_AUTHOR_DATE: '2026-03-09T12:00:00Z', GIT_COMMITTER_DATE: '2026-03-09T12:00:00Z' })('commit', '-qm', 'Merge pull request #3 from bhxh/rename');
    const renamed = await history(['show', 'content/pages/en/lien-ket.mdx', '--at', '10/03/2026'], { cwd: dir });
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain('had been renamed to content/pages/en/lien-ket-huu-ich.mdx (page /en/useful-links/)');
    // An address no page ever had is still never published.
    const never = await history(['log', '/en/no-such-page/'], { cwd: dir });
    expect(never.code).toBe(1);
    expect(never.stderr).toContain('was never published');
  });
});

describe('history show --at', () => {
  it('before the first publication: says it did not exist, and when it first appeared', async () => {
    const { code, stdout, stderr } = await history(['show', '/tin-tuc/tin-moi/', '--at', '01/03/2026']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`vi: /tin-tuc/tin-moi/: vào cuối ngày 01/03/2026 chưa có tệp content/news/vi/tin-moi.mdx; lần đầu đăng 02/03/2026 00:30, commit ${short('pr12')}, PR #12.`);
    expect(stderr).toContain('en: /tin-tuc/tin-moi/: by the end of 1 March 2026 there was no file content/news/vi/tin-moi.mdx yet; first published 2 March 2026 00:30');
  });

  it('on both sides of midnight in Vietnam: 23:30 on 01/03 is on the 1st, 00:30 UTC+7 on the 2nd', async () => {
    // Published 2026-03-01T16:30Z = 23:30 on 01/03 in Vietnam: there at the end of 01/03.
    const early = await history(['show', '/tin-tuc/lich-tiep-dan/', '--at', '01/03/2026']);
    expect(early.code).toBe(0);
    expect(early.stdout).toBe(texts.lichTiepDanVi);
    // Published 2026-03-01T17:30Z = 00:30 on 02/03 in Vietnam.
    expect((await history(['show', '/tin-tuc/tin-moi/', '--at', '2026-03-02T00:29+07:00'])).code).toBe(1);
    expect((await history(['show', '/tin-tuc/tin-moi/', '--at', '2026-03-01T17:30:00Z'])).stdout).toBe(texts.tinMoi);
    expect((await history(['show', '/tin-tuc/tin-moi/', '--at', '2026-03-02'])).stdout).toBe(texts.tinMoi);
  });

  it('between revisions: the last one at or before the date, and says which on stderr', async () => {
    const { code, stdout, stderr } = await history(['show', '/tin-tuc/tin-moi/', '--at', '05/03/2026', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('change_note: Sửa số điện thoại');
    expect(stdout).not.toContain('minor_change');
    expect(stderr).toBe(`content/news/vi/tin-moi.mdx as it stood at the end of 5 March 2026: published 5 March 2026 09:00 (commit ${short('pr13')}, PR #13)\n`);
    expect((await history(['show', '/tin-tuc/tin-moi/', '--at', '13/03/2026'])).stdout).toContain('withdrawn:\n  kind: withdraw');
  });

  it('after removal, after a rename, and for an English page with no translation then', async () => {
    const removed = await history(['show', '/gioi-thieu/', '--at', '16/03/2026']);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('vi: /gioi-thieu/: vào cuối ngày 16/03/2026 tệp content/pages/vi/gioi-thieu.mdx đã bị xoá (15/03/2026 08:00');
    expect(removed.stderr).toContain('en: /gioi-thieu/: by the end of 16 March 2026 the file content/pages/vi/gioi-thieu.mdx had been deleted');
    expect((await history(['show', '/gioi-thieu/', '--at', '14/03/2026'])).stdout).toBe(texts.gioiThieu);

    const moved = await history(['show', '/tin-tuc/lich-tiep-dan/', '--at', '11/03/2026']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('had been renamed to content/news/vi/lich-tiep-cong-dan.mdx (page /tin-tuc/lich-tiep-cong-dan/)');

    const untranslated = await history(['show', '/en/news/tin-moi/', '--at', '11/03/2026']);
    expect(untranslated.code).toBe(1);
    expect(untranslated.stderr).toContain('the page showed a notice linking the Vietnamese original /tin-tuc/tin-moi/');
    expect(untranslated.stderr).toContain('npm run history -- show /tin-tuc/tin-moi/ --at 11/03/2026');
  });
});

describe('history diff', () => {
  it('between two dates: changed words marked, unchanged lines folded', async () => {
    const { code, stdout } = await history(['diff', '/tin-tuc/tin-moi/', '02/03/2026', '13/03/2026']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `--- content/news/vi/tin-moi.mdx @ cuối ngày 02/03/2026: bản đăng 02/03/2026 00:30 (commit ${short('pr12')})`,
        `+++ content/news/vi/tin-moi.mdx @ cuối ngày 13/03/2026: bản đăng 12/03/2026 12:00 (commit ${short('pr16')})`,
        '⋯ 5 dòng không đổi',
        'section: hoat-dong-nganh',
        'author: Trung tâm Truyền thông',
        `{+change_note: "${changeNotes.pr16}"+}`,
        '{+withdrawn:+}',
        '{+  kind: withdraw+}',
        '{+  date: 2026-03-12+}',
        '{+  reason: Số đường dây nóng đã thay đổi, xem tin mới.+}',
        '---',
        '',
        'Đường dây nóng 1900 9068 hoạt động từ 7 giờ {+30 +}đến 17 giờ{+, cả thứ Bảy+}.',
        '',
        'Người dân có thể gọi {+điện +}để hỏi về BHXH, BHYT và BHTN.',
        '',
      ].join('\n'),
    );
  });

  it('between two commits of the page, in colour on a terminal', async () => {
    const { code, stdout } = await history(['diff', 'content/news/vi/tin-moi.mdx', short('pr13'), repo.commits.pr14, '--lang', 'en'], { tty: true });
    expect(code).toBe(0);
    expect(stdout).toContain('\x1b[32;4mminor_change: true\x1b[0m');
    expect(stdout).not.toContain('{+');
  });

  it('against nothing when the page did not exist yet, and says when nothing changed', async () => {
    const before = await history(['diff', '/tin-tuc/tin-moi/', '01/03/2026', '02/03/2026', '--lang', 'en']);
    expect(before.stdout).toContain('--- content/news/vi/tin-moi.mdx (no file at the end of 1 March 2026: compared as empty)');
    expect(before.stdout).toContain('{+title: Đường dây nóng hỗ trợ người tham gia BHXH+}');
    expect((await history(['diff', '/tin-tuc/tin-moi/', '05/03/2026', short('pr13')])).stdout).toContain('Không có khác biệt.');
  });

  it('refuses a side that is neither a date nor a commit of the page', async () => {
    const { code, stderr } = await history(['diff', '/tin-tuc/tin-moi/', 'hôm qua', '02/03/2026']);
    expect(code).toBe(1);
    expect(stderr).toContain('vi: “hôm qua” không phải ngày');
    expect(stderr).toContain('en: “hôm qua” is neither a date');
    expect((await history(['diff', '/tin-tuc/tin-moi/', short('readme'), '02/03/2026'])).code).toBe(1);
    expect((await history(['diff', '/tin-tuc/tin-moi/', '01/01/2026', '01/03/2026'])).stderr).toContain('at either');
  });
});

describe('addresses and errors', () => {
  it('says a listing is not an entry, in both languages, exit 1', async () => {
    const { code, stderr } = await history(['log', 'https://baohiemxahoi.gov.vn/tin-tuc/']);
    expect(code).toBe(1);
    expect(stderr).toContain('vi: /tin-tuc/ là danh sách tin tức');
    expect(stderr).toContain('en: /tin-tuc/ is the news list');
  });

  it('says a page was never published, or a library filter has no history of its own', async () => {
    expect((await history(['log', '/tin-tuc/khong-co/'])).stderr).toContain('was never published');
    expect((await history(['log', '/van-ban/loai-quyet-dinh/'])).stderr).toContain('is a filter page of the document library');
  });

  it('refuses a date it cannot read, exit 1', async () => {
    const { code, stderr } = await history(['show', '/tin-tuc/tin-moi/', '--at', '31/02/2026']);
    expect(code).toBe(1);
    expect(stderr).toContain('en: “31/02/2026” is not a valid date. Write dd/mm/yyyy');
  });

  it('prints the usage for a wrong command line, exit 2', async () => {
    for (const args of [[], ['blame', '/tin-tuc/x/'], ['show', '/tin-tuc/tin-moi/'], ['log'], ['log', '/x/', '--lang', 'fr'], ['log', '/x/', '--frobnicate'], ['snapshot', '--at', '01/03/2026']]) {
      const { code, stderr } = await history(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain('Dùng / Usage: npm run history --');
    }
    expect((await history(['--help'])).code).toBe(0);
  });

  it('says when the folder is not a git repository, and for a missing branch', async () => {
    const plain = path.join(work, 'plain');
    mkdirSync(plain, { recursive: true });
    const { code, stderr } = await history(['log', '/tin-tuc/tin-moi/'], { cwd: plain });
    expect(code).toBe(1);
    expect(stderr).toContain('không phải là kho Git');
    expect(stderr).toContain('is not a Git repository');
    expect((await history(['log', '/tin-tuc/tin-moi/', '--ref', 'xuat-ban'])).stderr).toContain('“xuat-ban” was not found');
  });

  it('warns about a shallow clone, in both languages, and still answers', async () => {
    const clone = path.join(work, 'shallow');
    gitIn(work)('clone', '-q', '--depth', '1', `file://${repo.dir}`, clone);
    const { code, stdout, stderr } = await history(['log', '/tin-tuc/tin-moi/', '--repo', clone]);
    expect(code).toBe(0);
    expect(stderr).toContain('vi: Kho mã là bản sao nông (shallow clone)');
    expect(stderr).toContain('en: The repository is a shallow clone');
    expect(stdout).toContain('1 lần đăng');
  });

  it('runs as a program: node scripts/history.ts', () => {
    const script = path.resolve(import.meta.dirname, '..', 'history.ts');
    const ok = spawnSync(process.execPath, [script, 'log', '/tin-tuc/tin-moi/', '--lang', 'en'], { cwd: repo.dir, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Revision history: /tin-tuc/tin-moi/');
    const listing = spawnSync(process.execPath, [script, 'show', '/', '--at', '01/03/2026'], { cwd: repo.dir, encoding: 'utf8' });
    expect(listing.status).toBe(1);
    expect(listing.stderr).toContain('en: / is the home page');
    expect(spawnSync(process.execPath, [script], { cwd: repo.dir, encoding: 'utf8' }).status).toBe(2);
    // Three programs started one after the other (about 1.5 s each, more on a busy machine): not the 5 s of a unit test.
  }, 30_000);
});

describe('names someone else chose are printed with their control characters escaped', () => {
  const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it('in the log: a file name and an approver’s login from a publication note', async () => {
    const clone = path.join(work, 'hostile-names');
    gitIn(work)('clone', '-q', `file://${repo.dir}`, clone);
    const git = gitIn(clone);
    git('checkout', '-q', 'main');
    const odd = 'content/news/vi/a\x1b[2J\rb.mdx';
    mkdirSync(path.join(clone, 'content/news/vi'), { recursive: true });
    writeFileSync(path.join(clone, odd), '---\ntitle: x\n---\n');
    git('add', '--', odd);
    git('commit', '-q', '-m', 'Tệp lạ');
    const note = { commit: repo.commits.pr13, repository: 'x/y', approvals: [{ login: '\x1b]0;owned\x07thu-ky', role: 'secretary\u202e', state: 'APPROVED', submitted_at: '2026-03-05T01:00:00Z', commit_id: 'x' }], archived_at: '2026-03-05T02:00:00Z' };
    git('notes', '--ref=publication', 'add', '-f', '-m', JSON.stringify(note), repo.commits.pr13);

    const file = await history(['log', odd, '--repo', clone, '--lang', 'en']);
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).not.toMatch(CONTROL);
    expect(file.stdout).toContain('Revision history: content/news/vi/a\\x1b[2J\\rb.mdx');

    const approvers = await history(['log', '/tin-tuc/tin-moi/', '--repo', clone, '--lang', 'en']);
    expect(approvers.stdout).not.toMatch(CONTROL);
    expect(approvers.stdout).toContain('approved by: \\x1b]0;owned\\x07thu-ky (secretary\\u202e)');
  });

  it('in errors: an address typed or pasted with control characters', async () => {
    const { code, stderr } = await history(['log', '/tin-tuc/\x1b[2Jx\r/']);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('\\x1b[2Jx\\r');
  });
});

describe('history verify', () => {
  it('checks a downloaded archive’s signature: fails a recomputed manifest and record, and a deleted record', async () => {
    const key = newKey();
    const keys = writeKeysFile(path.join(work, 'verify', 'keys.yml'), [{ key }]);
    const site = makeSite(path.join(work, 'verify', 'site'));
    const intact = await makeArchive(path.join(work, 'verify', 'intact'), site, key);
    const ok = await history(['verify', intact.dir, '--keys', keys]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('ĐẠT / PASS');

    const attacked = await makeArchive(path.join(work, 'verify', 'attacked'), site, key);
    const altered = makeSite(path.join(work, 'verify', 'altered'), { ...PAGES, 'index.html': '<h1>Trang chủ</h1><p>Đường dây nóng giả: 1900 0000</p>' });
    await recomputeWithoutKey(attacked, altered);
    const refused = await history(['verify', attacked.dir, '--keys', keys]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('vi: Bảng kê manifest-sha256.txt không phải bản đã ký');
    expect(refused.stderr).toContain('en: The publication record publication.json is not the one signed');

    rmSync(path.join(intact.dir, 'publication.json'));
    const noRecord = await history(['verify', intact.dir, '--keys', keys]);
    expect(noRecord.code).toBe(1);
    expect(noRecord.stderr).toContain('en: The publication record publication.json is missing beside the manifest');
  });
});
