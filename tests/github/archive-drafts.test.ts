/**
 * `npm run archive -- --keep-drafts` against the local GitHub-shaped server
 * and a real bare “origin” whose closed pull requests' heads exist only as
 * refs/pull/<N>/head (their branches deleted, as Decap deletes them): each
 * head is fetched and kept as the annotated tag drafts/pr-<N>, recorded in the
 * signed publication record, and pushed the way the publish workflow pushes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyEntryYaml } from '../../src/lib/archive/signing-keys.ts';
import { parseDraftTagMessage } from '../../src/lib/history/drafts.ts';
import type { PublicationRecord } from '../../src/lib/history/revision.ts';
import { verifyArchiveCommand } from '../../scripts/lib/archive/verify-command.ts';
import { FakeGitHub, type FakePull } from './fake-github.ts';
import { loginWithRole, runScript } from './helpers.ts';

const editor = loginWithRole('editor');
const secretary = loginWithRole('secretary');
const project = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), 'portal-archive-drafts-'));
const origin = path.join(work, 'origin.git');
const scratch = path.join(work, 'scratch');
const repoDir = path.join(work, 'repo');
const site = path.join(work, 'site');
const out = path.join(work, 'archive');
const content = path.join(work, 'content');
const keysFile = path.join(content, 'governance/archive-signing-keys.yml');
const key = generateKeyPairSync('ed25519');
const ARCHIVE_SIGNING_KEY = String(key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
const github = new FakeGitHub('bhxh-vietnam', 'cong-thong-tin');
const identity = { GIT_AUTHOR_NAME: 'Cổng TTĐT', GIT_AUTHOR_EMAIL: 'portal@example.gov.vn', GIT_COMMITTER_NAME: 'Cổng TTĐT', GIT_COMMITTER_EMAIL: 'portal@example.gov.vn' };
const gitIn = (cwd: string, args: string[], date = '2026-11-20T08:00:00Z') =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } }).trim();
const git = (args: string[]) => gitIn(repoDir, args);
const exists = (cwd: string, object: string) => spawnSync('git', ['cat-file', '-e', object], { cwd }).status === 0;

const entry = 'content/news/vi/tin-moi.mdx';
const other = 'content/news/vi/tin-khac.mdx';
const news = (title: string) => `---\ntitle: ${title}\nsummary: Tóm tắt.\ndate: 2026-11-20\ncolumn: tin-tuc-su-kien\nsection: hoat-dong-nganh\nauthor: Phòng Truyền thông\n---\n\nNội dung.\n`;
let start: string;
let rejectedHead: string;
let mergedHead: string;

function pull(number: number, extra: Partial<FakePull>): FakePull {
  return { number, title: `PR ${number}`, author: editor, head_sha: '0'.repeat(40), base_ref: 'main', labels: [], body: null, files: [], reviews: [], commits: [], ...extra };
}

beforeAll(async () => {
  await github.start();
  cpSync(path.join(project, 'content'), content, { recursive: true });
  writeFileSync(keysFile, `keys:\n${keyEntryYaml(key.publicKey, '2026-01-01T00:00:00+07:00')}\n`);
  gitIn(work, ['init', '-q', '--bare', '-b', 'main', origin]);
  gitIn(work, ['init', '-q', '-b', 'main', scratch]);
  mkdirSync(path.join(scratch, 'content/news/vi'), { recursive: true });
  writeFileSync(path.join(scratch, entry), news('Tin mới'));
  gitIn(scratch, ['add', '.']);
  gitIn(scratch, ['commit', '-q', '-m', 'Start'], '2026-11-19T08:00:00Z');
  start = gitIn(scratch, ['rev-parse', 'HEAD']);
  // PR 7: a change of tin-moi, closed without merging; its branch deleted — only refs/pull/7/head is left.
  gitIn(scratch, ['checkout', '-q', '-b', 'cms/news/tin-moi']);
  writeFileSync(path.join(scratch, entry), news('Tin mới — bản nháp bị từ chối'));
  gitIn(scratch, ['commit', '-q', '-am', 'Update News “tin-moi”'], '2026-11-19T09:00:00Z');
  rejectedHead = gitIn(scratch, ['rev-parse', 'HEAD']);
  gitIn(scratch, ['push', '-q', origin, 'HEAD:refs/pull/7/head']);
  // PR 8: a new entry, squash-merged.
  gitIn(scratch, ['checkout', '-q', '-b', 'cms/news/tin-khac', start]);
  writeFileSync(path.join(scratch, other), news('Tin khác'));
  gitIn(scratch, ['add', '.']);
  gitIn(scratch, ['commit', '-q', '-m', 'Create News “tin-khac”'], '2026-11-19T10:00:00Z');
  mergedHead = gitIn(scratch, ['rev-parse', 'HEAD']);
  gitIn(scratch, ['push', '-q', origin, 'HEAD:refs/pull/8/head']);
  gitIn(scratch, ['checkout', '-q', 'main']);
  writeFileSync(path.join(scratch, other), news('Tin khác'));
  gitIn(scratch, ['add', '.']);
  gitIn(scratch, ['commit', '-q', '-m', 'Tin khác (#8)'], '2026-11-20T08:00:00Z');
  gitIn(scratch, ['push', '-q', origin, 'main']);
  // Not --local: the clone gets only what its refs reach, as from GitHub (refs/pull/* are not among them).
  gitIn(work, ['clone', '-q', '--no-local', origin, repoDir]);

  github.state.pulls.set(7, pull(7, { title: 'Sửa “Tin mới”\nvà thêm dòng', head_sha: rejectedHead, base_sha: start, closed: { at: '2026-11-19T12:00:00Z' } }));
  github.state.pulls.set(8, pull(8, { head_sha: mergedHead, base_sha: start, merged: { by: secretary, at: '2026-11-20T08:00:00Z', commit: git(['rev-parse', 'HEAD']) } }));
  // Closed, but GitHub has no head for it (e.g. the fork was deleted before it was ever fetched).
  github.state.pulls.set(9, pull(9, { closed: { at: '2026-11-19T13:00:00Z' } }));
  // Still open: nothing to keep yet.
  github.state.pulls.set(10, pull(10, { head_sha: rejectedHead }));

  const files: Record<string, string> = { 'index.html': '<!doctype html><html lang="vi"><h1>Trang chủ</h1></html>' };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, p)), { recursive: true });
    writeFileSync(path.join(site, p), text);
  }
});
afterAll(async () => {
  await github.stop();
  rmSync(work, { recursive: true, force: true });
});

function archive(...args: string[]) {
  const env = { ...process.env, ...identity, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token', PORTAL_CONTENT_DIR: content, ARCHIVE_SIGNING_KEY };
  return runScript('scripts/archive.ts', args, { env, cwd: repoDir });
}
const run = ['--out', out, '--site', site, '--commit', 'HEAD', '--repo', 'bhxh-vietnam/cong-thong-tin', '--keep-drafts', '--note'];

describe('npm run archive -- --keep-drafts', () => {
  it('keeps each closed pull request’s head as an annotated tag with its facts, fetched from refs/pull/N/head', async () => {
    expect(exists(repoDir, rejectedHead)).toBe(false);
    const { status, output } = await archive(...run);
    expect(status, output).toBe(0);
    expect(output).toContain('bản nháp / drafts: 2 mới lưu / newly kept (refs/tags/drafts/pr-*), 0 đã lưu trước / kept before');
    expect(output).toContain('! PR #9: không lấy được refs/pull/9/head');

    expect(git(['for-each-ref', '--format=%(refname) %(objecttype) %(*objectname)', 'refs/tags/drafts/'])).toBe(
      [`refs/tags/drafts/pr-7 tag ${rejectedHead}`, `refs/tags/drafts/pr-8 tag ${mergedHead}`].join('\n'),
    );
    // The fetched heads' temporary refs are gone; the open pull request is not kept.
    expect(git(['for-each-ref', 'refs/portal-incoming/'])).toBe('');
    const rejected = parseDraftTagMessage(git(['for-each-ref', '--format=%(contents)', 'refs/tags/drafts/pr-7']));
    expect(rejected).toEqual({
      ok: true,
      facts: {
        source: 'github',
        fate: 'rejected',
        head: rejectedHead,
        base: start,
        closedAt: '2026-11-19T12:00:00Z',
        pull: { number: 7, title: 'Sửa “Tin mới” và thêm dòng', author: editor, url: 'https://github.com/bhxh-vietnam/cong-thong-tin/pull/7' },
      },
    });
    const merged = parseDraftTagMessage(git(['for-each-ref', '--format=%(contents)', 'refs/tags/drafts/pr-8']));
    expect(merged.ok && merged.facts.fate).toBe('published');
    expect(git(['show', `refs/tags/drafts/pr-7:${entry}`])).toContain('title: Tin mới — bản nháp bị từ chối');
  });

  it('records them in the signed publication record; changing that list breaks the signature', async () => {
    const record = JSON.parse(readFileSync(path.join(out, 'publication.json'), 'utf8')) as PublicationRecord;
    expect(record.drafts?.map((d) => [d.tag, d.pull_request, d.fate, d.head, d.author])).toEqual([
      ['refs/tags/drafts/pr-7', 7, 'rejected', rejectedHead, editor],
      ['refs/tags/drafts/pr-8', 8, 'published', mergedHead, editor],
    ]);
    expect(record.drafts![0]!.tag_object).toBe(git(['rev-parse', 'refs/tags/drafts/pr-7']));
    // The note on the published commit is the same record.
    expect(JSON.parse(git(['notes', '--ref=publication', 'show', 'HEAD'])).drafts).toHaveLength(2);

    const verify = async () => {
      const lines: string[] = [];
      const code = await verifyArchiveCommand([out, '--keys', keysFile], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
      return { code, text: lines.join('\n') };
    };
    const good = await verify();
    expect(good.code, good.text).toBe(0);
    const file = path.join(out, 'publication.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"fate": "rejected"', '"fate": "published"'));
    expect((await verify()).code).not.toBe(0);
  });

  it('keeps nothing twice, never moves a kept tag, and the workflow’s push brings the tags to origin', async () => {
    const before = git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags/drafts/']);
    const again = await archive(...run, '--deployed-at', '2026-11-21T17:05:00Z');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('bản nháp / drafts: 0 mới lưu / newly kept (refs/tags/drafts/pr-*), 2 đã lưu trước / kept before');
    expect(git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags/drafts/'])).toBe(before);

    // .github/workflows/publish.yml pushes refs/tags/drafts/* without force.
    git(['push', '-q', 'origin', 'refs/tags/drafts/*:refs/tags/drafts/*']);
    expect(gitIn(origin, ['for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags/drafts/'])).toBe(before);
    // A kept draft cannot be replaced by a push without force.
    git(['tag', '-f', '-a', '-m', 'forged', 'drafts/pr-7', start]);
    expect(spawnSync('git', ['push', '-q', 'origin', 'refs/tags/drafts/*:refs/tags/drafts/*'], { cwd: repoDir }).status).not.toBe(0);
    expect(gitIn(origin, ['rev-parse', 'refs/tags/drafts/pr-7^{commit}'])).toBe(rejectedHead);
  });

  it('refuses --keep-drafts without GitHub access, in both languages', async () => {
    const env = { ...process.env, ...identity, GITHUB_TOKEN: '', GH_TOKEN: '', PORTAL_CONTENT_DIR: content };
    const result = await runScript('scripts/archive.ts', ['--out', out, '--site', site, '--keep-drafts'], { env, cwd: repoDir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--keep-drafts needs --repo owner/name and a GITHUB_TOKEN');
  });
});
