/**
 * The publication record of a published revision (`publication.json`, and
 * the git note refs/notes/publication on its commit): who merged it, on whose
 * approval, and the editorial-approval decision re-computed from the same
 * facts the gate used — as they stood when the pull request was merged:
 * reviews given after the merge are left out and the decision is made at
 * the merge time. Roles come only from the base branch's roles file, read by
 * the approval rules themselves (src/lib/approval/roles.ts).
 */
import { approvalDecision } from '../approval/decision.ts';
import type { ApprovalInput, Reason } from '../approval/input.ts';
import { personOf, readBaseRoles } from '../approval/roles.ts';
import { inOrder } from '../approval/reviews.ts';
import { instant } from '../approval/time.ts';
import type { KeptDraftRecord, PublicationRecord } from '../history/revision.ts';
import type { ArchiveFile } from './verify.ts';

export interface MergedPull {
  number: number;
  title: string;
  author: string;
  url: string;
  merged_by?: string | undefined;
  merged_at?: string | undefined;
}

export interface PublicationFacts {
  commit: string;
  /** owner/name. */
  repository: string;
  /** When the archive was made. */
  archivedAt: string;
  archive: { tag: string; files: ArchiveFile[] };
  /** Facts read from GitHub; absent when archiving without GitHub access. */
  github?: {
    /** The pull request that merged the commit; absent when it was pushed without one. */
    pull?: MergedPull;
    /** What the gate decided from, as gathered (gatherApprovalInput). */
    approval?: ApprovalInput;
    /** The editorial-approval check run on the pull request's head commit. */
    checkRunUrl?: string;
  };
  /** Closed pull requests' heads kept by this run (scripts/lib/archive/keep-drafts.ts). */
  drafts?: KeptDraftRecord[];
}

/** Review states that say something about approval (comments do not). */
const RECORDED_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

export const NO_GITHUB_NOTE: Reason = {
  vi: 'Bản lưu trữ được tạo không có quyền truy cập GitHub (thiếu mã GITHUB_TOKEN hoặc tên kho --repo), nên hồ sơ không ghi pull request, người phê duyệt, quyết định phê duyệt và người hợp nhất. Các tệp lưu trữ vẫn đầy đủ.',
  en: 'The archive was made without GitHub access (no GITHUB_TOKEN or no --repo), so the record has no pull request, approvals, approval decision or merger. The archive files are complete.',
};

export const NO_PULL_NOTE: Reason = {
  vi: 'Không có pull request nào đã hợp nhất commit này (commit được đẩy thẳng lên nhánh), nên hồ sơ không có phê duyệt.',
  en: 'No merged pull request brought in this commit (it was pushed to the branch directly), so the record has no approvals.',
};

/** The roles a login holds in the base branch's roles file: `secretary`, `deputy-head,editor`; `none`; `unknown` when the file cannot be read. */
function roleOf(input: ApprovalInput, login: string): string {
  const base = readBaseRoles(input);
  if (!base.ok) return 'unknown';
  return personOf(base.roles, login)?.roles.join(',') ?? 'none';
}

/** The gathered input as the gate saw it at the merge: reviews up to `mergedAt`, decided at `mergedAt`. */
export function inputAtMerge(input: ApprovalInput, mergedAt: string | undefined): ApprovalInput {
  if (!mergedAt) return input;
  const until = instant(mergedAt);
  return { ...input, reviews: input.reviews.filter((r) => instant(r.submitted_at) <= until), now: mergedAt };
}

export function publicationRecord(facts: PublicationFacts): PublicationRecord {
  const { github } = facts;
  const pull = github?.pull;
  const input = pull && github.approval ? inputAtMerge(github.approval, pull.merged_at) : undefined;
  const decision = input ? approvalDecision(input) : undefined;
  const note = !github ? NO_GITHUB_NOTE : !pull ? NO_PULL_NOTE : undefined;
  // Keys in reading order: what, who proposed, who approved, the decision, who merged, the archive.
  return {
    commit: facts.commit,
    repository: facts.repository,
    ...(pull ? { pull_request: { number: pull.number, title: pull.title, author: pull.author, url: pull.url } } : {}),
    approvals: input
      ? inOrder(input.reviews)
          .filter((r) => RECORDED_STATES.has(r.state))
          .map((r) => ({ login: r.user, role: roleOf(input, r.user), state: r.state, submitted_at: r.submitted_at, commit_id: r.commit_id }))
      : [],
    ...(decision ? { decision: { decision: decision.decision, reasons: decision.reasons, ...(github?.checkRunUrl ? { check_run_url: github.checkRunUrl } : {}) } } : {}),
    ...(pull?.merged_by ? { merged_by: pull.merged_by } : {}),
    ...(pull?.merged_at ? { merged_at: pull.merged_at } : {}),
    archived_at: facts.archivedAt,
    archive: { tag: facts.archive.tag, files: facts.archive.files },
    ...(note ? { note } : {}),
    ...(facts.drafts ? { drafts: facts.drafts } : {}),
  };
}
