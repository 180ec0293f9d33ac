/**
 * A full build over a site that is being served (`npm start`, while an editor
 * publishes an upload or a settings change) never leaves readers an emptied
 * or half-built site: it is made beside the site and takes its place when
 * complete. A build that fails leaves the last good site as it was; one
 * stopped midway is followed by a full build, not an incremental one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-served-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });
const site = path.join(work, 'site');
const env = { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: path.join(work, 'cache') };

/** What a reader gets now: the home page and the search index's entry, or what is missing. */
function served(): string[] {
  return ['index.html', 'search/vi/index.json', 'van-ban/1624-qd-bhxh/index.html'].filter((f) => !existsSync(path.join(site, f)));
}

/** Starts `npm run build`, stops it (and all it started) once its output matches `line`, and gives that output. */
async function buildUntilItSays(line: RegExp): Promise<string> {
  const child = spawn(process.execPath, ['scripts/build.ts', '--out', site], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (line.test(output)) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => resolve());
  });
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already ended
  }
  await exited;
  return output;
}

describe('a full build over a served site', () => {
  it('keeps every page there while it builds, then shows the new site', async () => {
    expect(spawnSync(process.execPath, ['scripts/build.ts', '--out', site], { env, encoding: 'utf8' }).status).toBe(0);
    const file = path.join(content, 'documents/vi/1624-qd-bhxh.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (bản mới)'));

    const child = spawn(process.execPath, ['scripts/build.ts', '--full', '--out', site], { env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    let looks = 0;
    let missedLooks = 0;
    while (!done) {
      if (served().length > 0) missedLooks++;
      looks++;
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(await exited).toBe(0);
    expect(looks).toBeGreaterThan(20);
    // Between the two renames that swap the folders the site is absent for microseconds: at most one look
    // in hundreds can fall there. An emptied output folder would be missed for the whole build.
    expect(missedLooks, `${missedLooks} of ${looks} looks found pages missing`).toBeLessThanOrEqual(1);
    expect(readFileSync(path.join(site, 'van-ban/1624-qd-bhxh/index.html'), 'utf8')).toContain('(bản mới)');
    expect(existsSync(`${site}.next`) || existsSync(`${site}.old`)).toBe(false);
  });

  it('builds everything after a build that was stopped midway (its pages may be half written)', async () => {
    const file = path.join(content, 'documents/vi/1624-qd-bhxh.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (lần nữa)'));
    // Ctrl-C in `npm start` stops the build's whole process group; here as soon as the build has chosen its way.
    const stopped = await buildUntilItSays(/build: (only what changed|everything)/);
    expect(stopped).toContain('build: only what changed');
    expect(await buildUntilItSays(/build: (only what changed|everything)/)).toContain('build: everything');
  });

  it('leaves the last good site when the build fails', () => {
    const before = readFileSync(path.join(site, 'van-ban/1624-qd-bhxh/index.html'), 'utf8');
    writeFileSync(path.join(content, 'news/vi/hong.mdx'), '---\ntitle: Thiếu trường bắt buộc\n---\n\nNội dung.\n');
    const failed = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', site], { env, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(served()).toEqual([]);
    expect(readFileSync(path.join(site, 'van-ban/1624-qd-bhxh/index.html'), 'utf8')).toBe(before);
  });
});
