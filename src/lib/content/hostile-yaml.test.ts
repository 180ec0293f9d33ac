/**
 * The hostile settings files (tests/fixtures/hostile/yaml/): `<target>--<case>.yml`
 * replaces content/site.yml, content/taxonomy.yml or content/governance/roles.yml
 * among the real content and runs the real check; it must get exactly the
 * issues in the folder's expected.json, and never throw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { readContentFiles, readPublicFiles } from '../../content/read-content.ts';
import { formatIssue } from './issues.ts';
import { ROLES_FILE, SITE_FILE, TAXONOMY_FILE, validateContent, type SourceFile } from './validate.ts';

const { expected, cases } = corpus('yaml');
const targets: Record<string, string> = { site: SITE_FILE, taxonomy: TAXONOMY_FILE, roles: ROLES_FILE };
let real: SourceFile[];
let staticPaths: Set<string>;

beforeAll(async () => {
  real = (await readContentFiles(process.cwd())).files;
  staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
});

describe('the hostile settings files', () => {
  it('has every file with its expected issues, each named for the file it replaces', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(expected).sort()).toEqual(cases);
    for (const name of cases) expect(targets[name.split('--')[0]!], name).toBeDefined();
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const file = targets[name.split('--')[0]!]!;
    const source = readFileSync(path.join(HOSTILE, 'yaml', name), 'utf8');
    const { issues } = validateContent([...real.filter((f) => f.file !== file), { file, source }], { staticPaths });
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.file).toBe(file);
  });

  it('every Vietnamese message is in Unicode NFC', () => {
    for (const { issues } of Object.values(expected)) for (const i of issues) expect(i.vi).toBe(i.vi.normalize('NFC'));
  });
});
