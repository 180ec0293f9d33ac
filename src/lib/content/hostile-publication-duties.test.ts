/**
 * The hostile publication-duties files (tests/fixtures/hostile/publication-duties/):
 * each replaces content/governance/publication-duties.yml among the real
 * content and runs the real content check; it must get exactly the issues in
 * the folder's expected.json, and never throw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { readContentFiles, readPublicFiles } from '../../content/read-content.ts';
import { formatIssue } from './issues.ts';
import { PUBLICATION_DUTIES_FILE } from './publication-duties-file.ts';
import { validateContent, type SourceFile } from './validate.ts';

const { expected, cases } = corpus('publication-duties');
let real: SourceFile[];
let staticPaths: Set<string>;

beforeAll(async () => {
  real = (await readContentFiles(process.cwd())).files;
  staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
});

describe('the hostile publication-duties files', () => {
  it('has every file with its expected issues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const source = readFileSync(path.join(HOSTILE, 'publication-duties', name), 'utf8');
    const { issues } = validateContent([...real.filter((f) => f.file !== PUBLICATION_DUTIES_FILE), { file: PUBLICATION_DUTIES_FILE, source }], { staticPaths });
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.file).toBe(PUBLICATION_DUTIES_FILE);
  });

  it('every Vietnamese message is in Unicode NFC', () => {
    for (const { issues } of Object.values(expected)) for (const i of issues) expect(i.vi).toBe(i.vi.normalize('NFC'));
  });
});
