/**
 * The I/O shell of the editorial report (docs/reports.md): gathers the facts
 * (the published branch's history and files through ./git-facts.ts, the pull
 * requests through ./github-pulls.ts when GitHub is given) and hands them to
 * the pure src/lib/report/figures.ts. What cannot be read is said in both
 * languages (`warnings`) and leaves its section empty, never guessed.
 */
import type { Octokit } from 'octokit';
import { parse as parseYaml } from 'yaml';
import { isCalendarFile, validateCalendarFiles } from '../../../src/lib/calendar/calendar-file.ts';
import { CalendarError, workingCalendar, type WorkingCalendar } from '../../../src/lib/calendar/index.ts';
import { formatIssues, isError } from '../../../src/lib/content/issues.ts';
import { parseEntryFile } from '../../../src/lib/content/frontmatter.ts';
import { PUBLICATION_DUTIES_FILE, validatePublicationDutiesFile } from '../../../src/lib/content/publication-duties-file.ts';
import { ROLES_FILE, validateRolesFile } from '../../../src/lib/content/roles-file.ts';
import { validateYamlFile } from '../../../src/lib/content/yaml-file.ts';
import { vietnamDateTime } from '../../../src/lib/dates.ts';
import { publicationDuties, type DutyEntry, type PublicationDutyResult, type PublishedRevision } from '../../../src/lib/duties/publication-duties.ts';
import { QA_DEADLINES_FILE, validateQaDeadlinesFile } from '../../../src/lib/duties/qa-deadlines-file.ts';
import { qaLifecycleOf } from '../../../src/lib/duties/qa-lifecycle.ts';
import type { ContentHistory } from '../../../src/lib/history/revision.ts';
import { historyWarnings } from '../../../src/lib/history/read-history.ts';
import { editorialReport, type QaRegisterFact, type ReportFacts } from '../../../src/lib/report/figures.ts';
import { entryOfPath } from '../../../src/lib/report/publication-events.ts';
import { lifecycleOf, stateOf, type EntryState } from '../../../src/lib/lifecycle/states.ts';
import { gapsReadersMeet } from '../../../src/lib/translations/translation-gaps.ts';
import type { Bilingual, EditorialReport, ReportPeriod, TranslationFigures } from '../../../src/lib/report/report.ts';
import type { CollectionName } from '../../../src/lib/schema/collections.ts';
import type { Roles } from '../../../src/lib/schema/governance.ts';
import { siteSchema, taxonomySchema, type Taxonomy } from '../../../src/lib/schema/settings.ts';
import type { RepoRef } from '../github.ts';
import { readGitFacts, type GitFacts } from './git-facts.ts';
import { closedPullRequests } from './github-pulls.ts';

/** Computes the English counterparts missing and stale at `at` (src/lib/translations/translation-gaps.ts). */
export type TranslationGapsOf = (history: ContentHistory, at: Date) => TranslationFigures;

export interface MakeReportOptions {
  /** The repository (any folder in it). */
  dir: string;
  /** The published branch. */
  ref: string;
  period: ReportPeriod;
  now: Date;
  /** GitHub's pull requests and reviews, when asked for (--repo and a token). */
  github?: { octokit: Octokit; where: RepoRef } | undefined;
  /** The translation gaps (the CLI passes src/lib/translations/translation-gaps.ts's `translationGaps`). */
  translationGaps: TranslationGapsOf;
  /** Progress of the long steps, for standard error. */
  progress?: (line: Bilingual) => void;
}

export interface MadeReport {
  report: EditorialReport;
  /** What could not be read, and what it left out. */
  warnings: Bilingual[];
}

const problems = (file: string, text: string, issues: Parameters<typeof formatIssues>[0]): Bilingual => ({
  vi: `Tệp ${file} có lỗi (${text}):\n${formatIssues(issues)}`,
  en: `The file ${file} has errors (${text}):\n${formatIssues(issues)}`,
});

function readCalendar(files: Map<string, string>, warnings: Bilingual[]): WorkingCalendar | undefined {
  const calendar = validateCalendarFiles([...files].filter(([f]) => isCalendarFile(f)).map(([file, source]) => ({ file, source })));
  const siteSource = files.get('content/site.yml');
  const site = siteSource === undefined ? undefined : validateYamlFile('content/site.yml', siteSource, siteSchema);
  const issues = [...calendar.issues, ...(site?.issues ?? [])].filter(isError);
  if (issues.length > 0 || !site?.value || calendar.years.length === 0) {
    warnings.push({
      vi: `Không đọc được lịch ngày làm việc (content/calendar/, content/site.yml), nên phần hỏi đáp và nghĩa vụ đăng tải để trống.${issues.length > 0 ? `\n${formatIssues(issues)}` : ''}`,
      en: `The working calendar (content/calendar/, content/site.yml) cannot be read, so the Q&A and publication-duty sections are left empty.${issues.length > 0 ? `\n${formatIssues(issues)}` : ''}`,
    });
    return undefined;
  }
  return workingCalendar(calendar.years, site.value.office_hours);
}

function readTaxonomy(files: Map<string, string>): Taxonomy | undefined {
  const source = files.get('content/taxonomy.yml');
  if (source === undefined) return undefined;
  try {
    const parsed = taxonomySchema.safeParse(parseYaml(source));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function unitNames(files: Map<string, string>): Map<string, Bilingual> {
  const names = new Map<string, Bilingual>();
  const name = (file: string) => {
    const text = files.get(file);
    const data = text === undefined ? undefined : parseEntryFile(file, text).data;
    return typeof data?.name === 'string' ? data.name : undefined;
  };
  for (const file of files.keys()) {
    const m = /^content\/units\/vi\/([^/]+)\.mdx$/.exec(file);
    if (!m) continue;
    const vi = name(file) ?? m[1]!;
    names.set(m[1]!, { vi, en: name(`content/units/en/${m[1]}.mdx`) ?? vi });
  }
  return names;
}

function readRoles(source: string, warnings: Bilingual[]): Roles | undefined {
  const { roles, issues } = validateRolesFile(source);
  if (!roles || issues.some(isError)) {
    warnings.push(problems(ROLES_FILE, 'roles', issues.filter(isError)));
    return undefined;
  }
  return roles;
}

function readRegister(files: Map<string, string>, calendar: WorkingCalendar | undefined, warnings: Bilingual[]): ReportFacts['qa'] {
  const source = files.get(QA_DEADLINES_FILE);
  if (!calendar || source === undefined) return undefined;
  const { rules, issues } = validateQaDeadlinesFile(source);
  if (!rules) {
    warnings.push(problems(QA_DEADLINES_FILE, 'Q&A deadlines', issues));
    return undefined;
  }
  const entries: QaRegisterFact[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!/^content\/qa\/vi\/[^/]+\.mdx$/.test(file)) continue;
    const front = parseEntryFile(file, text);
    const { lifecycle, issues: entryIssues } = front.data ? qaLifecycleOf(front.data, file, front.locate) : { lifecycle: undefined, issues: front.issues };
    if (lifecycle) entries.push({ file, lifecycle });
    else {
      warnings.push({
        vi: `Bỏ qua mục hỏi đáp ${file}: không đọc được các trường tiếp nhận, trả lời (npm run check:content).\n${formatIssues(entryIssues)}`,
        en: `Left out the Q&A entry ${file}: its receipt and answer fields cannot be read (npm run check:content).\n${formatIssues(entryIssues)}`,
      });
    }
  }
  return { entries, rules, calendar };
}

function readDuties(git: GitFacts, ruleFiles: Map<string, string>, nowFiles: Map<string, string>, calendar: WorkingCalendar | undefined, now: Date, warnings: Bilingual[]): PublicationDutyResult[] {
  const source = ruleFiles.get(PUBLICATION_DUTIES_FILE);
  if (!calendar || source === undefined) return [];
  const { rules, issues } = validatePublicationDutiesFile(source);
  if (!rules) {
    warnings.push(problems(PUBLICATION_DUTIES_FILE, 'publication duties', issues));
    return [];
  }
  const entries: DutyEntry[] = [];
  for (const [file, text] of nowFiles) {
    const entry = entryOfPath(file);
    if (!entry || entry.locale !== 'vi') continue;
    const data = parseEntryFile(file, text).data;
    if (data) entries.push({ collection: entry.collection as CollectionName, locale: 'vi', slug: entry.slug, file, data });
  }
  const history = new Map<string, PublishedRevision[]>();
  const begins = new Map<string, string>();
  for (const [file, revisions] of git.revisions) {
    const entry = entryOfPath(file);
    if (!entry) continue;
    const first = revisions[0] && vietnamDateTime(new Date(revisions[0].date));
    const earlier = begins.get(entry.collection);
    if (first && (earlier === undefined || first < earlier)) begins.set(entry.collection, first);
    if (entry.locale === 'vi') history.set(file, revisions.map((r) => ({ date: r.date, data: r.data })));
  }
  try {
    return publicationDuties(entries, history, calendar, rules, vietnamDateTime(now), begins);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    warnings.push({ vi: `Không tính được nghĩa vụ đăng tải: ${error.vi}`, en: `The publication duties cannot be computed: ${error.en}` });
    return [];
  }
}

/** The state at `at` of the entry file `original` among `files` (a file whose front matter cannot be read counts as shown). */
function originalState(files: ReadonlyMap<string, string>, original: string, at: number): EntryState {
  const text = files.get(original);
  const entry = entryOfPath(original);
  if (text === undefined || !entry) return 'absent';
  const data = parseEntryFile(original, text).data;
  return data ? stateOf(lifecycleOf(entry.collection, data), new Date(at)) : 'published';
}

/** The report of `options.period`, as Git (and GitHub, when given) hold it at `options.now`. */
export async function makeReport(options: MakeReportOptions): Promise<MadeReport> {
  const progress = options.progress ?? (() => {});
  const warnings: Bilingual[] = [];
  const { period, now } = options;
  progress({ vi: `đọc lịch sử của nhánh ${options.ref}`, en: `reading the history of ${options.ref}` });
  const git = await readGitFacts(options.dir, options.ref);
  // A shallow clone holds part of the history: the report says so (sources.shallow) and warns how to fetch the rest.
  warnings.push(...historyWarnings(git.history));
  progress({ vi: `đã đọc ${git.history.files.size} tệp trong content/`, en: `read ${git.history.files.size} files of content/` });
  // As of the period's end (or now, for a period not over yet): the register and the rules.
  const endAt = Math.min(Date.parse(period.end) - 1, now.getTime());
  const endFiles = git.filesAt(endAt);
  const nowFiles = git.filesAt(now.getTime());
  const calendar = readCalendar(nowFiles, warnings);
  // The roles file as it stood when each pull request was decided (read once per distinct version).
  const rolesByText = new Map<string, Roles | undefined>();
  const rolesAt = (instant: number): Roles | undefined => {
    const source = git.fileAt(ROLES_FILE, instant);
    if (source === undefined) return undefined;
    if (!rolesByText.has(source)) rolesByText.set(source, readRoles(source, warnings));
    return rolesByText.get(source);
  };
  let pulls: ReportFacts['pulls'];
  let repository: string | undefined;
  if (options.github) {
    repository = `${options.github.where.owner}/${options.github.where.repo}`;
    progress({ vi: `đọc các pull request của ${repository} trên GitHub`, en: `reading the pull requests of ${repository} on GitHub` });
    pulls = await closedPullRequests(options.github.octokit, options.github.where, options.ref, period, progress);
  }
  const facts: ReportFacts = {
    period,
    now,
    revisions: git.revisions,
    settings: git.settings,
    merges: git.merges,
    commit: git.history.head,
    shallow: git.history.shallow,
    repository,
    labels: { taxonomy: readTaxonomy(nowFiles), units: unitNames(nowFiles) },
    pulls,
    rolesAt,
    qa: readRegister(endFiles, calendar, warnings),
    duties: readDuties(git, endFiles, nowFiles, calendar, now, warnings),
    translations: gapsReadersMeet(options.translationGaps(git.history, new Date(endAt)), (original) => originalState(endFiles, original, endAt)),
  };
  return { report: editorialReport(facts), warnings };
}
