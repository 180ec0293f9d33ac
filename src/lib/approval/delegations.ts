/**
 * Whether a deputy head may decide in the head's place (Decision 1624 Art.
 * 9.3, 11.1 c and e; Art. 7.2 b): only under a written delegation from the
 * head that covers the kind of decision (publish, takedown), whose letter is
 * dated on or before the day the deputy approved, and whose term — calendar
 * days in Vietnam, both ends included — contains that day. A term written to
 * start before the letter's date does not make the letter count before it was
 * signed. A delegation that has expired since still covers an approval given
 * while it was in force.
 */
import { delegationInForce, delegationScopes, sameLogin, type Delegation, type DelegationScope, type Person, type Roles } from '../schema/governance.ts';
import type { Reason } from './input.ts';
import { dayMonthYear, vietnamDay, vietnamTime } from './time.ts';

export type Authority = { ok: true; delegation: Delegation } | { ok: false; why: Reason };

/** “văn bản ủy quyền số 01/UQ-BBT ngày 02/01/2026, hiệu lực 05/01/2026 – 31/12/2027”, in both languages. */
export function describeDelegation(d: Delegation): Reason {
  const scope = (l: 'vi' | 'en') => d.scope.map((s) => delegationScopes[s][l]).join(l === 'vi' ? ' và ' : ' and ');
  return {
    vi: `được ủy quyền quyết định ${scope('vi')} theo văn bản số ${d.letter.number} ngày ${dayMonthYear(d.letter.date)}, hiệu lực ${dayMonthYear(d.term.from)} – ${dayMonthYear(d.term.to)}`,
    en: `authorised to decide on ${scope('en')} by letter ${d.letter.number} of ${dayMonthYear(d.letter.date)}, valid ${dayMonthYear(d.term.from)} – ${dayMonthYear(d.term.to)}`,
  };
}

/** True when the delegation is in force on the calendar day in Vietnam at instant `at`. */
export function isValidAt(d: Delegation, at: string): boolean {
  return delegationInForce(d, vietnamDay(at));
}

/**
 * The delegation that lets deputy `person` decide on `scope` at instant `at`,
 * or why there is none (a clause: “they hold no delegation from the head”).
 */
export function deputyAuthority(roles: Roles, person: Person, scope: DelegationScope, at: string): Authority {
  const mine = roles.delegations.filter((d) => sameLogin(d.to, person.login));
  const valid = mine.find((d) => d.scope.includes(scope) && isValidAt(d, at));
  if (valid) return { ok: true, delegation: valid };
  const when = vietnamTime(at);
  const what = delegationScopes[scope];
  const inScope = mine.filter((d) => d.scope.includes(scope));
  if (mine.length === 0) {
    return { ok: false, why: { vi: 'người này không có văn bản ủy quyền nào của Trưởng Ban', en: 'they hold no delegation from the head' } };
  }
  if (inScope.length === 0) {
    const d = mine[0]!;
    const has = (l: 'vi' | 'en') => d.scope.map((s) => delegationScopes[s][l]).join(l === 'vi' ? ' và ' : ' and ');
    return {
      ok: false,
      why: {
        vi: `người này chỉ được ủy quyền quyết định ${has('vi')} (văn bản số ${d.letter.number}), không phải ${what.vi}`,
        en: `they are only authorised to decide on ${has('en')} (letter ${d.letter.number}), not on ${what.en}`,
      },
    };
  }
  const day = vietnamDay(at);
  const unsigned = inScope.filter((d) => d.term.from <= day && day <= d.term.to && day < d.letter.date).sort((a, b) => a.letter.date.localeCompare(b.letter.date))[0];
  if (unsigned) {
    return {
      ok: false,
      why: {
        vi: `văn bản ủy quyền quyết định ${what.vi} số ${unsigned.letter.number} ghi ngày ${dayMonthYear(unsigned.letter.date)}, sau lúc duyệt ${when}: ủy quyền chỉ được tính từ ngày ký văn bản, dù thời hạn ghi từ ngày ${dayMonthYear(unsigned.term.from)}`,
        en: `their letter authorising them to decide on ${what.en} (letter ${unsigned.letter.number}) is dated ${dayMonthYear(unsigned.letter.date)}, after the approval at ${when}: a delegation counts only from the day its letter is dated, even though its term is written to start on ${dayMonthYear(unsigned.term.from)}`,
      },
    };
  }
  const expired = inScope.filter((d) => d.term.to < day).sort((a, b) => b.term.to.localeCompare(a.term.to))[0];
  if (expired) {
    return {
      ok: false,
      why: {
        vi: `ủy quyền quyết định ${what.vi} (văn bản số ${expired.letter.number}) đã hết hạn ngày ${dayMonthYear(expired.term.to)}, trước lúc duyệt ${when}`,
        en: `their delegation to decide on ${what.en} (letter ${expired.letter.number}) ended on ${dayMonthYear(expired.term.to)}, before the approval at ${when}`,
      },
    };
  }
  const future = [...inScope].sort((a, b) => a.term.from.localeCompare(b.term.from))[0]!;
  return {
    ok: false,
    why: {
      vi: `ủy quyền quyết định ${what.vi} (văn bản số ${future.letter.number}) chỉ có hiệu lực từ ngày ${dayMonthYear(future.term.from)}, sau lúc duyệt ${when}`,
      en: `their delegation to decide on ${what.en} (letter ${future.letter.number}) only takes effect on ${dayMonthYear(future.term.from)}, after the approval at ${when}`,
    },
  };
}
