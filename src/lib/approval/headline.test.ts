import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalDecision } from './decision.ts';
import type { ApprovalDecision } from './input.ts';
import { checkRunOutput, commentBody } from './report.ts';
import { readScenario } from './scenario.ts';

const DIR = 'tests/fixtures/approval';
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, readScenario(JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')))] as const);

type Outcome = ApprovalDecision['decision'];
/** The words by which a line claims an outcome for the whole pull request, in both languages. */
const claims: Record<Outcome, string[]> = {
  pass: ['Đủ phê duyệt', 'fully approved', 'All required approvals are present', 'can be merged', 'có thể hợp nhất'],
  fail: ['Bị chặn', 'Blocked'],
  pending: ['Đang chờ', 'Waiting', 'Chưa đủ phê duyệt', 'not complete yet'],
};
const others = (d: Outcome) => (Object.keys(claims) as Outcome[]).filter((o) => o !== d).flatMap((o) => claims[o]);

describe('the headline agrees with the decision and its reasons, in every scenario', () => {
  it.each(scenarios)('%s', (_file, scenario) => {
    const d = approvalDecision(scenario.input);
    const [headline, ...rest] = d.reasons;
    // The first reason is the headline, and it claims the decision's own outcome.
    expect(claims[d.decision].some((w) => headline!.vi.includes(w) || headline!.en.includes(w)), headline!.en).toBe(true);
    // No other line claims another outcome (a blocked decision never says "fully approved").
    for (const r of rest) {
      for (const w of others(d.decision)) {
        expect(r.vi.includes(w) || r.en.includes(w), `${d.decision}: “${w}” in “${r.vi} / ${r.en}”`).toBe(false);
      }
    }
    // A blocked or pending decision says why; a passing one has nothing left to do but the urgent review afterwards.
    if (d.decision !== 'pass') expect(rest.length).toBeGreaterThan(0);
    if (d.decision === 'pass') expect(d.checklist.filter((i) => !i.done).length).toBe(d.urgent ? 1 : 0);
    // The check run's title and the comment's result are the same outcome as the headline.
    const title = checkRunOutput(d).title;
    expect(claims[d.decision].some((w) => title.includes(w)) || title.includes(d.decision === 'pass' ? 'Approved' : '\u0000'), title).toBe(true);
    for (const w of others(d.decision)) expect(title.includes(w), title).toBe(false);
    const result = commentBody(d).split('\n').find((l) => l.startsWith('**Kết quả:**'))!;
    expect(result).toContain(title.split(' / ')[0]!);
  });
});
