/**
 * The publish workflow carries the memento store from deploy to deploy on the
 * `luu-tru` branch: its own shell steps (read from .github/workflows/publish.yml,
 * `npm run memento-store` run from this checkout) against a local origin, over
 * three deploys — the first with no branch yet, the next starting from what
 * the first kept, and one whose build lost the store, refused without
 * touching the branch.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { keepVersion } from '../memento-keep.ts';
import { capturedFile } from '../../scripts/lib/mementos/store.ts';

const root = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), 'portal-memento-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Step = { name?: string; run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync('.github/workflows/publish.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const stepOf = (job: string, name: RegExp) => {
  const step = workflow.jobs[job]!.steps.find((s) => name.test(s.name ?? ''));
  if (!step?.run) throw new Error(`publish.yml: no step ${name} in ${job}`);
  return step.run;
};
const checkoutStep = stepOf('build', /kept page versions/);
const commitStep = stepOf('archive', /Keep the published page versions/);

const git = (cwd: string, args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

const origin = path.join(work, 'origin.git');
git(work, ['init', '--quiet', '--bare', '--initial-branch', 'main', origin]);
const seed = path.join(work, 'seed');
git(work, ['init', '--quiet', '--initial-branch', 'main', seed]);
git(seed, ['-c', 'user.name=T', '-c', 'user.email=t@localhost', 'commit', '--quiet', '--allow-empty', '-m', 'portal']);
git(seed, ['push', '--quiet', origin, 'main']);

let runs = 0;
/** Runs a job's step as Actions would: a fresh clone of the origin (the checkout action with fetch-depth 0), bash, the step's environment. */
function runStep(script: string, env: Record<string, string>) {
  const clone = path.join(work, `run-${++runs}`);
  git(work, ['clone', '--quiet', origin, clone]);
  const npmRun = `"${process.execPath}" "${path.join(root, 'scripts/memento-store.ts')}"`;
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script.replaceAll('npm run memento-store --', npmRun)], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_TOKEN: 'not-a-token', HOME: work, GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One deploy: the build job's step fills a store, the build keeps `versions` in it, the archive job's step commits and pushes it. */
async function deploy(name: string, versions: [string, string, string][], options: { lose?: boolean } = {}) {
  const temp = path.join(work, name);
  mkdirSync(temp, { recursive: true });
  const checkout = runStep(checkoutStep, { RUNNER_TEMP: temp });
  if (checkout.status !== 0) throw new Error(checkout.output);
  const store = path.join(temp, 'memento-store');
  if (options.lose) rmSync(store, { recursive: true, force: true });
  for (const [page, stamp, html] of versions) await keepVersion(store, page, stamp, html);
  return { checkout, commit: runStep(commitStep, { RUNNER_TEMP: temp, DEPLOYED_AT: '2026-12-01T01:00:00Z' }), store };
}

const branchFiles = () => git(origin, ['ls-tree', '-r', '--name-only', 'luu-tru']).split('\n');

describe('the memento store between deploys (publish.yml’s own steps)', () => {
  it('the first deploy starts from an empty store and creates the branch', async () => {
    const first = await deploy('deploy-1', [['/van-ban/x/', '20261201T010000Z', '<p>bản một</p>']]);
    expect(first.checkout.output).toContain('no luu-tru branch yet, the store starts empty');
    expect(first.commit.status, first.commit.output).toBe(0);
    expect(branchFiles()).toEqual(['mementos.json', 'pages/20261201T010000Z/van-ban/x/index.html']);
    expect(git(origin, ['log', '-1', '--format=%cI', 'luu-tru'])).toBe('2026-12-01T01:00:00+00:00');
  });

  it('the next starts from what the first kept, and adds on top of it', async () => {
    const before = git(origin, ['rev-parse', 'luu-tru']);
    const second = await deploy('deploy-2', [['/van-ban/x/', '20261202T010000Z', '<p>bản hai</p>']]);
    expect(second.checkout.output).toMatch(/2 tệp của kho từ nhánh luu-tru \/ store file\(s\) from the luu-tru branch/);
    expect(readFileSync(capturedFile(second.store, '20261201T010000Z', '/van-ban/x/'), 'utf8')).toBe('<p>bản một</p>');
    expect(second.commit.status, second.commit.output).toBe(0);
    expect(git(origin, ['rev-parse', 'luu-tru^'])).toBe(before);
    expect(branchFiles()).toContain('pages/20261202T010000Z/van-ban/x/index.html');
  });

  it('a deploy whose build lost the store is refused in both languages, and the branch stays', async () => {
    const before = git(origin, ['rev-parse', 'luu-tru']);
    const lost = await deploy('deploy-3', [['/van-ban/y/', '20261203T010000Z', '<p>khác</p>']], { lose: true });
    expect(lost.commit.status).not.toBe(0);
    expect(lost.commit.output).toContain('Kho bản lưu chỉ được thêm');
    expect(lost.commit.output).toContain('The memento store only grows');
    expect(git(origin, ['rev-parse', 'luu-tru'])).toBe(before);
  });
});
