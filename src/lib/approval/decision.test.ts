import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalDecision } from './decision.ts';
import { approvalInputSchema, type ApprovalInput, type ApprovalInputSource } from './input.ts';
import { expectationMismatches, readScenario, scenarioFileSchema } from './scenario.ts';

const DIR = 'tests/fixtures/approval';
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, json: JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as unknown }));

const isNfc = (s: string) => s === s.normalize('NFC');

describe('every fixture scenario', () => {
  it('there are at least 25, each with a title in both languages and a valid input', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    for (const f of fixtures) expect(() => scenarioFileSchema.parse(f.json), f.file).not.toThrow();
  });

  it.each(fixtures.map((f) => [f.file, f.json] as const))('%s gives the expected decision and reasons', (_file, json) => {
    const scenario = readScenario(json);
    const decision = approvalDecision(scenario.input);
    expect(expectationMismatches(decision, scenario.expect!)).toEqual([]);
    for (const r of [...decision.reasons, ...decision.checklist]) {
      expect(r.vi.length > 0 && r.en.length > 0).toBe(true);
      expect(isNfc(r.vi) && isNfc(r.en), r.en).toBe(true);
    }
    // Pure: the same input gives the same decision.
    expect(approvalDecision(scenario.input)).toEqual(decision);
  });
});

/** A fixture's input with changes: the base for the focused tests below. */
function variant(file: string, change: (input: ApprovalInputSource) => void): ApprovalInput {
  const json = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as { input: ApprovalInputSource };
  change(json.input);
  return approvalInputSchema.parse(json.input);
}
const HEAD = 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd';
const review = (user: string, state: string, submitted_at: string, commit_id = HEAD) => ({ user, state, commit_id, submitted_at }) as ApprovalInputSource['reviews'][number];

describe('approvalDecision', () => {
  it('needs two different people: a secretary who is also the head cannot take both steps', () => {
    const input = variant('01-content-secretary-then-head.json', (i) => {
      i.roles.base_content = i.roles.base_content!.replace('login: head-an\n    name: Nguyễn Văn An\n    title: { vi: "Phó Tổng Giám đốc, Trưởng Ban Biên tập", en: "Deputy General Director, Head of the Editorial Board" }\n    roles: [board-head]', 'login: head-an\n    name: Nguyễn Văn An\n    title: { vi: "Trưởng Ban", en: "Head" }\n    roles: [board-head, secretary]');
      i.reviews = [review('head-an', 'APPROVED', '2026-11-20T09:00:00+07:00'), review('head-an', 'APPROVED', '2026-11-20T10:00:00+07:00')];
    });
    const d = approvalDecision(input);
    expect(d.decision).toBe('pending');
    expect(d.reasons.some((r) => r.en.includes('holds both roles'))).toBe(true);
  });

  it('a changes-request by a technical owner blocks a technical change only', () => {
    const technical = variant('23-technical-change-owner-and-head.json', (i) => {
      i.reviews.push(review('tech-dung', 'CHANGES_REQUESTED', '2026-11-21T08:00:00+07:00'));
    });
    expect(approvalDecision(technical).decision).toBe('fail');
    const content = variant('01-content-secretary-then-head.json', (i) => {
      i.reviews.push(review('tech-dung', 'CHANGES_REQUESTED', '2026-11-21T08:00:00+07:00'));
    });
    expect(approvalDecision(content).decision).toBe('pass');
  });

  it('ignores reviews still PENDING (not submitted) and matches logins in any letter case', () => {
    const input = variant('01-content-secretary-then-head.json', (i) => {
      i.reviews = [review('Secretary-Huong', 'APPROVED', '2026-11-20T09:30:00+07:00'), review('head-an', 'PENDING', '2026-11-20T10:00:00+07:00'), review('HEAD-AN', 'APPROVED', '2026-11-20T14:15:00+07:00')];
    });
    expect(approvalDecision(input).decision).toBe('pass');
  });

  it('orders reviews by time, not by their place in the list', () => {
    const input = variant('01-content-secretary-then-head.json', (i) => {
      i.reviews = [...i.reviews].reverse();
    });
    expect(approvalDecision(input).decision).toBe('pass');
  });

  it('does not count a decision given at the very same moment as the secretary’s approval', () => {
    const input = variant('01-content-secretary-then-head.json', (i) => {
      i.reviews = [review('secretary-huong', 'APPROVED', '2026-11-20T09:30:00+07:00'), review('head-an', 'APPROVED', '2026-11-20T02:30:00Z')];
    });
    expect(approvalDecision(input).decision).toBe('pending');
  });

  it('treats an edited entry whose texts are missing as a possible takedown', () => {
    const input = variant('18-takedown-withdrawn-decided-by-head.json', (i) => {
      delete i.files[0]!.base_content;
      delete i.files[0]!.head_content;
    });
    const d = approvalDecision(input);
    expect(d.kinds).toEqual(['content', 'takedown']);
    expect(d.reasons.some((r) => r.en.includes('treated as a possible takedown'))).toBe(true);
  });

  it('reads the urgent reason from a list item, in either language, and NFC', () => {
    const input = variant('27-urgent-with-reason-approved-by-head.json', (i) => {
      i.pull_request.labels = ['Khan-Cap'];
      i.pull_request.body = '- Ly do:\n- Lý do khẩn cấp:  đính chính số liệu  \n'.normalize('NFD');
    });
    const d = approvalDecision(input);
    expect(d.decision).toBe('pass');
    expect(d.urgent).toEqual({ reason: 'đính chính số liệu', retrospective_review: true });
  });

  it('fails with the file and line of the first problem when the base roles file is broken', () => {
    const input = variant('01-content-secretary-then-head.json', (i) => {
      i.roles.base_content = 'people:\n  - login: head-an\n    name: An\n    roles: [boss]\n';
    });
    const d = approvalDecision(input);
    expect(d.decision).toBe('fail');
    expect(d.reasons[1]!.en).toContain('content/governance/roles.yml:');
    expect(d.reasons[1]!.vi).toContain('không hợp lệ');
  });
});
