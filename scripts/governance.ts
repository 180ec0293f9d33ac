/**
 * npm run governance -- plan|apply --repo owner/name [--app-id N]
 *
 * Makes the approval chain real on GitHub, idempotently, on the repository's
 * default branch: protects it (pull requests only; the `editorial-approval`
 * check from the agency's own approval app — its id from .github/governance.yml
 * on the default branch, or --app-id —; stale reviews dismissed; only
 * administrators may dismiss a review; code owners' review; administrators
 * included, nobody bypasses; no force pushes, no deletion), lets only the
 * default branch use the `editorial-approval` environment that holds the app's
 * key, refuses pushes of `.github/workflows/**` (a push ruleset) where the
 * plan offers it, protects the kept drafts (tag rulesets on refs/tags/drafts/**:
 * nobody updates or deletes them, only GitHub Actions creates them) and the
 * memento store (branch rulesets on luu-tru: nobody deletes or force-pushes it,
 * only GitHub Actions creates or moves it), and
 * creates the editorial flow's labels. `plan` prints the
 * differences from what is live and changes nothing; `apply` makes them; a
 * second `apply` changes nothing. What GitHub cannot do for this repository
 * is said, not skipped silently. Needs a token with administration rights in
 * GITHUB_TOKEN.
 *
 * npm run governance -- codeowners
 *   writes .github/CODEOWNERS from content/governance/roles.yml (merge it
 *   through a pull request like any technical change).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssues } from '../src/lib/content/issues.ts';
import { ROLES_FILE, validateRolesFile } from '../src/lib/content/roles-file.ts';
import type { Reason } from '../src/lib/approval/input.ts';
import { codeowners, CODEOWNERS_FILE } from '../src/lib/governance/codeowners.ts';
import { approvalAppId, approvalAppIdOption, GOVERNANCE_FILE } from '../src/lib/governance/config.ts';
import { desiredLabels, desiredProtection } from '../src/lib/governance/desired.ts';
import { labelChanges, protectionChanges } from '../src/lib/governance/diff.ts';
import { APPROVAL_ENVIRONMENT, environmentChanges, KEY_ENVIRONMENTS } from '../src/lib/governance/environment.ts';
import { desiredArchiveRulesets, refRulesetChanges } from '../src/lib/governance/archive-rulesets.ts';
import { desiredWorkflowRuleset, pushRulesetsPossible, rulesetChanges, WORKFLOW_PATHS, WORKFLOW_RULESET } from '../src/lib/governance/workflow-ruleset.ts';
import { fileAt, githubClient, parseRepo } from './lib/github.ts';
import { applyEnvironment, applyProtection, applyRuleset, liveEnvironment, liveProtection, liveRuleset } from './lib/governance-github.ts';
import { RETROSPECTIVE_LABEL, URGENT_LABEL } from '../src/lib/approval/urgent.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repo: { type: 'string' }, 'app-id': { type: 'string' } },
});
const command = positionals[0];
if (command === 'codeowners') {
  const { roles, issues } = validateRolesFile(await readFile(ROLES_FILE, 'utf8'));
  if (!roles) {
    console.error(formatIssues(issues));
    process.exit(1);
  }
  await writeFile(CODEOWNERS_FILE, codeowners(roles, ROLES_FILE));
  console.log(`governance: đã viết / wrote ${CODEOWNERS_FILE}`);
  process.exit(0);
}
if (command !== 'plan' && command !== 'apply') {
  console.error('Dùng / Usage: npm run governance -- plan|apply --repo owner/name [--app-id N]\n       npm run governance -- codeowners');
  process.exit(2);
}

const both = (r: Reason) => `${r.vi}\n  ${r.en}`;

/** What GitHub cannot do for this repository: said in both languages, never skipped silently. */
const personalRepository: Reason = {
  vi: 'Kho thuộc một tài khoản cá nhân: GitHub không cho giới hạn ai được bác bỏ (dismiss) ý kiến duyệt ở đây, nên ai có quyền ghi cũng bác bỏ được một yêu cầu sửa. Chuyển kho sang một tổ chức (organization) rồi chạy lại.',
  en: 'The repository belongs to a personal account: GitHub cannot restrict who dismisses reviews there, so anyone with write access can dismiss a changes-request. Move it to an organization, then run again.',
};
const noPushRulesets = (why: Reason): Reason => ({
  vi:
    `Không chặn được việc đẩy ${WORKFLOW_PATHS.join(', ')} lên các nhánh (${why.vi}): GitHub chỉ có ruleset đẩy (push ruleset) cho kho riêng tư hoặc nội bộ thuộc gói Team hoặc Enterprise. ` +
    `Một workflow đẩy lên nhánh khác vẫn không lấy được khoá của ứng dụng phê duyệt (môi trường ${APPROVAL_ENVIRONMENT} chỉ cho nhánh mặc định) và kiểm tra chỉ được tính từ ứng dụng đó.`,
  en:
    `Pushes of ${WORKFLOW_PATHS.join(', ')} to branches cannot be refused (${why.en}): GitHub offers push rulesets only for private or internal repositories on the Team or Enterprise plans. ` +
    `A workflow pushed to another branch still cannot get the approval app's key (the ${APPROVAL_ENVIRONMENT} environment allows the default branch only), and the check counts only from that app.`,
});

try {
  const where = parseRepo(values.repo);
  const octokit = githubClient();
  const { data: repository } = await octokit.rest.repos.get({ ...where });
  const branch = repository.default_branch;

  const app = values['app-id'] !== undefined ? approvalAppIdOption(values['app-id']) : approvalAppId(await fileAt(octokit, where, GOVERNANCE_FILE, branch), branch);
  if (!app.ok) throw new Error(both(app.problem));

  const organization = repository.owner.type === 'Organization';
  const desired = desiredProtection(app.appId, { restrictDismissals: organization });
  const protection = protectionChanges(await liveProtection(octokit, where, branch), desired);
  const environmentPlans = await Promise.all(
    KEY_ENVIRONMENTS.map(async (name) => {
      const { environment, policies } = await liveEnvironment(octokit, where, name);
      return { name, plan: environmentChanges(name, environment, policies, branch) };
    }),
  );
  const environmentLines = environmentPlans.flatMap((e) => e.plan.lines);
  const labels = desiredLabels(URGENT_LABEL, RETROSPECTIVE_LABEL);
  const labelPlan = labelChanges(await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...where, per_page: 100 }), labels);
  const ruleset = desiredWorkflowRuleset();
  const rulesetsPossible = pushRulesetsPossible(repository.visibility);
  const liveWorkflowRuleset = rulesetsPossible ? await liveRuleset(octokit, where, WORKFLOW_RULESET) : null;
  const rulesetPlan = rulesetsPossible ? rulesetChanges(liveWorkflowRuleset, ruleset) : [];
  const archiveRulesets = await Promise.all(
    desiredArchiveRulesets().flatMap(({ what, rulesets }) =>
      rulesets.map(async (desired) => {
        const live = await liveRuleset(octokit, where, desired.name);
        return { what, desired, live, lines: refRulesetChanges(live, desired) };
      }),
    ),
  );
  const archiveLines = archiveRulesets.flatMap((d) => d.lines);

  const limits: Reason[] = [];
  if (!organization) limits.push(personalRepository);
  if (!rulesetsPossible) limits.push(noPushRulesets({ vi: 'kho công khai', en: 'a public repository' }));

  console.log(`governance: ${where.owner}/${where.repo}, nhánh mặc định / default branch ${branch}, ứng dụng phê duyệt / approval app ${app.appId}`);
  for (const limit of limits) console.log(`  ! ${both(limit)}`);
  const count = protection.length + environmentLines.length + rulesetPlan.length + archiveLines.length + labelPlan.length;
  if (count === 0) {
    console.log('governance: không có gì cần đổi / nothing to change');
    process.exit(0);
  }
  for (const line of protection) console.log(`  ~ protection ${line}`);
  for (const line of environmentLines) console.log(`  ~ ${line}`);
  for (const line of rulesetPlan) console.log(`  ~ ${line}`);
  for (const line of archiveLines) console.log(`  ~ ${line}`);
  for (const change of labelPlan) console.log(`  ${change.action === 'create' ? '+' : '~'} ${change.line}`);

  if (command === 'plan') {
    console.log(`governance: ${count} thay đổi, chưa áp dụng (chạy apply) / change(s), not applied (run apply)`);
    process.exit(0);
  }
  // The environments first: the check one of them guards is required next.
  for (const { name, plan } of environmentPlans) {
    if (plan.lines.length === 0) continue;
    await applyEnvironment(octokit, where, name, plan);
    console.log(`governance: môi trường ${name} chỉ cho nhánh ${branch} / environment ${name} limited to ${branch}`);
  }
  if (protection.length > 0) {
    await applyProtection(octokit, where, branch, desired);
    console.log('governance: đã bảo vệ nhánh / branch protection applied');
  }
  let refused = 0;
  if (rulesetPlan.length > 0) {
    const result = await applyRuleset(octokit, where, liveWorkflowRuleset, ruleset);
    if (result.refused) {
      refused++;
      console.log(`  ! ${both(noPushRulesets({ vi: `GitHub từ chối: ${result.refused}`, en: `GitHub refused it: ${result.refused}` }))}`);
    } else {
      console.log(`governance: ruleset “${WORKFLOW_RULESET}” đã áp dụng / applied`);
    }
  }
  for (const { what, desired, live, lines } of archiveRulesets) {
    if (lines.length === 0) continue;
    const result = await applyRuleset(octokit, where, live, desired);
    if (result.refused) {
      refused++;
      console.log(
        `  ! Không bảo vệ được ${what.vi}: GitHub từ chối ruleset “${desired.name}” (${result.refused}); kho riêng tư cần gói Pro, Team hoặc Enterprise. / ` +
          `Not protected: ${what.en}; GitHub refused the ruleset “${desired.name}” (${result.refused}); a private repository needs the Pro, Team or Enterprise plan.`,
      );
    } else {
      console.log(`governance: ruleset “${desired.name}” đã áp dụng / applied`);
    }
  }
  for (const change of labelPlan) {
    const { name, color, description } = change.label;
    if (change.action === 'create') await octokit.rest.issues.createLabel({ ...where, name, color, description });
    else await octokit.rest.issues.updateLabel({ ...where, name, color, description });
  }
  if (labelPlan.length > 0) console.log(`governance: ${labelPlan.length} nhãn / label(s) created or updated`);
  if (refused > 0) console.log(`governance: đã áp dụng, trừ ${refused} thay đổi GitHub không nhận (xem trên) / applied, except ${refused} change(s) GitHub refused (see above)`);
} catch (error) {
  console.error(`governance: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
