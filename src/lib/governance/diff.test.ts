import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { desiredLabels, desiredProtection } from './desired.ts';
import { asSettings, labelChanges, protectionChanges, type LiveProtection } from './diff.ts';

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
    const changes = protectionChanges(live, desiredProtection());
    expect(changes).toContain('required_status_checks.strict: true → false');
    expect(changes.some((c) => c.startsWith('required_status_checks.checks: [{"context":"foo/bar"'))).toBe(true);
    expect(changes).toContain('required_pull_request_reviews.require_code_owner_reviews: false → true');
    expect(changes.some((c) => c.startsWith('enforce_admins'))).toBe(false);
    expect(protectionChanges(null, desiredProtection())[0]).toContain('not protected');
  });

  it('is unchanged when live equals desired', () => {
    const d = desiredProtection();
    const same: LiveProtection = {
      required_status_checks: d.required_status_checks,
      enforce_admins: { enabled: true },
      required_pull_request_reviews: d.required_pull_request_reviews,
      allow_force_pushes: { enabled: false },
      allow_deletions: { enabled: false },
      required_linear_history: { enabled: false },
      required_conversation_resolution: { enabled: false },
    };
    expect(protectionChanges(same, d)).toEqual([]);
    expect(protectionChanges({ ...same, required_pull_request_reviews: { ...d.required_pull_request_reviews, bypass_pull_request_allowances: { users: [{}] } } }, d)).toEqual([
      'required_pull_request_reviews.bypass_pull_request_allowances: (some) → (none)',
    ]);
  });
});

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
