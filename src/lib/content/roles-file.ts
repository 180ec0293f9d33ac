/**
 * The roles file, `content/governance/roles.yml`: checked like every settings
 * file (encoding, YAML, schema, with lines), by the content check, by the
 * build's editorial-board page and by the editorial-approval check.
 */
import { rolesSchema, type Roles } from '../schema/governance.ts';
import type { ContentIssue } from './issues.ts';
import { validateYamlFile } from './yaml-file.ts';

export const ROLES_FILE = 'content/governance/roles.yml';

/** The roles, when the file is valid, and every problem found in it. */
export function validateRolesFile(source: string, file: string = ROLES_FILE): { roles?: Roles; issues: ContentIssue[] } {
  const { value, issues } = validateYamlFile(file, source, rolesSchema);
  return { roles: issues.length === 0 ? value : undefined, issues };
}
