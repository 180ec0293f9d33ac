/**
 * The reviews that count. Only approvals on the current head commit count
 * (Decap CMS force-updates the branch on every save, so an approval of an
 * older commit approved other text); the approval of the pull request's
 * author, or of anyone who authored, co-authored or committed one of its
 * commits, never counts (./commits.ts); people not in the base roles file do
 * not count; dismissed reviews and comments are not approvals. A changes-request from someone whose word
 * matters blocks until that person approves later or it is dismissed.
 */
import { sameLogin, type Person, type RoleName, type Roles } from '../schema/governance.ts';
import { writersOf } from './commits.ts';
import type { ApprovalInput, Reason, Review } from './input.ts';
import { nameOf, personOf } from './roles.ts';
import { instant, shortSha, vietnamTime } from './time.ts';

export interface Approval {
  login: string;
  person: Person;
  /** submitted_at of the review. */
  at: string;
  commit: string;
}

export interface ReviewReading {
  /** Approvals on the head commit by people in the roles file who wrote none of it, oldest first. */
  current: Approval[];
  /** Why other reviews do not count, for the record. */
  notes: Reason[];
  /** Changes-requests still standing from people whose word blocks. */
  blocking: Reason[];
}

/** Reviews oldest first (stable for equal times). */
export function inOrder(reviews: readonly Review[]): Review[] {
  return reviews.map((r, i) => ({ r, i })).sort((a, b) => instant(a.r.submitted_at) - instant(b.r.submitted_at) || a.i - b.i).map((x) => x.r);
}

/**
 * Reads the reviews of `input` against `roles`. `blockers`: the roles whose
 * unresolved changes-request blocks the pull request.
 */
export function readReviews(input: ApprovalInput, roles: Roles, blockers: readonly RoleName[]): ReviewReading {
  const { author, head_sha: head } = input.pull_request;
  const reviews = inOrder(input.reviews);
  const writers = writersOf(input.commits);
  const current: Approval[] = [];
  const notes: Reason[] = [];
  const noted = new Set<string>();
  const once = (key: string, reason: Reason) => {
    if (noted.has(key)) return;
    noted.add(key);
    notes.push(reason);
  };

  for (const r of reviews) {
    const person = personOf(roles, r.user);
    const who = nameOf(person, r.user);
    if (r.state === 'APPROVED' && sameLogin(r.user, author)) {
      once(`author:${r.user}`, {
        vi: `${who} là người tạo pull request; phê duyệt của chính tác giả không được tính.`,
        en: `${who} opened this pull request; the author's own approval never counts.`,
      });
      continue;
    }
    const writer = writers.get(r.user.toLowerCase());
    if (r.state === 'APPROVED' && writer) {
      once(`writer:${r.user.toLowerCase()}`, {
        vi: `${who} ${writer.did.vi} trong pull request này; người đã viết một phần nội dung không được duyệt nó, nên phê duyệt này không được tính.`,
        en: `${who} ${writer.did.en} in this pull request; someone who wrote part of it cannot approve it, so this approval does not count.`,
      });
      continue;
    }
    if (!person) {
      if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') {
        once(`stranger:${r.user.toLowerCase()}`, {
          vi: `${who} không có trong tệp phân công vai trò ${input.roles.path} trên nhánh ${input.pull_request.base_ref}; ý kiến của người này không được tính.`,
          en: `${who} is not in the roles file ${input.roles.path} on the ${input.pull_request.base_ref} branch; their review does not count.`,
        });
      }
      continue;
    }
    if (r.state === 'APPROVED' && r.commit_id === head) {
      current.push({ login: person.login, person, at: r.submitted_at, commit: r.commit_id });
    }
  }

  // Notes about people with a role who have no approval on the head commit.
  const approvedNow = (login: string) => current.some((a) => sameLogin(a.login, login));
  for (const r of reviews) {
    const person = personOf(roles, r.user);
    if (!person || sameLogin(r.user, author) || writers.has(r.user.toLowerCase()) || approvedNow(r.user)) continue;
    const who = nameOf(person, r.user);
    const when = vietnamTime(r.submitted_at);
    if (r.state === 'APPROVED' && r.commit_id !== head) {
      once(`stale:${person.login}`, {
        vi: `${who} đã duyệt commit ${shortSha(r.commit_id)} lúc ${when}, không phải commit hiện tại ${shortSha(head)}: nội dung đã thay đổi sau đó (Decap CMS cập nhật nhánh mỗi lần lưu), nên cần duyệt lại.`,
        en: `${who} approved commit ${shortSha(r.commit_id)} at ${when}, not the current commit ${shortSha(head)}: the content has changed since (Decap CMS updates the branch on every save), so they must approve again.`,
      });
    } else if (r.state === 'DISMISSED') {
      once(`dismissed:${person.login}:${r.submitted_at}`, {
        vi: `Ý kiến của ${who} lúc ${when} đã bị bác bỏ (dismissed) và không được tính.`,
        en: `The review by ${who} at ${when} was dismissed and does not count.`,
      });
    } else if (r.state === 'COMMENTED') {
      once(`comment:${person.login}`, {
        vi: `${who} mới chỉ bình luận (lúc ${when}); bình luận không phải là phê duyệt.`,
        en: `${who} only commented (at ${when}); a comment is not an approval.`,
      });
    }
  }

  return { current, notes, blocking: standingChangeRequests(input, roles, blockers) };
}

/** Each blocker whose latest approving-or-requesting review (any commit) requests changes. */
function standingChangeRequests(input: ApprovalInput, roles: Roles, blockers: readonly RoleName[]): Reason[] {
  const latest = new Map<string, Review>();
  for (const r of inOrder(input.reviews)) {
    if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED') latest.set(r.user.toLowerCase(), r);
  }
  const blocking: Reason[] = [];
  for (const r of latest.values()) {
    const person = personOf(roles, r.user);
    if (r.state !== 'CHANGES_REQUESTED' || !person || sameLogin(r.user, input.pull_request.author)) continue;
    if (!person.roles.some((role) => blockers.includes(role))) continue;
    const who = nameOf(person, r.user);
    blocking.push({
      vi: `${who} đã yêu cầu sửa lúc ${vietnamTime(r.submitted_at)} (commit ${shortSha(r.commit_id)}) và chưa duyệt lại: pull request bị chặn cho đến khi người này duyệt (sau khi đã sửa) hoặc yêu cầu được bác bỏ (dismiss).`,
      en: `${who} requested changes at ${vietnamTime(r.submitted_at)} (commit ${shortSha(r.commit_id)}) and has not approved since: the pull request is blocked until they approve (once the changes are made) or their request is dismissed.`,
    });
  }
  return blocking;
}
