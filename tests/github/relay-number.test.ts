/**
 * The review judge's check of the number a relay run hands over, run as
 * GitHub runs it (bash -eo pipefail, the step's script taken from the
 * workflow file) on every file of tests/fixtures/hostile/relay-number/: a
 * pull request can change the relay it runs, so the file is hostile data.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = 'tests/fixtures/hostile/relay-number';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as {
  relayed_pulls: number[];
  cases: Record<string, { accepted: number } | { refused: string }>;
};
const workflow = parse(readFileSync('.github/workflows/editorial-approval-review.yml', 'utf8')) as {
  jobs: { judge: { steps: { id?: string; run?: string }[] } };
};
const script = workflow.jobs.judge.steps.find((s) => s.id === 'relay')!.run!;
const work = mkdtempSync(path.join(tmpdir(), 'portal-relay-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the step in a fresh folder holding `relay/pr-number.txt` made by `place`. */
function runStep(name: string, place: (file: string) => void) {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'relay'), { recursive: true });
  place(path.join(dir, 'relay', 'pr-number.txt'));
  const output = path.join(dir, 'github-output');
  writeFileSync(output, '');
  // GitHub's toJSON() prints the list with two-space indentation.
  const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', RELAYED_PULLS: JSON.stringify(expected.relayed_pulls, null, 2), GITHUB_OUTPUT: output };
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, output: readFileSync(output, 'utf8'), dir };
}

describe('the relayed pull request number', () => {
  const files = readdirSync(DIR).filter((f) => f !== 'expected.json');

  it('every file in the folder has an expectation, and every expectation a file', () => {
    expect(files.sort()).toEqual(Object.keys(expected.cases).sort());
  });

  it.each(files)('%s', (file) => {
    const want = expected.cases[file]!;
    const r = runStep(file, (to) => copyFileSync(path.join(DIR, file), to));
    if ('accepted' in want) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.output).toBe(`number=${want.accepted}\n`);
    } else {
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(want.refused);
      expect(r.output).toBe('');
    }
    // Nothing in the file was ever run.
    expect(readdirSync(r.dir)).not.toContain('pwned');
  });

  it('refuses a symbolic link or a missing file, in both languages', () => {
    const message = 'Lượt chuyển tiếp không có tệp relay/pr-number.txt / The relayed run has no file relay/pr-number.txt';
    const link = runStep('symlink', (to) => symlinkSync(path.resolve(DIR, 'ok.txt'), to));
    expect([link.status, link.stderr.trim()]).toEqual([1, message]);
    const missing = runStep('missing', () => {});
    expect([missing.status, missing.stderr.trim()]).toEqual([1, message]);
  });
});
