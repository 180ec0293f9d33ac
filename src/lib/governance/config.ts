/**
 * `.github/governance.yml`: the one setting of the approval chain that only
 * the agency knows — the id of its own GitHub App, which posts the
 * `editorial-approval` check. `npm run governance` reads it from the default
 * branch and requires the check from that app alone (docs/approval.md,
 * “Setting up the approval app”).
 */
import { z } from 'zod';
import { validateYamlFile } from '../content/yaml-file.ts';
import { bilingualIssue } from '../schema/fields.ts';
import type { Reason } from '../approval/input.ts';
import { GITHUB_ACTIONS_APP_ID } from './desired.ts';

export const GOVERNANCE_FILE = '.github/governance.yml';

const actionsRefused: Reason = {
  vi: `${GITHUB_ACTIONS_APP_ID} là ứng dụng GitHub Actions, mà mọi workflow trên mọi nhánh đều dùng được; hãy tạo ứng dụng GitHub riêng của cơ quan.`,
  en: `${GITHUB_ACTIONS_APP_ID} is the GitHub Actions app, which every workflow on every branch can use; create the agency’s own GitHub App.`,
};

type AppIdResult = { ok: true; appId: number } | { ok: false; problem: Reason };

const appId = z
  .number()
  .int()
  .positive()
  .refine((id) => id !== GITHUB_ACTIONS_APP_ID, bilingualIssue(actionsRefused.vi, actionsRefused.en))
  .nullable()
  .meta({
    label: { vi: 'Mã ứng dụng phê duyệt (App ID)', en: 'Approval app id (App ID)' },
    hint: {
      vi: 'Số “App ID” trên trang cài đặt của ứng dụng GitHub đăng kiểm tra editorial-approval.',
      en: 'The “App ID” number on the settings page of the GitHub App that posts the editorial-approval check.',
    },
  });

export const governanceConfigSchema = z.strictObject({ approval_app_id: appId });

export type GovernanceConfig = z.infer<typeof governanceConfigSchema>;

/** The approval app's id from the file's text (null when the file is missing), or why it cannot be used. */
export function approvalAppId(source: string | null, branch: string, file: string = GOVERNANCE_FILE): AppIdResult {
  const how = {
    vi: `Tạo ứng dụng GitHub của cơ quan, ghi số App ID vào ${file} (approval_app_id: …) trên nhánh ${branch} qua một pull request kỹ thuật, hoặc chạy với --app-id (xem docs/approval.md).`,
    en: `Create the agency’s GitHub App and write its App ID in ${file} (approval_app_id: …) on ${branch} through a technical pull request, or run with --app-id (see docs/approval.md).`,
  };
  if (source === null) {
    return { ok: false, problem: { vi: `Không có tệp ${file} trên nhánh ${branch}. ${how.vi}`, en: `There is no ${file} on the ${branch} branch. ${how.en}` } };
  }
  const { value, issues } = validateYamlFile(file, source, governanceConfigSchema);
  if (!value || issues.length > 0) {
    const first = issues[0]!;
    const where = `${first.file}:${first.line}:${first.column}${first.field ? ` [${first.field}]` : ''}`;
    return { ok: false, problem: { vi: `${where} (nhánh ${branch}) không hợp lệ: ${first.vi}`, en: `${where} (on the ${branch} branch) is not valid: ${first.en}` } };
  }
  if (value.approval_app_id === null) {
    return {
      ok: false,
      problem: {
        vi: `${file} trên nhánh ${branch} chưa có approval_app_id: kiểm tra editorial-approval chưa có ứng dụng riêng nào đăng, nên chưa thể bắt buộc. ${how.vi}`,
        en: `${file} on the ${branch} branch has no approval_app_id yet: no app of the agency posts the editorial-approval check, so it cannot be required. ${how.en}`,
      },
    };
  }
  return { ok: true, appId: value.approval_app_id };
}

/** The approval app's id given on the command line (`--app-id`). */
export function approvalAppIdOption(text: string): AppIdResult {
  const id = /^[0-9]{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    return {
      ok: false,
      problem: {
        vi: `--app-id cần số App ID của ứng dụng phê duyệt (một số nguyên dương), nhận được “${text}”.`,
        en: `--app-id expects the approval app’s App ID (a positive whole number), got “${text}”.`,
      },
    };
  }
  if (id === GITHUB_ACTIONS_APP_ID) return { ok: false, problem: actionsRefused };
  return { ok: true, appId: id };
}
