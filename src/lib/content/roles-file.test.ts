import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from './issues.ts';
import { ROLES_FILE, validateRolesFile } from './roles-file.ts';

const real = readFileSync(ROLES_FILE, 'utf8');

/** The one problem a changed roles file must get, as printed. */
function onlyIssue(source: string): string {
  const { roles, issues } = validateRolesFile(source);
  expect(roles).toBeUndefined();
  expect(issues.map(formatIssue)).toHaveLength(1);
  return formatIssue(issues[0]!);
}

describe('the roles file', () => {
  it('in this repository is valid sample data: one head, two deputies (one delegated), a secretary, editors, a technical owner', () => {
    const { roles, issues } = validateRolesFile(real);
    expect(issues).toEqual([]);
    expect(roles!.sample).toBe(true);
    const holding = (role: string) => roles!.people.filter((p) => (p.roles as string[]).includes(role)).length;
    expect([holding('board-head'), holding('deputy-head'), holding('secretary'), holding('technical-owner')]).toEqual([1, 2, 1, 1]);
    expect(holding('editor')).toBeGreaterThanOrEqual(2);
    expect(roles!.delegations.map((d) => d.scope)).toEqual([['publish', 'takedown']]);
    expect(roles!.people.every((p) => p.login.startsWith('sample-'))).toBe(true);
  });

  it('needs exactly one head of the board', () => {
    expect(onlyIssue(real.replace('roles: [board-head]', 'roles: [editor]'))).toBe(
      [
        'content/governance/roles.yml:16:1  [people]  (lỗi / error)',
        '  vi: “people” (Thành viên): Cần đúng một Trưởng Ban (vai trò board-head); hiện chưa có ai.',
        '  en: “people” (People): Exactly one head of the board (role board-head) is needed; there is none.',
      ].join('\n'),
    );
    expect(onlyIssue(real.replace('roles: [editor]', 'roles: [editor, board-head]'))).toContain('There can be only one head of the board (role board-head); sample-nguyen-van-an is already the head.');
  });

  it('delegates only to a listed deputy head', () => {
    expect(onlyIssue(real.replace('  - to: sample-tran-thi-binh', '  - to: sample-vu-thi-huong'))).toContain(
      'content/governance/roles.yml:69:5  [delegations[0].to]  (lỗi / error)\n  vi: “delegations[0].to” (Phó Trưởng Ban được ủy quyền (tài khoản GitHub)): “sample-vu-thi-huong” không phải Phó Trưởng Ban (deputy-head)',
    );
    expect(onlyIssue(real.replace('  - to: sample-tran-thi-binh', '  - to: nobody-here'))).toContain('Nobody with the login “nobody-here” is listed under people.');
  });

  it('lists each login once, whatever the letter case', () => {
    expect(onlyIssue(real.replace('login: sample-do-minh-khoa', 'login: SAMPLE-Tran-Thi-Binh'))).toContain(
      '[people[2].login]  (lỗi / error)\n  vi: “people[2].login” (Tài khoản GitHub): Tài khoản “SAMPLE-Tran-Thi-Binh” đã có ở người thứ 2',
    );
  });

  it('refuses a term that ends before it starts, a bad login, an unknown role or scope', () => {
    expect(onlyIssue(real.replace('to: 2027-12-31', 'to: 2025-12-31'))).toContain('The end date 2025-12-31 is before the start date 2026-01-05.');
    expect(onlyIssue(real.replace('login: sample-ngo-van-hai', 'login: -ngo--hai'))).toContain('Expected a GitHub login');
    expect(onlyIssue(real.replace('roles: [technical-owner]', 'roles: [admin]'))).toContain('“admin” is not allowed. Choose one of: editor (Editor), secretary');
    expect(onlyIssue(real.replace('scope: [publish, takedown]', 'scope: [publish, delete]'))).toContain('Choose one of: publish (publication), takedown (taking content down).');
    expect(onlyIssue(real.replace('scope: [publish, takedown]', 'scope: [takedown, takedown]'))).toContain('The scope “takedown” is listed twice.');
  });

  it('is checked for NFC and YAML like every content file', () => {
    const { issues } = validateRolesFile(real.replace('Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD')));
    expect(issues[0]!.en).toContain('not in Unicode NFC');
    expect(validateRolesFile('people: [').issues[0]!.en).toContain('Invalid YAML');
  });
});
