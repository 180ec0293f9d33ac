/**
 * `npm run duties` on a content folder (PORTAL_CONTENT_DIR) built from the
 * project's calendar, site settings, units and Q&A rules plus the register
 * entries of tests/fixtures/duties/qa/, in a git repository whose history
 * publishes the answered entries on 20 February 2026 (an entry answered
 * afterwards is in the working tree only: not yet published).
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
  for (const part of ['calendar', 'units', 'site.yml', 'taxonomy.yml', 'governance/qa-deadlines.yml']) cpSync(path.join('content', part), path.join(content, part), { recursive: true });
  cpSync('tests/fixtures/duties/qa', path.join(content, 'qa'), { recursive: true });
  // Published on 20/02/2026 without its answer; answered afterwards in the working tree only.
  const file = (locale: string) => path.join(content, 'qa', locale, `${ANSWERED}.mdx`);
  const answered = { vi: readFileSync(file('vi'), 'utf8'), en: readFileSync(file('en'), 'utf8') };
  for (const locale of ['vi', 'en'] as const) writeFileSync(file(locale), answered[locale].replace(/^answered: .*\n/m, ''));
  git(['init', '--quiet', '--initial-branch=main']);
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'Register and answers published'], '2026-02-20T10:00:00+07:00');
  for (const locale of ['vi', 'en'] as const) writeFileSync(file(locale), answered[locale]);
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
