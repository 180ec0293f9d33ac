/**
 * The hostile Q&A deadline rules (tests/fixtures/hostile/qa-deadlines/): each
 * file replaces content/governance/qa-deadlines.yml among the real content and
 * runs the real content check; it must get exactly the issues in the folder's
 * expected.json, and never throw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { readContentFiles, readPublicFiles } from '../../content/read-content.ts';
import { formatIssue } from '../content/issues.ts';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { QA_DEADLINES_FILE } from './qa-deadlines-file.ts';

const { expected, cases } = corpus('qa-deadlines');
let real: SourceFile[];
let staticPaths: Set<string>;

beforeAll(async () => {
  real = (await readContentFiles(process.cwd())).files;
  staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
});

describe('the hostile Q&A deadline rules', () => {
  it('has every file with its expected issues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it('the real rules file passes the same check', () => {
    expect(real.some((f) => f.file === QA_DEADLINES_FILE)).toBe(true);
    const { issues } = validateContent(real, { staticPaths });
    expect(issues.filter((i) => i.file === QA_DEADLINES_FILE).map(formatIssue)).toEqual([]);
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const source = readFileSync(path.join(HOSTILE, 'qa-deadlines', name), 'utf8');
    const { issues } = validateContent([...real.filter((f) => f.file !== QA_DEADLINES_FILE), { file: QA_DEADLINES_FILE, source }], { staticPaths });
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('every Vietnamese message is in Unicode NFC', () => {
    for (const { issues } of Object.values(expected)) for (const i of issues) expect(i.vi).toBe(i.vi.normalize('NFC'));
  });
});
