import { describe, expect, it } from 'vitest';
import { rolesSchema } from '../schema/governance.ts';
import { deputyAuthority, describeDelegation, isValidAt } from './delegations.ts';

const roles = rolesSchema.parse({
  people: [
    { login: 'head', name: 'Trưởng Ban', title: { vi: 'Trưởng Ban', en: 'Head' }, roles: ['board-head'] },
    { login: 'both', name: 'Phó Một', title: { vi: 'Phó Trưởng Ban', en: 'Deputy' }, roles: ['deputy-head'] },
    { login: 'takedown-only', name: 'Phó Hai', title: { vi: 'Phó Trưởng Ban', en: 'Deputy' }, roles: ['deputy-head'] },
    { login: 'none', name: 'Phó Ba', title: { vi: 'Phó Trưởng Ban', en: 'Deputy' }, roles: ['deputy-head'] },
    { login: 'renewed', name: 'Phó Bốn', title: { vi: 'Phó Trưởng Ban', en: 'Deputy' }, roles: ['deputy-head'] },
    { login: 'back-dated', name: 'Phó Năm', title: { vi: 'Phó Trưởng Ban', en: 'Deputy' }, roles: ['deputy-head'] },
  ],
  delegations: [
    { to: 'both', letter: { number: '01/UQ-BBT', date: '2026-01-02' }, scope: ['publish', 'takedown'], term: { from: '2026-01-05', to: '2026-12-31' } },
    { to: 'takedown-only', letter: { number: '02/UQ-BBT', date: '2026-01-02' }, scope: ['takedown'], term: { from: '2026-01-05', to: '2026-12-31' } },
    { to: 'renewed', letter: { number: '03/UQ-BBT', date: '2025-01-02' }, scope: ['publish'], term: { from: '2025-01-02', to: '2025-12-31' } },
    { to: 'renewed', letter: { number: '09/UQ-BBT', date: '2026-02-01' }, scope: ['publish'], term: { from: '2026-02-01', to: '2026-12-31' } },
    // Signed on 10 March, with a term written to start on 1 January.
    { to: 'back-dated', letter: { number: '12/UQ-BBT', date: '2026-03-10' }, scope: ['publish', 'takedown'], term: { from: '2026-01-01', to: '2026-12-31' } },
  ],
});
const person = (login: string) => roles.people.find((p) => p.login === login)!;

describe('isValidAt', () => {
  const d = roles.delegations[0]!;
  it('includes both ends of the term, by the calendar day in Vietnam', () => {
    expect(isValidAt(d, '2026-01-05T00:00:00+07:00')).toBe(true);
    expect(isValidAt(d, '2026-01-04T23:59:00+07:00')).toBe(false);
    expect(isValidAt(d, '2026-12-31T23:59:00+07:00')).toBe(true);
    // 17:30 UTC on the 31st is 00:30 on 1 January in Vietnam.
    expect(isValidAt(d, '2026-12-31T17:30:00Z')).toBe(false);
    // 18:00 UTC on the 4th is 01:00 on the 5th in Vietnam.
    expect(isValidAt(d, '2026-01-04T18:00:00Z')).toBe(true);
  });

  it('counts a back-dated term only from the day its letter is dated, in Vietnam time', () => {
    const backDated = roles.delegations.find((x) => x.to === 'back-dated')!;
    expect(isValidAt(backDated, '2026-02-01T09:00:00+07:00')).toBe(false);
    // 16:59 UTC on the 9th is 23:59 on the 9th in Vietnam; 17:30 UTC is 00:30 on the 10th.
    expect(isValidAt(backDated, '2026-03-09T16:59:00Z')).toBe(false);
    expect(isValidAt(backDated, '2026-03-09T17:30:00Z')).toBe(true);
  });
});

describe('deputyAuthority', () => {
  const at = '2026-11-20T10:00:00+07:00';
  it('finds the delegation covering the decision at that moment', () => {
    const a = deputyAuthority(roles, person('both'), 'publish', at);
    expect(a.ok && a.delegation.letter.number).toBe('01/UQ-BBT');
    const renewed = deputyAuthority(roles, person('renewed'), 'publish', at);
    expect(renewed.ok && renewed.delegation.letter.number).toBe('09/UQ-BBT');
  });
  it('says why a deputy may not decide: no delegation, wrong scope, expired, not yet valid', () => {
    const why = (login: string, scope: 'publish' | 'takedown', when: string) => {
      const a = deputyAuthority(roles, person(login), scope, when);
      return a.ok ? undefined : a.why;
    };
    expect(why('none', 'publish', at)).toEqual({ vi: 'người này không có văn bản ủy quyền nào của Trưởng Ban', en: 'they hold no delegation from the head' });
    expect(why('takedown-only', 'publish', at)?.en).toBe('they are only authorised to decide on taking content down (letter 02/UQ-BBT), not on publication');
    expect(why('both', 'publish', '2027-01-01T09:00:00+07:00')?.en).toBe('their delegation to decide on publication (letter 01/UQ-BBT) ended on 31/12/2026, before the approval at 01/01/2027 09:00');
    expect(why('both', 'takedown', '2026-01-04T09:00:00+07:00')?.vi).toBe(
      'ủy quyền quyết định gỡ bỏ (văn bản số 01/UQ-BBT) chỉ có hiệu lực từ ngày 05/01/2026, sau lúc duyệt 04/01/2026 09:00',
    );
    expect(why('renewed', 'publish', '2026-01-15T09:00:00+07:00')?.en).toContain('letter 03/UQ-BBT) ended on 31/12/2025');
    expect(why('back-dated', 'takedown', '2026-02-01T09:00:00+07:00')).toEqual({
      vi: 'văn bản ủy quyền quyết định gỡ bỏ số 12/UQ-BBT ghi ngày 10/03/2026, sau lúc duyệt 01/02/2026 09:00: ủy quyền chỉ được tính từ ngày ký văn bản, dù thời hạn ghi từ ngày 01/01/2026',
      en: 'their letter authorising them to decide on taking content down (letter 12/UQ-BBT) is dated 10/03/2026, after the approval at 01/02/2026 09:00: a delegation counts only from the day its letter is dated, even though its term is written to start on 01/01/2026',
    });
  });
});

describe('describeDelegation', () => {
  it('names the scope, the letter and the term in both languages', () => {
    expect(describeDelegation(roles.delegations[0]!)).toEqual({
      vi: 'được ủy quyền quyết định đăng tải và gỡ bỏ theo văn bản số 01/UQ-BBT ngày 02/01/2026, hiệu lực 05/01/2026 – 31/12/2026',
      en: 'authorised to decide on publication and taking content down by letter 01/UQ-BBT of 02/01/2026, valid 05/01/2026 – 31/12/2026',
    });
  });
});
