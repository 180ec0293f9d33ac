/**
 * The editorial-approval decision for one pull request: a pure function of
 * plain data (input.ts), so every decision can be replayed from a scenario
 * file (docs/approval.md). Decision 1624/QĐ-BHXH Art. 11: the editor
 * proposes, the secretary reviews and submits, the head of the board or an
 * authorised deputy decides; taking content down, the secretary submits and
 * the authorised deputy decides. Only pull requests into the default branch
 * are judged, and roles come only from its roles file.
 */
import type { RoleName } from '../schema/governance.ts';
import { headAlone, ownerAndHead, submitThenDecide, type ChainContext, type ChainResult } from './chains.ts';
import { classifyChanges, describeClassification, type ChangeKind } from './classify.ts';
import { commitProblems } from './commits.ts';
import { contentCheckVerdict } from './content-check.ts';
import { chainComplete, headlines, urgentDecided, type Outcome } from './outcome.ts';
import type { ApprovalDecision, ApprovalInput, ChecklistItem, Reason } from './input.ts';
import { readReviews } from './reviews.ts';
import { readBaseRoles } from './roles.ts';
import { scopeProblems } from './scope.ts';
import { urgentRequest } from './urgent.ts';

function unique(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.vi}\u0000${r.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** NFC in both languages (names and reasons may come in decomposed). */
function nfc<T extends Reason>(r: T): T {
  return { ...r, vi: r.vi.normalize('NFC'), en: r.en.normalize('NFC') };
}

function result(
  decision: ApprovalDecision['decision'],
  reasons: Reason[],
  checklist: ChecklistItem[],
  kinds: ChangeKind[],
  urgent?: ApprovalDecision['urgent'],
): ApprovalDecision {
  const out: ApprovalDecision = { decision, reasons: unique([headlines[decision], ...reasons]).map(nfc), checklist: checklist.map(nfc), kinds };
  if (urgent) out.urgent = { reason: urgent.reason.normalize('NFC'), retrospective_review: true };
  return out;
}

export function approvalDecision(input: ApprovalInput): ApprovalDecision {
  const classification = classifyChanges(input.files, input.roles.path, input.now);
  const { kinds } = classification;
  // Into another branch, or with files GitHub did not list: nothing else can be judged (fail closed).
  const outside = scopeProblems(input);
  if (outside.length > 0) {
    const what = kinds.length > 0 ? [describeClassification(classification)] : [];
    return result('fail', [...outside, ...what], outside.map(({ vi, en }) => ({ done: false, vi, en })), kinds);
  }
  if (kinds.length === 0) {
    return result(
      'pass',
      [{ vi: 'Pull request không thay đổi tệp nào, nên không cần phê duyệt.', en: 'The pull request changes no files, so no approval is needed.' }],
      [],
      kinds,
    );
  }
  const what = describeClassification(classification);

  const base = readBaseRoles(input);
  if (!base.ok) {
    return result('fail', [base.problem, what], [{ done: false, vi: base.problem.vi, en: base.problem.en }], kinds);
  }
  const { roles } = base;

  const blockers: RoleName[] = ['secretary', 'board-head', 'deputy-head', ...(kinds.includes('technical') ? (['technical-owner'] as const) : [])];
  const reviews = readReviews(input, roles, blockers);
  const ctx: ChainContext = { roles, approvals: reviews.current, head: input.pull_request.head_sha, now: input.now };

  const content = contentCheckVerdict(input);
  const fails: Reason[] = [...commitProblems(input), ...reviews.blocking, ...content.blocks];
  const urgent = urgentRequest(input);
  if (urgent.requested && !urgent.reason) {
    fails.push({
      vi:
        `Pull request có nhãn “${urgent.label}” (đăng khẩn cấp) nhưng phần mô tả không nêu lý do. Thêm vào mô tả một dòng bắt đầu bằng “Lý do khẩn cấp:” rồi ghi lý do, ` +
        'ví dụ “Lý do khẩn cấp: đính chính thông tin sai về mức đóng BHXH tự nguyện”, hoặc bỏ nhãn.',
      en:
        `The pull request has the “${urgent.label}” label (urgent publication) but its description gives no reason. Add a line to the description starting with “Urgent reason:” followed by the reason, ` +
        'for example “Urgent reason: correcting wrong information on voluntary contribution rates”, or remove the label.',
    });
  }

  const chains: { kind: ChangeKind; chain: ChainResult }[] = [];
  const notes: Reason[] = [];
  let urgentUsed: string | undefined;
  for (const kind of kinds) {
    if (kind === 'takedown') chains.push({ kind, chain: submitThenDecide(ctx, 'takedown') });
    if (kind === 'technical') chains.push({ kind, chain: ownerAndHead(ctx) });
    if (kind !== 'content') continue;
    const normal = submitThenDecide(ctx, 'publish');
    if (normal.met || !urgent.requested || !urgent.reason) {
      chains.push({ kind, chain: normal });
      if (normal.met && urgent.requested && urgent.reason) {
        notes.push({
          vi: 'Có nhãn đăng khẩn cấp, nhưng quy trình đầy đủ (Thư ký rồi người quyết định) đã hoàn tất, nên không cần rà soát lại sau khi đăng.',
          en: 'The urgent label is set, but the full chain (secretary, then a decision) is complete, so no review after publication is needed.',
        });
      }
      continue;
    }
    const fast = headAlone(ctx, urgent.reason);
    if (fast.met) {
      urgentUsed = urgent.reason;
      chains.push({ kind, chain: fast });
    } else {
      chains.push({ kind, chain: { met: false, checklist: [...fast.checklist, ...normal.checklist], notes: [...fast.notes, ...normal.notes] } });
    }
  }
  if (urgent.requested && urgent.reason && !kinds.includes('content')) {
    notes.push({
      vi: 'Nhãn đăng khẩn cấp chỉ rút gọn quy trình đăng nội dung; gỡ bỏ và thay đổi kỹ thuật vẫn theo quy trình đầy đủ.',
      en: 'The urgent label only shortens the chain for publishing content; takedowns and technical changes follow their full chains.',
    });
  }

  const checklist = [...content.checklist, ...chains.flatMap((c) => c.chain.checklist)];
  const missing = [...content.awaits, ...chains.filter((c) => !c.chain.met).flatMap((c) => c.chain.checklist.filter((i) => !i.done).map(({ vi, en }) => ({ vi, en })))];
  notes.push(...chains.flatMap((c) => c.chain.notes), ...reviews.notes);
  // Fail closed: invented logins could be registered on GitHub by anyone.
  if (roles.sample) {
    fails.push({
      vi:
        `Tệp phân công vai trò ${input.roles.path} trên nhánh ${input.pull_request.base_ref} là dữ liệu mẫu (sample: true): họ tên và tài khoản là giả định, nên không phê duyệt nào được tính. ` +
        'Người phụ trách kỹ thuật và Trưởng Ban thay bằng những người thật của cơ quan và bỏ dòng sample: true.',
      en:
        `The roles file ${input.roles.path} on the ${input.pull_request.base_ref} branch is sample data (sample: true): its people and logins are invented, so no approval can count. ` +
        'The technical owner and the head of the board replace them with the agency’s real people and remove the line sample: true.',
    });
  }

  // The content check is awaited like a missing approval: merging waits for both.
  const decision: Outcome = fails.length > 0 ? 'fail' : chains.every((c) => c.chain.met) && content.awaits.length === 0 ? 'pass' : 'pending';
  // Complete chains are worded for the outcome: never "fully approved" next to "Blocked".
  const held = chains.filter((c) => c.chain.met && !(c.kind === 'content' && urgentUsed)).map((c) => chainComplete(c.kind, decision));
  if (urgentUsed) held.push(urgentDecided(urgentUsed, decision));
  return result(decision, [...fails, ...missing, what, ...held, ...notes], checklist, kinds, decision === 'pass' && urgentUsed ? { reason: urgentUsed, retrospective_review: true } : undefined);
}
