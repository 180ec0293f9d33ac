import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalAppId, approvalAppIdOption, GOVERNANCE_FILE } from './config.ts';

describe('.github/governance.yml', () => {
  it('in this repository, has no app id yet: governance refuses until the agency sets its own', () => {
    const result = approvalAppId(readFileSync(GOVERNANCE_FILE, 'utf8'), 'main');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.en).toContain('has no approval_app_id yet');
      expect(result.problem.vi).toContain('chưa có approval_app_id');
    }
  });

  it('gives the app id when it is set', () => {
    expect(approvalAppId('approval_app_id: 123456\n', 'main')).toEqual({ ok: true, appId: 123456 });
  });

  it('refuses the GitHub Actions app, which every workflow can use', () => {
    const result = approvalAppId('approval_app_id: 15368\n', 'main');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.en).toContain('.github/governance.yml:1:1 [approval_app_id] (on the main branch) is not valid');
      expect(result.problem.en).toContain('15368 is the GitHub Actions app');
      expect(result.problem.vi).toContain('15368 là ứng dụng GitHub Actions');
    }
  });

  it('says what is wrong with a missing file, a wrong type or an unknown key, in both languages', () => {
    for (const [source, en] of [
      [null, 'There is no .github/governance.yml on the main branch'],
      ['approval_app_id: "123"\n', 'approval_app_id'],
      ['approval_app_id: 1\nextra: 2\n', 'extra'],
    ] as const) {
      const result = approvalAppId(source, 'main');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.en).toContain(en);
        expect(result.problem.vi.length).toBeGreaterThan(20);
      }
    }
  });
});

describe('--app-id', () => {
  it('takes a positive whole number, never GitHub Actions’ id', () => {
    expect(approvalAppIdOption('123456')).toEqual({ ok: true, appId: 123456 });
    for (const bad of ['', 'abc', '-5', '0', '1.5', '15368']) expect(approvalAppIdOption(bad).ok, bad).toBe(false);
    const r = approvalAppIdOption('abc');
    if (!r.ok) expect([r.problem.vi, r.problem.en]).toEqual([expect.stringContaining('nhận được “abc”'), expect.stringContaining('got “abc”')]);
  });
});
