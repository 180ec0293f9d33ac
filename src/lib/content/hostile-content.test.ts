/**
 * The hostile corpus (tests/fixtures/hostile/): each file is placed among the
 * real content as content/news/vi/<case>.mdx and run through the real check;
 * it must get exactly the issues in expected.json (file, line, column, field,
 * Vietnamese and English), and none of the code in it may ever run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, HOSTILE, plainIssue } from '../../../tests/fixtures/hostile/corpus.ts';
import { readContentFiles, readPublicFiles } from '../../content-loader/read-content.ts';
import { formatIssue } from './issues.ts';
import { validateContent, type SourceFile } from './validate.ts';

const mdx = corpus('', (name) => name.endsWith('.mdx'));
const expected = mdx.expected;
const cases = mdx.cases.map((f) => f.slice(0, -'.mdx'.length)).sort();

// The payloads write this file or set this global if they ever run.
const work = mkdtempSync(path.join(tmpdir(), 'portal-hostile-'));
const marker = path.join(work, 'ran');
const globals = globalThis as { __hostileRan?: unknown };
let real: SourceFile[];
let staticPaths: Set<string>;

beforeAll(async () => {
  process.env.HOSTILE_MARKER = marker;
  real = (await readContentFiles(process.cwd())).files;
  staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
});

afterAll(() => {
  delete process.env.HOSTILE_MARKER;
  rmSync(work, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
  it('has at least 30 cases, each with its expected issues', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(cases)('%s: refused with exactly the expected issues', (name) => {
    const file = `content/news/vi/${name}.mdx`;
    const source = readFileSync(path.join(HOSTILE, `${name}.mdx`), 'utf8');
    const { entries, issues } = validateContent([...real, { file, source }], { staticPaths });
    expect(issues.map(plainIssue), issues.map(formatIssue).join('\n')).toEqual(expected[name]!.issues);
    expect(issues.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.file === file && e.html.includes('<script'))).toBe(false);
  });

  it('every Vietnamese message is in Unicode NFC and names file, line and column', () => {
    for (const { issues } of Object.values(expected)) {
      for (const i of issues) {
        expect(i.vi).toBe(i.vi.normalize('NFC'));
        expect(i.file).toMatch(/^content\/news\/vi\/[a-z0-9-]+\.mdx$/);
        expect(i.line).toBeGreaterThan(0);
        expect(i.column).toBeGreaterThan(0);
      }
    }
  });

  it('ran none of the code: no marker file, no global', () => {
    expect(existsSync(marker)).toBe(false);
    expect(globals.__hostileRan).toBeUndefined();
  });
});
