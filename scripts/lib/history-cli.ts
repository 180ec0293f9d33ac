/**
 * The archivist's tool (scripts/history.ts): log, show, diff and snapshot
 * over the published history, drafts (the kept drafts of a page), and verify of a downloaded archive. Gathers
 * inputs and prints; the rules are in src/lib/history/. Answers are in --lang
 * (vi by default); errors in both languages with exit code 1; a wrong command
 * line prints the usage, exit 2. Names (addresses, file paths, logins) are
 * printed through printable(): control characters in them are shown escaped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBilingual, HistoryError, type BilingualMessage } from '../../src/lib/history/history-error.ts';
import { formatLog } from '../../src/lib/history/log-text.ts';
import { countAtOrBefore, countThroughCommit, revisionsTouching, stateAt, type PathState } from '../../src/lib/history/lookup.ts';
import { describeMoment, parseMoment, formatInstantInVietnam, type Moment } from '../../src/lib/history/moments.ts';
import { formerAddresses, wellFormedEnglishAddress, type FormerAddress } from '../../src/lib/history/former-addresses.ts';
import { addressOfSource, pageTarget, sourcePath, type EntryCollection } from '../../src/lib/history/page-sources.ts';
import { historyWarnings, readContentHistory } from '../../src/lib/history/read-history.ts';
import type { ContentHistory, Revision } from '../../src/lib/history/revision.ts';
import { wordDiff } from '../../src/lib/history/word-diff.ts';
import type { Locale } from '../../src/lib/locales.ts';
import { entryPath } from '../../src/lib/routes.ts';
import { printable, printableLines } from '../../src/lib/printable.ts';
import { runGit } from '../../src/lib/history/run-git.ts';
import { formatDraftList, type PageDraft } from '../../src/lib/history/drafts.ts';
import { verifyArchiveCommand } from './archive/verify-command.ts';
import { readPageDrafts } from './history-drafts.ts';
import { englishAddressesAt, fileAt } from './history-git.ts';
import type { EnglishAddresses } from '../../src/lib/content/english-addresses.ts';
import { buildSnapshot } from './history-snapshot.ts';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface HistoryIO {
  stdout: Output;
  stderr: Output;
  /** Where relative --repo and --out are taken from. */
  cwd: string;
}

/** The project whose code builds snapshots: this one. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export const USAGE = [
  'Dùng / Usage: npm run history -- <lệnh / command> [--lang vi|en] [--repo <thư mục / dir>] [--ref main]',
  '  log <địa chỉ / address>                     mọi lần sửa đổi / every revision',
  '  show <địa chỉ / address> --at <ngày / date>  nguồn vào ngày đó / the source as it stood then',
  '  diff <địa chỉ / address> <ngày|commit> <ngày|commit>',
  '  snapshot --at <ngày / date> --out <thư mục / dir>',
  '  drafts <địa chỉ / address> [--show <mã / id>]  bản nháp đã lưu (đã đăng, bị từ chối, đã huỷ) / kept drafts (published, rejected, discarded)',
  '  verify <lưu trữ / archive> [--keys <tệp>]   chữ ký và bảng kê / its signature and manifest (docs/archive.md)',
  'Địa chỉ / address: https://baohiemxahoi.gov.vn/tin-tuc/<tên>/, /en/news/<slug>/, content/news/vi/<tên>.mdx',
  'Ngày / date: 20/11/2026, 2026-11-20 (= cuối ngày, giờ Việt Nam / end of that day, Vietnam time), 2026-11-20T08:00+07:00',
].join('\n');

class UsageError extends Error {}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(what);
  return value;
}

/** A date from the command line, or an error saying which forms are understood. */
function momentOf(text: string): Moment {
  const moment = parseMoment(text);
  if (!moment) {
    throw new HistoryError({
      vi: `“${text}” không phải ngày hợp lệ. Viết dd/mm/yyyy (20/11/2026, nghĩa là cuối ngày đó theo giờ Việt Nam), yyyy-mm-dd, hoặc ngày giờ 2026-11-20T08:00+07:00.`,
      en: `“${text}” is not a valid date. Write dd/mm/yyyy (20/11/2026, meaning the end of that day in Vietnam time), yyyy-mm-dd, or a date and time 2026-11-20T08:00+07:00.`,
    });
  }
  return moment;
}

interface Page {
  /** The address or file path as shown to the user. */
  name: string;
  sources: string[];
  revisions: Revision[];
  top: string;
}

/** The page or file named on the command line, and every revision of its files. */
async function pageOf(input: string, repo: string, ref: string, io: HistoryIO): Promise<Page> {
  const addresses = await englishAddressesAt(repo, ref);
  const named = pageTarget(input, addresses);
  if (named.kind === 'not-entry') throw new HistoryError(named.message);
  const history = await readContentHistory(repo, { ref });
  for (const warning of historyWarnings(history)) io.stderr.write(`${formatBilingual(warning)}\n`);
  // An address the page had before its English address changed (or its file was renamed): the page's own history.
  const moved = named.kind === 'entry' && revisionsTouching(history, named.sources).length === 0 ? movedFrom(history, named.address) : undefined;
  let target = named;
  if (moved) {
    const now = entryPath(moved.locale, moved.collection, moved.slug, addresses.get(`${moved.collection}/${moved.slug}`));
    const retarget = pageTarget(now, addresses);
    if (retarget.kind === 'not-entry') throw new HistoryError(retarget.message);
    io.stderr.write(
      `${formatBilingual({
        vi: `${printable(moved.path)} là địa chỉ cũ của trang nay ở ${now} (địa chỉ tiếng Anh đã đổi, hay tệp đã đổi tên); dưới đây là lịch sử của trang đó.`,
        en: `${printable(moved.path)} is a former address of the page now at ${now} (its English address changed, or its file was renamed); below is that page's history.`,
      })}\n`,
    );
    target = retarget;
  }
  const revisions = revisionsTouching(history, target.sources);
  const name = target.kind === 'entry' ? target.address : target.sources[0];
  if (revisions.length === 0) {
    if (target.kind === 'entry' && target.maybeLibraryFilter) {
      throw new HistoryError({
        vi: `${name} là một trang lọc của thư viện văn bản, dựng từ nhiều văn bản, nên không có lịch sử riêng. Hãy cho địa chỉ của một văn bản, ví dụ /van-ban/<tên-tệp>/.`,
        en: `${name} is a filter page of the document library, built from many documents, so it has no history of its own. Give the address of one document, for example /en/documents/<slug>/.`,
      });
    }
    throw new HistoryError({
      vi: `Không có tệp ${target.sources.join(' hay ')} trong lịch sử đã đăng của ${ref}: trang ${name} chưa từng được đăng. Kiểm tra lại địa chỉ (chính tả, ngôn ngữ).`,
      en: `There is no file ${target.sources.join(' or ')} in the published history of ${ref}: ${name} was never published. Check the address (spelling, language).`,
    });
  }
  return { name, sources: target.sources, revisions, top: repo };
}

/** The entry whose page once had `address`, by the published history (src/lib/history/former-addresses.ts). */
function movedFrom(history: ContentHistory, address: string): FormerAddress | undefined {
  const exists = (collection: EntryCollection, slug: string) => {
    const revisions = history.files.get(sourcePath('vi', collection, slug));
    return revisions !== undefined && revisions.at(-1)!.status !== 'removed';
  };
  // Nothing is published at the address (else it would have named a file): no current address to leave out.
  return formerAddresses(history, exists, new Set()).find((f) => f.path === address);
}

/** Why nothing stood at the page's own file at a moment, as an error. */
function absence(page: Page, state: Exclude<PathState, { kind: 'present' }>, when: { vi: string; en: string }): HistoryError {
  const file = page.sources[0]!;
  const at = (r: Revision, l: Locale) => `${formatInstantInVietnam(r.date, l)}, commit ${r.commit.slice(0, 7)}${r.pr ? `, PR #${r.pr}` : ''}`;
  switch (state.kind) {
    case 'removed':
      return new HistoryError({
        vi: `${page.name}: vào ${when.vi} tệp ${file} đã bị xoá (${at(state.revision, 'vi')}).`,
        en: `${page.name}: by ${when.en} the file ${file} had been deleted (${at(state.revision, 'en')}).`,
      });
    case 'moved': {
      const to = state.revision.path;
      // An English file's page is at its English address, as the renaming revision gave it (when well-formed).
      const english = state.revision.englishAddress;
      const address = addressOfSource(to, wellFormedEnglishAddress(english) ? english : undefined);
      return new HistoryError({
        vi: `${page.name}: vào ${when.vi} tệp ${file} đã được đổi tên thành ${to}${address ? ` (trang ${address})` : ''} (${at(state.revision, 'vi')}).`,
        en: `${page.name}: by ${when.en} the file ${file} had been renamed to ${to}${address ? ` (page ${address})` : ''} (${at(state.revision, 'en')}).`,
      });
    }
    default: {
      const first = state.first;
      return new HistoryError({
        vi: `${page.name}: vào ${when.vi} chưa có tệp ${file}${first ? `; lần đầu đăng ${at(first, 'vi')}` : '; tệp này chưa từng được đăng'}.`,
        en: `${page.name}: by ${when.en} there was no file ${file} yet${first ? `; first published ${at(first, 'en')}` : '; it was never published'}.`,
      });
    }
  }
}

/** An English page without its translation at that moment: what readers saw instead. */
function untranslated(page: Page, count: number, when: { vi: string; en: string }, atText: string): HistoryError | undefined {
  const original = page.sources[1];
  if (!original || stateAt(page.revisions, original, count).kind !== 'present') return undefined;
  const address = addressOfSource(original);
  return new HistoryError({
    vi: `${page.name}: vào ${when.vi} chưa có bản tiếng Anh (${page.sources[0]}); trang khi đó hiện thông báo dẫn tới bản gốc tiếng Việt ${address ?? original}. Xem bản gốc: npm run history -- show ${address ?? original} --at ${atText}`,
    en: `${page.name}: by ${when.en} there was no English translation (${page.sources[0]}); the page showed a notice linking the Vietnamese original ${address ?? original}. See the original: npm run history -- show ${address ?? original} --at ${atText}`,
  });
}

async function log(page: Page, locale: Locale, io: HistoryIO): Promise<void> {
  io.stdout.write(`${printableLines(formatLog(page, page.revisions, locale))}\n`);
}

async function show(page: Page, atText: string, locale: Locale, io: HistoryIO): Promise<void> {
  const moment = momentOf(atText);
  const count = countAtOrBefore(page.revisions, moment.instant);
  const state = stateAt(page.revisions, page.sources[0]!, count);
  const when = { vi: describeMoment(moment, 'vi'), en: describeMoment(moment, 'en') };
  if (state.kind !== 'present') throw untranslated(page, count, when, atText) ?? absence(page, state, when);
  const r = state.revision;
  io.stderr.write(
    locale === 'vi'
      ? `${printable(r.path)} như vào ${when.vi}: bản đăng ${formatInstantInVietnam(r.date, 'vi')} (commit ${r.commit.slice(0, 7)}${r.pr ? `, PR #${r.pr}` : ''})\n`
      : `${printable(r.path)} as it stood at ${when.en}: published ${formatInstantInVietnam(r.date, 'en')} (commit ${r.commit.slice(0, 7)}${r.pr ? `, PR #${r.pr}` : ''})\n`,
  );
  io.stdout.write(await fileAt(page.top, r.commit, r.path));
}

/** One side of a diff: a date or a commit of the page's history → the file's text then (empty if none) and a label. */
async function side(page: Page, spec: string, locale: Locale): Promise<{ text: string; label: string; present: boolean }> {
  const moment = parseMoment(spec);
  const count = moment ? countAtOrBefore(page.revisions, moment.instant) : countThroughCommit(page.revisions, spec);
  if (count === undefined) {
    throw new HistoryError({
      vi: `“${spec}” không phải ngày (dd/mm/yyyy, yyyy-mm-dd) cũng không phải commit trong lịch sử của ${page.name}. Xem các commit bằng: npm run history -- log ${page.name}`,
      en: `“${spec}” is neither a date (dd/mm/yyyy, yyyy-mm-dd) nor a commit in the history of ${page.name}. List its commits with: npm run history -- log ${page.name}`,
    });
  }
  const file = page.sources[0]!;
  const state = stateAt(page.revisions, file, count);
  const when = moment ? describeMoment(moment, locale) : `commit ${spec}`;
  if (state.kind !== 'present') {
    const none = locale === 'vi' ? `(chưa có hoặc không còn tệp vào ${when}: so với tệp rỗng)` : `(no file at ${when}: compared as empty)`;
    return { text: '', label: `${file} ${none}`, present: false };
  }
  const r = state.revision;
  const published = locale === 'vi' ? 'bản đăng' : 'published';
  return { text: await fileAt(page.top, r.commit, r.path), label: `${r.path} @ ${when}: ${published} ${formatInstantInVietnam(r.date, locale)} (commit ${r.commit.slice(0, 7)})`, present: true };
}

async function diff(page: Page, from: string, to: string, locale: Locale, io: HistoryIO): Promise<void> {
  const a = await side(page, from, locale);
  const b = await side(page, to, locale);
  if (!a.present && !b.present) {
    throw new HistoryError({
      vi: `${page.name}: không có tệp ${page.sources[0]} ở cả “${from}” lẫn “${to}”.`,
      en: `${page.name}: there is no file ${page.sources[0]} at either “${from}” or “${to}”.`,
    });
  }
  const result = wordDiff(a.text, b.text, { color: io.stdout.isTTY === true, locale });
  io.stdout.write(`--- ${printable(a.label)}\n+++ ${printable(b.label)}\n`);
  io.stdout.write(result.changed ? `${result.text}\n` : locale === 'vi' ? 'Không có khác biệt.\n' : 'No differences.\n');
}

async function snapshot(values: { at?: string; out?: string; repo: string; ref: string }, locale: Locale, io: HistoryIO): Promise<void> {
  const at = momentOf(need(values.at, '--at'));
  const out = path.resolve(io.cwd, need(values.out, '--out'));
  const result = await buildSnapshot({ repo: values.repo, ref: values.ref, at, out, projectRoot: PROJECT_ROOT, locale, progress: io.stderr });
  const seconds = (result.milliseconds / 1000).toFixed(1);
  io.stdout.write(
    locale === 'vi'
      ? `Bản chụp cổng như vào ${describeMoment(at, 'vi')}: lần đăng ${formatInstantInVietnam(result.date, 'vi')} (commit ${result.commit.slice(0, 7)}), ghi vào ${printable(result.out)}. Mất ${seconds.replace('.', ',')} giây.\n`
      : `Snapshot of the portal as it stood at ${describeMoment(at, 'en')}: the publication of ${formatInstantInVietnam(result.date, 'en')} (commit ${result.commit.slice(0, 7)}), written to ${printable(result.out)}. Took ${seconds} s.\n`,
  );
}

/** The sources of the page named on the command line, for its drafts: it need not have been published (a discarded new entry). */
function draftSourcesOf(input: string, addresses: EnglishAddresses): { name: string; sources: string[] } {
  const target = pageTarget(input, addresses);
  if (target.kind === 'not-entry') throw new HistoryError(target.message);
  return { name: target.kind === 'entry' ? target.address : target.sources[0], sources: target.sources };
}

const FATE_TEXT = { published: { vi: 'đã đăng', en: 'published' }, rejected: { vi: 'bị từ chối', en: 'rejected' }, discarded: { vi: 'đã huỷ', en: 'discarded' } } as const;

async function drafts(input: string, showId: string | undefined, repo: string, ref: string, locale: Locale, io: HistoryIO): Promise<void> {
  const page = draftSourcesOf(input, await englishAddressesAt(repo, ref));
  const { drafts: list, skipped } = await readPageDrafts(repo, ref, page.sources);
  for (const s of skipped) io.stderr.write(`${formatBilingual(s.problem)}\n`);
  if (showId === undefined) {
    io.stdout.write(printableLines(formatDraftList(page.name, page.sources, list, locale)));
    return;
  }
  const byNumber = /^[1-9]\d{0,5}$/.test(showId) ? list[Number(showId) - 1] : undefined;
  const draft: PageDraft | undefined = byNumber ?? list.find((d) => d.id === showId);
  if (!draft) {
    throw new HistoryError({
      vi: `Không có bản nháp “${showId}” sửa ${page.name}. Xem danh sách (số thứ tự hoặc mã): npm run history -- drafts ${page.name}`,
      en: `There is no draft “${showId}” changing ${page.name}. See the list (number or id): npm run history -- drafts ${page.name}`,
    });
  }
  const file = draft.changed.includes(page.sources[0]!) ? page.sources[0]! : draft.changed[0]!;
  const read = await runGit(repo, ['cat-file', 'blob', `${draft.head}:${file}`]);
  if (read.code !== 0) {
    throw new HistoryError({
      vi: `Bản nháp ${draft.id} xoá tệp ${file} (commit ${draft.head.slice(0, 7)}): không có nội dung để in.`,
      en: `The draft ${draft.id} deletes the file ${file} (commit ${draft.head.slice(0, 7)}): there is no text to print.`,
    });
  }
  const fate = draft.facts ? FATE_TEXT[draft.facts.fate][locale] : locale === 'vi' ? 'không rõ số phận' : 'fate unknown';
  const pr = draft.facts?.pull ? `, PR #${draft.facts.pull.number}` : '';
  io.stderr.write(
    printableLines(
      locale === 'vi'
        ? `${file} trong bản nháp ${draft.id} (${fate}${pr}, commit ${draft.head.slice(0, 7)})\n`
        : `${file} in the draft ${draft.id} (${fate}${pr}, commit ${draft.head.slice(0, 7)})\n`,
    ),
  );
  io.stdout.write(read.stdout.toString('utf8'));
}

/** Runs one command; resolves with the exit code (0, 1 for errors, 2 for usage). */
export async function runHistoryCli(argv: readonly string[], io: HistoryIO): Promise<number> {
  // `verify <archive>`: the archive's own check (scripts/lib/archive/verify-command.ts).
  if (argv[0] === 'verify') {
    return verifyArchiveCommand(argv.slice(1), { log: (line: string) => io.stdout.write(`${line}\n`), error: (line: string) => io.stderr.write(`${line}\n`) }, io.cwd);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'vi' },
        at: { type: 'string' },
        out: { type: 'string' },
        repo: { type: 'string' },
        ref: { type: 'string', default: 'main' },
        show: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${printableLines((error as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const locale = values.lang;
  try {
    if (locale !== 'vi' && locale !== 'en') throw new UsageError('--lang vi|en');
    const repo = path.resolve(io.cwd, values.repo ?? '.');
    const ref = values.ref;
    if (values.show !== undefined && command !== 'drafts') throw new UsageError('--show: drafts <address> --show <id>');
    switch (command) {
      case 'log':
        if (rest.length !== 1) throw new UsageError('log <address>');
        await log(await pageOf(rest[0]!, repo, ref, io), locale, io);
        break;
      case 'show': {
        if (rest.length !== 1) throw new UsageError('show <address> --at <date>');
        const at = need(values.at, '--at');
        momentOf(at);
        await show(await pageOf(rest[0]!, repo, ref, io), at, locale, io);
        break;
      }
      case 'diff':
        if (rest.length !== 3) throw new UsageError('diff <address> <date-or-commit> <date-or-commit>');
        await diff(await pageOf(rest[0]!, repo, ref, io), rest[1]!, rest[2]!, locale, io);
        break;
      case 'drafts':
        if (rest.length !== 1) throw new UsageError('drafts <address> [--show <id>]');
        await drafts(rest[0]!, values.show, repo, ref, locale, io);
        break;
      case 'snapshot':
        if (rest.length !== 0) throw new UsageError('snapshot --at <date> --out <dir>');
        await snapshot({ ...values, repo, ref }, locale, io);
        break;
      default:
        throw new UsageError(command ? `“${command}”?` : '');
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message ? `${printableLines(error.message)}\n\n` : ''}${USAGE}\n`);
      return 2;
    }
    if (error instanceof HistoryError) {
      io.stderr.write(`${formatBilingual(error.messages)}\n`);
      return 1;
    }
    const message: BilingualMessage = { vi: `Lỗi không lường trước: ${String(error)}`, en: `Unexpected error: ${String(error)}` };
    io.stderr.write(`${formatBilingual(message)}\n${printableLines((error as Error).stack ?? '')}\n`);
    return 1;
  }
}
