import { describe, expect, it } from 'vitest';
import { boardMembers } from './editorial-board.ts';
import { delegationInForce, rolesSchema } from '../schema/governance.ts';

const person = (login: string, roles: string[]) => ({ login, name: login, title: { vi: login, en: login }, roles });
const roles = rolesSchema.parse({
  people: [
    person('ed', ['editor']),
    person('tech', ['technical-owner']),
    person('dep2', ['deputy-head']),
    person('sec', ['editor', 'secretary']),
    person('head', ['board-head']),
    person('dep1', ['deputy-head', 'technical-owner']),
  ],
  delegations: [
    { to: 'dep1', letter: { number: '1/UQ', date: '2026-01-01' }, scope: ['publish'], term: { from: '2026-01-01', to: '2026-06-30' } },
    { to: 'dep1', letter: { number: '2/UQ', date: '2026-06-20' }, scope: ['publish', 'takedown'], term: { from: '2026-07-01', to: '2026-12-31' } },
  ],
});

describe('boardMembers', () => {
  it('lists the head, deputies, secretary, then editors, each once, leaving out technical owners with no editorial role', () => {
    const list = boardMembers(roles, '2026-11-22');
    expect(list.map((m) => m.person.login)).toEqual(['head', 'dep2', 'dep1', 'sec', 'ed']);
    expect(list.find((m) => m.person.login === 'sec')!.roles).toEqual(['secretary', 'editor']);
    expect(list.find((m) => m.person.login === 'dep1')!.roles).toEqual(['deputy-head', 'technical-owner']);
  });

  it('shows a deputy’s delegations in force on the day', () => {
    const letters = (today: string) => boardMembers(roles, today).find((m) => m.person.login === 'dep1')!.delegations.map((d) => d.letter.number);
    expect(letters('2026-03-01')).toEqual(['1/UQ']);
    expect(letters('2026-06-30')).toEqual(['1/UQ']);
    expect(letters('2026-07-01')).toEqual(['2/UQ']);
    expect(letters('2027-01-01')).toEqual([]);
  });

  it('counts both ends of a term', () => {
    const d = roles.delegations[0]!;
    expect([delegationInForce(d, '2025-12-31'), delegationInForce(d, '2026-01-01'), delegationInForce(d, '2026-06-30'), delegationInForce(d, '2026-07-01')]).toEqual([false, true, true, false]);
  });

  it('does not reach back before the letter’s date, whatever the term says', () => {
    const backDated = { ...roles.delegations[0]!, letter: { number: '3/UQ', date: '2026-03-10' } };
    expect([delegationInForce(backDated, '2026-01-01'), delegationInForce(backDated, '2026-03-09'), delegationInForce(backDated, '2026-03-10')]).toEqual([false, false, true]);
  });
});
