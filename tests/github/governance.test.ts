/**
 * `npm run governance -- plan|apply` against a local server that answers with
 * GitHub's REST shapes: the right calls are made, a second apply is a no-op,
 * and what GitHub cannot do for a repository is said, not skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_CHECK, CONTENT_CHECK, GITHUB_ACTIONS_APP_ID } from '../../src/lib/governance/desired.ts';
import { FakeGitHub } from './fake-github.ts';
import { runScript } from './helpers.ts';

/** The agency's own approval app. */
const APP_ID = 987654;
const REPO = 'bhxh-vietnam/cong-thong-tin';

function governanceOn(github: FakeGitHub) {
  return (...args: string[]) => runScript('scripts/governance.ts', args, { env: { ...process.env, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' } });
}

describe('npm run governance', async () => {
  const github = new FakeGitHub();
  const governance = governanceOn(github);

  beforeAll(async () => {
    await github.start();
    // Some labels exist already, one of them with an outdated colour.
    github.state.labels.push({ id: 1, node_id: 'L1', url: '', name: 'decap-cms/draft', color: 'ededed', default: false, description: 'old' });
  });
  afterAll(() => github.stop());

  it('refuses to run until the agency’s approval app is named on the default branch, in both languages', async () => {
    github.state.contents.set('main:.github/governance.yml', 'approval_app_id: null\n');
    const { status, output } = await governance('plan', '--repo', REPO);
    expect(status).toBe(1);
    expect(output).toContain('has no approval_app_id yet');
    expect(output).toContain('chưa có approval_app_id');
    expect(github.writes()).toEqual([]);
  });

  it('refuses GitHub Actions as the approval app, even given by hand', async () => {
    const { status, output } = await governance('plan', '--repo', REPO, '--app-id', String(GITHUB_ACTIONS_APP_ID));
    expect(status).toBe(1);
    expect(output).toContain('15368 is the GitHub Actions app');
  });

  it('plan lists what differs from the live settings, says what GitHub cannot do here, and changes nothing', async () => {
    github.state.contents.set('main:.github/governance.yml', `approval_app_id: ${APP_ID}\n`);
    const { status, output } = await governance('plan', '--repo', REPO);
    expect(status, output).toBe(0);
    expect(output).toContain(`default branch main, ứng dụng phê duyệt / approval app ${APP_ID}`);
    expect(output).toContain('~ protection (không được bảo vệ / not protected)');
    expect(output).toContain('~ environment “editorial-approval”: (chưa có / none) → chỉ nhánh / only branch main');
    expect(output).toContain('~ label “decap-cms/draft”: #ededed “old” → #cfd3d7');
    expect(output).toContain('+ label “decap-cms/pending_review”');
    // A public repository: no push rulesets, and the plan says so.
    expect(output).toContain('Pushes of .github/workflows/** to branches cannot be refused (a public repository)');
    expect(output).toContain('~ ruleset “editorial-archive: kept drafts are never changed”: (chưa có / none) → tag refs/tags/drafts/**: update, deletion, non_fast_forward');
    expect(output).toContain('~ ruleset “editorial-archive: kept drafts come from the archive workflow”: (chưa có / none) → tag refs/tags/drafts/**: creation');
    expect(output).toContain('~ ruleset “editorial-archive: the memento store is never rewritten”: (chưa có / none) → branch refs/heads/luu-tru: deletion, non_fast_forward');
    expect(output).toContain('~ ruleset “editorial-archive: the memento store comes from the publish workflow”: (chưa có / none) → branch refs/heads/luu-tru: creation, update');
    expect(output).toContain('not applied (run apply)');
    expect(github.writes()).toEqual([]);
  });

  it('apply limits both key environments (approval app, archive signing) to main, requires the check from the agency’s app, lets only administrators dismiss reviews, and creates the labels', async () => {
    const { status, output } = await governance('apply', '--repo', REPO);
    expect(status, output).toBe(0);
    const writes = github.writes();
    const repo = `/repos/${REPO}`;
    expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PUT ${repo}/environments/editorial-approval`,
      `POST ${repo}/environments/editorial-approval/deployment-branch-policies`,
      `PUT ${repo}/environments/archive-signing`,
      `POST ${repo}/environments/archive-signing/deployment-branch-policies`,
      `PUT ${repo}/branches/main/protection`,
      `POST ${repo}/rulesets`,
      `POST ${repo}/rulesets`,
      `POST ${repo}/rulesets`,
      `POST ${repo}/rulesets`,
      `PATCH ${repo}/labels/decap-cms%2Fdraft`,
      `POST ${repo}/labels`,
      `POST ${repo}/labels`,
      `POST ${repo}/labels`,
      `POST ${repo}/labels`,
    ]);
    expect(writes[0]!.body).toEqual({ deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } });
    expect(writes[1]!.body).toEqual({ name: 'main', type: 'branch' });
    expect(writes[2]!.body).toEqual(writes[0]!.body);
    expect(writes[3]!.body).toEqual(writes[1]!.body);
    expect(writes[4]!.body).toMatchObject({
      // Only the agency's app: a status any token holder posts, or a check run any workflow posts as GitHub Actions, does not count.
      // The content check: from GitHub Actions, which posts it (pull-request.yml); an editor's token cannot stand in.
      required_status_checks: {
        strict: false,
        checks: [
          { context: APPROVAL_CHECK, app_id: APP_ID },
          { context: CONTENT_CHECK, app_id: GITHUB_ACTIONS_APP_ID },
        ],
      },
      enforce_admins: true,
      required_pull_request_reviews: {
        dismiss_stale_reviews: true,
        require_code_owner_reviews: true,
        required_approving_review_count: 1,
        dismissal_restrictions: { users: [], teams: [], apps: [] },
        bypass_pull_request_allowances: { users: [], teams: [], apps: [] },
      },
      restrictions: null,
      allow_force_pushes: false,
      allow_deletions: false,
    });
    // The kept drafts (refs/tags/drafts/**): nobody updates or deletes them; only GitHub Actions creates them.
    expect(writes[5]!.body).toEqual({
      name: 'editorial-archive: kept drafts are never changed',
      target: 'tag',
      enforcement: 'active',
      conditions: { ref_name: { include: ['refs/tags/drafts/**'], exclude: [] } },
      bypass_actors: [],
      rules: [{ type: 'update' }, { type: 'deletion' }, { type: 'non_fast_forward' }],
    });
    expect(writes[6]!.body).toMatchObject({
      name: 'editorial-archive: kept drafts come from the archive workflow',
      target: 'tag',
      bypass_actors: [{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }],
      rules: [{ type: 'creation' }],
    });
    // The memento store (the luu-tru branch): nobody deletes or rewrites it; only GitHub Actions creates or moves it.
    expect(writes[7]!.body).toEqual({
      name: 'editorial-archive: the memento store is never rewritten',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['refs/heads/luu-tru'], exclude: [] } },
      bypass_actors: [],
      rules: [{ type: 'deletion' }, { type: 'non_fast_forward' }],
    });
    expect(writes[8]!.body).toMatchObject({
      name: 'editorial-archive: the memento store comes from the publish workflow',
      target: 'branch',
      bypass_actors: [{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }],
      rules: [{ type: 'creation' }, { type: 'update' }],
    });
    expect(github.state.labels.map((l) => l.name).sort()).toEqual(
      ['decap-cms/draft', 'decap-cms/pending_publish', 'decap-cms/pending_review', 'retrospective-review', 'urgent'].sort(),
    );
  });

  it('a second apply changes nothing, and plan agrees', async () => {
    const before = github.writes().length;
    const again = await governance('apply', '--repo', REPO);
    expect(again.status).toBe(0);
    expect(again.output).toContain('nothing to change');
    expect(github.writes().length).toBe(before);
    expect((await governance('plan', '--repo', REPO)).output).toContain('nothing to change');
  });

  it('notices settings weakened by hand — the check from GitHub Actions, another branch allowed in the environment — and restores them', async () => {
    const protection = github.state.protection.get('main')!;
    protection.enforce_admins = { url: '', enabled: false };
    protection.required_status_checks!.checks = [{ context: APPROVAL_CHECK, app_id: GITHUB_ACTIONS_APP_ID }];
    // The content check no longer required at all.
    delete protection.required_pull_request_reviews!.dismissal_restrictions;
    github.state.branchPolicies.get('editorial-approval')!.push({ id: 4242, node_id: 'P', name: 'release/*', type: 'branch' });
    github.state.environments.get('archive-signing')!.deployment_branch_policy = null;
    // An administrator lets themselves delete kept drafts.
    const keep = github.state.rulesets.find((r) => r.name === 'editorial-archive: kept drafts are never changed')!;
    keep.bypass_actors = [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }];
    keep.rules = [{ type: 'update' }];
    const plan = (await governance('plan', '--repo', REPO)).output;
    expect(plan).toContain('~ ruleset “editorial-archive: kept drafts are never changed”.bypass_actors: ["RepositoryRole:5:always"] → []');
    expect(plan).toContain('.rules: ["update"] → ["deletion","non_fast_forward","update"]');
    expect(plan).toContain('~ protection enforce_admins: false → true');
    expect(plan).toContain(
      `[{"context":"editorial-approval","app_id":${GITHUB_ACTIONS_APP_ID}}] → [{"context":"editorial-approval","app_id":${APP_ID}},{"context":"content-check","app_id":${GITHUB_ACTIONS_APP_ID}}]`,
    );
    expect(plan).toContain('dismissal_restrictions: (ai có quyền ghi / anyone with write access) → (chỉ quản trị viên / administrators only)');
    expect(plan).toContain('~ environment “editorial-approval”: branch main, branch release/* → chỉ nhánh / only branch main');
    expect(plan).toContain('~ environment “archive-signing”: mọi nhánh / any branch → chỉ nhánh / only branch main');
    const { status, output } = await governance('apply', '--repo', REPO);
    expect(status, output).toBe(0);
    expect(github.state.protection.get('main')!.enforce_admins!.enabled).toBe(true);
    expect(github.state.protection.get('main')!.required_status_checks!.checks).toEqual([
      { context: APPROVAL_CHECK, app_id: APP_ID },
      { context: CONTENT_CHECK, app_id: GITHUB_ACTIONS_APP_ID },
    ]);
    expect(github.state.branchPolicies.get('editorial-approval')!.map((p) => p.name)).toEqual(['main']);
    expect(github.state.environments.get('archive-signing')!.deployment_branch_policy).toEqual({ protected_branches: false, custom_branch_policies: true });
    const restored = github.state.rulesets.find((r) => r.name === 'editorial-archive: kept drafts are never changed')!;
    expect(restored.bypass_actors).toEqual([]);
    expect(restored.rules?.map((r) => r.type)).toEqual(['update', 'deletion', 'non_fast_forward']);
    expect((await governance('plan', '--repo', REPO)).output).toContain('nothing to change');
  });

  it('--app-id overrides the file', async () => {
    const { output } = await governance('plan', '--repo', REPO, '--app-id', '1234');
    expect(output).toContain('approval app 1234');
    expect(output).toContain(`"app_id":${APP_ID}},{"context":"content-check","app_id":${GITHUB_ACTIONS_APP_ID}}] → [{"context":"editorial-approval","app_id":1234},{"context":"content-check","app_id":${GITHUB_ACTIONS_APP_ID}}]`);
  });

  it('says what is wrong with a bad repository name or a missing token, in both languages', async () => {
    expect(await governance('plan', '--repo', 'nope')).toMatchObject({ status: 1 });
    expect((await governance('plan', '--repo', 'nope')).output).toContain('Expected --repo owner/name');
    const noToken = await runScript('scripts/governance.ts', ['plan', '--repo', 'a/b'], { env: { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_API_URL: github.url } });
    expect(noToken.stderr).toContain('A GitHub token is needed in GITHUB_TOKEN');
  });
});

describe('npm run governance on a private repository', async () => {
  const github = new FakeGitHub();
  const governance = governanceOn(github);
  const ruleset = {
    name: 'editorial-approval: workflow files',
    target: 'push',
    enforcement: 'active',
    bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    rules: [{ type: 'file_path_restriction', parameters: { restricted_file_paths: ['.github/workflows/**'] } }],
  };

  beforeAll(async () => {
    await github.start();
    github.state.visibility = 'private';
    github.state.contents.set('main:.github/governance.yml', `approval_app_id: ${APP_ID}\n`);
  });
  afterAll(() => github.stop());

  it('whose plan has no push rulesets: applies the rest and says plainly what GitHub refused', async () => {
    const { status, output } = await governance('apply', '--repo', REPO);
    expect(status, output).toBe(0);
    expect(output).toContain('Pushes of .github/workflows/** to branches cannot be refused (GitHub refused it: 422');
    expect(output).toContain('applied, except 1 change(s) GitHub refused');
    const push = () => github.state.rulesets.filter((r) => r.target === 'push');
    expect(push()).toEqual([]);
    // The rulesets of the kept drafts and of the memento store are not push rulesets.
    expect(github.state.rulesets.map((r) => r.target)).toEqual(['tag', 'tag', 'branch', 'branch']);
    expect(github.state.protection.has('main')).toBe(true);
  });

  it('whose plan has them: refuses pushes of workflow files by anyone but administrators, once', async () => {
    github.state.pushRulesets = true;
    const { status, output } = await governance('apply', '--repo', REPO);
    expect(status, output).toBe(0);
    expect(output).toContain('ruleset “editorial-approval: workflow files” đã áp dụng / applied');
    const push = github.state.rulesets.filter((r) => r.target === 'push');
    expect(push).toHaveLength(1);
    expect(push[0]).toMatchObject(ruleset);
    const before = github.writes().length;
    expect((await governance('apply', '--repo', REPO)).output).toContain('nothing to change');
    expect(github.writes().length).toBe(before);
  });

  it('puts the ruleset back when it was set to “evaluate” by hand', async () => {
    const push = () => github.state.rulesets.filter((r) => r.target === 'push');
    push()[0]!.enforcement = 'evaluate';
    expect((await governance('plan', '--repo', REPO)).output).toContain('~ ruleset “editorial-approval: workflow files”.enforcement: evaluate → active');
    await governance('apply', '--repo', REPO);
    expect(push()).toHaveLength(1);
    expect(push()[0]!.enforcement).toBe('active');
  });
});

describe('npm run governance on a repository owned by a person', async () => {
  const github = new FakeGitHub();
  const governance = governanceOn(github);

  beforeAll(async () => {
    await github.start();
    github.state.ownerType = 'User';
    github.state.contents.set('main:.github/governance.yml', `approval_app_id: ${APP_ID}\n`);
  });
  afterAll(() => github.stop());

  it('does not send dismissal restrictions GitHub would refuse there, and says what that leaves open', async () => {
    const { status, output } = await governance('apply', '--repo', REPO);
    expect(status, output).toBe(0);
    expect(output).toContain('GitHub cannot restrict who dismisses reviews there');
    const put = github.writes().find((c) => c.method === 'PUT' && c.path.endsWith('/protection'))!;
    expect((put.body as { required_pull_request_reviews: object }).required_pull_request_reviews).not.toHaveProperty('dismissal_restrictions');
  });
});
