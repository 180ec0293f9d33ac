import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { desiredLabels, desiredProtection } from './desired.ts';
import { asSettings, labelChanges, protectionChanges, type LiveProtection } from './diff.ts';

/** The agency's approval app (any id but GitHub Actions'). */
const APP = 987654;
const desired = () => desiredProtection(APP, { restrictDismissals: true });

// A response GitHub really sent (recorded by @octokit/fixtures) after protecting a branch.
const require = createRequire(import.meta.url);
const recorded = JSON.parse(readFileSync(require.resolve('@octokit/fixtures/scenarios/api.github.com/branch-protection/normalized-fixture.json'), 'utf8')) as {
  method: string;
  body?: { required_status_checks?: unknown };
  response: LiveProtection;
}[];
const live = recorded.find((r) => r.method === 'put' && r.body?.required_status_checks)!.response;

describe('the live branch protection, as GitHub answers', () => {
  it('reads back as the settings that produced it', () => {
    const s = asSettings(live)!;
    expect(s.required_status_checks.strict).toBe(true);
    expect(s.required_status_checks.checks.map((c) => c.context)).toEqual(['foo/bar']);
    expect(s.enforce_admins).toBe(true);
    expect(s.required_pull_request_reviews.dismiss_stale_reviews).toBe(true);
  });

  it('differs from the portal’s settings exactly where they differ', () => {
    const changes = protectionChanges(live, desired());
    expect(changes).toContain('required_status_checks.strict: true → false');
    expect(changes.some((c) => c.startsWith('required_status_checks.checks: [{"context":"foo/bar"'))).toBe(true);
    expect(changes).toContain('required_pull_request_reviews.require_code_owner_reviews: false → true');
    expect(changes.some((c) => c.startsWith('enforce_admins'))).toBe(false);
    expect(protectionChanges(null, desired())[0]).toContain('not protected');
  });

  it('is unchanged when live equals desired', () => {
    const d = desired();
    const { dismissal_restrictions: _, ...reviews } = d.required_pull_request_reviews;
    const same: LiveProtection = {
      required_status_checks: d.required_status_checks,
      enforce_admins: { enabled: true },
      required_pull_request_reviews: { ...reviews, dismissal_restrictions: { users: [], teams: [], apps: [] } },
      allow_force_pushes: { enabled: false },
      allow_deletions: { enabled: false },
      required_linear_history: { enabled: false },
      required_conversation_resolution: { enabled: false },
    };
    expect(protectionChanges(same, d)).toEqual([]);
    expect(protectionChanges({ ...same, required_pull_request_reviews: { ...same.required_pull_request_reviews, bypass_pull_request_allowances: { users: [{}] } } }, d)).toEqual([
      'required_pull_request_reviews.bypass_pull_request_allowances: (some) → (none)',
    ]);
  });

  it('requires the approval check from the agency’s app (one from GitHub Actions, which every workflow can post, is a change) and the content check from GitHub Actions, which posts it', () => {
    const d = desired();
    expect(d.required_status_checks.checks).toEqual([
      { context: 'editorial-approval', app_id: APP },
      { context: 'content-check', app_id: 15368 },
    ]);
    const fromActions: LiveProtection = {
      ...asLive(d),
      required_status_checks: { strict: false, checks: [{ context: 'editorial-approval', app_id: 15368 }, { context: 'content-check', app_id: 15368 }] },
    };
    expect(protectionChanges(fromActions, d)).toEqual([
      'required_status_checks.checks: [{"context":"editorial-approval","app_id":15368},{"context":"content-check","app_id":15368}] → [{"context":"editorial-approval","app_id":987654},{"context":"content-check","app_id":15368}]',
    ]);
    expect(() => desiredProtection(15368, { restrictDismissals: true })).toThrow(/every workflow/);
  });

  it('says who may dismiss reviews: anyone with write access, named people, or administrators only', () => {
    const d = desired();
    const open = asLive(d);
    delete open.required_pull_request_reviews!.dismissal_restrictions;
    expect(protectionChanges(open, d)).toEqual([
      'required_pull_request_reviews.dismissal_restrictions: (ai có quyền ghi / anyone with write access) → (chỉ quản trị viên / administrators only)',
    ]);
    const named = asLive(d);
    named.required_pull_request_reviews!.dismissal_restrictions = { users: [{ login: 'editor-chau' }], teams: [{ slug: 'editors' }], apps: [] };
    expect(protectionChanges(named, d)).toEqual([
      'required_pull_request_reviews.dismissal_restrictions: editor-chau, team:editors → (chỉ quản trị viên / administrators only)',
    ]);
    // A personal repository cannot restrict it: nothing is asked.
    const personal = desiredProtection(APP, { restrictDismissals: false });
    expect(personal.required_pull_request_reviews.dismissal_restrictions).toBeUndefined();
    expect(protectionChanges(open, personal)).toEqual([]);
  });
});

/** What GitHub would answer after a PUT of `d`. */
function asLive(d: ReturnType<typeof desired>): LiveProtection {
  const { dismissal_restrictions: restrictions, ...reviews } = d.required_pull_request_reviews;
  return {
    required_status_checks: d.required_status_checks,
    enforce_admins: { enabled: d.enforce_admins },
    required_pull_request_reviews: {
      ...reviews,
      ...(restrictions ? { dismissal_restrictions: { users: restrictions.users.map((login) => ({ login })), teams: restrictions.teams.map((slug) => ({ slug })), apps: [] } } : {}),
    },
    allow_force_pushes: { enabled: d.allow_force_pushes },
    allow_deletions: { enabled: d.allow_deletions },
    required_linear_history: { enabled: d.required_linear_history },
    required_conversation_resolution: { enabled: d.required_conversation_resolution },
  };
}

describe('labels', () => {
  it('creates the missing ones and updates changed ones, case-insensitively for colours', () => {
    const want = desiredLabels('urgent', 'retrospective-review');
    const changes = labelChanges([{ name: 'urgent', color: 'B60205', description: want[3]!.description }, { name: 'decap-cms/draft', color: '000000', description: null }], want);
    expect(changes.map((c) => `${c.action} ${c.label.name}`)).toEqual([
      'update decap-cms/draft',
      'create decap-cms/pending_review',
      'create decap-cms/pending_publish',
      'create retrospective-review',
    ]);
  });
});
