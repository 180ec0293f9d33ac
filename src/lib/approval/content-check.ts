/**
 * The content check of the head commit (the `content-check` commit status of
 * the pull request workflow: the same checks as the build, `npm run
 * check:content`). The approval waits for it: a pull request whose content
 * has not passed cannot be merged, however many people approved it. Failed
 * content blocks (the editor must fix it, which makes a new commit); a check
 * still running or not yet posted keeps the decision pending. Absent from the
 * input (scenarios recorded before the check existed), it is not judged.
 */
import type { ApprovalInput, ChecklistItem, Reason } from './input.ts';
import { shortSha } from './time.ts';

export interface ContentCheckVerdict {
  /** Blocks the pull request: the content failed the check. */
  blocks: Reason[];
  /** Keeps it pending: the check has not finished or was never posted. */
  awaits: Reason[];
  checklist: ChecklistItem[];
}

const where = 'Xem kết quả ở mục “content-check” trong phần kiểm tra của pull request (Details), hoặc nút xem trước trong CMS.';
const whereEn = 'See the result under “content-check” in the pull request’s checks (Details), or the preview button in the CMS.';

export function contentCheckVerdict(input: ApprovalInput): ContentCheckVerdict {
  const state = input.content_check;
  const sha = shortSha(input.pull_request.head_sha);
  if (state === undefined) return { blocks: [], awaits: [], checklist: [] };
  if (state === 'success') {
    return {
      blocks: [],
      awaits: [],
      checklist: [{ done: true, vi: `Kiểm tra nội dung (content-check) đã đạt trên commit ${sha}.`, en: `The content check (content-check) passed on commit ${sha}.` }],
    };
  }
  const reason: Reason =
    state === 'failure'
      ? {
          vi: `Kiểm tra nội dung (content-check) phát hiện lỗi trên commit ${sha}: sửa các lỗi trong bài (trong CMS hoặc trên nhánh của pull request) rồi lưu lại; kiểm tra sẽ chạy lại. ${where}`,
          en: `The content check (content-check) found problems on commit ${sha}: fix them in the entry (in the CMS or on the pull request’s branch) and save again; the check runs again. ${whereEn}`,
        }
      : state === 'pending'
        ? {
            vi: `Kiểm tra nội dung (content-check) đang chạy trên commit ${sha}; phê duyệt được xét lại khi có kết quả.`,
            en: `The content check (content-check) is still running on commit ${sha}; the approval is judged again when it finishes.`,
          }
        : {
            vi: `Chưa có kết quả kiểm tra nội dung (content-check) cho commit ${sha}: quy trình “Pull request” chưa chạy hoặc chưa gửi kết quả. Nếu lâu không có, nhờ người phụ trách kỹ thuật chạy lại quy trình đó.`,
            en: `There is no content check (content-check) result for commit ${sha} yet: the “Pull request” workflow has not run or not reported. If it does not come, ask a technical owner to re-run that workflow.`,
          };
  return {
    blocks: state === 'failure' ? [reason] : [],
    awaits: state === 'failure' ? [] : [reason],
    checklist: [{ done: false, vi: reason.vi, en: reason.en }],
  };
}
