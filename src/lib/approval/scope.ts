/**
 * Whether the editorial-approval decision can be made on these facts at all,
 * before any rule is applied. The check speaks for one branch only — the
 * repository's default branch, which is protected and holds the roles file —
 * and it must see every file the pull request changes. Anything else fails
 * closed, and is never posted as a check run on the head commit (which other
 * pull requests from the same head share).
 */
import type { ApprovalInput, Reason } from './input.ts';

/** GitHub lists at most this many files of a pull request (GET …/pulls/{n}/files). */
export const GITHUB_FILE_LIST_LIMIT = 3000;

/**
 * Whether the pull request is known to go into the default branch: the only
 * one the check posts a check run for (a scenario without `default_branch`
 * can be replayed, never posted).
 */
export function intoDefaultBranch(input: ApprovalInput): boolean {
  return input.default_branch !== undefined && input.pull_request.base_ref === input.default_branch;
}

/** Why no decision can be made on these facts, in both languages; empty when it can. */
export function scopeProblems(input: ApprovalInput): Reason[] {
  const problems: Reason[] = [];
  const base = input.pull_request.base_ref;
  const main = input.default_branch;
  if (main !== undefined && base !== main) {
    problems.push({
      vi:
        `Pull request này nhập vào nhánh “${base}”, không phải nhánh mặc định ${main}. Kiểm tra editorial-approval chỉ xét pull request vào nhánh mặc định ${main} ` +
        `(nhánh được bảo vệ, nơi có tệp phân công vai trò), nên không đánh giá pull request này và không gắn kết quả nào lên commit của nó. ` +
        `Muốn đăng, đổi nhánh đích thành ${main} (nút “Edit” cạnh tiêu đề pull request).`,
      en:
        `This pull request goes into the “${base}” branch, not the default branch ${main}. The editorial-approval check only judges pull requests into the default branch ${main} ` +
        `(the protected branch that holds the roles file), so it does not judge this one and posts no result on its commit. ` +
        `To publish, change its base branch to ${main} (the “Edit” button beside the pull request’s title).`,
    });
  }
  const counted = input.pull_request.changed_files;
  if (counted !== undefined && counted !== input.files.length) {
    const listed = input.files.length;
    problems.push({
      vi:
        `GitHub chỉ liệt kê ${listed} trong số ${counted} tệp mà pull request này thay đổi (GitHub liệt kê tối đa ${GITHUB_FILE_LIST_LIMIT.toLocaleString('vi-VN')} tệp), ` +
        'nên không thể biết hết các thay đổi thuộc loại nào và cần ai duyệt: kiểm tra không đạt để an toàn. ' +
        `Tách thành các pull request nhỏ hơn, mỗi pull request dưới ${GITHUB_FILE_LIST_LIMIT.toLocaleString('vi-VN')} tệp.`,
      en:
        `GitHub lists only ${listed} of the ${counted} files this pull request changes (it lists at most ${GITHUB_FILE_LIST_LIMIT.toLocaleString('en-GB')}), ` +
        'so it cannot be known what every change is and whose approval it needs: the check fails to be safe. ' +
        `Split it into smaller pull requests of fewer than ${GITHUB_FILE_LIST_LIMIT.toLocaleString('en-GB')} files each.`,
    });
  }
  return problems;
}
