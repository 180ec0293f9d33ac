import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { APPROVAL_SCHEMA_FILE, approvalScenarioJsonSchema } from './json-schema.ts';
import { scenarioFileSchema } from './scenario.ts';
import { scenarioTable, withScenarioTable } from './scenario-table.ts';

const stale = 'stale: run node scripts/approval-schema.ts / đã cũ: chạy node scripts/approval-schema.ts';

describe('derived approval docs', () => {
  it('docs/approval-scenario.schema.json is the JSON Schema generated from approvalInputSchema', () => {
    expect(readFileSync(APPROVAL_SCHEMA_FILE, 'utf8'), stale).toBe(approvalScenarioJsonSchema());
  });

  it('describes the input side: labels and body may be left out, the roles path has its default', () => {
    const schema = JSON.parse(approvalScenarioJsonSchema()) as {
      required: string[];
      properties: { pull_request: { required: string[] }; roles: { properties: { path: { default: string } } } };
    };
    expect(schema.required.sort()).toEqual(['commits', 'files', 'now', 'pull_request', 'reviews', 'roles']);
    expect(schema.properties.pull_request.required).not.toContain('labels');
    expect(schema.properties.roles.properties.path.default).toBe('content/governance/roles.yml');
  });

  it('docs/approval.md lists every fixture scenario with its decision', () => {
    const dir = 'tests/fixtures/approval';
    const fixtures = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((file) => ({ file, scenario: scenarioFileSchema.parse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'))) }));
    const doc = readFileSync('docs/approval.md', 'utf8');
    expect(withScenarioTable(doc, scenarioTable(fixtures)), stale).toBe(doc);
  });
});

describe('the published JSON Schema, read by a standard validator (as an auditor would)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(APPROVAL_SCHEMA_FILE, 'utf8')) as object);
  const dir = 'tests/fixtures/approval';

  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('accepts the input of %s', (file) => {
    const { input } = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { input: unknown };
    expect(validate(input) ? [] : validate.errors).toEqual([]);
  });

  it('refuses a scenario with a review state GitHub does not have, or no head commit', () => {
    const { input } = JSON.parse(readFileSync(`${dir}/01-content-secretary-then-head.json`, 'utf8')) as { input: { reviews: { state: string }[]; pull_request: Record<string, unknown> } };
    expect(validate({ ...input, reviews: [{ ...input.reviews[0], state: 'LGTM' }] })).toBe(false);
    const { head_sha: _gone, ...pr } = input.pull_request;
    expect(validate({ ...input, pull_request: pr })).toBe(false);
  });
});
