/**
 * npm run archive -- --out <dir> [--site dist] [--commit <rev>] [--repo owner/name] [--upload] [--note]
 * npm run archive -- verify <archive folder | site-….tar.gz> [--manifest file]
 *
 * Makes the archive of the published revision (Decision 1624 Art. 12; portal
 * regulation Art. 18): from the built site and its commit, the deterministic
 * site tarball, the SHA-256 manifest, the WARC of the pages and the
 * publication record (who merged it, on whose approval). `--upload` puts the
 * four files on a GitHub Release tagged `site-<UTC time>-<short sha>`;
 * `--note` writes the record as a git note in refs/notes/publication.
 * `verify` checks an archive. What each file is: docs/archive.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { warcInfoFields, releaseText } from '../src/lib/archive/describe.ts';
import { manifestText } from '../src/lib/archive/manifest.ts';
import { archiveNames, formatSize } from '../src/lib/archive/names.ts';
import { publicationRecord, type PublicationFacts } from '../src/lib/archive/publication-record.ts';
import type { ArchiveFile } from '../src/lib/archive/verify.ts';
import { getSettings } from '../src/site/settings.ts';
import { commitInfo, NOTES_REF, writePublicationNote } from './lib/archive/git.ts';
import { gatherPublication } from './lib/archive/publication-github.ts';
import { publishRelease } from './lib/archive/release.ts';
import { hashFiles, listSite, sha256File } from './lib/archive/site-files.ts';
import { verifyArchiveCommand, VERIFY_USAGE } from './lib/archive/verify-command.ts';
import { writeTarball } from './lib/archive/write-tarball.ts';
import { writeWarc } from './lib/archive/write-warc.ts';
import { githubClient, parseRepo } from './lib/github.ts';

const USAGE = [
  'Dùng / Usage:',
  '  npm run archive -- --out <thư mục / dir> [--site dist] [--commit <rev>] [--deployed-at <ISO>] [--repo owner/name] [--upload] [--note]',
  `  ${VERIFY_USAGE}`,
].join('\n');

const project = path.resolve(import.meta.dirname, '..');
const versionOf = (file: string) => (JSON.parse(readFileSync(path.join(project, file), 'utf8')) as { name: string; version: string }).version;
const say = (line: string) => console.log(`lưu trữ / archive: ${line}`);
const sizeOf = (file: string) => statSync(file).size;

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
      // The deploy's time, for the names: a scheduled deploy of the same commit (content that
      // became due) is then archived as a Release of its own. Default: the commit's time.
      'deployed-at': { type: 'string' },
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
  const octokit = where ? githubClient() : undefined;

  const root = path.resolve(values.site);
  const outDir = path.resolve(values.out);
  const commit = await commitInfo(values.commit);
  const names = archiveNames(commit.sha, deployedAt ?? commit.time);
  const file = (name: string) => path.join(outDir, name);
  const entries = await listSite(root);
  await mkdir(outDir, { recursive: true });
  say(`commit ${commit.sha} (${commit.time}) → ${outDir}/${names.tag}.*`);

  const files = entries.filter((e) => e.type === 'file');
  say(`[1/5] ${root}: ${files.length} tệp / files, ${formatSize(files.reduce((n, f) => n + f.size, 0))}`);

  const hashes = await hashFiles(root, files.map((f) => f.path));
  await writeFile(file(names.manifest), manifestText([...hashes].map(([p, sha256]) => ({ path: p, sha256 }))));
  say(`[2/5] ${names.manifest}: ${hashes.size} dòng / lines, ${formatSize(sizeOf(file(names.manifest)))}`);

  await writeTarball(root, entries, new Date(commit.time), file(names.tarball));
  say(`[3/5] ${names.tarball}: ${formatSize(sizeOf(file(names.tarball)))}`);

  const repository = repoName ?? settings.cms.repo;
  const software = `cong-thong-tin ${versionOf('package.json')} (scripts/archive.ts); warcio.js ${versionOf('node_modules/warcio/package.json')}`;
  const warc = await writeWarc({
    root,
    entries,
    site: settings,
    commit: commit.sha,
    commitTime: commit.time,
    info: warcInfoFields(settings, { commit: commit.sha, commitTime: commit.time, repository, software }),
    outFile: file(names.warc),
  });
  say(`[4/5] ${names.warc}: ${warc.records} bản ghi (${warc.pages} trang) / records (${warc.pages} pages), ${formatSize(sizeOf(file(names.warc)))}`);

  const archiveFiles: ArchiveFile[] = [];
  for (const name of [names.tarball, names.warc, names.manifest]) {
    archiveFiles.push({ name, size: sizeOf(file(name)), sha256: await sha256File(file(name)) });
  }
  const facts: PublicationFacts = { commit: commit.sha, repository, archivedAt: new Date().toISOString(), archive: { tag: names.tag, files: archiveFiles } };
  if (octokit && where) facts.github = await gatherPublication(octokit, where, commit.sha, commit.parents[0]);
  const record = publicationRecord(facts);
  await writeFile(file(names.record), `${JSON.stringify(record, null, 2)}\n`);
  const pr = record.pull_request ? `PR #${record.pull_request.number}, ${record.approvals.length} lượt duyệt / reviews, editorial-approval: ${record.decision?.decision ?? '—'}` : '';
  say(`[5/5] ${names.record}${pr ? `: ${pr}` : ''}`);
  if (record.note) say(`  vi: ${record.note.vi}\n  en: ${record.note.en}`);
  say(`tổng / total: ${formatSize(archiveFiles.reduce((n, f) => n + f.size, 0) + sizeOf(file(names.record)))}`);

  if (values.upload && octokit && where) {
    const text = releaseText(names, record, commit.time);
    const result = await publishRelease(octokit, where, {
      tag: names.tag,
      commit: commit.sha,
      ...text,
      files: [names.tarball, names.warc, names.manifest, names.record].map(file),
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

try {
  const args = process.argv.slice(2);
  if (args[0] === 'verify') process.exitCode = await verifyArchiveCommand(args.slice(1));
  else await makeArchive(args);
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    console.error(`lưu trữ / archive: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
