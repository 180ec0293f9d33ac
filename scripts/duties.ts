/**
 * npm run duties [-- --within N] [--lang vi|en] [--json] [--now YYYY-MM-DDTHH:mm]
 *
 * What is overdue, and what falls due within the next N working days (3 by
 * default), by unit: the deadlines of the questions and answers register
 * (content/qa, the rules of content/governance/qa-deadlines.yml, the working
 * calendar of content/calendar/). In Vietnamese then English unless `--lang`
 * picks one; `--json` for machines; `--now` fixes the present moment (Vietnam
 * time) for tests and for replaying a past day. Reads PORTAL_CONTENT_DIR when
 * set, like every content reader. Exit code: 0 nothing overdue, 1 something
 * overdue, 2 the report could not be made (the reason is printed, in both
 * languages). The rules and the report are pure (src/lib/duties/); this only
 * gathers the inputs and prints. See docs/duties.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarError, type WorkingCalendar } from '../src/lib/calendar/index.ts';
import { loadWorkingCalendar } from '../src/lib/calendar/read-calendar.ts';
import { contentRoot, readContentFiles } from '../src/content/read-content.ts';
import { parseEntryFile } from '../src/lib/content/frontmatter.ts';
import { formatIssues, type ContentIssue } from '../src/lib/content/issues.ts';
import { isVietnamDateTime, vietnamDateTime } from '../src/lib/dates.ts';
import { dutyHorizon, formatDutyReport, hasOverdue, qaDutyItems, sectionByUnit, UNASSIGNED, type DutyReport, type QaRegisterEntry } from '../src/lib/duties/duty-report.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../src/lib/duties/qa-deadlines-file.ts';
import { qaLifecycleOf } from '../src/lib/duties/qa-lifecycle.ts';
import type { Bilingual } from '../src/lib/schema/fields.ts';
import { qaFirstPublications } from './lib/qa-publications.ts';

/** Stops with a message in both languages and exit code 2: the report could not be made. */
function fail(vi: string, en: string, details?: string): never {
  process.stderr.write(`${vi}\n${en}\n${details === undefined ? '' : `\n${details}\n`}`);
  process.exit(2);
}

const usage = {
  vi: 'Cách dùng: npm run duties -- [--within N] [--lang vi|en] [--json] [--now NNNN-TT-NNTGG:PP]',
  en: 'Usage: npm run duties -- [--within N] [--lang vi|en] [--json] [--now YYYY-MM-DDTHH:mm]',
};

let values: { within?: string; lang?: string; json?: boolean; now?: string };
try {
  values = parseArgs({
    options: { within: { type: 'string', default: '3' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, now: { type: 'string' } },
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`Tham số không hợp lệ: ${(error as Error).message}`, `Invalid arguments: ${(error as Error).message}`, `${usage.vi}\n${usage.en}`);
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

const { published, inGit } = await qaFirstPublications(root);
const register: QaRegisterEntry[] = [];
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
  register.push({ file, title: { vi, en: textField(file.replace('/vi/', '/en/'), 'title') ?? vi }, lifecycle });
}
if (entryIssues.length > 0) {
  fail(
    'Không tính được thời hạn: sửa các mục hỏi đáp sau (npm run check:content).',
    'The deadlines cannot be computed: fix these Q&A entries (npm run check:content).',
    formatIssues(entryIssues),
  );
}

let report: DutyReport;
try {
  const until = dutyHorizon(calendar, now, within);
  report = {
    now,
    within,
    until,
    sections: [
      sectionByUnit('qa', { vi: 'Hỏi đáp', en: 'Questions and answers' }, qaDutyItems(register, calendar, rules, now, until), unitName),
      // The portal's publication duties (portal regulation Art. 4, 11) are the next section: publicationDuties() of
      // src/lib/duties/publication-duties.ts, grouped the same way with sectionByUnit.
    ],
  };
} catch (error) {
  if (error instanceof CalendarError) fail(error.vi, error.en);
  throw error;
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...report, unitNames: Object.fromEntries(report.sections.flatMap((s) => s.units.filter((u) => u.unit !== UNASSIGNED).map((u) => [u.unit, unitName(u.unit)]))) }, null, 2)}\n`);
} else {
  const locales = values.lang === undefined ? (['vi', 'en'] as const) : ([values.lang as 'vi' | 'en'] as const);
  process.stdout.write(locales.map((l) => formatDutyReport(report, l, unitName)).join('\n'));
}
if (!inGit) {
  process.stderr.write(
    `Lưu ý: ${path.relative(projectRoot, root) || root} không nằm trong kho git, nên không biết câu trả lời nào đã được đăng; bước đăng công khai được tính là chưa làm.\n` +
      `Note: ${path.relative(projectRoot, root) || root} is not in a git repository, so no answer is known to be published; the publication step counts as not done.\n`,
  );
}
process.exit(hasOverdue(report) ? 1 : 0);
