/** The validated roles file (content/governance/roles.yml) with its content hash, read once per build. */
import { ContentError } from '../lib/content/issues.ts';
import { ROLES_FILE, validateRolesFile } from '../lib/content/roles-file.ts';
import { contentDigest } from '../lib/content/digest.ts';
import type { Roles } from '../lib/schema/governance.ts';
import { readContentFile } from '../content-loader/read-content.ts';

let cached: Promise<{ roles: Roles; digest: string }> | undefined;

export function getRoles(): Promise<{ roles: Roles; digest: string }> {
  cached ??= (async () => {
    const { source, issue } = await readContentFile(process.cwd(), ROLES_FILE);
    if (issue) throw new ContentError([issue]);
    if (source === undefined) {
      throw new ContentError([{ file: ROLES_FILE, line: 1, column: 1, field: undefined, vi: `Thiếu tệp ${ROLES_FILE}.`, en: `The file ${ROLES_FILE} is missing.` }]);
    }
    const { roles, issues } = validateRolesFile(source);
    if (!roles) throw new ContentError(issues);
    return { roles, digest: contentDigest(source) };
  })();
  return cached;
}
