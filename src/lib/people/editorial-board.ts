/**
 * The editorial board as the portal lists it, from the roles file: the head,
 * the deputy heads with the delegations valid today, the secretary, then the
 * editors. Technical owners who hold no editorial role are not board members.
 */
import type { Delegation, Person, RoleName, Roles } from '../schema/governance.ts';
import { delegationInForce, sameLogin } from '../schema/governance.ts';

/** Editorial roles, in the order the board is listed. */
export const boardRoleOrder = ['board-head', 'deputy-head', 'secretary', 'editor'] as const satisfies readonly RoleName[];

export interface BoardMember {
  person: Person;
  /** The person's roles, editorial ones first in board order. */
  roles: RoleName[];
  /** For a deputy head: the head's delegations valid on `today`. */
  delegations: Delegation[];
}

export function boardMembers(roles: Roles, today: string): BoardMember[] {
  const rank = (p: Person) => Math.min(...p.roles.map((r) => (boardRoleOrder as readonly string[]).indexOf(r)).filter((i) => i >= 0));
  const order = (r: RoleName) => {
    const i = (boardRoleOrder as readonly string[]).indexOf(r);
    return i < 0 ? boardRoleOrder.length : i;
  };
  return roles.people
    .map((person, index) => ({ person, index, rank: rank(person) }))
    .filter((m) => Number.isFinite(m.rank))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ person }) => ({
      person,
      roles: [...person.roles].sort((a, b) => order(a) - order(b)),
      delegations: person.roles.includes('deputy-head')
        ? roles.delegations.filter((d) => sameLogin(d.to, person.login) && delegationInForce(d, today))
        : [],
    }));
}
