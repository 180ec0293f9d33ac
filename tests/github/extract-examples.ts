/**
 * Copies GitHub's own example responses for the endpoints the portal calls,
 * from the OpenAPI description in `@octokit/openapi`, into
 * tests/github/fixtures/github-examples.json. The fake GitHub server answers
 * with these shapes. Run again when the portal calls a new endpoint, after
 * `npm install --no-save @octokit/openapi` (or with the path of the package
 * unpacked elsewhere, e.g. from `npm pack @octokit/openapi@23.0.2`):
 *   node tests/github/extract-examples.ts [path/to/@octokit/openapi]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const packageDir = process.argv[2] ?? 'node_modules/@octokit/openapi';
const spec = JSON.parse(readFileSync(`${packageDir}/generated/api.github.com.json`, 'utf8')) as {
  info: { version: string };
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { examples?: Record<string, { $ref?: string }> }> }> }>>;
  components: { examples: Record<string, { value: unknown }> };
};
const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as { version: string };

const operations = [
  'pulls/get',
  'pulls/list-files',
  'pulls/list-reviews',
  'checks/create',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'repos/get-content',
  'repos/get-branch-protection',
  'repos/update-branch-protection',
  'issues/list-labels-for-repo',
  'issues/create-label',
  'issues/update-label',
  'issues/add-labels',
  'repos/list-pull-requests-associated-with-commit',
  'repos/create-release',
  'repos/get-release-by-tag',
  'repos/upload-release-asset',
  'repos/get',
  'pulls/list',
  'repos/get-environment',
  'repos/create-or-update-environment',
  'repos/list-deployment-branch-policies',
  'repos/create-deployment-branch-policy',
  'repos/get-repo-rulesets',
  'repos/get-repo-ruleset',
  'repos/create-repo-ruleset',
  'repos/update-repo-ruleset',
];

const out: Record<string, unknown> = {};
for (const [, methods] of Object.entries(spec.paths)) {
  for (const op of Object.values(methods)) {
    if (!operations.includes(op.operationId)) continue;
    const [, ok] = Object.entries(op.responses).find(([status]) => status.startsWith('2'))!;
    const examples = ok.content?.['application/json']?.examples ?? {};
    const first = Object.values(examples)[0];
    const ref = first?.$ref?.replace('#/components/examples/', '');
    if (ref) out[op.operationId] = spec.components.examples[ref]!.value;
  }
}
const missing = operations.filter((o) => !(o in out));
if (missing.length > 0) throw new Error(`no example for ${missing.join(', ')}`);
writeFileSync(
  'tests/github/fixtures/github-examples.json',
  `${JSON.stringify({ source: `@octokit/openapi ${pkg.version} (GitHub REST API ${spec.info.version})`, examples: out }, null, 2)}\n`,
);
console.log(`${Object.keys(out).length} example responses written`);
