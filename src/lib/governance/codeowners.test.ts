import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../approval/classify.ts';
import { ROLES_FILE, validateRolesFile } from '../content/roles-file.ts';
import { codeowners, CODEOWNERS_FILE } from './codeowners.ts';

const roles = validateRolesFile(readFileSync(ROLES_FILE, 'utf8')).roles!;
const text = codeowners(roles, ROLES_FILE);

/** The owners GitHub would pick for a path: the last matching line (the patterns used here only). */
function ownersOf(path: string): string[] {
  let owners: string[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...who] = line.split(' ');
    const matches =
      pattern === '*' ||
      (pattern!.endsWith('/') && `/${path}`.startsWith(pattern!)) ||
      pattern === `/${path}` ||
      (pattern === '/*.md' && !path.includes('/') && path.endsWith('.md'));
    if (matches) owners = who;
  }
  return owners;
}

describe('.github/CODEOWNERS', () => {
  it('is the one generated from the roles file (run npm run governance -- codeowners)', () => {
    expect(readFileSync(CODEOWNERS_FILE, 'utf8')).toBe(text);
  });

  it('gives exactly the technical paths of the approval chain to the technical owners', () => {
    const paths = ['src/lib/x.ts', 'scripts/build.ts', '.github/workflows/ci.yml', 'package.json', 'content/governance/roles.yml', 'content/news/vi/a.mdx', 'content/site.yml', 'public/media/news/a.jpg', 'public/files/a.pdf', 'docs/cms.md', 'README.md', 'public/favicon.svg'];
    const technical = new Set(classifyChanges(paths.map((filename) => ({ filename, status: 'modified' as const })), ROLES_FILE, '2026-11-22T10:00:00+07:00').technical);
    const owners = roles.people.filter((p) => p.roles.includes('technical-owner')).map((p) => `@${p.login}`);
    for (const path of paths) expect(ownersOf(path), path).toEqual(technical.has(path) ? owners : []);
  });
});
