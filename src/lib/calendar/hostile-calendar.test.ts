/**
 * The hostile holiday calendar files (tests/fixtures/hostile/calendar/):
 * `<target>--<case>.yml` becomes content/calendar/<target>.yml (replacing the
 * real year file when there is one), or content/site.yml for `site--` (its
 * office hours), among the real content, and the real
 * content check must give exactly the issues in the folder's expected.json —
 * file, line, field, Vietnamese and English — and never throw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { readContentFiles, readPublicFiles } from '../../content/read-content.ts';
import { formatIssue } from '../content/issues.ts';
import { SITE_FILE, validateContent, type SourceFile } from '../content/validate.ts';

const { expected, cases } = corpus('calendar');
let real: SourceFile[];
let staticPaths: Set<string>;

beforeAll(async () => {
  real = (await readContentFiles(process.cwd())).files;
  staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
});

describe('the hostile holiday calendar files', () => {
  it('has every case with its expected issues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(11);
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const target = name.split('--')[0]!;
    const file = target === 'site' ? SITE_FILE : `content/calendar/${target}.yml`;
    const source = readFileSync(path.join(HOSTILE, 'calendar', name), 'utf8');
    const { issues } = validateContent([...real.filter((f) => f.file !== file), { file, source }], { staticPaths });
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.file).toBe(file);
  });

  it('every Vietnamese message is in Unicode NFC', () => {
    for (const { issues } of Object.values(expected)) for (const i of issues) expect(i.vi).toBe(i.vi.normalize('NFC'));
  });
});
