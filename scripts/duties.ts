/**
 * npm run duties [-- --within N] [--lang vi|en] [--json] [--all] [--now YYYY-MM-DDTHH:mm]
 *
 * What is overdue, and what falls due within the next N working days (3 by
 * default), by unit, in two sections: the deadlines of the questions and
 * answers register (content/qa, the rules of content/governance/qa-deadlines.yml)
 * and the portal's publication duties (content/governance/publication-duties.yml),
 * counted on the working calendar of content/calendar/. `--all` adds the whole
 * register (every question, each step's state) and every publication duty.
 * In Vietnamese then English unless `--lang` picks one; `--json` for machines;
 * `--now` fixes the present moment (Vietnam time) for tests and for replaying
 * a past day. Reads PORTAL_CONTENT_DIR when set, like every content reader.
 * Exit code: 0 nothing overdue, 1 something overdue (in either section), 2 the
 * report could not be made (the reason is printed, in both languages). The
 * rules and the report are pure (src/lib/duties/); this only gathers the
 * inputs and prints. See docs/duties.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarError, type WorkingCalendar } from '../src/lib/calendar/index.ts';
import { loadWorkingCalendar } from '../src/lib/calendar/read-calendar.ts';
import { contentRoot, readContentFiles } from '../src/content-loader/read-content.ts';
import { parseEntryFile } from '../src/lib/content/frontmatter.ts';
import { formatIssues, type ContentIssue } from '../src/lib/content/issues.ts';
import { isVietnamDateTime, vietnamDateTime } from '../src/lib/dates.ts';
import { dutyHorizon, formatDutyReport, hasOverdue, publicationDutyItems, qaDutyItems, sectionByUnit, UNASSIGNED, type DutyReport, type QaRegisterEntry } from '../src/lib/duties/duty-report.ts';
import { publicationDutiesReport } from '../src/lib/duties/publication-duties-report.ts';
import { formatRegister, registerRows, type RegisterRow } from '../src/lib/duties/register-listing.ts';
import { HistoryError } from '../src/lib/history/history-error.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../src/lib/duties/qa-deadlines-file.ts';
import { qaLifecycleOf } from '../src/lib/duties/qa-lifecycle.ts';
import type { Bilingual } from '../src/lib/schema/fields.ts';
import { historyBeginnings } from './lib/history-begins.ts';
import { publicationDutyResults } from './lib/publication-duties.ts';
import { qaFirstPublications } from './lib/qa-publications.ts';

/** Stops with a message in both languages and exit code 2: the report could not be made. */
function fail(vi: string, en: string, details?: string): never {
  process.stderr.write(`${vi}\n${en}\n${details === undefined ? '' : `\n${details}\n`}`);
  process.exit(2);
}

const usage = {
  vi: 'Cách dùng: npm run duties -- [--within N] [--lang vi|en] [--json] [--all] [--now NNNN-TT-NNTGG:PP]',
  en: 'Usage: npm run duties -- [--within N] [--lang vi|en] [--json] [--all] [--now YYYY-MM-DDTHH:mm]',
};

const help = {
  vi: [
    usage.vi,
    'In các việc quá hạn và đến hạn trong N ngày làm việc tới, theo đơn vị: hỏi đáp (content/qa) và nghĩa vụ đăng tải của Cổng.',
    '  --within N   số ngày làm việc tới (mặc định 3, từ 0 đến 60)',
    '  --lang vi|en chỉ in một thứ tiếng (mặc định: cả hai)',
    '  --json       dữ liệu cho máy đọc',
    '  --all        cả sổ hỏi đáp, mỗi bước với tình trạng của nó, và mọi nghĩa vụ đăng tải',
    '  --now …      tính tại thời điểm đó (giờ Việt Nam) thay vì bây giờ',
    'Mã thoát: 0 không có gì quá hạn, 1 có việc quá hạn, 2 không lập được báo cáo. Xem docs/duties.md.',
  ].join('\n'),
  en: [
    usage.en,
    'Prints what is overdue and what falls due in the next N working days, by unit: questions and answers (content/qa) and the portal\'s publication duties.',
    '  --within N   working days ahead (default 3, from 0 to 60)',
    '  --lang vi|en one language only (default: both)',
    '  --json       data for machines',
    '  --all        the whole Q&A register, each step with its state, and every publication duty',
    '  --now …      as at that moment (Vietnam time) instead of now',
    'Exit code: 0 nothing overdue, 1 something overdue, 2 the report could not be made. See docs/duties.md.',
  ].join('\n'),
};

let values: { within?: string; lang?: string; json?: boolean; all?: boolean; now?: string; help?: boolean };
try {
  values = parseArgs({
    options: {
      within: { type: 'string', default: '3' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`Tham số không hợp lệ: ${(error as Error).message}`, `Invalid arguments: ${(error as Error).message}`, `${usage.vi}\n${usage.en}`);
}

if (values.help) {
  process.stdout.write(`${help.vi}\n\n${help.en}\n`);
  process.exit(0);
}

const within = Number(values.within);
if (!/^\d{1,2}$/.test(values.within ?? '') || within > 60) {
  fail(
    `--within cần số ngày làm việc từ 0 đến 60, nhưng thấy “${values.within}”.`,
    `--within needs a number of working days from 0 to 60, found “${values.within}”.`,
  );
}
if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
  fail(`--lang chỉ nhận vi hoặc en, nhưng thấy “${values.lang}”. Bỏ --lang để in cả hai thứ tiếng.`, `--lang takes vi or en, found “${values.lang}”. Leave --lang out to print both languages.`);
}
if (values.now !== undefined && !isVietnamDateTime(values.now)) {
  fail(
    `--now cần ngày giờ Việt Nam dạng NNNN-TT-NNTGG:PP, ví dụ 2026-02-23T08:00, nhưng thấy “${values.now}”.`,
    `--now needs a Vietnam date and time written YYYY-MM-DDTHH:mm, for example 2026-02-23T08:00, found “${values.now}”.`,
  );
}
const now = values.now ?? vietnamDateTime(new Date());
const projectRoot = process.cwd();
const root = contentRoot(projectRoot);

// The content: the rules, the Q&A register (Vietnamese originals; English titles from the translations), the units' names.
const content = await readContentFiles(projectRoot);
if (content.issues.length > 0) fail('Không đọc được thư mục nội dung.', 'The content folder cannot be read.', formatIssues(content.issues));
const sourceOf = new Map(content.files.map((f) => [f.file, f.source]));

const rulesSource = sourceOf.get(QA_DEADLINES_FILE);
if (rulesSource === undefined) {
  fail(
    `Thiếu tệp quy tắc thời hạn hỏi đáp ${QA_DEADLINES_FILE} (trong ${root}); thêm tệp đó (xem docs/duties.md).`,
    `The Q&A deadline rules ${QA_DEADLINES_FILE} are missing (in ${root}); add that file (see docs/duties.md).`,
  );
}
const { rules, issues: ruleIssues } = validateQaDeadlinesFile(rulesSource);
if (!rules) fail('Tệp quy tắc thời hạn hỏi đáp có lỗi.', 'The Q&A deadline rules file has errors.', formatIssues(ruleIssues));

let calendar: WorkingCalendar;
try {
  calendar = await loadWorkingCalendar(projectRoot);
} catch (error) {
  if (error instanceof CalendarError) fail(error.vi, error.en, error.message.split('\n').slice(1).join('\n') || undefined);
  throw error;
}

const fronts = new Map<string, ReturnType<typeof parseEntryFile> | undefined>();
const frontOf = (file: string) => {
  if (!fronts.has(file)) {
    const source = sourceOf.get(file);
    fronts.set(file, source === undefined ? undefined : parseEntryFile(file, source));
  }
  return fronts.get(file);
};
const textField = (file: string, field: string): string | undefined => {
  const value = frontOf(file)?.data?.[field];
  return typeof value === 'string' ? value : undefined;
};
const unitName = (slug: string): Bilingual => {
  const vi = textField(`content/units/vi/${slug}.mdx`, 'name') ?? slug;
  return { vi, en: textField(`content/units/en/${slug}.mdx`, 'name') ?? vi };
};

const [{ published, inGit }, begins] = await Promise.all([qaFirstPublications(root), historyBeginnings(root)]);
const qaOptions = { historyBegins: begins.get('qa') };
const entries: QaRegisterEntry[] = [];
const entryIssues: ContentIssue[] = [];
for (const file of content.files.map((f) => f.file).filter((f) => /^content\/qa\/vi\/[^/]+\.mdx$/.test(f))) {
  const front = frontOf(file)!;
  if (!front.data) {
    entryIssues.push(...front.issues);
    continue;
  }
  const { lifecycle, issues } = qaLifecycleOf(front.data, file, front.locate, published.get(file));
  entryIssues.push(...issues);
  if (!lifecycle) continue;
  const vi = textField(file, 'title') ?? file;
  entries.push({ file, title: { vi, en: textField(file.replace('/vi/', '/en/'), 'title') ?? vi }, lifecycle, sample: front.data.sample === true });
}
if (entryIssues.length > 0) {
  fail(
    'Không tính được thời hạn: sửa các mục hỏi đáp sau (npm run check:content).',
    'The deadlines cannot be computed: fix these Q&A entries (npm run check:content).',
    formatIssues(entryIssues),
  );
}

// The portal's publication duties: every duty (the report keeps the overdue and those due by the horizon).
let publication: Awaited<ReturnType<typeof publicationDutyResults>>;
try {
  publication = await publicationDutyResults({ root: projectRoot, now, within, all: true });
} catch (error) {
  if (error instanceof CalendarError) fail(error.vi, error.en);
  if (error instanceof HistoryError) fail(error.messages.vi, error.messages.en);
  fail('Không lập được phần nghĩa vụ đăng tải của Cổng.', 'The section on the portal’s publication duties cannot be made.', (error as Error).message);
}
const englishTitle = (file: string) => {
  const en = file.replace('/vi/', '/en/');
  return textField(en, 'title') ?? textField(en, 'name');
};

let report: DutyReport;
let register: RegisterRow[] = [];
try {
  const until = dutyHorizon(calendar, now, within);
  report = {
    now,
    within,
    until,
    sections: [
      sectionByUnit('qa', { vi: 'Hỏi đáp', en: 'Questions and answers' }, qaDutyItems(entries, calendar, rules, now, until, qaOptions), unitName),
      sectionByUnit(
        'publication',
        { vi: 'Nghĩa vụ đăng tải của Cổng (Quy chế Cổng, Điều 4, 11)', en: 'The portal’s publication duties (portal regulation, Art. 4, 11)' },
        publicationDutyItems(publication.results, publication.rules, until, englishTitle, (file) => frontOf(file)?.data?.sample === true),
        unitName,
        { vi: 'Mục không ghi đơn vị nguồn', en: 'Entries naming no unit as their source' },
      ),
    ],
  };
  if (values.all) register = registerRows(entries, calendar, rules, now, qaOptions);
} catch (error) {
  if (error instanceof CalendarError) fail(error.vi, error.en);
  throw error;
}

if (values.json) {
  const unitNames = Object.fromEntries(report.sections.flatMap((s) => s.units.filter((u) => u.unit !== UNASSIGNED).map((u) => [u.unit, unitName(u.unit)])));
  const all = values.all ? { register, publicationDuties: publication.results } : {};
  process.stdout.write(`${JSON.stringify({ ...report, historyBegins: Object.fromEntries(begins), ...all, unitNames }, null, 2)}\n`);
} else {
  const locales = values.lang === undefined ? (['vi', 'en'] as const) : ([values.lang as 'vi' | 'en'] as const);
  const text = (l: 'vi' | 'en') => {
    const parts = [formatDutyReport(report, l, unitName)];
    if (values.all) {
      const titled = l === 'vi' ? publication.results : publication.results.map((r) => ({ ...r, title: englishTitle(r.file) ?? r.title }));
      parts.push([...formatRegister(register, l, qaOptions.historyBegins), `## ${publicationDutiesReport(titled, publication.rules, l).join('\n')}`, ''].join('\n'));
    }
    return parts.join('\n');
  };
  process.stdout.write(locales.map(text).join('\n'));
}
if (!inGit) {
  process.stderr.write(
    `Lưu ý: ${path.relative(projectRoot, root) || root} không nằm trong kho git, nên không biết câu trả lời hay mục nào đã được đăng; bước đăng công khai và các nghĩa vụ đăng tải được tính là chưa làm.\n` +
      `Note: ${path.relative(projectRoot, root) || root} is not in a git repository, so no answer or entry is known to be published; the publication step and the publication duties count as not done.\n`,
  );
}
// Not process.exit(): a long report written to a pipe would be cut off before it is flushed.
process.exitCode = hasOverdue(report) ? 1 : 0;
