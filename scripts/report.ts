/**
 * npm run report -- (--month YYYY-MM | --month due | --half YYYY-H1|H2 | --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD)
 *                   [--repo owner/name] [--ref main] [--dir <folder>] [--lang vi|en] [--json] [--out <folder>] [--now <moment>] [--propose]
 *
 * The editorial report of one period (docs/reports.md): entries published,
 * updated, withdrawn and unpublished; approval times; urgent publications;
 * takedowns; questions and answers; publication duties; translations. From
 * the published branch's history (and, with --repo and GITHUB_TOKEN, the pull
 * requests and reviews on GitHub). `--json` prints the data; `--out` writes
 * the files (JSON, Markdown and CSV in each language, HTML in both) into a folder. Progress goes to stderr. Exit code: 0 done, 1 the
 * report could not be made, 2 the command line is wrong. The figures are
 * pure (src/lib/report/figures.ts); this only gathers and writes.
 * `--propose` writes the report as a page of the section “Statistics” on the
 * draft branch cms/pages/thong-ke-<period>, in review; with --repo, pushed and
 * opened as a pull request (scripts/lib/report/propose.ts): statistics are
 * published only after the board approves them (portal regulation Art. 11).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isVietnamDateTime, vietnamDate } from '../src/lib/dates.ts';
import { formatBilingual, HistoryError } from '../src/lib/history/history-error.ts';
import { printableLines } from '../src/lib/printable.ts';
import { monthDueOn } from '../src/lib/report/due-month.ts';
import { PeriodError, periodFromOptions, shown } from '../src/lib/report/period.ts';
import { formatNumber } from '../src/lib/report/number-format.ts';
import type { Bilingual, EditorialReport, ReportPeriod } from '../src/lib/report/report.ts';
import type { makeReport } from './lib/report/make-report.ts';
import { githubClient, parseRepo } from './lib/github.ts';

// What makes the report (Git, GitHub, the renderers) is loaded once the command line is known to be right:
// a wrong option is answered at once.

const usage: Bilingual = {
  vi: 'Cách dùng: npm run report -- (--month NNNN-TT | --month due | --half NNNN-H1|H2 | --year NNNN | --from NNNN-TT-NN --to NNNN-TT-NN) [--repo chủ/tên] [--ref main] [--dir thư-mục] [--lang vi|en] [--json] [--out thư-mục] [--now thời-điểm] [--propose]',
  en: 'Usage: npm run report -- (--month YYYY-MM | --month due | --half YYYY-H1|H2 | --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) [--repo owner/name] [--ref main] [--dir folder] [--lang vi|en] [--json] [--out folder] [--now moment] [--propose]',
};

const help: Bilingual = {
  vi: [
    usage.vi,
    'Lập báo cáo biên tập của một kỳ (giờ Việt Nam): tin bài đăng mới, cập nhật, rút, gỡ; thời gian duyệt; đăng khẩn cấp; hỏi đáp; nghĩa vụ đăng tải; bản dịch.',
    '  --month NNNN-TT     tháng: từ ngày 26 tháng trước đến ngày 25 (Quyết định 1436, V.2.1b); “due”: tháng vừa kết thúc nếu hôm nay là ngày 26, nếu không thì không làm gì',
    '  --half NNNN-H1|H2   6 tháng: H1 từ 26/12 năm trước đến 25/06, H2 từ 26/06 đến 25/12',
    '  --year NNNN         năm: từ 26/12 năm trước đến 25/12',
    '  --from/--to         từ ngày đến ngày (đều được tính)',
    '  --repo chủ/tên      lấy pull request và ý kiến duyệt từ GitHub (cần GITHUB_TOKEN; GITHUB_API_URL nếu không phải api.github.com)',
    '  --ref main          nhánh đã đăng (mặc định main)',
    '  --dir thư-mục       kho Git (mặc định: thư mục hiện tại)',
    '  --lang vi|en        tóm tắt một thứ tiếng (mặc định: cả hai)',
    '  --json              in dữ liệu báo cáo (JSON)',
    '  --out thư-mục       ghi báo cáo vào thư mục: report-<kỳ>.json, .vi.md, .en.md, .vi.csv, .en.csv, .html',
    '  --now …             lập như tại thời điểm đó (ISO 8601, hoặc giờ Việt Nam NNNN-TT-NNTGG:PP)',
    '  --propose           trình duyệt: ghi báo cáo thành trang nhóm “Thống kê” trên nhánh nháp cms/pages/thong-ke-<kỳ> (chờ duyệt trong CMS); với --repo thì đẩy nhánh và mở pull request',
    'Mã thoát: 0 đã lập, 1 không lập được báo cáo, 2 tham số sai. Xem docs/reports.md.',
  ].join('\n'),
  en: [
    usage.en,
    'Makes the editorial report of one period (Vietnam time): entries published, updated, withdrawn, unpublished; approval times; urgent publications; Q&A; publication duties; translations.',
    '  --month YYYY-MM     a month: from the 26th of the month before to the 25th (Decision 1436, V.2.1b); “due”: the month that just ended if today is the 26th, else nothing',
    '  --half YYYY-H1|H2   a half-year: H1 from 26/12 of the year before to 25/06, H2 from 26/06 to 25/12',
    '  --year YYYY         a year: from 26/12 of the year before to 25/12',
    '  --from/--to         from one date to another (both included)',
    '  --repo owner/name   pull requests and reviews from GitHub (needs GITHUB_TOKEN; GITHUB_API_URL when not api.github.com)',
    '  --ref main          the published branch (default main)',
    '  --dir folder        the Git repository (default: the current folder)',
    '  --lang vi|en        the summary in one language (default: both)',
    '  --json              print the report’s data (JSON)',
    '  --out folder        write the report into the folder: report-<period>.json, .vi.md, .en.md, .vi.csv, .en.csv, .html',
    '  --now …             as at that moment (ISO 8601, or Vietnam time YYYY-MM-DDTHH:mm)',
    '  --propose           submit for approval: the report as a page of the section “Statistics” on the draft branch cms/pages/thong-ke-<period> (in review in the CMS); with --repo, the branch is pushed and a pull request opened',
    'Exit code: 0 made, 1 the report could not be made, 2 wrong options. See docs/reports.md.',
  ].join('\n'),
};

/** Stops with a message in both languages: exit 2 for the command line, 1 for a report that could not be made. */
function fail(code: 1 | 2, message: Bilingual, details?: string): never {
  process.stderr.write(`${formatBilingual(message)}\n${details === undefined ? '' : `${printableLines(details)}\n`}`);
  process.exit(code);
}

type Values = { month?: string; half?: string; year?: string; from?: string; to?: string; repo?: string; ref: string; dir?: string; lang?: string; json: boolean; out?: string; now?: string; propose: boolean; help: boolean };
let values: Values;
try {
  values = parseArgs({
    options: {
      month: { type: 'string' },
      half: { type: 'string' },
      year: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      repo: { type: 'string' },
      ref: { type: 'string', default: 'main' },
      dir: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      now: { type: 'string' },
      propose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }).values as Values;
} catch (error) {
  fail(2, { vi: `Tham số không hợp lệ: ${shown((error as Error).message)}`, en: `Invalid arguments: ${shown((error as Error).message)}` }, `${usage.vi}\n${usage.en}`);
}

if (values.help) {
  process.stdout.write(`${help.vi}\n\n${help.en}\n`);
  process.exit(0);
}

if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
  fail(2, { vi: `--lang chỉ nhận vi hoặc en, nhưng thấy “${shown(values.lang ?? '')}”. Bỏ --lang để in cả hai thứ tiếng.`, en: `--lang takes vi or en, found “${shown(values.lang ?? '')}”. Leave --lang out to print both languages.` });
}

let now = new Date();
if (values.now !== undefined) {
  const text = values.now.trim();
  const t = isVietnamDateTime(text) ? Date.parse(`${text}:00+07:00`) : /^\d{4}-\d{2}-\d{2}T/.test(text) && /(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(t)) {
    fail(2, {
      vi: `--now cần một thời điểm ISO 8601 có múi giờ (2026-11-26T00:05:00+07:00) hoặc giờ Việt Nam NNNN-TT-NNTGG:PP (2026-11-26T00:05), nhưng thấy “${shown(values.now ?? '')}”.`,
      en: `--now needs an ISO 8601 moment with its offset (2026-11-26T00:05:00+07:00) or Vietnam time YYYY-MM-DDTHH:mm (2026-11-26T00:05), found “${shown(values.now ?? '')}”.`,
    });
  }
  now = new Date(t);
}

// `--month due`: the publish workflow runs every day; only on the 26th is a month due.
if (values.month?.trim().toLowerCase() === 'due') {
  const due = monthDueOn(vietnamDate(now));
  if (due === undefined) {
    process.stderr.write(
      `Hôm nay (${vietnamDate(now)}, giờ Việt Nam) không phải ngày 26: không có báo cáo tháng nào đến hạn, không ghi gì.\n` +
        `Today (${vietnamDate(now)}, Vietnam time) is not the 26th: no monthly report is due; nothing written.\n`,
    );
    process.exit(0);
  }
  values.month = due;
}

let period: ReportPeriod;
try {
  period = periodFromOptions(values);
} catch (error) {
  if (error instanceof PeriodError) fail(2, error.messages, `${usage.vi}\n${usage.en}`);
  throw error;
}

let github: Parameters<typeof makeReport>[0]['github'];
if (values.repo !== undefined) {
  let where: ReturnType<typeof parseRepo>;
  try {
    where = parseRepo(values.repo);
  } catch {
    fail(2, { vi: `--repo cần kho GitHub dạng chủ/tên, ví dụ bhxh-vietnam/cong-thong-tin, nhưng thấy “${shown(values.repo ?? '')}”.`, en: `--repo needs a GitHub repository written owner/name, for example bhxh-vietnam/cong-thong-tin, found “${shown(values.repo ?? '')}”.` });
  }
  if (!process.env.GITHUB_TOKEN && !process.env.GH_TOKEN) {
    fail(2, {
      vi: '--repo cần mã truy cập GitHub trong biến môi trường GITHUB_TOKEN (quyền đọc pull request). Đặt GITHUB_TOKEN, hoặc bỏ --repo để lập báo cáo chỉ từ Git.',
      en: '--repo needs a GitHub token in the GITHUB_TOKEN environment variable (read access to pull requests). Set GITHUB_TOKEN, or leave --repo out to report from Git only.',
    });
  }
  github = { octokit: githubClient(), where };
}

const dir = path.resolve(values.dir ?? '.');
const progress = (line: Bilingual) => process.stderr.write(`… ${line.vi} / ${line.en}\n`);
let made: Awaited<ReturnType<typeof makeReport>>;
try {
  const [{ makeReport }, { translationGaps }] = await Promise.all([import('./lib/report/make-report.ts'), import('../src/lib/translations/translation-gaps.ts')]);
  made = await makeReport({ dir, ref: values.ref, period, now, github, progress, translationGaps });
} catch (error) {
  if (error instanceof HistoryError) fail(1, error.messages);
  const status = (error as { status?: number }).status;
  if (status !== undefined) {
    fail(1, {
      vi: `GitHub trả lời lỗi ${status} khi đọc các pull request của ${shown(values.repo ?? '')}. Kiểm tra tên kho, GITHUB_TOKEN (quyền đọc pull request) và GITHUB_API_URL.`,
      en: `GitHub answered ${status} when reading the pull requests of ${shown(values.repo ?? '')}. Check the repository's name, GITHUB_TOKEN (read access to pull requests) and GITHUB_API_URL.`,
    });
  }
  fail(1, { vi: 'Không lập được báo cáo.', en: 'The report could not be made.' }, (error as Error).message);
}
for (const warning of made.warnings) process.stderr.write(`${formatBilingual(warning)}\n`);
const { report } = made;
const [{ renderCsv }, { renderHtml }, { renderMarkdown }] = await Promise.all([
  import('../src/lib/report/render-csv.ts'),
  import('../src/lib/report/render-html.ts'),
  import('../src/lib/report/render-markdown.ts'),
]);

/** The numeric fields of `figures` formatted for `locale` (1.234 in Vietnamese). */
function mapValues<T extends object>(figures: T, locale: 'vi' | 'en'): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, locale) : String(v)])) as Record<keyof T, string>;
}

/** A few lines per language: what the report found (the full report is --json or --out). */
function summary(r: EditorialReport, l: 'vi' | 'en'): string {
  const p = mapValues(r.publications, l);
  const q = mapValues(r.qa, l);
  const d = mapValues(r.duties, l);
  const t = { missing: { length: formatNumber(r.translations.missing.length, l) }, stale: { length: formatNumber(r.translations.stale.length, l) } };
  const withheld = r.takedowns.filter((k) => k.kind === 'withhold-archive').length;
  const a = { merged: formatNumber(r.approvals.merged, l), closedUnmerged: formatNumber(r.approvals.closedUnmerged, l), fromGitHub: r.approvals.fromGitHub };
  const lines =
    l === 'vi'
      ? [
          `Báo cáo biên tập — ${r.period.title.vi}`,
          `Tin bài: ${p.published} đăng mới, ${p.updated} cập nhật, ${p.withdrawn} rút, ${p.unpublished} gỡ.`,
          ...(withheld > 0 ? [`Bản lưu của trang đã gỡ: thôi phục vụ trên cổng ${formatNumber(withheld, l)} lần.`] : []),
          `Pull request: ${a.merged} hợp nhất, ${a.closedUnmerged} đóng không hợp nhất${a.fromGitHub ? '' : ' (không có GitHub)'}.`,
          `Đăng khẩn cấp: ${r.urgent.length} (${r.urgent.filter((u) => u.reviewedAt).length} đã được Thư ký xem lại).`,
          `Hỏi đáp: ${q.received} tiếp nhận, ${q.answered} trả lời, ${q.answeredOnTime} đúng hạn.`,
          `Nghĩa vụ đăng tải: ${d.due} đến hạn, ${d.metOnTime} đúng hạn.`,
          `Bản dịch tiếng Anh: ${t.missing.length} thiếu, ${t.stale.length} cũ hơn bản gốc.`,
        ]
      : [
          `Editorial report — ${r.period.title.en}`,
          `Entries: ${p.published} published, ${p.updated} updated, ${p.withdrawn} withdrawn, ${p.unpublished} unpublished.`,
          ...(withheld > 0 ? [`Archived versions of pages taken down: no longer served on the portal, ${formatNumber(withheld, l)} time(s).`] : []),
          `Pull requests: ${a.merged} merged, ${a.closedUnmerged} closed unmerged${a.fromGitHub ? '' : ' (without GitHub)'}.`,
          `Urgent publications: ${r.urgent.length} (${r.urgent.filter((u) => u.reviewedAt).length} reviewed afterwards by the secretary).`,
          `Q&A: ${q.received} received, ${q.answered} answered, ${q.answeredOnTime} on time.`,
          `Publication duties: ${d.due} due, ${d.metOnTime} met on time.`,
          `English translations: ${t.missing.length} missing, ${t.stale.length} older than their original.`,
        ];
  return `${lines.join('\n')}\n`;
}

if (values.out !== undefined) {
  const out = path.resolve(values.out);
  // report-<period>.json, .vi.md, .en.md, .vi.csv, .en.csv and .html (both languages): plain names, as the archive attaches them.
  const base = `report-${report.period.id}`;
  const files: [string, string][] = [
    [`${base}.json`, `${JSON.stringify(report, null, 2)}\n`],
    ...(['vi', 'en'] as const).flatMap((l): [string, string][] => [
      [`${base}.${l}.md`, renderMarkdown(report, l)],
      [`${base}.${l}.csv`, renderCsv(report, l)],
    ]),
    [`${base}.html`, renderHtml(report)],
  ];
  try {
    await mkdir(out, { recursive: true });
    for (const [name, text] of files) await writeFile(path.join(out, name), text);
  } catch (error) {
    fail(1, { vi: `Không ghi được báo cáo vào ${out}.`, en: `Could not write the report into ${out}.` }, (error as Error).message);
  }
  progress({ vi: `đã ghi ${files.map(([n]) => n).join(', ')} vào ${out}`, en: `wrote ${files.map(([n]) => n).join(', ')} into ${out}` });
}
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else if (values.out === undefined) {
  const locales = values.lang === undefined ? (['vi', 'en'] as const) : ([values.lang as 'vi' | 'en'] as const);
  process.stdout.write(locales.map((l) => summary(report, l)).join('\n'));
}

if (values.propose) {
  const [{ reportEntry, reportTitle }, { openProposal, proposeOnBranch }] = await Promise.all([import('../src/lib/report/report-entry.ts'), import('./lib/report/propose.ts')]);
  const entry = reportEntry(report, { vi: renderMarkdown(report, 'vi'), en: renderMarkdown(report, 'en') });
  const title = `${reportTitle(report, 'vi')} / ${reportTitle(report, 'en')}`;
  try {
    const proposal = await proposeOnBranch(dir, values.ref, entry, title);
    progress({ vi: `đã ghi bản đề xuất trên nhánh ${proposal.branch} (${proposal.commit.slice(0, 7)}), chờ duyệt`, en: `proposal written on the branch ${proposal.branch} (${proposal.commit.slice(0, 7)}), in review` });
    let url: string | undefined;
    if (github) {
      url = await openProposal(dir, github.octokit, github.where, proposal, {
        base: values.ref,
        title,
        body: [
          `Báo cáo thống kê ${report.period.title.vi}, lập bằng npm run report từ lịch sử đăng tải. Số liệu thống kê chỉ được công bố khi lãnh đạo đồng ý (Quy chế Cổng, Điều 11): Thư ký xem xét, Trưởng Ban hoặc Phó Trưởng Ban được uỷ quyền phê duyệt.`,
          '',
          `The statistical report for ${report.period.title.en}, made by npm run report from the publication history. Statistics are published only once the leadership agrees (portal regulation, Art. 11): the secretary reviews, the head of the board or an authorised deputy approves.`,
        ].join('\n'),
      });
    }
    process.stdout.write(
      `Đã trình duyệt: trang ${entry.files.map((f) => f.path).join(', ')} trên nhánh ${proposal.branch}${url ? `, pull request ${url}` : `. Trong kho thử của CMS cục bộ (--dir .cms-local/repo): mở CMS (npm start) › Quy trình biên tập để duyệt; với kho trên GitHub: git push origin ${proposal.branch} rồi mở pull request, hoặc chạy lại với --repo`}.\n` +
        `Submitted for approval: the page ${entry.files.map((f) => f.path).join(', ')} on the branch ${proposal.branch}${url ? `, pull request ${url}` : `. In the local CMS's sandbox (--dir .cms-local/repo): open the CMS (npm start) › Workflow to review it; for the repository on GitHub: git push origin ${proposal.branch} and open a pull request, or run again with --repo`}.\n`,
    );
  } catch (error) {
    if (error instanceof HistoryError) fail(1, error.messages);
    const status = (error as { status?: number }).status;
    fail(1, { vi: `Không mở được pull request của bản đề xuất${status ? ` (GitHub trả lời ${status})` : ''}; nhánh đã ghi vẫn còn.`, en: `Could not open the proposal's pull request${status ? ` (GitHub answered ${status})` : ''}; the branch written is kept.` }, (error as Error).message);
  }
}
