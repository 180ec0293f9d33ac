/**
 * `npm run duties` on a content folder (PORTAL_CONTENT_DIR) built from the
 * project's calendar, site settings, units, governance rules and the documents
 * they cite, plus the register entries of tests/fixtures/duties/qa/ and the
 * news items with publication duties of tests/fixtures/duties/news/, in a git
 * repository whose history begins with an import on 5 January 2026 (one
 * question answered on the old portal) and publishes the other answered
 * entries on 20 February 2026 (an entry answered afterwards, and the news
 * items, are in the working tree only: not yet published).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-duties-'));
const content = path.join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (args: string[], date?: string) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: work,
    env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) } as NodeJS.ProcessEnv,
    stdio: 'pipe',
  });

const ANSWERED = 'da-tra-loi-chua-dang';

beforeAll(() => {
  for (const part of ['calendar', 'units', 'site.yml', 'taxonomy.yml', 'governance', 'documents']) cpSync(path.join('content', part), path.join(content, part), { recursive: true });
  // The document library: the rules cite it (the content check finds each quotation in its document), the units link to it.
  cpSync('content/documents', path.join(content, 'documents'), { recursive: true });
  cpSync('tests/fixtures/duties/qa', path.join(content, 'qa'), { recursive: true });
  // The import: the register's history begins on 5/1/2026 with a question answered on the old portal in December 2025.
  git(['init', '--quiet', '--initial-branch=main']);
  git(['add', 'content/qa/vi/nhap-tu-cong-cu.mdx', 'content/qa/en/nhap-tu-cong-cu.mdx']);
  git(['commit', '--quiet', '-m', 'Import from the old portal'], '2026-01-05T10:00:00+07:00');
  // Published on 20/02/2026 without its answer; answered afterwards in the working tree only.
  const file = (locale: string) => path.join(content, 'qa', locale, `${ANSWERED}.mdx`);
  const answered = { vi: readFileSync(file('vi'), 'utf8'), en: readFileSync(file('en'), 'utf8') };
  for (const locale of ['vi', 'en'] as const) writeFileSync(file(locale), answered[locale].replace(/^answered: .*\n/m, ''));
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'Register and answers published'], '2026-02-20T10:00:00+07:00');
  for (const locale of ['vi', 'en'] as const) writeFileSync(file(locale), answered[locale]);
  // News items with a publication duty, in the working tree only (not published): an award due 2/3, a procurement overdue since 9/2.
  cpSync('tests/fixtures/duties/news', path.join(content, 'news'), { recursive: true });
});

function duties(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/duties.ts', ...args], { encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT_DIR: content } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run duties', { timeout: 60_000 }, () => {
  it('lists what is overdue and what falls due in the next 3 working days, by unit, with the article of each rule (English)', () => {
    const { status, stdout, stderr } = duties('--now', '2026-02-26T09:00', '--lang', 'en');
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync('tests/fixtures/duties/expected-en.txt', 'utf8'));
    expect(status).toBe(1);
  });

  it('prints Vietnamese then English by default, and only Vietnamese with --lang vi', () => {
    const both = duties('--now', '2026-02-26T09:00');
    const vi = duties('--now', '2026-02-26T09:00', '--lang', 'vi');
    expect(vi.stdout).toBe(readFileSync('tests/fixtures/duties/expected-vi.txt', 'utf8'));
    expect(both.stdout).toBe(`${vi.stdout}\n${readFileSync('tests/fixtures/duties/expected-en.txt', 'utf8')}`);
  });

  it('--json gives the same report for machines, --within widens the horizon', () => {
    const { status, stdout } = duties('--now', '2026-02-26T09:00', '--json', '--within', '5');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as {
      now: string;
      within: number;
      until: string;
      sections: { id: string; units: { unit: string; overdue: { file: string; due: string; rule: { id: string } }[]; due: { file: string; due: string; rule: { id: string } }[] }[] }[];
      unitNames: Record<string, { vi: string; en: string }>;
    };
    expect([report.now, report.within, report.until]).toEqual(['2026-02-26T09:00', 5, '2026-03-05T17:00']);
    const flat = report.sections[0]!.units.map((u) => [u.unit, u.overdue.map((i) => `${i.rule.id} ${i.due}`), u.due.map((i) => `${i.rule.id} ${i.due}`)]);
    expect(flat).toEqual([
      ['bhxh-thanh-pho-ha-noi', [], ['portal-answer-several-units 2026-03-02T17:00']],
      ['trung-tam-cong-nghe-thong-tin', [], ['zalo-answer-three-units 2026-03-02T17:00']],
      [
        'trung-tam-dich-vu-ho-tro-cham-soc-khach-hang',
        ['portal-report-back 2026-02-25T17:00'],
        ['portal-publication 2026-02-26T17:00', 'portal-classification 2026-03-02T17:00', 'portal-answer 2026-03-04T17:00'],
      ],
      ['van-phong', ['portal-answer 2026-02-11T17:00'], ['portal-answer-several-units 2026-03-02T17:00', 'zalo-answer-three-units 2026-03-02T17:00']],
      ['vu-hop-tac-quoc-te', [], ['zalo-answer-three-units 2026-03-02T17:00']],
    ]);
    expect(report.unitNames['van-phong']).toEqual({ vi: 'Văn phòng Bảo hiểm xã hội Việt Nam', en: 'Office of Vietnam Social Security' });
    // The portal's publication duties, by the unit each news item names as its source.
    expect(report.sections[1]!.id).toBe('publication');
    expect(report.sections[1]!.units.map((u) => [u.unit, u.overdue.map((i) => `${i.rule.id} ${i.due} ${i.file}`), u.due.map((i) => `${i.rule.id} ${i.due} ${i.file}`)])).toEqual([
      ['van-phong', ['procurement 2026-02-09T17:00 content/news/vi/mua-sam-mau.mdx'], ['award 2026-03-02T17:00 content/news/vi/khen-thuong-mau.mdx']],
    ]);
    expect(report).not.toHaveProperty('register');
  });

  it('the exit code counts the publication duties too: only a procurement overdue still exits 1', () => {
    const { status, stdout } = duties('--now', '2026-02-10T09:00', '--lang', 'en', '--within', '0');
    expect(stdout).toContain('## Questions and answers\n   Nothing overdue or falling due.');
    expect(stdout).toContain('  OVERDUE  due 9 February 2026, 17:00  Procurement and bidding: “A sample procurement”');
    expect(status).toBe(1);
  });

  it('--all lists every question with each step’s state, and every publication duty; the import is unrecorded, not late', () => {
    const { stdout } = duties('--now', '2026-02-26T09:00', '--lang', 'en', '--all');
    const register = stdout.slice(stdout.indexOf('## The Q&A register'));
    expect(register).toContain('## The Q&A register: 9 questions, each step\'s state\n   on time: ');
    expect(register).toContain('   unrecorded: published before the portal’s history begins (5 January 2026); the time is not recorded.');
    const row = (slug: string) => register.split('\n\n').find((block) => block.includes(`(content/qa/vi/${slug}.mdx)`))!;
    expect(row('nhap-tu-cong-cu')).toContain('Publication: unrecorded (due 4 December 2025, 17:00)');
    expect(row('da-dang')).toContain('Publication: on time (due 23 February 2026, 17:00, done 20 February 2026, 10:00)');
    expect(row('qua-han')).toContain('Answer: overdue (due 11 February 2026, 17:00)');
    expect(row('thu-dien-tu')).toContain('Classification: no deadline');
    expect(row('qua-han')).toContain(' · sample entry\n');
    expect(row('da-tra-loi-chua-dang')).toContain('Publication: due (due 26 February 2026, 17:00)');
    expect(stdout).toContain('  [overdue] “A sample procurement” (content/news/vi/mua-sam-mau.mdx): counted from 26 January 2026, 09:00, due 9 February 2026, 17:00; not yet published');
    // The default report stays short.
    expect(duties('--now', '2026-02-26T09:00', '--lang', 'en').stdout).not.toContain('## The Q&A register');
    const json = JSON.parse(duties('--now', '2026-02-26T09:00', '--json', '--all').stdout) as {
      historyBegins: Record<string, string>;
      register: { file: string; steps: { step: string; state?: string; listed: string }[] }[];
      publicationDuties: { file: string; state: string }[];
    };
    expect(json.historyBegins.qa).toBe('2026-01-05T10:00');
    expect(json.register.find((r) => r.file === 'content/qa/vi/nhap-tu-cong-cu.mdx')!.steps.map((s) => s.listed)).toEqual(['on-time', 'not-applicable', 'on-time', 'unrecorded']);
    expect(json.publicationDuties.map((d) => [d.file, d.state])).toEqual([
      ['content/news/vi/khen-thuong-mau.mdx', 'due'],
      ['content/news/vi/mua-sam-mau.mdx', 'overdue'],
    ]);
  });

  it('a long report reaches a pipe whole: --json --all on the project’s own register (about 100 kB) parses', () => {
    // A reader that starts late (a mail or chat job), so the pipe's buffer (64 kB) fills before the command ends.
    const command = `"${process.execPath}" scripts/duties.ts --json --all --now 2026-12-02T10:00 | (sleep 1; cat)`;
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT_DIR: undefined } as NodeJS.ProcessEnv });
    expect(result.stderr).toBe('');
    expect(result.stdout.length).toBeGreaterThan(65_536);
    const report = JSON.parse(result.stdout) as { register: unknown[]; historyBegins: Record<string, string> };
    expect(report.register.length).toBeGreaterThanOrEqual(12);
  });

  it('exits 0 when nothing is overdue', () => {
    const { status, stdout } = duties('--now', '2026-02-06T08:00', '--lang', 'en', '--within', '0');
    expect(stdout).toContain('Nothing overdue or falling due.');
    expect(status).toBe(0);
  });

  it('a moment in a year without calendar data stops with exit 2, naming the file to add', () => {
    const { status, stdout, stderr } = duties('--now', '2031-03-03T09:00');
    expect(stdout).toBe('');
    expect(stderr).toContain('Chưa có lịch ngày nghỉ năm 2031');
    expect(stderr).toContain('There is no holiday calendar for 2031');
    expect(stderr).toContain('content/calendar/2031.yml');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(status).toBe(2);
  });

  it('says how it is used with --help, in both languages, and exits 0', () => {
    const result = duties('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Cách dùng: npm run duties --');
    expect(result.stdout).toContain('Usage: npm run duties --');
    expect(result.stdout).toContain('--within N');
    expect(duties('-h').status).toBe(0);
  });

  it('refuses bad arguments with exit 2 and a message in both languages', () => {
    expect(duties('--within', 'ba')).toMatchObject({ status: 2, stderr: '--within cần số ngày làm việc từ 0 đến 60, nhưng thấy “ba”.\n--within needs a number of working days from 0 to 60, found “ba”.\n' });
    expect(duties('--lang', 'fr')).toMatchObject({ status: 2, stderr: expect.stringContaining('--lang takes vi or en, found “fr”.') });
    expect(duties('--now', '2026-02-30T09:00')).toMatchObject({ status: 2, stderr: expect.stringContaining('--now needs a Vietnam date and time written YYYY-MM-DDTHH:mm') });
    expect(duties('--soon')).toMatchObject({ status: 2, stderr: expect.stringContaining('Invalid arguments:') });
  });

  it('an entry with a malformed moment stops with exit 2, naming its file, line and field', () => {
    const file = path.join(content, 'qa/vi/qua-han.mdx');
    const good = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, good.replace('received: 2026-02-02T09:00', 'received: 02/02/2026 9h'));
      const { status, stderr } = duties('--now', '2026-02-26T09:00');
      expect(stderr).toContain('content/qa/vi/qua-han.mdx:10:1  [received]  (lỗi / error)');
      expect(stderr).toContain('Expected a date and Vietnam time written YYYY-MM-DDTHH:mm, for example 2026-02-13T17:45 (5:45 p.m. on 13 February 2026)');
      expect(status).toBe(2);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('the rules file missing stops with exit 2, naming it', () => {
    const elsewhere = path.join(work, 'empty-content');
    mkdirSync(elsewhere, { recursive: true });
    const result = spawnSync(process.execPath, ['scripts/duties.ts'], { encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT_DIR: elsewhere } });
    expect(result.stderr).toContain('The Q&A deadline rules content/governance/qa-deadlines.yml are missing');
    expect(result.status).toBe(2);
  });
});
