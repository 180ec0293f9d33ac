/**
 * The hostile Q&A deadline rules (tests/fixtures/hostile/qa-deadlines/): each
 * file replaces content/governance/qa-deadlines.yml among the real content and
 * runs the real content check; it must get exactly the issues in the folder's
 * expected.json, and never throw.
 */
import { describe, expect, it } from 'vitest';
import { realProject, replacedFileCases } from '../../../tests/fixtures/hostile/replaced-file-corpus.ts';
import { formatIssue } from '../content/issues.ts';
import { validateContent } from '../content/validate.ts';
import { QA_DEADLINES_FILE } from './qa-deadlines-file.ts';

describe('the hostile Q&A deadline rules', () => {
  it('the real rules file passes the same check', async () => {
    const { files, staticPaths } = await realProject();
    expect(files.some((f) => f.file === QA_DEADLINES_FILE)).toBe(true);
    const { issues } = validateContent(files, { staticPaths });
    expect(issues.filter((i) => i.file === QA_DEADLINES_FILE).map(formatIssue)).toEqual([]);
  });

  replacedFileCases('qa-deadlines', () => QA_DEADLINES_FILE, { minimum: 5 });
});
