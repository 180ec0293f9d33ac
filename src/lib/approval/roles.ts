/**
 * Who holds which role, read only from the roles file on the base branch —
 * never from the pull request's own version, so a pull request cannot make
 * its author (or anyone else) an approver of itself.
 */
import { isError } from '../content/issues.ts';
import { validateRolesFile } from '../content/roles-file.ts';
import { roleLabels, sameLogin, type Person, type RoleName, type Roles } from '../schema/governance.ts';
import type { ApprovalInput, Reason } from './input.ts';

export type BaseRoles = { ok: true; roles: Roles } | { ok: false; problem: Reason };

/** The roles file of the base branch, or why it cannot be used (naming the file and its first problem). */
export function readBaseRoles(input: ApprovalInput): BaseRoles {
  const { path, base_content: source } = input.roles;
  const branch = input.pull_request.base_ref;
  if (source === null) {
    return {
      ok: false,
      problem: {
        vi: `Không có tệp phân công vai trò ${path} trên nhánh ${branch}, nên không biết ai được duyệt. Thêm tệp này vào nhánh ${branch} (xem docs/approval.md) qua một pull request kỹ thuật.`,
        en: `There is no roles file ${path} on the ${branch} branch, so nobody can be recognised as an approver. Add it to ${branch} (see docs/approval.md) through a technical pull request.`,
      },
    };
  }
  const { roles, issues } = validateRolesFile(source, path);
  const first = issues.find(isError);
  if (!roles || first) {
    const where = `${first?.file ?? path}:${first?.line ?? 1}:${first?.column ?? 1}`;
    return {
      ok: false,
      problem: {
        vi: `Tệp phân công vai trò ${path} trên nhánh ${branch} không hợp lệ, nên không biết ai được duyệt. Lỗi đầu tiên (${where}): ${first?.vi ?? ''} Sửa tệp trên nhánh ${branch} rồi chạy lại kiểm tra.`,
        en: `The roles file ${path} on the ${branch} branch is not valid, so nobody can be recognised as an approver. First problem (${where}): ${first?.en ?? ''} Fix the file on ${branch}, then re-run the check.`,
      },
    };
  }
  return { ok: true, roles };
}

export function personOf(roles: Roles, login: string): Person | undefined {
  return roles.people.find((p) => sameLogin(p.login, login));
}

export function hasRole(person: Person | undefined, role: RoleName): boolean {
  return person?.roles.includes(role) ?? false;
}

/** “Vũ Thị Hương (@login)”: how messages name a person. */
export function nameOf(person: Person | undefined, login: string): string {
  return person ? `${person.name} (@${person.login})` : `@${login}`;
}

/** The person's role that matters for a step, in both languages. */
export function roleName(role: RoleName): Reason {
  return roleLabels[role];
}
