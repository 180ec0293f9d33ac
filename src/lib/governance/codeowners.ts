/**
 * `.github/CODEOWNERS`, generated from the roles file: the technical paths
 * (as the approval chain classifies them, src/lib/approval/classify.ts) are
 * owned by the technical owners, so GitHub asks for their review there; the
 * content paths have no code owner (the editorial chain governs them).
 */
import type { Roles } from '../schema/governance.ts';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

export function codeowners(roles: Roles, rolesFile: string): string {
  const owners = roles.people.filter((p) => p.roles.includes('technical-owner')).map((p) => `@${p.login}`);
  if (owners.length === 0) throw new Error(`${rolesFile}: no technical-owner, so nobody could own the technical paths.`);
  const all = owners.join(' ');
  return [
    `# Generated from ${rolesFile} by \`npm run governance -- codeowners\`; do not edit.`,
    '# The last matching line wins. Technical paths need a technical owner’s review;',
    '# content paths have no code owner: the editorial-approval check governs them.',
    `* ${all}`,
    '/content/',
    `/content/governance/ ${all}`,
    `/content/site.yml ${all}`,
    '/public/media/',
    '/public/files/',
    '/docs/',
    '/*.md',
    '',
  ].join('\n');
}
