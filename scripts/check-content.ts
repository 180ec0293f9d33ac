/**
 * npm run check:content [-- --fix] [--base <git ref>]
 *
 * Checks every file in content/ the way the build does, without building:
 * frontmatter against the schemas, MDX bodies, Unicode NFC, legacy
 * encodings, references and links; and every file in public/ by its content
 * (no symbolic links anywhere). Prints each problem with
 * file:line:column, in Vietnamese and English, and exits 1 when there is an
 * error. `--fix` rewrites files into Unicode NFC (the one change that is
 * always safe), printing each change, before checking; it never touches a
 * file with TCVN3/VNI text, which needs converting by hand. `--base main`
 * (in pull requests) also asks for a change note on every published entry the
 * branch changes, unless the change is marked minor. `--summary <file>`
 * (in pull requests: $GITHUB_STEP_SUMMARY) also appends the problems as a
 * readable bilingual Markdown table (src/lib/content/issue-report.ts): the page
 * the `content-check/report` status links to, which the CMS shows the editor.
 * From the Git history of content/, two warnings, which do not change the exit
 * code: English files older than a non-minor revision of their Vietnamese
 * original (src/lib/translations/), and pages at an address another entry's
 * page had (src/lib/history/former-addresses.ts).
 */
import { spawnSync } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encodingLabel } from '../src/lib/vietnamese/legacy-encoding.ts';
import { spellOut } from '../src/lib/vietnamese/text.ts';
import { formatIssues, isError } from '../src/lib/content/issues.ts';
import { fieldLabelOf, issuesMarkdown } from '../src/lib/content/issue-report.ts';
import { contentSchemas } from '../src/lib/schema/collections.ts';
import { changeNoteIssue } from '../src/lib/content/change-note.ts';
import { fieldLocator } from '../src/lib/content/frontmatter.ts';
import { planNfcFix } from '../src/lib/content/nfc-fix.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { contentRoot, readContentFiles, readPublicFiles } from '../src/content-loader/read-content.ts';
import type { ContentIssue } from '../src/lib/content/issues.ts';
import { formatBilingual, HistoryError } from '../src/lib/history/history-error.ts';
import { formerAddressesNow, reusedAddressIssues } from '../src/lib/history/former-addresses.ts';
import { readContentHistory, SHALLOW_HISTORY_WARNING } from '../src/lib/history/read-history.ts';
import { staleTranslationIssues } from '../src/lib/translations/stale-translation-issues.ts';
import { translationGaps, WHOLE_HISTORY } from '../src/lib/translations/translation-gaps.ts';

const { values } = parseArgs({ options: { fix: { type: 'boolean', default: false }, base: { type: 'string' }, summary: { type: 'string' } } });
const projectRoot = process.cwd();

if (values.fix) {
  let fixed = 0;
  let blocked = 0;
  for (const f of (await readContentFiles(projectRoot)).files) {
    const plan = planNfcFix(f.source);
    if (plan.legacy.length > 0) {
      blocked++;
      console.log(`Cần chuyển mã thủ công, không sửa / Needs manual conversion, left unchanged: ${f.file}`);
      for (const p of plan.legacy) console.log(`  ${f.file}:${p.line}:${p.column}  “${p.word}” (${encodingLabel[p.encoding]} → “${p.decoded}”?)`);
      continue;
    }
    if (plan.text === undefined) continue;
    const abs = path.join(contentRoot(projectRoot), f.file.replace(/^content\//, ''));
    if ((await readFile(abs, 'utf8')) !== f.source) {
      console.log(`Tệp vừa bị sửa ở nơi khác, bỏ qua / Changed meanwhile, skipped: ${f.file}`);
      continue;
    }
    await writeFile(abs, plan.text);
    fixed++;
    for (const c of plan.changes) console.log(`NFC: ${f.file}:${c.line}:${c.column}  ${spellOut(c.found)} → “${c.expected}” (${spellOut(c.expected)})`);
  }
  console.log(`Đã chuẩn hoá ${fixed} tệp sang Unicode NFC / Normalised ${fixed} file(s) to Unicode NFC.`);
  if (blocked > 0) {
    console.log(
      `${blocked} tệp có chữ gõ bằng bảng mã cũ (TCVN3/VNI): chuyển mã bằng UniKey (“Công cụ chuyển mã”) rồi chạy lại. / ` +
        `${blocked} file(s) hold text in an old encoding (TCVN3/VNI): convert them with UniKey (“Công cụ chuyển mã”), then run again.`,
    );
  }
}

const { files, issues: unread } = await readContentFiles(projectRoot);
const publicFiles = await readPublicFiles(projectRoot);
const checked = validateContent(files, { staticPaths: publicFiles.staticPaths });
const { entries } = checked;
const issues = [...unread, ...publicFiles.issues, ...checked.issues];

// Published entries this branch changes (relative to --base) need a change note.
if (values.base) {
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  const changed = git('diff', '--name-only', '--diff-filter=M', `${values.base}...HEAD`, '--', 'content/').split('\n').filter((f) => /\.mdx$/.test(f));
  for (const file of changed) {
    const head = files.find((f) => f.file === file);
    if (!head) continue;
    const issue = changeNoteIssue(file, git('show', `${values.base}:${file}`), head.source);
    if (issue) issues.push(issue);
  }
}
/**
 * From the published history: warnings on English files older than a non-minor revision of their
 * original, and on pages at an address another entry's page had; none (said why) without a whole Git history.
 */
async function historyIssues(): Promise<ContentIssue[]> {
  const notChecked =
    'Không so được bản dịch với bản gốc, hay địa chỉ với các địa chỉ cũ (cần lịch sử Git của content/) / ' +
    'Translations not compared with their originals, nor addresses with former ones (this needs the Git history of content/):';
  try {
    const history = await readContentHistory(contentRoot(projectRoot));
    if (history.shallow) {
      console.log(`${notChecked}\n${formatBilingual(SHALLOW_HISTORY_WARNING)}\n`);
      return [];
    }
    return [...staleTranslationIssues(translationGaps(history, WHOLE_HISTORY).stale), ...reusedAddressIssues(formerAddressesNow(history, entries), entries, fieldLocator(files))];
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    console.log(`${notChecked}\n${formatBilingual(error.messages)}\n`);
    return [];
  }
}
issues.push(...(await historyIssues()));

if (issues.length > 0) console.log(formatIssues(issues));
const errors = issues.filter(isError).length;
if (values.summary) {
  const labelOf = checked.settings ? fieldLabelOf(contentSchemas(checked.settings.taxonomy)) : undefined;
  await appendFile(values.summary, issuesMarkdown(issues, { files: files.length, entries: entries.length }, labelOf));
}
console.log(
  `\n${files.length} tệp, ${entries.length} mục hợp lệ, ${errors} lỗi / ${files.length} files, ${entries.length} valid entries, ${errors} error(s).`,
);
process.exit(errors > 0 ? 1 : 0);
