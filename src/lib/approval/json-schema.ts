/**
 * The published JSON Schema of approval scenarios
 * (docs/approval-scenario.schema.json), generated from the zod schema in
 * input.ts, the single source; a unit test fails when the file is stale.
 */
import { z } from 'zod';
import { approvalInputSchema } from './input.ts';

export const APPROVAL_SCHEMA_FILE = 'docs/approval-scenario.schema.json';

/** The JSON Schema text, as written to APPROVAL_SCHEMA_FILE. */
export function approvalScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(approvalInputSchema, { io: 'input' });
  const document = {
    $schema: schema.$schema,
    $comment: 'Generated from src/lib/approval/input.ts by scripts/approval-schema.ts; do not edit by hand.',
    title: 'Editorial-approval scenario / Tình huống phê duyệt biên tập',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
