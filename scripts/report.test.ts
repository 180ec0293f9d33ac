/**
 * `npm run report` through the real CLI (node scripts/report.ts … --json) on
 * the scripted repository of tests/fixtures/report/year-repo.ts: a year of
 * publications, takedowns, scheduled entries, Q&A and translations on a real
 * Git branch. Every figure is compared with a value counted by hand from the
 * fixture's tables (the comment beside each says how). Without GitHub here;
 * tests/github/report.test.ts adds the pull requests and reviews.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorialReport, PublicationRow, QaRow } from '../src/lib/report/report.ts';
import { WITHOUT_GITHUB_NOTE } from '../src/lib/report/figures.ts';
import { monthsOf, yearPeriod } from '../src/lib/report/period.ts';
import { makeReport } from './lib/report/make-report.ts';
import { translationGaps } from '../src/lib/translations/translation-gaps.ts';
import { renderCsv } from '../src/lib/report/render-csv.ts';
import { renderHtml } from '../src/lib/report/render-html.ts';
import { renderMarkdown } from '../src/lib/report/render-markdown.ts';
import { gitIn } from '../tests/fixtures/history/scripted-repo.ts';
import { createYearRepo, reasons, type YearRepo } from '../tests/fixtures/report/year-repo.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-report-'));
let repo: YearRepo;
beforeAll(() => {
  repo = createYearRepo(path.join(work, 'repo'));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function report(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', repo.dir, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]): EditorialReport {
  const r = report(...args, '--json');
  expect(r.stderr).not.toMatch(/Error|lỗi/);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as EditorialReport;
}

/** A breakdown row: key, then published, updated, withdrawn, unpublished. */
const counts = (rows: PublicationRow[]) => rows.map((r) => [r.key, r.published, r.updated, r.withdrawn, r.unpublished]);
const qaCounts = (rows: QaRow[]) => rows.map((r) => [r.key, r.received, r.answered, r.answeredOnTime]);

describe('npm run report on a year of scripted activity (no GitHub)', { timeout: 60_000 }, () => {
  it('November 2026 (26/10 → 25/11), made on 26/11 08:00: every figure', () => {
    const r = json('--month', '2026-11', '--now', '2026-11-26T08:00');
    expect(r.period).toEqual({
      kind: 'month',
      id: '2026-11',
      from: '2026-10-26',
      to: '2026-11-25',
      start: '2026-10-26T00:00:00+07:00',
      end: '2026-11-26T00:00:00+07:00',
      title: { vi: 'Tháng 11/2026 (26/10/2026 – 25/11/2026)', en: 'November 2026 (26/10/2026 – 25/11/2026)' },
    });
    const p = r.publications;
    // Published: tin-len-lich (merged 20/10, live 28/10 08:00), tin-26 (26/10 00:00), tin-04 (3/11), tin-khan (15/11),
    // tin-khan-2 (18/11), and the answers hoi-01 (6/11), hoi-02 (23/11), hoi-07 (25/11) = 8.
    // Not: tin-25 (25/10 23:59, October), tin-cham (merged 17/11, live 3/12), tin-hen-gio (live 27/11), hoi-03/hoi-04 (unanswered).
    expect(p.published).toBe(8);
    // Updated: tin-03 (#11, 5/11); tin-26's #12 is minor_change: not counted.
    expect(p.updated).toBe(1);
    expect(p.withdrawn).toBe(1); // tin-02 (#13)
    expect(p.unpublished).toBe(1); // tin-01 (#14)
    // news: 5 published + tin-03 updated + tin-02 withdrawn + tin-01 unpublished; qa: 3 answers.
    expect(counts(p.byCollection)).toEqual([
      ['news', 5, 1, 1, 1],
      ['qa', 3, 0, 0, 0],
    ]);
    expect(p.byCollection[0]!.label).toEqual({ vi: 'Tin tức', en: 'News' });
    expect(p.byMonth).toBeUndefined(); // one month: no breakdown by month
    // tin-tuc-su-kien: tin-26, tin-khan, tin-khan-2 published; tin-03 updated; tin-01 unpublished (5).
    // “-”: the 3 answers (no column). thong-tin-bao-chi: tin-len-lich, tin-04 (2). chinh-sach-phap-luat: tin-02 withdrawn (1).
    expect(counts(p.byColumn)).toEqual([
      ['tin-tuc-su-kien', 3, 1, 0, 1],
      ['-', 3, 0, 0, 0],
      ['thong-tin-bao-chi', 2, 0, 0, 0],
      ['chinh-sach-phap-luat', 0, 0, 1, 0],
    ]);
    expect(p.byColumn.map((c) => c.label.en)).toEqual(['News and events', 'No column', 'Press information', 'Policy and law']);
    // hoat-dong-nganh: tin-khan, tin-khan-2, tin-01 (3); “-” the answers (3, after the named row of equal total);
    // thong-cao-bao-chi: tin-len-lich, tin-04; then one each, by key: bhxh-dia-phuong tin-26, chinh-sach-moi tin-02, chuyen-doi-so tin-03.
    expect(counts(p.bySection)).toEqual([
      ['hoat-dong-nganh', 2, 0, 0, 1],
      ['-', 3, 0, 0, 0],
      ['thong-cao-bao-chi', 2, 0, 0, 0],
      ['bhxh-dia-phuong', 1, 0, 0, 0],
      ['chinh-sach-moi', 0, 0, 1, 0],
      ['chuyen-doi-so', 0, 1, 0, 0],
    ]);
    // van-phong: tin-khan, tin-khan-2, hoi-02, hoi-07 (answered_by) published, tin-02 withdrawn (5);
    // bhxh-thanh-pho-ha-noi: hoi-01, hoi-07 published, tin-03 updated, tin-01 unpublished (4);
    // trung-tam-truyen-thong: tin-len-lich, tin-04 (2); bhxh-tinh-khanh-hoa: tin-26 (1).
    expect(counts(p.byUnit)).toEqual([
      ['van-phong', 4, 0, 1, 0],
      ['bhxh-thanh-pho-ha-noi', 2, 1, 0, 1],
      ['trung-tam-truyen-thong', 2, 0, 0, 0],
      ['bhxh-tinh-khanh-hoa', 1, 0, 0, 0],
    ]);
    expect(p.byUnit[0]!.label).toEqual({ vi: 'Văn phòng Bảo hiểm xã hội Việt Nam', en: 'Office of Vietnam Social Security' });
    // Lê Minh Châu: tin-26, tin-03 updated, tin-01 unpublished; Trung tâm Truyền thông: tin-len-lich, tin-khan, tin-khan-2;
    // “-”: the answers; Phạm Thị Dung: tin-04, tin-02 withdrawn.
    expect(counts(p.byAuthor)).toEqual([
      ['Lê Minh Châu', 1, 1, 0, 1],
      ['Trung tâm Truyền thông', 3, 0, 0, 0],
      ['-', 3, 0, 0, 0],
      ['Phạm Thị Dung', 1, 0, 1, 0],
    ]);
    // Without GitHub: the merge commits of #9–#18 dated in the period (10); nothing else is known.
    expect(r.approvals).toEqual({
      fromGitHub: false,
      merged: 10,
      closedUnmerged: 0,
      toSecretary: { count: 0, medianHours: null, p90Hours: null },
      toBoard: { count: 0, medianHours: null, p90Hours: null },
      note: WITHOUT_GITHUB_NOTE,
    });
    expect(r.urgent).toEqual([]);
    // tin-02 withdrawn by #13 (no English file: no English reason); tin-01 unpublished by #14 with both reasons.
    expect(r.takedowns).toEqual([
      { address: '/tin-tuc/tin-02/', path: 'content/news/vi/tin-02.mdx', kind: 'withdraw', date: '2026-11-10', reason: { vi: reasons.withdrawTin02, en: '' }, pr: 13 },
      { address: '/tin-tuc/tin-01/', path: 'content/news/vi/tin-01.mdx', kind: 'unpublish', date: '2026-11-12', reason: reasons.unpublishTin01, pr: 14 },
    ]);
    // Received: hoi-01 (2/11), hoi-02 (16/11), hoi-03 (18/11), hoi-04 (19/11), hoi-07 (20/11) = 5.
    // Answered: hoi-01 6/11 (portal, 7 working days: due 11/11, on time), hoi-02 23/11 (Zalo, 1 unit, 3 days: due 19/11, late),
    // hoi-07 25/11 (Zalo, 2 units, 4 days; 24/11 is a holiday: due 27/11, on time) = 3, 2 on time: 66.7 %.
    expect({ ...r.qa, byChannel: qaCounts(r.qa.byChannel), byUnit: qaCounts(r.qa.byUnit) }).toEqual({
      received: 5,
      answered: 3,
      answeredOnTime: 2,
      onTimePercent: 66.7,
      // portal: hoi-01, hoi-04 received, hoi-01 answered on time; zalo: hoi-02, hoi-07; e-mail: hoi-03.
      byChannel: [
        ['portal', 2, 1, 1],
        ['zalo', 2, 2, 1],
        ['email', 1, 0, 0],
      ],
      // Routed to: van-phong hoi-02, hoi-04, hoi-07; Hà Nội hoi-01, hoi-07; hoi-03 not routed.
      byUnit: [
        ['van-phong', 3, 2, 1],
        ['bhxh-thanh-pho-ha-noi', 2, 2, 2],
        ['-', 1, 0, 0],
      ],
    });
    expect(r.qa.byChannel.map((c) => c.label.vi)).toEqual(['Cổng thông tin điện tử', 'Zalo (tài khoản chính thức)', 'Thư điện tử']);
    // Duties due in November: tin-04 award (from 28/10, 5 days: due 4/11, live 3/11: on time); tin-khan-2 award (from 9/11:
    // due 16/11, live 18/11: late); tin-cham policy guidance (from 5/11, 10 days: due 19/11; live only on 3/12: open on 26/11).
    expect(r.duties).toEqual({ due: 3, metOnTime: 1, late: 1, open: 1, onTimePercent: 33.3 });
    // Translations (translationGaps, then gapsReadersMeet: originals whose page readers meet at the end of 25/11, published
    // or withdrawn): missing — the five questions answered by then, hoi-01, 02, 05, 06, 07 (none has an English file; hoi-03
    // and hoi-04 are still in the register, no page), tin-02 (withdrawn: its page stays with a notice; never translated) and
    // tin-khan-2; stale: old-a (revised 15/8), tin-03 (revised 5/11). Not tin-01 (its English file changed in the same
    // publication as the original, and it is unpublished), not tin-26 (its later revision is minor).
    const seven = [
      ...['01', '02', '05', '06', '07'].map((n) => [`/hoi-dap/hoi-${n}/`, `content/qa/vi/hoi-${n}.mdx`]),
      ['/tin-tuc/tin-02/', 'content/news/vi/tin-02.mdx'],
      ['/tin-tuc/tin-khan-2/', 'content/news/vi/tin-khan-2.mdx'],
    ];
    expect(r.translations.missing.map((g) => [g.address, g.original])).toEqual(seven);
    expect(r.translations.stale.map((g) => [g.original, g.english, g.originalRevisedAt, g.englishRevisedAt])).toEqual([
      ['content/news/vi/old-a.mdx', 'content/news/en/old-a.mdx', '2026-08-15T10:00:00+07:00', '2025-12-01T09:00:00+07:00'],
      ['content/news/vi/tin-03.mdx', 'content/news/en/tin-03.mdx', '2026-11-05T10:00:00+07:00', '2026-07-01T09:00:00+07:00'],
    ]);
    expect(r.sources).toEqual({ commit: repo.commits.get(20), generatedAt: '2026-11-26T01:00:00.000Z', shallow: false });
  });

  it('the month boundary: a publication at 25/10 23:59 is October’s, one at 26/10 00:00 November’s', () => {
    const october = json('--month', '2026-10', '--now', '2026-10-26T08:00');
    // 26/09 → 25/10: only tin-25 (#8, 25/10 23:59); tin-len-lich (merged 20/10) goes live on 28/10.
    expect(october.publications.published).toBe(1);
    expect(counts(october.publications.bySection)).toEqual([['bhxh-dia-phuong', 1, 0, 0, 0]]);
    expect(october.approvals.merged).toBe(2); // #7 (20/10), #8 (25/10 23:59)
    const november = json('--month', '2026-11', '--now', '2026-11-26T08:00');
    const novemberSlugs = november.publications.byAuthor.find((a) => a.key === 'Lê Minh Châu')!;
    expect(novemberSlugs.published).toBe(1); // tin-26 only, not tin-25
    // A range ending on 25/10 holds tin-25, one starting on 26/10 holds tin-26 (and tin-len-lich, live 28/10).
    expect(json('--from', '2026-10-25', '--to', '2026-10-25', '--now', '2026-11-26T08:00').publications.published).toBe(1);
    expect(counts(json('--from', '2026-10-26', '--to', '2026-10-26', '--now', '2026-11-26T08:00').publications.byUnit)).toEqual([['bhxh-tinh-khanh-hoa', 1, 0, 0, 0]]);
  });

  it('the second half of 2026 (26/06 → 25/12), made on 27/12: every figure', () => {
    const r = json('--half', '2026-H2', '--now', '2026-12-27T08:00');
    expect(r.period).toMatchObject({ kind: 'half', id: '2026-H2', from: '2026-06-26', to: '2026-12-25' });
    expect(r.period.title.vi).toBe('6 tháng cuối năm 2026 (26/06/2026 – 25/12/2026)');
    const p = r.publications;
    // November's 8, plus tin-03 (1/7), hoi-05 (9/9), tin-25 (25/10), and December's tin-hen-gio (27/11), hoi-04 (1/12),
    // tin-cham (3/12), tin-05 (10/12) = 15; tin-06 (26/12 09:00) is next year's.
    expect([p.published, p.updated, p.withdrawn, p.unpublished]).toEqual([15, 2, 1, 1]); // updated: old-a (15/8), tin-03 (5/11)
    // news: 15 − 5 answers = 10 published, 2 updated, 1, 1; qa: hoi-05, hoi-01, hoi-02, hoi-07, hoi-04.
    expect(counts(p.byCollection)).toEqual([
      ['news', 10, 2, 1, 1],
      ['qa', 5, 0, 0, 0],
    ]);
    // tin-tuc-su-kien: tin-03, tin-25, tin-26, tin-khan, tin-khan-2, tin-05 published; old-a, tin-03 updated; tin-01 unpublished (9).
    // “-”: 5 answers. thong-tin-bao-chi: tin-len-lich, tin-04, tin-hen-gio (3). chinh-sach-phap-luat: tin-cham, tin-02 withdrawn (2).
    expect(counts(p.byColumn)).toEqual([
      ['tin-tuc-su-kien', 6, 2, 0, 1],
      ['-', 5, 0, 0, 0],
      ['thong-tin-bao-chi', 3, 0, 0, 0],
      ['chinh-sach-phap-luat', 1, 0, 1, 0],
    ]);
    // “-” 5; hoat-dong-nganh: tin-khan, tin-khan-2, old-a updated, tin-01 unpublished (4); chuyen-doi-so: tin-03, tin-05 + tin-03 updated (3);
    // bhxh-dia-phuong: tin-25, tin-26; thong-cao-bao-chi: tin-len-lich, tin-04 (2 each, by key);
    // chinh-sach-moi: tin-02 withdrawn; dinh-chinh-thong-tin: tin-hen-gio; huong-dan-chinh-sach: tin-cham (1 each, by key).
    expect(counts(p.bySection)).toEqual([
      ['-', 5, 0, 0, 0],
      ['hoat-dong-nganh', 2, 1, 0, 1],
      ['chuyen-doi-so', 2, 1, 0, 0],
      ['bhxh-dia-phuong', 2, 0, 0, 0],
      ['thong-cao-bao-chi', 2, 0, 0, 0],
      ['chinh-sach-moi', 0, 0, 1, 0],
      ['dinh-chinh-thong-tin', 1, 0, 0, 0],
      ['huong-dan-chinh-sach', 1, 0, 0, 0],
    ]);
    // van-phong: tin-khan, tin-khan-2, tin-cham, hoi-02, hoi-07, hoi-04 published, tin-02 withdrawn (7);
    // Hà Nội: tin-03, hoi-05, hoi-01, hoi-07 published, tin-03 updated, tin-01 unpublished (6);
    // trung-tam-truyen-thong: tin-len-lich, tin-04, tin-hen-gio published, old-a updated (4);
    // Khánh Hoà: tin-25, tin-26 (2); Hồ Chí Minh: tin-05 (1).
    expect(counts(p.byUnit)).toEqual([
      ['van-phong', 6, 0, 1, 0],
      ['bhxh-thanh-pho-ha-noi', 4, 1, 0, 1],
      ['trung-tam-truyen-thong', 3, 1, 0, 0],
      ['bhxh-tinh-khanh-hoa', 2, 0, 0, 0],
      ['bhxh-thanh-pho-ho-chi-minh', 1, 0, 0, 0],
    ]);
    // Lê Minh Châu: tin-03, tin-25, tin-26, tin-05, tin-03 updated, tin-01 unpublished (6); “-” answers (5);
    // Trung tâm Truyền thông: tin-len-lich, tin-khan, tin-khan-2, tin-hen-gio (4); Phạm Thị Dung: tin-04, tin-cham, tin-02 withdrawn (3);
    // Văn phòng: old-a updated (1).
    expect(counts(p.byAuthor)).toEqual([
      ['Lê Minh Châu', 4, 1, 0, 1],
      ['-', 5, 0, 0, 0],
      ['Trung tâm Truyền thông', 4, 0, 0, 0],
      ['Phạm Thị Dung', 2, 0, 1, 0],
      ['Văn phòng', 0, 1, 0, 0],
    ]);
    // By reporting month: July tin-03 (1/7); August old-a updated (15/8); September hoi-05 (9/9); October tin-25 (25/10 23:59);
    // November as above; December tin-hen-gio (27/11), hoi-04 (1/12), tin-cham (3/12), tin-05 (10/12).
    expect(counts(p.byMonth!)).toEqual([
      ['2026-07', 1, 0, 0, 0],
      ['2026-08', 0, 1, 0, 0],
      ['2026-09', 1, 0, 0, 0],
      ['2026-10', 1, 0, 0, 0],
      ['2026-11', 8, 1, 1, 1],
      ['2026-12', 4, 0, 0, 0],
    ]);
    expect(p.byMonth![4]!.label).toEqual({ vi: 'Tháng 11/2026', en: 'November 2026' });
    // Merge commits dated in H2: #5–#18, and #19 (squashed: named by its publication note) = 15.
    expect(r.approvals.merged).toBe(15);
    expect(r.approvals.fromGitHub).toBe(false);
    expect(r.takedowns.map((t) => [t.path, t.kind])).toEqual([
      ['content/news/vi/tin-02.mdx', 'withdraw'],
      ['content/news/vi/tin-01.mdx', 'unpublish'],
    ]);
    // Received: hoi-05, hoi-01, hoi-02, hoi-03, hoi-04, hoi-07 (6). Answered: hoi-05 (9/9; from 27/8, 7 working days with
    // 31/8–2/9 off: due 10/9, on time), hoi-01, hoi-02 (late), hoi-07, hoi-04 (1/12; from 19/11 16:00, 24/11 off: due 1/12, on time) = 5, 4 on time.
    expect({ ...r.qa, byChannel: qaCounts(r.qa.byChannel), byUnit: qaCounts(r.qa.byUnit) }).toEqual({
      received: 6,
      answered: 5,
      answeredOnTime: 4,
      onTimePercent: 80,
      byChannel: [
        ['portal', 3, 3, 3],
        ['zalo', 2, 2, 1],
        ['email', 1, 0, 0],
      ],
      // Hà Nội: hoi-05, hoi-01, hoi-07 (all on time); van-phong: hoi-02 (late), hoi-04, hoi-07; equal totals, by key.
      byUnit: [
        ['bhxh-thanh-pho-ha-noi', 3, 3, 3],
        ['van-phong', 3, 3, 2],
        ['-', 1, 0, 0],
      ],
    });
    // The same three duties; on 27/12 tin-cham went live on 3/12, after its due day 19/11: late.
    expect(r.duties).toEqual({ due: 3, metOnTime: 1, late: 2, open: 0, onTimePercent: 33.3 });
    // At the end of 25/12: November's seven and hoi-04 (answered on 1/12), without an English file; hoi-03 is still in
    // the register (tin-cham and tin-hen-gio, present since 17/11 and 20/11, have theirs; tin-06 comes on 26/12);
    // stale as in November.
    expect(r.translations.missing.map((g) => g.original)).toEqual([
      ...['01', '02', '04', '05', '06', '07'].map((n) => `content/qa/vi/hoi-${n}.mdx`),
      'content/news/vi/tin-02.mdx',
      'content/news/vi/tin-khan-2.mdx',
    ]);
    expect(r.translations.stale.map((g) => g.original)).toEqual(['content/news/vi/old-a.mdx', 'content/news/vi/tin-03.mdx']);
  });

  it('the year 2026 (26/12/2025 → 25/12/2026): every figure; the months add up to it', async () => {
    const r = json('--year', '2026', '--now', '2026-12-27T08:00');
    expect(r.period).toMatchObject({ kind: 'year', id: '2026', from: '2025-12-26', to: '2026-12-25' });
    const p = r.publications;
    // H2's 15, plus tin-01 (8/1), hoi-06 (9/1), tin-02 (5/2) = 18; updated: tin-01 (12/3), old-a, tin-03 = 3 (tin-01's 2/4 is minor).
    expect([p.published, p.updated, p.withdrawn, p.unpublished]).toEqual([18, 3, 1, 1]);
    expect(counts(p.byCollection)).toEqual([
      ['news', 12, 3, 1, 1],
      ['qa', 6, 0, 0, 0],
    ]);
    // H2 plus: tin-tuc-su-kien tin-01 published and updated; chinh-sach-phap-luat tin-02; “-” hoi-06.
    expect(counts(p.byColumn)).toEqual([
      ['tin-tuc-su-kien', 7, 3, 0, 1],
      ['-', 6, 0, 0, 0],
      ['chinh-sach-phap-luat', 2, 0, 1, 0],
      ['thong-tin-bao-chi', 3, 0, 0, 0],
    ]);
    // H2 plus: hoat-dong-nganh tin-01 published and updated (6); chinh-sach-moi tin-02 published (2); “-” hoi-06 (6, after the named row).
    expect(counts(p.bySection)).toEqual([
      ['hoat-dong-nganh', 3, 2, 0, 1],
      ['-', 6, 0, 0, 0],
      ['chuyen-doi-so', 2, 1, 0, 0],
      ['bhxh-dia-phuong', 2, 0, 0, 0],
      ['chinh-sach-moi', 1, 0, 1, 0],
      ['thong-cao-bao-chi', 2, 0, 0, 0],
      ['dinh-chinh-thong-tin', 1, 0, 0, 0],
      ['huong-dan-chinh-sach', 1, 0, 0, 0],
    ]);
    // H2 plus: van-phong tin-02 and hoi-06 (9); Hà Nội tin-01 published and updated (8).
    expect(counts(p.byUnit)).toEqual([
      ['van-phong', 8, 0, 1, 0],
      ['bhxh-thanh-pho-ha-noi', 5, 2, 0, 1],
      ['trung-tam-truyen-thong', 3, 1, 0, 0],
      ['bhxh-tinh-khanh-hoa', 2, 0, 0, 0],
      ['bhxh-thanh-pho-ho-chi-minh', 1, 0, 0, 0],
    ]);
    // H2 plus: Lê Minh Châu tin-01 published and updated (8); Phạm Thị Dung tin-02 (4); “-” hoi-06 (6).
    expect(counts(p.byAuthor)).toEqual([
      ['Lê Minh Châu', 5, 2, 0, 1],
      ['-', 6, 0, 0, 0],
      ['Phạm Thị Dung', 3, 0, 1, 0],
      ['Trung tâm Truyền thông', 4, 0, 0, 0],
      ['Văn phòng', 0, 1, 0, 0],
    ]);
    // By month: January tin-01 (8/1), hoi-06 (9/1); February tin-02; March tin-01 updated; April only a minor change;
    // May and June nothing; then as in H2.
    expect(counts(p.byMonth!)).toEqual([
      ['2026-01', 2, 0, 0, 0],
      ['2026-02', 1, 0, 0, 0],
      ['2026-03', 0, 1, 0, 0],
      ['2026-04', 0, 0, 0, 0],
      ['2026-05', 0, 0, 0, 0],
      ['2026-06', 0, 0, 0, 0],
      ['2026-07', 1, 0, 0, 0],
      ['2026-08', 0, 1, 0, 0],
      ['2026-09', 1, 0, 0, 0],
      ['2026-10', 1, 0, 0, 0],
      ['2026-11', 8, 1, 1, 1],
      ['2026-12', 4, 0, 0, 0],
    ]);
    expect(r.approvals.merged).toBe(19); // #1–#19
    expect(r.takedowns).toHaveLength(2);
    // H2 plus hoi-06 (portal, van-phong; received 5/1, answered 9/1, on time): 7 received, 6 answered, 5 on time.
    expect({ ...r.qa, byChannel: qaCounts(r.qa.byChannel), byUnit: qaCounts(r.qa.byUnit) }).toEqual({
      received: 7,
      answered: 6,
      answeredOnTime: 5,
      onTimePercent: 83.3,
      byChannel: [
        ['portal', 4, 4, 4],
        ['zalo', 2, 2, 1],
        ['email', 1, 0, 0],
      ],
      byUnit: [
        ['van-phong', 4, 4, 3],
        ['bhxh-thanh-pho-ha-noi', 3, 3, 3],
        ['-', 1, 0, 0],
      ],
    });
    expect(r.duties).toEqual({ due: 3, metOnTime: 1, late: 2, open: 0, onTimePercent: 33.3 });
    expect(r.translations.missing).toHaveLength(8); // as at the end of H2: hoi-01, 02, 04, 05, 06, 07, tin-02, tin-khan-2
    expect(r.translations.stale).toHaveLength(2);

    // The twelve monthly periods add up to the year (made at the same moment).
    // In this process (makeReport, what the CLI calls), to keep the test short.
    const now = new Date('2026-12-27T08:00:00+07:00');
    const months = await Promise.all(
      monthsOf(yearPeriod('2026')).map(async (period) => (await makeReport({ dir: repo.dir, ref: 'main', period, now, translationGaps })).report.publications),
    );
    const sum = (k: 'published' | 'updated' | 'withdrawn' | 'unpublished') => months.reduce((n, m) => n + m[k], 0);
    expect([sum('published'), sum('updated'), sum('withdrawn'), sum('unpublished')]).toEqual([18, 3, 1, 1]);
  }, 60_000);
});

describe('npm run report: archived versions of pages taken down no longer served', { timeout: 60_000 }, () => {
  it('the merge that turned taken_down_versions to hidden is listed as a takedown, counted as merged (as a change of another settings file is), and said in the summary', () => {
    const dir = path.join(work, 'settings-repo');
    mkdirSync(path.join(dir, 'content'), { recursive: true });
    const at = (moment: string) => gitIn(dir, { GIT_AUTHOR_DATE: `${moment}:00+07:00`, GIT_COMMITTER_DATE: `${moment}:00+07:00` });
    const git = gitIn(dir);
    const site = readFileSync('content/site.yml', 'utf8').replace(/^taken_down_versions:.*\n/m, '');
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'content/site.yml'), `${site}taken_down_versions: public\n`);
    git('add', '.');
    at('2026-10-01T09:00')('commit', '-q', '-m', 'Thiết lập cổng');
    git('checkout', '-q', '-b', 'cms/site');
    writeFileSync(path.join(dir, 'content/site.yml'), `${site}taken_down_versions: hidden\n`);
    at('2026-11-19T09:00')('commit', '-q', '-am', 'Thôi phục vụ bản lưu của trang đã gỡ');
    git('checkout', '-q', 'main');
    at('2026-11-20T10:00')('merge', '-q', '--no-ff', '-m', 'Merge pull request #41 from bhxh-vietnam/cms/site', 'cms/site');
    // A change of the taxonomy alone is a merged pull request too (not a takedown).
    git('checkout', '-q', '-b', 'cms/taxonomy');
    writeFileSync(path.join(dir, 'content/taxonomy.yml'), readFileSync('content/taxonomy.yml', 'utf8'));
    git('add', '.');
    at('2026-11-21T09:00')('commit', '-q', '-m', 'Danh mục chuyên mục');
    git('checkout', '-q', 'main');
    at('2026-11-21T10:00')('merge', '-q', '--no-ff', '-m', 'Merge pull request #42 from bhxh-vietnam/cms/taxonomy', 'cms/taxonomy');
    const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', dir, '--month', '2026-11', '--now', '2026-11-26T08:00', ...args], { encoding: 'utf8' });
    const r = run('--json');
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as EditorialReport;
    expect(data.takedowns).toEqual([{ address: '/luu-tru/', path: 'content/site.yml', kind: 'withhold-archive', date: '2026-11-20', reason: { vi: '', en: '' }, pr: 41 }]);
    expect(data.approvals.merged).toBe(2);
    expect(run('--lang', 'vi').stdout).toContain('Bản lưu của trang đã gỡ: thôi phục vụ trên cổng 1 lần.');
    expect(run('--lang', 'en').stdout).toContain('Archived versions of pages taken down: no longer served on the portal, 1 time(s).');
  });
});

describe('npm run report: the command line', { timeout: 60_000 }, () => {
  it('--help in both languages, exit 0', () => {
    const r = report('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Cách dùng: npm run report/);
    expect(r.stdout).toMatch(/Usage: npm run report/);
    expect(r.stdout).toMatch(/--month NNNN-TT/);
    expect(r.stdout).toMatch(/--half YYYY-H1\|H2/);
  });

  it('refuses a wrong period in both languages, exit 2', () => {
    for (const args of [[], ['--month', '2026-13'], ['--month', '2026-11', '--year', '2026'], ['--from', '2026-01-01'], ['--half', '2026-H3'], ['--month', '2026-11', '--lang', 'fr'], ['--bogus']]) {
      const r = report(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^vi: /m);
      expect(r.stderr).toMatch(/^en: /m);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('hostile command lines (tests/fixtures/hostile/report-periods/) are refused: exit 2, both languages, control characters escaped', () => {
    const { cases } = JSON.parse(readFileSync('tests/fixtures/hostile/report-periods/cases.json', 'utf8')) as { cases: { why: string; args: string[] }[] };
    for (const c of cases) {
      const r = spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', repo.dir, ...c.args], { encoding: 'utf8', env: { ...process.env, GITHUB_TOKEN: 'x' } });
      expect(r.status, c.why).toBe(2);
      expect(r.stderr, c.why).toMatch(/^vi: /m);
      expect(r.stderr, c.why).toMatch(/^en: /m);
      expect(r.stderr, c.why).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(r.stderr, c.why).not.toMatch(/^en: all good/m);
      expect(r.stderr, c.why).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('--repo without a token is a usage error; a folder without Git is a failure (exit 1), said in both languages', () => {
    const env = { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '' };
    const noToken = spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', repo.dir, '--month', '2026-11', '--repo', 'bhxh-vietnam/cong-thong-tin'], { encoding: 'utf8', env });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toMatch(/GITHUB_TOKEN/);
    const notGit = spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', tmpdir(), '--month', '2026-11'], { encoding: 'utf8' });
    expect(notGit.status).toBe(1);
    expect(notGit.stderr).toMatch(/không phải là kho Git/);
    expect(notGit.stderr).toMatch(/is not a Git repository/);
  });

  it('a shallow clone: the report says so (sources.shallow) and warns in both languages how to fetch the whole history', () => {
    const shallow = path.join(work, 'shallow');
    spawnSync('git', ['clone', '-q', '--depth', '3', '--branch', 'main', `file://${repo.dir}`, shallow], { encoding: 'utf8' });
    const r = spawnSync(process.execPath, [path.resolve('scripts/report.ts'), '--dir', shallow, '--month', '2026-11', '--now', '2026-11-26T08:00', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as EditorialReport).sources.shallow).toBe(true);
    expect(r.stderr).toMatch(/shallow clone/);
    expect(r.stderr).toMatch(/bản sao nông/);
  });

  it('--month due: on the 26th the month just ended; on any other day nothing', () => {
    const due = json('--month', 'due', '--now', '2026-11-26T00:05');
    expect(due.period.id).toBe('2026-11');
    const other = report('--month', 'due', '--now', '2026-11-27T00:05', '--json');
    expect(other.status).toBe(0);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/không phải ngày 26/);
  });

  it('--out writes the report as JSON, Markdown and CSV in each language, and HTML; without --json or --out a summary in each language', () => {
    const out = path.join(work, 'out');
    const r = report('--month', '2026-11', '--now', '2026-11-26T08:00', '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report-2026-11.en.csv', 'report-2026-11.en.md', 'report-2026-11.html', 'report-2026-11.json', 'report-2026-11.vi.csv', 'report-2026-11.vi.md']);
    const data = JSON.parse(readFileSync(path.join(out, 'report-2026-11.json'), 'utf8')) as EditorialReport;
    expect(data.publications.published).toBe(8);
    expect(readFileSync(path.join(out, 'report-2026-11.vi.md'), 'utf8')).toBe(renderMarkdown(data, 'vi'));
    expect(readFileSync(path.join(out, 'report-2026-11.en.csv'), 'utf8')).toBe(renderCsv(data, 'en'));
    expect(readFileSync(path.join(out, 'report-2026-11.html'), 'utf8')).toBe(renderHtml(data));
    const text = report('--month', '2026-11', '--now', '2026-11-26T08:00', '--lang', 'en');
    expect(text.stdout).toMatch(/^Editorial report — November 2026/);
    expect(text.stdout).toMatch(/Entries: 8 published, 1 updated, 1 withdrawn, 1 unpublished\./);
    expect(text.stdout).not.toMatch(/Tin bài/);
  });

  it('--propose writes the report as a page of the section Statistics on cms/pages/thong-ke-<period>, in review, and refuses a second proposal', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo.dir, encoding: 'utf8' }).stdout.trim();
    const mainBefore = git('rev-parse', 'main');
    const r = report('--month', '2026-11', '--now', '2026-11-26T08:00', '--propose');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã trình duyệt: trang content/pages/vi/thong-ke-2026-11.mdx, content/pages/en/thong-ke-2026-11.mdx trên nhánh cms/pages/thong-ke-2026-11');
    expect(r.stdout).toContain('Submitted for approval');
    expect(git('rev-parse', 'main')).toBe(mainBefore);
    expect(git('config', 'branch.cms/pages/thong-ke-2026-11.description')).toBe('decap-cms/pending_review');
    const vi = git('show', 'cms/pages/thong-ke-2026-11:content/pages/vi/thong-ke-2026-11.mdx');
    expect(vi).toMatch(/^---\ntitle: Báo cáo thống kê hoạt động của Cổng — Tháng 11\/2026/);
    expect(vi).toContain('summary: 8 mục đăng mới, 1 lượt cập nhật, 2 mục rút hoặc gỡ;');
    expect(vi).toContain('section: statistics');
    const data = json('--month', '2026-11', '--now', '2026-11-26T08:00');
    expect(vi.endsWith(`${renderMarkdown(data, 'vi').trim()}`)).toBe(true);
    const again = report('--month', '2026-11', '--now', '2026-11-26T08:00', '--propose');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A proposal of this report is already on the branch cms/pages/thong-ke-2026-11');
    expect(again.stderr).toContain('Đã có bản đề xuất');
  });
});
