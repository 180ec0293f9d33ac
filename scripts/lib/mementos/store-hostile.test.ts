/**
 * The hostile memento indexes (tests/fixtures/hostile/memento-stores/): the
 * index comes back from the previous deploy, so each is refused by readIndex
 * with a message in both languages naming the field, before any path is made
 * from it; and `npm run mementos` stops on it with exit code 1, leaving the
 * store as it was.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndex } from './store.ts';

const folder = path.resolve(import.meta.dirname, '../../../tests/fixtures/hostile/memento-stores');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, { why: string; field: string }>;
const files = readdirSync(folder).filter((f) => f !== 'expected.json');
const work = mkdtempSync(path.join(tmpdir(), 'portal-hostile-mementos-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function storeWith(file: string): string {
  const store = path.join(work, file);
  mkdirSync(store, { recursive: true });
  copyFileSync(path.join(folder, file), path.join(store, 'mementos.json'));
  return store;
}

describe('hostile memento indexes', () => {
  it('every case has its expectation, and there are enough of them', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`${file}: ${expected[file]?.why}`, async () => {
      const error = await readIndex(storeWith(file)).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toContain(expected[file]!.field);
      expect(error!.message).toMatch(/trường|không phải JSON/);
      expect(error!.message).toMatch(/the field|not JSON/);
    });
  }

  it('npm run mementos stops on one, in both languages, and leaves the store as it was', () => {
    const store = storeWith('stamp-a-path.json');
    const before = readFileSync(path.join(store, 'mementos.json'), 'utf8');
    const r = spawnSync(process.execPath, ['scripts/mementos.ts', '--store', store, '--site', path.join(work, 'no-site')], { encoding: 'utf8', env: { ...process.env, PORTAL_CACHE_DIR: path.join(work, 'cache') } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(path.join(store, 'mementos.json'), 'utf8')).toBe(before);
    expect(readdirSync(store)).toEqual(['mementos.json']);
  });
});
