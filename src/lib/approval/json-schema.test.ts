import { readdirSync, readFileSync } from 'node:fs';
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
    expect(schema.required.sort()).toEqual(['files', 'now', 'pull_request', 'reviews', 'roles']);
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
