/**
 * The words for a decision's outcome, in one place: the headline that opens
 * its reasons, the short result of the check run's title and the comment, and
 * how a chain whose approvals are all present is described. A complete chain
 * is only "fully approved" when the whole pull request passes; when something
 * else blocks it or is still awaited, its line says so, so that no line ever
 * contradicts the headline (headline.test.ts runs every scenario).
 */
import type { ChangeKind } from './classify.ts';
import type { ApprovalDecision, Reason } from './input.ts';

export type Outcome = ApprovalDecision['decision'];

/** The first reason of every decision. */
export const headlines: Record<Outcome, Reason> = {
  pass: { vi: 'Đủ phê duyệt: có thể hợp nhất (merge).', en: 'All required approvals are present: this can be merged.' },
  pending: { vi: 'Đang chờ: chưa thể hợp nhất (merge) cho đến khi xong các bước còn thiếu dưới đây.', en: 'Waiting: this cannot be merged until the missing steps below are done.' },
  fail: { vi: 'Bị chặn: chưa thể hợp nhất (merge).', en: 'Blocked: this cannot be merged.' },
};

/** The result in a few words: the check run's title and the comment's "Kết quả / Result". */
export const results: Record<Outcome, Reason> = {
  pass: { vi: 'Đủ phê duyệt', en: 'Approved' },
  pending: { vi: 'Đang chờ', en: 'Waiting' },
  fail: { vi: 'Bị chặn', en: 'Blocked' },
};

/** Who took the steps of a complete chain, per kind of change. */
const stepsTaken: Record<ChangeKind, { what: Reason; who: Reason }> = {
  content: {
    what: { vi: 'đăng nội dung', en: 'Publication' },
    who: {
      vi: 'Thư ký đã trình, người có thẩm quyền đã quyết định (Quyết định 1624, Điều 11, khoản 1, điểm a–d)',
      en: 'the secretary submitted and someone with authority decided (Decision 1624, Art. 11.1 a–d)',
    },
  },
  takedown: {
    what: { vi: 'gỡ bỏ nội dung đã đăng', en: 'Taking the content down' },
    who: { vi: 'Thư ký đã trình, người có thẩm quyền đã quyết định (Điều 11, khoản 1, điểm e)', en: 'the secretary submitted and someone with authority decided (Art. 11.1 e)' },
  },
  technical: {
    what: { vi: 'thay đổi kỹ thuật', en: 'The technical change' },
    who: { vi: 'người phụ trách kỹ thuật và Trưởng Ban', en: 'a technical owner and the head of the board' },
  },
};

/** The line for a chain whose approvals are all present, worded for the outcome of the whole decision. */
export function chainComplete(kind: ChangeKind, outcome: Outcome): Reason {
  const { what, who } = stepsTaken[kind];
  if (outcome === 'pass') {
    // Kept word for word: archived publication records quote it.
    if (kind === 'technical') return { vi: `Đủ phê duyệt cho ${what.vi}: ${who.vi}.`, en: `${what.en} is fully approved: ${who.en}.` };
    return { vi: `Đủ phê duyệt để ${what.vi}: ${who.vi}.`, en: `${what.en} is fully approved: ${who.en}.` };
  }
  const but =
    outcome === 'fail'
      ? { vi: 'nhưng pull request vẫn bị chặn vì lý do nêu ở trên', en: 'but the pull request is held back for the reasons above' }
      : { vi: 'nhưng pull request còn chờ các bước thiếu nêu ở trên', en: 'but the pull request still awaits the missing steps above' };
  return {
    vi: `Các bước phê duyệt để ${what.vi} đã có (${who.vi}), ${but.vi}.`,
    en: `The approvals for ${what.en.charAt(0).toLowerCase()}${what.en.slice(1)} are present (${who.en}), ${but.en}.`,
  };
}

/** The line for an urgent publication decided by the head of the board alone. */
export function urgentDecided(reason: string, outcome: Outcome): Reason {
  const line = {
    vi: `Đăng khẩn cấp theo quyết định của Trưởng Ban, chưa qua Thư ký; Thư ký Ban Biên tập phải rà soát lại sau khi đăng. Lý do khẩn cấp: ${reason}`,
    en: `Urgent publication on the head of the board's decision, without the secretary's review; the editorial secretary must review it after publication. Urgent reason: ${reason}`,
  };
  if (outcome === 'pass') return line;
  const but =
    outcome === 'fail'
      ? { vi: 'Trưởng Ban đã quyết định đăng khẩn cấp, nhưng pull request vẫn bị chặn vì lý do nêu ở trên.', en: 'The head of the board decided on urgent publication, but the pull request is held back for the reasons above.' }
      : { vi: 'Trưởng Ban đã quyết định đăng khẩn cấp, nhưng pull request còn chờ các bước thiếu nêu ở trên.', en: 'The head of the board decided on urgent publication, but the pull request still awaits the missing steps above.' };
  return { vi: `${but.vi} Lý do khẩn cấp: ${reason}`, en: `${but.en} Urgent reason: ${reason}` };
}
