/**
 * The hostile uploads (tests/fixtures/hostile/uploads/): each file is checked
 * as if an editor had put it in public/media/, by its content; it must get
 * exactly the issues in the folder's expected.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { formatIssue } from './issues.ts';
import { checkUploadedFile } from './media-type.ts';

const { expected, cases } = corpus('uploads');

describe('the hostile uploads', () => {
  it('has every file with its expected issues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const issues = checkUploadedFile(`public/media/${name}`, readFileSync(path.join(HOSTILE, 'uploads', name)));
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('every message is in NFC Vietnamese and English and names the file', () => {
    for (const [name, { issues }] of Object.entries(expected)) {
      for (const i of issues) {
        expect(i.vi).toBe(i.vi.normalize('NFC'));
        expect(i.file).toBe(`public/media/${name}`);
        expect(i.vi).toContain(name);
        expect(i.en).toContain(name);
      }
    }
  });
});
