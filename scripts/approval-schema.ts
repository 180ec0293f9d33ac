/**
 * node scripts/approval-schema.ts
 *
 * Writes the approval documentation derived from code: the JSON Schema of
 * scenario files (docs/approval-scenario.schema.json, from
 * src/lib/approval/input.ts) and the table of fixture scenarios in
 * docs/approval.md (from tests/fixtures/approval/*.json). Unit tests fail
 * when either is stale.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APPROVAL_SCHEMA_FILE, approvalScenarioJsonSchema } from '../src/lib/approval/json-schema.ts';
import { scenarioFileSchema } from '../src/lib/approval/scenario.ts';
import { scenarioTable, withScenarioTable } from '../src/lib/approval/scenario-table.ts';

const root = process.cwd();
await writeFile(path.join(root, APPROVAL_SCHEMA_FILE), approvalScenarioJsonSchema());
console.log(`approval-schema: wrote ${APPROVAL_SCHEMA_FILE}`);

const dir = path.join(root, 'tests/fixtures/approval');
const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
const fixtures = await Promise.all(
  files.map(async (file) => ({ file, scenario: scenarioFileSchema.parse(JSON.parse(await readFile(path.join(dir, file), 'utf8'))) })),
);
const docFile = path.join(root, 'docs/approval.md');
const updated = withScenarioTable(await readFile(docFile, 'utf8'), scenarioTable(fixtures));
if (updated === undefined) {
  console.error('approval-schema: docs/approval.md has no scenario table markers / thiếu dấu mốc bảng tình huống');
  process.exit(1);
}
await writeFile(docFile, updated);
console.log(`approval-schema: wrote the table of ${fixtures.length} scenarios in docs/approval.md`);
