/**
 * The hostile draft-tag messages (tests/fixtures/hostile/draft-tags/): each is
 * refused by parseDraftTagMessage with the problem its expected.json names,
 * in both languages, and never throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDraftTagMessage } from './drafts.ts';

const folder = path.resolve(import.meta.dirname, '../../../tests/fixtures/hostile/draft-tags');
const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<string, { why: string; problem: string }>;
const files = readdirSync(folder).filter((f) => f.endsWith('.txt'));

describe('hostile draft tag messages', () => {
  it('every case has its expectation, and there are enough of them', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(`${file}: ${expected[file]?.why}`, () => {
      const parsed = parseDraftTagMessage(readFileSync(path.join(folder, file), 'utf8'));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.problem.en).toContain(expected[file]!.problem);
      expect(parsed.problem.vi.length).toBeGreaterThan(10);
      expect(parsed.problem.vi).not.toBe(parsed.problem.en);
    });
  }
});
