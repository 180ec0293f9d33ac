/**
 * npm run archive -- --out <dir> [--site dist] [--commit <rev>] [--deployed-at <ISO>] [--repo owner/name] [--upload] [--note] [--keep-drafts [--remote origin]] [--attach <file> …]
 * npm run archive -- verify <archive folder | site-….tar.gz> [--manifest file] [--keys file] [--repo dir] [--ref branch]
 * npm run archive -- keygen [--valid-from <ISO>] [--private-key <file>]
 *
 * Makes the archive of the published revision (Decision 1624 Art. 12; portal
 * regulation Art. 18): from the built site and its commit, the deterministic
 * site tarball, the SHA-256 manifest, the WARC of the pages and the
 * publication record (who merged it, on whose approval), and — with the key
 * of the publish environment in ARCHIVE_SIGNING_KEY — the signature over the
 * manifest and the record. `--upload` puts the five files on a GitHub Release
 * tagged `site-<UTC time>-<short sha>` (a signature is required);
 * `--note` writes the record as a git note in refs/notes/publication.
 * `--keep-drafts` keeps the head of every closed pull request not kept yet as
 * the tag refs/tags/drafts/pr-<N> and lists those in the record.
 * `--attach` adds files made with the archive (the monthly report on the
 * 26th, docs/reports.md): listed with their SHA-256 in the record, so the
 * signature covers them, and uploaded with the Release.
 * `verify` checks an archive; `keygen` makes a signing key pair. What each
 * file is: docs/archive.md.
 */
import type { KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { copyFile, lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { warcInfoFields, releaseText } from '../src/lib/archive/describe.ts';
import { manifestText } from '../src/lib/archive/manifest.ts';
import { archiveNames, formatSize } from '../src/lib/archive/names.ts';
import { publicationRecord, type PublicationFacts } from '../src/lib/archive/publication-record.ts';
import { keyIdOf, keyValidAt, readPrivateKey, signArchive } from '../src/lib/archive/signature.ts';
import { SIGNING_KEYS_FILE, validateSigningKeysFile } from '../src/lib/archive/signing-keys.ts';
import { formatIssue } from '../src/lib/content/issues.ts';
import { printableLines } from '../src/lib/printable.ts';
import { contentRoot } from '../src/content-loader/read-content.ts';
import type { ArchiveFile } from '../src/lib/archive/verify.ts';
import { getSettings } from '../src/site/settings.ts';
import { commitInfo, NOTES_REF, writePublicationNote } from './lib/archive/git.ts';
import { keepClosedPullHeads } from './lib/archive/keep-drafts.ts';
import { gatherPublication } from './lib/archive/publication-github.ts';
import { publishRelease } from './lib/archive/release.ts';
import { KEYGEN_USAGE, keygenCommand, SIGNING_ENVIRONMENT, SIGNING_KEY_VARIABLE } from './lib/archive/keygen.ts';
import { hashFiles, listSite, sha256File } from './lib/archive/site-files.ts';
import { verifyArchiveCommand, VERIFY_USAGE } from './lib/archive/verify-command.ts';
import { writeTarball } from './lib/archive/write-tarball.ts';
import { writeWarc } from './lib/archive/write-warc.ts';
import { githubClient, parseRepo } from './lib/github.ts';

const USAGE = [
  'Dùng / Usage:',
  '  npm run archive -- --out <thư mục / dir> [--site dist] [--commit <rev>] [--deployed-at <ISO>] [--repo owner/name] [--upload] [--note] [--keep-drafts [--remote origin]] [--attach <tệp / file> …]',
  `  ${VERIFY_USAGE}`,
  `  ${KEYGEN_USAGE}`,
].join('\n');

const project = path.resolve(import.meta.dirname, '..');
const versionOf = (file: string) => (JSON.parse(readFileSync(path.join(project, file), 'utf8')) as { name: string; version: string }).version;
const say = (line: string) => console.log(printableLines(`lưu trữ / archive: ${line}`));
const sizeOf = (file: string) => statSync(file).size;

/**
 * The signing key from the publish environment's secret, or undefined without
 * one. It is removed from the environment at once, so no process this one
 * starts (git) inherits it.
 */
function signingKeyFromEnvironment(): KeyObject | undefined {
  const pem = process.env[SIGNING_KEY_VARIABLE];
  delete process.env[SIGNING_KEY_VARIABLE];
  if (pem === undefined || pem.trim() === '') return undefined;
  const read = readPrivateKey(pem, SIGNING_KEY_VARIABLE);
  if ('problem' in read) throw new Error(`${read.problem.vi} / ${read.problem.en}`);
  return read.key;
}

/** Refuses a key that the checkout's keys file (the default branch, at deploy) does not list as valid at `deployedAt`. */
async function checkKeyIsListed(key: KeyObject, deployedAt: string): Promise<void> {
  const file = path.join(contentRoot(process.cwd()), SIGNING_KEYS_FILE.replace(/^content\//, ''));
  const text = await readFile(file, 'utf8').catch(() => '');
  const { keys, issues } = validateSigningKeysFile(text);
  if (!keys) throw new Error(`${SIGNING_KEYS_FILE}:\n${issues.map(formatIssue).join('\n')}`);
  const id = keyIdOf(key);
  const listed = keys.find((k) => k.id === id);
  if (!listed || !keyValidAt(listed, deployedAt)) {
    throw new Error(
      `Khoá ${SIGNING_KEY_VARIABLE} (mã ${id}) ${listed ? `không có hiệu lực vào ${deployedAt}` : 'không có'} trong ${SIGNING_KEYS_FILE} của nhánh này: bản lưu trữ ký bằng nó sẽ không được xác nhận. Thêm khoá vào tệp (npm run archive -- keygen in ra mục cần thêm) hoặc dùng khoá đang có hiệu lực. / ` +
        `The key ${SIGNING_KEY_VARIABLE} (id ${id}) is ${listed ? `not valid at ${deployedAt}` : 'not listed'} in ${SIGNING_KEYS_FILE} of this branch: an archive signed with it would not verify. Add the key to the file (npm run archive -- keygen prints the entry) or use a key in force.`,
    );
  }
}

async function makeArchive(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      site: { type: 'string', default: 'dist' },
      commit: { type: 'string', default: 'HEAD' },
      repo: { type: 'string' },
      upload: { type: 'boolean', default: false },
      note: { type: 'boolean', default: false },
      'keep-drafts': { type: 'boolean', default: false },
      remote: { type: 'string', default: 'origin' },
      // The deploy's time, for the names: a scheduled deploy of the same commit (content that
      // became due) is then archived as a Release of its own. Default: the commit's time.
      'deployed-at': { type: 'string' },
      attach: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.out) throw new UsageError();
  const deployedAt = values['deployed-at'];
  if (deployedAt !== undefined && Number.isNaN(Date.parse(deployedAt))) {
    throw new Error(`--deployed-at cần thời điểm ISO, nhận được “${deployedAt}” / --deployed-at needs an ISO time, got “${deployedAt}”.`);
  }
  const settings = (await getSettings()).site;
  const repoName = values.repo ?? process.env.GITHUB_REPOSITORY;
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  const where = repoName && token ? parseRepo(repoName) : undefined;
  if (values.upload && !where) {
    throw new Error('--upload cần --repo owner/name và mã GITHUB_TOKEN / --upload needs --repo owner/name and a GITHUB_TOKEN.');
  }
  if (values['keep-drafts'] && !where) {
    throw new Error('--keep-drafts cần --repo owner/name và mã GITHUB_TOKEN / --keep-drafts needs --repo owner/name and a GITHUB_TOKEN.');
  }
  const signingKey = signingKeyFromEnvironment();
  if (values.upload && !signingKey) {
    throw new Error(
      `--upload cần khoá ký ${SIGNING_KEY_VARIABLE} (secret của môi trường ${SIGNING_ENVIRONMENT}): bản lưu trữ không có chữ ký sẽ không được xác nhận. Tạo khoá bằng npm run archive -- keygen (docs/archive.md). / ` +
        `--upload needs the signing key ${SIGNING_KEY_VARIABLE} (a secret of the ${SIGNING_ENVIRONMENT} environment): an unsigned archive does not verify. Make one with npm run archive -- keygen (docs/archive.md).`,
    );
  }
  const octokit = where ? githubClient() : undefined;

  const root = path.resolve(values.site);
  const outDir = path.resolve(values.out);
  const commit = await commitInfo(values.commit);
  const archivedAs = deployedAt ? new Date(Date.parse(deployedAt)).toISOString().replace(/\.\d{3}Z$/, 'Z') : commit.time;
  const names = archiveNames(commit.sha, archivedAs);
  if (signingKey) await checkKeyIsListed(signingKey, archivedAs);
  const file = (name: string) => path.join(outDir, name);
  const entries = await listSite(root);
  await mkdir(outDir, { recursive: true });
  say(`commit ${commit.sha} (${commit.time}) → ${outDir}/${names.tag}.*`);

  const files = entries.filter((e) => e.type === 'file');
  say(`[1/6] ${root}: ${files.length} tệp / files, ${formatSize(files.reduce((n, f) => n + f.size, 0))}`);

  const hashes = await hashFiles(root, files.map((f) => f.path));
  await writeFile(file(names.manifest), manifestText([...hashes].map(([p, sha256]) => ({ path: p, sha256 }))));
  say(`[2/6] ${names.manifest}: ${hashes.size} dòng / lines, ${formatSize(sizeOf(file(names.manifest)))}`);

  await writeTarball(root, entries, new Date(commit.time), file(names.tarball));
  say(`[3/6] ${names.tarball}: ${formatSize(sizeOf(file(names.tarball)))}`);

  const repository = repoName ?? settings.cms.repo;
  const software = `cong-thong-tin ${versionOf('package.json')} (scripts/archive.ts); warcio.js ${versionOf('node_modules/warcio/package.json')}`;
  const warc = await writeWarc({
    root,
    entries,
    site: settings,
    commit: commit.sha,
    commitTime: commit.time,
    // Dated with the deploy when it is known (the workflow passes it), else the commit's time: the same inputs, the same bytes.
    deployedAt: archivedAs,
    info: warcInfoFields(settings, { commit: commit.sha, commitTime: commit.time, repository, software }),
    outFile: file(names.warc),
  });
  say(`[4/6] ${names.warc}: ${warc.records} bản ghi (${warc.pages} trang) / records (${warc.pages} pages), ${formatSize(sizeOf(file(names.warc)))}`);

  const attached = await attachFiles(values.attach, outDir, [names.tarball, names.warc, names.manifest, names.record, names.signature]);
  if (attached.length) say(`[+] ${attached.join(', ')}`);
  const archiveFiles: ArchiveFile[] = [];
  for (const name of [names.tarball, names.warc, names.manifest, ...attached]) {
    archiveFiles.push({ name, size: sizeOf(file(name)), sha256: await sha256File(file(name)) });
  }
  const facts: PublicationFacts = { commit: commit.sha, repository, archivedAt: new Date().toISOString(), archive: { tag: names.tag, files: archiveFiles } };
  if (octokit && where) facts.github = await gatherPublication(octokit, where, commit.sha, commit.parents[0]);
  if (values['keep-drafts'] && octokit && where) {
    const drafts = await keepClosedPullHeads(octokit, where, process.cwd(), values.remote);
    facts.drafts = drafts.kept;
    say(`bản nháp / drafts: ${drafts.kept.length} mới lưu / newly kept (refs/tags/drafts/pr-*), ${drafts.already} đã lưu trước / kept before`);
    for (const m of drafts.missing) {
      say(`  ! PR #${m.number}: không lấy được refs/pull/${m.number}/head, chưa lưu được; lần lưu trữ sau sẽ thử lại / could not fetch refs/pull/${m.number}/head, not kept; the next archive run tries again (${m.reason})`);
    }
  }
  const record = publicationRecord(facts);
  await writeFile(file(names.record), `${JSON.stringify(record, null, 2)}\n`);
  const pr = record.pull_request ? `PR #${record.pull_request.number}, ${record.approvals.length} lượt duyệt / reviews, editorial-approval: ${record.decision?.decision ?? '—'}` : '';
  say(`[5/6] ${names.record}${pr ? `: ${pr}` : ''}`);
  if (record.note) say(`  vi: ${record.note.vi}\n  en: ${record.note.en}`);

  if (signingKey) {
    const statement = {
      tag: names.tag,
      commit: commit.sha,
      deployed_at: archivedAs,
      manifest_sha256: await sha256File(file(names.manifest)),
      publication_sha256: await sha256File(file(names.record)),
      site: { files: files.length, folders: entries.length - files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
    };
    await writeFile(file(names.signature), signArchive(statement, signingKey));
    say(`[6/6] ${names.signature}: khoá / key ${keyIdOf(signingKey)} (Ed25519)`);
  } else {
    say(
      `[6/6] không ký / not signed: thiếu ${SIGNING_KEY_VARIABLE}; verify sẽ không xác nhận bản lưu trữ này / no ${SIGNING_KEY_VARIABLE}; verify will not confirm this archive`,
    );
  }
  const written = [names.tarball, names.warc, ...attached, names.manifest, names.record, ...(signingKey ? [names.signature] : [])];
  say(`tổng / total: ${formatSize(written.reduce((n, name) => n + sizeOf(file(name)), 0))}`);

  if (values.upload && octokit && where) {
    const text = releaseText(names, record, commit.time);
    const result = await publishRelease(octokit, where, {
      tag: names.tag,
      commit: commit.sha,
      ...text,
      // The signature last: a Release is complete once it is there.
      files: written.map(file),
      together: [names.manifest, names.record, names.signature],
    });
    say(
      `Release ${names.tag} ${result.created ? 'đã tạo / created' : 'đã có / exists'}: ${result.uploaded.length} tệp tải lên / uploaded${result.kept.length ? `, ${result.kept.length} đã có / already there` : ''} — ${result.url}`,
    );
  }
  if (values.note) {
    await writePublicationNote(commit.sha, file(names.record));
    say(`ghi chú git / git note: refs/notes/${NOTES_REF} @ ${commit.sha.slice(0, 7)}`);
  }
}

class UsageError extends Error {}

/** A name an attached file may have on the Release and in the record: letters, digits, dot, dash, underscore. */
const ATTACHABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Copies the files given with --attach beside the archive's own and returns
 * their names; refuses a name that is not plain, repeated, or taken by the
 * archive's own files, and a path that is not a readable regular file.
 */
async function attachFiles(paths: readonly string[], outDir: string, reserved: readonly string[]): Promise<string[]> {
  const names: string[] = [];
  for (const given of paths) {
    const name = path.basename(given);
    if (!ATTACHABLE_NAME.test(name) || reserved.includes(name) || names.includes(name)) {
      throw new Error(
        `--attach: tên tệp “${name}” không dùng được (chỉ chữ, số, dấu chấm, gạch ngang, gạch dưới; không trùng tệp khác của bản lưu trữ). / ` +
          `--attach: the file name “${name}” cannot be used (letters, digits, dot, dash and underscore only; not the name of another file of the archive).`,
      );
    }
    const stats = await lstat(given).catch(() => undefined);
    if (!stats?.isFile()) {
      throw new Error(`--attach: không có tệp ${given} (hoặc không phải tệp thường). / --attach: there is no file ${given} (or it is not a regular file).`);
    }
    const target = path.join(outDir, name);
    if (path.resolve(given) !== target) await copyFile(given, target);
    names.push(name);
  }
  return names;
}

try {
  const args = process.argv.slice(2);
  if (args[0] === 'verify') process.exitCode = await verifyArchiveCommand(args.slice(1));
  else if (args[0] === 'keygen') process.exitCode = await keygenCommand(args.slice(1), { log: console.log, error: console.error });
  else await makeArchive(args);
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    console.error(printableLines(`lưu trữ / archive: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 1;
  }
}
