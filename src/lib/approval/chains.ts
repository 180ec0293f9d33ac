/**
 * The approval chains, each over the approvals that count (on the head
 * commit, not the author's, by people in the base roles file):
 * - publish (Decision 1624 Art. 11.1 a–d, 9.3): the secretary approves, then
 *   the head of the board or a deputy head authorised to decide on publication;
 * - takedown (Art. 11.1 e): the secretary approves, then a deputy head
 *   authorised to decide on takedowns, or the head;
 * - technical: a technical owner and the head of the board, in any order;
 * - urgent publication: the head of the board alone, the secretary afterwards.
 * Each chain says which steps are done (who, when, on which commit) and what
 * is missing; two steps are always taken by two different people.
 */
import { sameLogin, type Delegation, type DelegationScope, type Roles } from '../schema/governance.ts';
import { deputyAuthority, describeDelegation } from './delegations.ts';
import type { ChecklistItem, Reason } from './input.ts';
import type { Approval } from './reviews.ts';
import { nameOf } from './roles.ts';
import { dayMonthYear, instant, shortSha, vietnamDay, vietnamTime } from './time.ts';

export interface ChainContext {
  roles: Roles;
  /** Approvals that count, oldest first. */
  approvals: Approval[];
  head: string;
  now: string;
}

export interface ChainResult {
  met: boolean;
  checklist: ChecklistItem[];
  /** Why some approvals on the head commit do not count for this chain, or count despite appearances. */
  notes: Reason[];
}

const who = (a: Approval) => nameOf(a.person, a.login);
const onCommit = (a: Approval): Reason => ({
  vi: `lúc ${vietnamTime(a.at)} trên commit ${shortSha(a.commit)}`,
  en: `at ${vietnamTime(a.at)} (Vietnam time) on commit ${shortSha(a.commit)}`,
});
const done = (r: Reason): ChecklistItem => ({ done: true, ...r });
const todo = (r: Reason): ChecklistItem => ({ done: false, ...r });

interface Decider {
  approval: Approval;
  /** Set for a deputy deciding under a delegation. */
  delegation?: Delegation;
}

const wording = {
  publish: {
    submitted: (a: Approval): Reason => ({
      vi: `Thư ký ${who(a)} đã rà soát và trình (duyệt) ${onCommit(a).vi}.`,
      en: `Secretary ${who(a)} reviewed and submitted (approved) ${onCommit(a).en}.`,
    }),
    submitNeeded: (head: string): Reason => ({
      vi: `Cần Thư ký Ban Biên tập rà soát và duyệt trên commit hiện tại ${shortSha(head)} (Quyết định 1624, Điều 11, khoản 1, điểm b–c).`,
      en: `Needed: the editorial secretary's review and approval on the current commit ${shortSha(head)} (Decision 1624, Art. 11.1 b–c).`,
    }),
    decided: { vi: 'đã quyết định đăng tải', en: 'decided to publish' },
    decideNeeded: (head: string): Reason => ({
      vi: `Cần Trưởng Ban, hoặc Phó Trưởng Ban được ủy quyền quyết định đăng tải, duyệt trên commit ${shortSha(head)} sau khi Thư ký đã duyệt (Điều 11, khoản 1, điểm c; Điều 9, khoản 3).`,
      en: `Needed: approval by the head of the board, or a deputy head authorised to decide on publication, on commit ${shortSha(head)} after the secretary's approval (Art. 11.1 c; Art. 9.3).`,
    }),
  },
  takedown: {
    submitted: (a: Approval): Reason => ({
      vi: `Thư ký ${who(a)} đã trình việc gỡ bỏ (duyệt) ${onCommit(a).vi}.`,
      en: `Secretary ${who(a)} submitted the takedown (approved) ${onCommit(a).en}.`,
    }),
    submitNeeded: (head: string): Reason => ({
      vi: `Cần Thư ký Ban Biên tập duyệt để trình việc gỡ bỏ, trên commit hiện tại ${shortSha(head)} (Quyết định 1624, Điều 11, khoản 1, điểm e).`,
      en: `Needed: the editorial secretary's approval submitting the takedown, on the current commit ${shortSha(head)} (Decision 1624, Art. 11.1 e).`,
    }),
    decided: { vi: 'đã quyết định gỡ bỏ', en: 'decided to take the content down' },
    decideNeeded: (head: string): Reason => ({
      vi: `Cần Phó Trưởng Ban được ủy quyền quyết định gỡ bỏ (hoặc Trưởng Ban) duyệt trên commit ${shortSha(head)} sau khi Thư ký đã duyệt (Điều 11, khoản 1, điểm e).`,
      en: `Needed: approval by a deputy head authorised to decide on taking content down (or the head of the board), on commit ${shortSha(head)} after the secretary's approval (Art. 11.1 e).`,
    }),
  },
} satisfies Record<DelegationScope, unknown>;

/** Who may take the decision step for `scope`, and notes on deputies who may not. */
function deciders(ctx: ChainContext, scope: DelegationScope): { deciders: Decider[]; notes: Reason[] } {
  const out: Decider[] = [];
  const notes: Reason[] = [];
  const what = scope === 'publish' ? { vi: 'đăng tải', en: 'publication' } : { vi: 'gỡ bỏ', en: 'taking content down' };
  for (const a of ctx.approvals) {
    if (a.person.roles.includes('board-head')) {
      out.push({ approval: a });
    } else if (a.person.roles.includes('deputy-head')) {
      const authority = deputyAuthority(ctx.roles, a.person, scope, a.at);
      if (authority.ok) {
        out.push({ approval: a, delegation: authority.delegation });
        if (authority.delegation.term.to < vietnamDay(ctx.now)) {
          notes.push({
            vi: `Ủy quyền của Phó Trưởng Ban ${who(a)} (văn bản số ${authority.delegation.letter.number}) đã hết hạn ngày ${dayMonthYear(authority.delegation.term.to)}, nhưng còn hiệu lực lúc người này duyệt (${vietnamTime(a.at)}), nên phê duyệt vẫn được tính.`,
            en: `The delegation of deputy head ${who(a)} (letter ${authority.delegation.letter.number}) ended on ${dayMonthYear(authority.delegation.term.to)}, but was valid when they approved (${vietnamTime(a.at)}), so the approval counts.`,
          });
        }
      } else {
        notes.push({
          vi: `Phó Trưởng Ban ${who(a)} đã duyệt lúc ${vietnamTime(a.at)}, nhưng ${authority.why.vi}; phê duyệt này không được tính là quyết định ${what.vi}.`,
          en: `Deputy head ${who(a)} approved at ${vietnamTime(a.at)}, but ${authority.why.en}; this approval does not count as the decision on ${what.en}.`,
        });
      }
    }
  }
  return { deciders: out, notes };
}

/** Secretary, then (later, someone else) the head or an authorised deputy: publication or takedown. */
export function submitThenDecide(ctx: ChainContext, scope: DelegationScope): ChainResult {
  const words = wording[scope];
  const secretaries = ctx.approvals.filter((a) => a.person.roles.includes('secretary'));
  const found = deciders(ctx, scope);
  const notes = [...found.notes];
  const checklist: ChecklistItem[] = secretaries.length > 0 ? secretaries.map((a) => done(words.submitted(a))) : [todo(words.submitNeeded(ctx.head))];

  // The earliest secretary approval leaves the most room; the decision must come after it, from another person.
  let pair: { secretary: Approval; decider: Decider } | undefined;
  for (const s of secretaries) {
    const d = found.deciders.find((x) => !sameLogin(x.approval.login, s.login) && instant(x.approval.at) > instant(s.at));
    if (d) {
      pair = { secretary: s, decider: d };
      break;
    }
  }

  if (pair) {
    const a = pair.decider.approval;
    const title = pair.decider.delegation
      ? { vi: `Phó Trưởng Ban ${who(a)}, ${describeDelegation(pair.decider.delegation).vi},`, en: `Deputy head ${who(a)}, ${describeDelegation(pair.decider.delegation).en},` }
      : { vi: `Trưởng Ban ${who(a)}`, en: `Head of the board ${who(a)}` };
    checklist.push(
      done({
        vi: `${title.vi} ${words.decided.vi} ${onCommit(a).vi}, sau khi Thư ký trình.`,
        en: `${title.en} ${words.decided.en} ${onCommit(a).en}, after the secretary's submission.`,
      }),
    );
    return { met: true, checklist, notes };
  }

  checklist.push(todo(words.decideNeeded(ctx.head)));
  const firstSecretary = secretaries[0];
  for (const d of found.deciders) {
    const a = d.approval;
    const role = d.delegation ? { vi: 'Phó Trưởng Ban', en: 'Deputy head' } : { vi: 'Trưởng Ban', en: 'Head of the board' };
    if (!firstSecretary) {
      notes.push({
        vi: `${role.vi} ${who(a)} đã duyệt lúc ${vietnamTime(a.at)}, nhưng Thư ký chưa duyệt: quyết định phải có sau khi Thư ký trình (Điều 11, khoản 1, điểm c), nên cần duyệt lại sau Thư ký.`,
        en: `${role.en} ${who(a)} approved at ${vietnamTime(a.at)}, but the secretary has not approved yet: the decision must follow the secretary's submission (Art. 11.1 c), so they must approve again after the secretary.`,
      });
    } else if (secretaries.every((s) => sameLogin(s.login, a.login))) {
      notes.push({
        vi: `${who(a)} vừa là Thư ký vừa là người quyết định; hai bước phải do hai người khác nhau thực hiện.`,
        en: `${who(a)} holds both roles; the two steps must be taken by two different people.`,
      });
    } else {
      notes.push({
        vi: `${role.vi} ${who(a)} đã duyệt lúc ${vietnamTime(a.at)}, trước khi Thư ký duyệt (lúc ${vietnamTime(firstSecretary.at)}): quyết định phải có sau khi Thư ký trình (Điều 11, khoản 1, điểm c), nên cần duyệt lại.`,
        en: `${role.en} ${who(a)} approved at ${vietnamTime(a.at)}, before the secretary's approval (at ${vietnamTime(firstSecretary.at)}): the decision must follow the secretary's submission (Art. 11.1 c), so they must approve again.`,
      });
    }
  }
  return { met: false, checklist, notes };
}

/** A technical owner and the head of the board (two different people), in any order. */
export function ownerAndHead(ctx: ChainContext): ChainResult {
  const owners = ctx.approvals.filter((a) => a.person.roles.includes('technical-owner'));
  const heads = ctx.approvals.filter((a) => a.person.roles.includes('board-head'));
  const pair = owners.flatMap((o) => heads.filter((h) => !sameLogin(h.login, o.login)).map((h) => ({ o, h })))[0];
  const owner = pair?.o ?? owners[0];
  const head = pair?.h ?? heads.find((h) => !owner || !sameLogin(h.login, owner.login));
  const checklist: ChecklistItem[] = [
    owner
      ? done({ vi: `Phụ trách kỹ thuật ${who(owner)} đã duyệt ${onCommit(owner).vi}.`, en: `Technical owner ${who(owner)} approved ${onCommit(owner).en}.` })
      : todo({
          vi: `Cần người phụ trách kỹ thuật (technical-owner) duyệt trên commit hiện tại ${shortSha(ctx.head)}.`,
          en: `Needed: approval by a technical owner on the current commit ${shortSha(ctx.head)}.`,
        }),
    head
      ? done({ vi: `Trưởng Ban ${who(head)} đã duyệt thay đổi kỹ thuật ${onCommit(head).vi}.`, en: `Head of the board ${who(head)} approved the technical change ${onCommit(head).en}.` })
      : todo({
          vi: `Cần Trưởng Ban duyệt trên commit hiện tại ${shortSha(ctx.head)} (Trưởng Ban chịu trách nhiệm về mã nguồn và tệp phân công vai trò; Phó Trưởng Ban không thay được).`,
          en: `Needed: approval by the head of the board on the current commit ${shortSha(ctx.head)} (the head answers for the code and the roles file; a deputy head cannot stand in).`,
        }),
  ];
  const notes: Reason[] = [];
  if (!pair && owners.length > 0 && heads.length > 0) {
    notes.push({
      vi: `${who(heads[0]!)} vừa là người phụ trách kỹ thuật vừa là Trưởng Ban; thay đổi kỹ thuật cần hai người khác nhau duyệt.`,
      en: `${who(heads[0]!)} is both a technical owner and the head of the board; a technical change needs two different people's approval.`,
    });
  }
  return { met: pair !== undefined, checklist, notes };
}

/** Urgent publication: the head of the board's own approval on the head commit; the secretary reviews afterwards. */
export function headAlone(ctx: ChainContext, reason: string): ChainResult {
  const head = ctx.approvals.find((a) => a.person.roles.includes('board-head'));
  const notes: Reason[] = ctx.approvals
    .filter((a) => !head && a.person.roles.includes('deputy-head'))
    .map((a) => ({
      vi: `Phó Trưởng Ban ${who(a)} đã duyệt, nhưng đăng khẩn cấp cần chính Trưởng Ban duyệt (Trưởng Ban chịu trách nhiệm trước Tổng Giám đốc, Điều 7, khoản 2).`,
      en: `Deputy head ${who(a)} approved, but urgent publication needs the head of the board's own approval (the head answers to the General Director, Art. 7.2).`,
    }));
  if (!head) {
    return {
      met: false,
      checklist: [
        todo({
          vi: `Đăng khẩn cấp cần chính Trưởng Ban duyệt trên commit hiện tại ${shortSha(ctx.head)}; Phó Trưởng Ban không thay được.`,
          en: `Urgent publication needs the head of the board's own approval on the current commit ${shortSha(ctx.head)}; a deputy head cannot stand in.`,
        }),
      ],
      notes,
    };
  }
  return {
    met: true,
    checklist: [
      done({
        vi: `Đăng khẩn cấp: Trưởng Ban ${who(head)} đã duyệt ${onCommit(head).vi}. Lý do khẩn cấp: ${reason}`,
        en: `Urgent publication: head of the board ${who(head)} approved ${onCommit(head).en}. Urgent reason: ${reason}`,
      }),
      todo({
        vi: 'Thư ký Ban Biên tập rà soát lại sau khi đăng (bắt buộc với đăng khẩn cấp).',
        en: 'The editorial secretary reviews it after publication (required for urgent publication).',
      }),
    ],
    notes,
  };
}
