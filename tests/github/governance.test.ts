/**
 * `npm run governance -- plan|apply` against a local server that answers with
 * GitHub's REST shapes: the right calls are made, and a second apply is a no-op.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_CHECK, GITHUB_ACTIONS_APP_ID } from '../../src/lib/governance/desired.ts';
import { FakeGitHub } from './fake-github.ts';
import { runScript } from './helpers.ts';

const github = new FakeGitHub();
let url = '';

beforeAll(async () => {
  url = await github.start();
  // Some labels exist already, one of them with an outdated colour.
  github.state.labels.push({ id: 1, node_id: 'L1', url: '', name: 'decap-cms/draft', color: 'ededed', default: false, description: 'old' });
});
afterAll(() => github.stop());

function governance(...args: string[]) {
  return runScript('scripts/governance.ts', args, { env: { ...process.env, GITHUB_API_URL: url, GITHUB_TOKEN: 'test-token' } });
}

describe('npm run governance', async () => {
  it('plan lists what differs from the live settings and changes nothing', async () => {
    const { status, output } = await governance('plan', '--repo', 'bhxh-vietnam/cong-thong-tin');
    expect(status).toBe(0);
    expect(output).toContain('~ protection (không được bảo vệ / not protected)');
    expect(output).toContain('~ label “decap-cms/draft”: #ededed “old” → #cfd3d7');
    expect(output).toContain('+ label “decap-cms/pending_review”');
    expect(output).toContain('not applied (run apply)');
    expect(github.writes()).toEqual([]);
  });

  it('apply protects the branch as the approval chain needs, and creates the labels', async () => {
    const { status, output } = await governance('apply', '--repo', 'bhxh-vietnam/cong-thong-tin');
    expect(status, output).toBe(0);
    const writes = github.writes();
    expect(writes.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /repos/bhxh-vietnam/cong-thong-tin/branches/main/protection',
      'PATCH /repos/bhxh-vietnam/cong-thong-tin/labels/decap-cms%2Fdraft',
      'POST /repos/bhxh-vietnam/cong-thong-tin/labels',
      'POST /repos/bhxh-vietnam/cong-thong-tin/labels',
      'POST /repos/bhxh-vietnam/cong-thong-tin/labels',
      'POST /repos/bhxh-vietnam/cong-thong-tin/labels',
    ]);
    expect(writes[0]!.body).toMatchObject({
      // The check must come from the GitHub Actions app: a status any token holder posts does not count.
      required_status_checks: { strict: false, checks: [{ context: APPROVAL_CHECK, app_id: GITHUB_ACTIONS_APP_ID }] },
      enforce_admins: true,
      required_pull_request_reviews: {
        dismiss_stale_reviews: true,
        require_code_owner_reviews: true,
        required_approving_review_count: 1,
        bypass_pull_request_allowances: { users: [], teams: [], apps: [] },
      },
      restrictions: null,
      allow_force_pushes: false,
      allow_deletions: false,
    });
    expect(github.state.labels.map((l) => l.name).sort()).toEqual(
      ['decap-cms/draft', 'decap-cms/pending_publish', 'decap-cms/pending_review', 'retrospective-review', 'urgent'].sort(),
    );
  });

  it('a second apply changes nothing, and plan agrees', async () => {
    const before = github.writes().length;
    const again = await governance('apply', '--repo', 'bhxh-vietnam/cong-thong-tin');
    expect(again.status).toBe(0);
    expect(again.output).toContain('nothing to change');
    expect(github.writes().length).toBe(before);
    expect((await governance('plan', '--repo', 'bhxh-vietnam/cong-thong-tin')).output).toContain('nothing to change');
  });

  it('notices a setting weakened by hand, and restores it', async () => {
    github.state.protection.get('main')!.enforce_admins = { url: '', enabled: false };
    expect((await governance('plan', '--repo', 'bhxh-vietnam/cong-thong-tin')).output).toContain('~ protection enforce_admins: false → true');
    await governance('apply', '--repo', 'bhxh-vietnam/cong-thong-tin');
    expect(github.state.protection.get('main')!.enforce_admins!.enabled).toBe(true);
  });

  it('says what is wrong with a bad repository name or a missing token, in both languages', async () => {
    expect(await governance('plan', '--repo', 'nope')).toMatchObject({ status: 1 });
    expect((await governance('plan', '--repo', 'nope')).output).toContain('Expected --repo owner/name');
    const noToken = await runScript('scripts/governance.ts', ['plan', '--repo', 'a/b'], { env: { ...process.env, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_API_URL: url } });
    expect(noToken.stderr).toContain('A GitHub token is needed in GITHUB_TOKEN');
  });
});
