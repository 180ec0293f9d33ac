/**
 * Scenario files: an approval input saved as JSON, to replay a decision
 * (`npm run approval -- explain --scenario file.json`). A file is either a
 * bare input (docs/approval-scenario.schema.json) or, as in
 * tests/fixtures/approval/, `{ "title", "input", "expect" }`: the input and
 * the decision it must give.
 */
import { z } from 'zod';
import { changeKinds } from './classify.ts';
import { approvalInputSchema, type ApprovalDecision, type ApprovalInput } from './input.ts';

export const scenarioExpectSchema = z
  .strictObject({
    decision: z.enum(['pass', 'fail', 'pending']),
    kinds: z.array(z.enum(changeKinds)).optional().describe('The kinds of change, in order content, takedown, technical.'),
    urgent: z.boolean().optional().describe('Whether the decision carries the urgent (retrospective review) mark.'),
    reasons_en_include: z.array(z.string()).default([]).describe('Texts each found in some English reason.'),
    reasons_vi_include: z.array(z.string()).default([]).describe('Texts each found in some Vietnamese reason.'),
  })
  .describe('What the decision must be.');

export const scenarioFileSchema = z.strictObject({
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }).describe('What the scenario shows.'),
  input: approvalInputSchema,
  expect: scenarioExpectSchema,
});

export type ScenarioExpectation = z.infer<typeof scenarioExpectSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export interface Scenario {
  input: ApprovalInput;
  title?: ScenarioFile['title'];
  expect?: ScenarioExpectation;
}

/** A parsed scenario file of either shape; throws the zod error when it is not valid. */
export function readScenario(json: unknown): Scenario {
  if (json !== null && typeof json === 'object' && 'input' in json && 'expect' in json) {
    const file = scenarioFileSchema.parse(json);
    return { input: file.input, title: file.title, expect: file.expect };
  }
  return { input: approvalInputSchema.parse(json) };
}

/** How `decision` differs from what the scenario expects (empty when it matches). */
export function expectationMismatches(decision: ApprovalDecision, expect: ScenarioExpectation): string[] {
  const out: string[] = [];
  if (decision.decision !== expect.decision) out.push(`decision: expected ${expect.decision}, got ${decision.decision}`);
  if (expect.kinds && JSON.stringify(decision.kinds) !== JSON.stringify(expect.kinds)) {
    out.push(`kinds: expected ${expect.kinds.join(', ') || '(none)'}, got ${decision.kinds.join(', ') || '(none)'}`);
  }
  if (expect.urgent !== undefined && (decision.urgent !== undefined) !== expect.urgent) {
    out.push(`urgent: expected ${expect.urgent ? 'set' : 'not set'}, got ${decision.urgent ? 'set' : 'not set'}`);
  }
  for (const [lang, texts] of [['en', expect.reasons_en_include], ['vi', expect.reasons_vi_include]] as const) {
    for (const t of texts) {
      if (!decision.reasons.some((r) => r[lang].includes(t))) out.push(`reasons (${lang}): none includes “${t}”`);
    }
  }
  return out;
}
