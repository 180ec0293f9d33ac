/**
 * The memento store carried on its append-only branch: checked out before a
 * build, committed on top after a deploy, never losing a kept version; and
 * the hostile branches (tests/fixtures/hostile/memento-branches/), whose
 * files are not the store's, refused with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyMementoIndex, withMementos } from '../../../src/lib/history/mementos.ts';
import { checkoutStore, commitStore, StoreBranchError } from './branch.ts';
import { keepVersion, sha256 } from '../../../tests/memento-keep.ts';
import { capturedFile } from './store.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-memento-branch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let repo: string;
let n = 0;
const git = (args: string[], input?: string) => {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const folder = (name: string) => {
  const dir = path.join(work, `${name}-${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

beforeEach(() => {
  repo = folder('repo');
  git(['init', '--quiet', '--initial-branch', 'main']);
  git(['config', 'user.name', 'Test']);
  git(['config', 'user.email', 'test@localhost']);
});

const filesIn = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
const at = new Date('2026-11-20T08:00:00Z');

describe('the store on its branch', () => {
  it('starts empty where there is no branch yet, and comes back whole after a commit', async () => {
    expect(checkoutStore(repo, 'luu-tru', folder('empty'))).toBe(0);
    const store = folder('store');
    await keepVersion(store, '/van-ban/x/', '20261120T080000Z', '<p>một</p>');
    const first = await commitStore(repo, 'luu-tru', store, 'first', at);
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(git(['rev-parse', 'refs/heads/luu-tru'])).toBe(first);
    const back = folder('back');
    expect(checkoutStore(repo, 'luu-tru', back)).toBe(2);
    expect(filesIn(back)).toEqual(filesIn(store));
    expect(readFileSync(capturedFile(back, '20261120T080000Z', '/van-ban/x/'), 'utf8')).toBe('<p>một</p>');
  });

  it('adds each deploy on top of the last, and commits nothing when nothing is new', async () => {
    const store = folder('store');
    await keepVersion(store, '/van-ban/x/', '20261120T080000Z', '<p>một</p>');
    const first = await commitStore(repo, 'luu-tru', store, 'first', at);
    expect(await commitStore(repo, 'luu-tru', store, 'again', at)).toBeUndefined();
    const next = folder('next');
    checkoutStore(repo, 'luu-tru', next);
    await keepVersion(next, '/van-ban/x/', '20261121T080000Z', '<p>hai</p>');
    const second = await commitStore(repo, 'luu-tru', next, 'second', at);
    expect(git(['rev-parse', `${second}^`])).toBe(first);
    expect(git(['ls-tree', '-r', '--name-only', second!])).toContain('pages/20261120T080000Z/van-ban/x/index.html');
    expect(git(['ls-tree', '-r', '--name-only', second!])).toContain('pages/20261121T080000Z/van-ban/x/index.html');
  });

  it('refuses a store that lost a kept page (a build started from an empty store), naming it, and leaves the branch', async () => {
    const store = folder('store');
    await keepVersion(store, '/van-ban/x/', '20261120T080000Z', '<p>một</p>');
    const first = await commitStore(repo, 'luu-tru', store, 'first', at);
    const fresh = folder('fresh');
    await keepVersion(fresh, '/van-ban/y/', '20261121T080000Z', '<p>khác</p>');
    const error = await commitStore(repo, 'luu-tru', fresh, 'second', at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreBranchError);
    expect((error as StoreBranchError).vi).toContain('/van-ban/x/ 20261120T080000Z');
    expect((error as StoreBranchError).en).toMatch(/only grows.*Nothing was committed/);
    expect(git(['rev-parse', 'refs/heads/luu-tru'])).toBe(first);
  });

  it('refuses a kept page changed in place', async () => {
    const store = folder('store');
    await keepVersion(store, '/van-ban/x/', '20261120T080000Z', '<p>một</p>');
    await commitStore(repo, 'luu-tru', store, 'first', at);
    writeFileSync(capturedFile(store, '20261120T080000Z', '/van-ban/x/'), '<p>sửa lại</p>');
    const error = await commitStore(repo, 'luu-tru', store, 'second', at).catch((e: unknown) => e);
    expect((error as StoreBranchError).en).toContain('pages/20261120T080000Z/van-ban/x/index.html');
  });

  it('refuses a store with a symbolic link or a file that is not the store’s, committing nothing', async () => {
    const store = folder('store');
    await keepVersion(store, '/van-ban/x/', '20261120T080000Z', '<p>một</p>');
    symlinkSync('/etc/passwd', path.join(store, 'files'));
    const error = await commitStore(repo, 'luu-tru', store, 'first', at).catch((e: unknown) => e);
    expect((error as StoreBranchError).en).toMatch(/files \(blob 120000\)/);
    expect(spawnSync('git', ['rev-parse', '--verify', '--quiet', 'refs/heads/luu-tru'], { cwd: repo }).status).not.toBe(0);
  });
});

describe('hostile branches', () => {
  const corpus = path.resolve(import.meta.dirname, '../../../tests/fixtures/hostile/memento-branches');
  const cases = readdirSync(corpus).filter((f) => f.endsWith('.json'));

  it('has its cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  for (const file of cases) {
    const hostile = JSON.parse(readFileSync(path.join(corpus, file), 'utf8')) as { why: string; entries: { path: string; mode: string; content: string }[] };
    it(`${file}: ${hostile.why} — refused, nothing written`, async () => {
      // A sound store, and the hostile entry beside it, committed straight onto the branch.
      const index = withMementos(emptyMementoIndex(), '20261120T080000Z', [{ path: '/tin-tuc/a/', commit: undefined, sha256: sha256('<p>a</p>') }]);
      const entries = [
        { path: 'mementos.json', mode: '100644', content: JSON.stringify(index) },
        { path: 'pages/20261120T080000Z/tin-tuc/a/index.html', mode: '100644', content: '<p>a</p>' },
        ...hostile.entries,
      ];
      const indexFile = path.join(folder('index'), 'index');
      for (const entry of entries) {
        const object = entry.mode === '160000' ? entry.content : git(['hash-object', '-w', '--stdin'], entry.content);
        spawnSync('git', ['update-index', '--add', '--cacheinfo', `${entry.mode},${object},${entry.path}`], { cwd: repo, env: { ...process.env, GIT_INDEX_FILE: indexFile } });
      }
      const tree = spawnSync('git', ['write-tree'], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_INDEX_FILE: indexFile } }).stdout.trim();
      git(['update-ref', 'refs/heads/luu-tru', git(['commit-tree', tree, '-m', 'hostile'])]);
      const entryPaths = git(['ls-tree', '-r', '--name-only', 'luu-tru']).split('\n');
      expect(entryPaths.some((p) => p === hostile.entries[0]!.path || p.startsWith(`${hostile.entries[0]!.path}`))).toBe(true);

      const store = folder('store');
      const error = (() => {
        try {
          checkoutStore(repo, 'luu-tru', store);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(StoreBranchError);
      expect((error as StoreBranchError).vi).toContain(hostile.entries[0]!.path);
      expect((error as StoreBranchError).en).toMatch(/not the memento store's.*Nothing was checked out/);
      expect(readdirSync(store)).toEqual([]);
    });
  }
});

describe('npm run memento-store', () => {
  it('answers a wrong command line in both languages with exit 2, without a stack trace', () => {
    for (const args of [['checkout', '--bogus'], ['push', '--store', 'x'], ['commit']]) {
      const r = spawnSync(process.execPath, ['scripts/memento-store.ts', ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/memento-store: .*\n.*(usage|invalid arguments)/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
