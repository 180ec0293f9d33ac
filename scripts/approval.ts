/**
 * npm run approval -- explain --scenario file.json [--json]
 * npm run approval -- explain --pr N --repo owner/name [--json] [--save file.json]
 * npm run approval -- check (--pr N --repo owner/name [--head-sha SHA] | --event event.json)
 * npm run approval -- check --all-open --repo owner/name [--head-sha SHA]
 *
 * `explain` prints the editorial-approval decision for a saved scenario (an
 * auditor replaying a past decision), or for a pull request after gathering
 * its facts from GitHub (`--save` keeps them as a scenario file). `check` is
 * what the workflows run: gather, decide, then report the check run and the
 * pull request comment. `--head-sha` (the review relay) judges only while the
 * pull request's head is still that commit; `--all-open` judges every open
 * pull request into the default branch again (after the roles file changes
 * there); with `--head-sha`, only those whose head is that commit (after the
 * pull request workflow's content check ran on it). The format of scenarios: docs/approval.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { approvalDecision } from '../src/lib/approval/decision.ts';
import { approvalInputSchema, type ApprovalDecision, type ApprovalInput } from '../src/lib/approval/input.ts';
import { checkRunReport, commentBody, COMMENT_MARKER } from '../src/lib/approval/report.ts';
import { gatherApprovalInput, openPullsIntoDefault, publishDecision } from './lib/approval-github.ts';
import { RETROSPECTIVE_LABEL } from '../src/lib/approval/urgent.ts';
import { githubClient, parseRepo, type RepoRef } from './lib/github.ts';
import type { Octokit } from 'octokit';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scenario: { type: 'string' },
    pr: { type: 'string' },
    repo: { type: 'string' },
    event: { type: 'string' },
    'head-sha': { type: 'string' },
    'all-open': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    save: { type: 'string' },
  },
});

function usage(): never {
  console.error(
    [
      'Dùng / Usage:',
      '  npm run approval -- explain --scenario file.json [--json]',
      '  npm run approval -- explain --pr N --repo owner/name [--json] [--save file.json]',
      '  npm run approval -- check (--pr N --repo owner/name [--head-sha SHA] | --event event.json)',
      '  npm run approval -- check --all-open --repo owner/name [--head-sha SHA]',
    ].join('\n'),
  );
  process.exit(2);
}

/** The pull request named on the command line or in a GitHub event payload. */
async function target(): Promise<{ where: RepoRef; number: number }> {
  if (values.event) {
    const event = JSON.parse(await readFile(values.event, 'utf8')) as { pull_request?: { number?: number }; repository?: { full_name?: string } };
    const number = event.pull_request?.number;
    if (!Number.isInteger(number)) throw new Error(`${values.event}: không có pull_request.number / no pull_request.number in the event`);
    return { where: parseRepo(values.repo ?? event.repository?.full_name), number: number! };
  }
  const number = Number(values.pr);
  if (!Number.isInteger(number) || number <= 0) usage();
  return { where: parseRepo(values.repo), number };
}

function print(decision: ApprovalDecision) {
  if (values.json) {
    console.log(JSON.stringify({ decision: decision.decision, reasons: decision.reasons }, null, 2));
    return;
  }
  const label = { pass: 'ĐẠT / PASS', fail: 'KHÔNG ĐẠT / FAIL', pending: 'ĐANG CHỜ / PENDING' }[decision.decision];
  console.log(`editorial-approval: ${label}`);
  for (const r of decision.reasons) console.log(`  - vi: ${r.vi}\n    en: ${r.en}`);
  for (const item of decision.checklist) console.log(`  [${item.done ? 'x' : ' '}] ${item.vi} / ${item.en}`);
}

/** Gathers, decides, prints and (for `check`) reports one pull request. */
async function judge(octokit: Octokit, where: RepoRef, number: number, report: boolean): Promise<void> {
  const input: ApprovalInput = await gatherApprovalInput(octokit, where, number);
  const expected = values['head-sha'];
  if (expected !== undefined && input.pull_request.head_sha !== expected) {
    // The relayed review was of another commit; the push that moved the head has its own run.
    console.log(
      `editorial-approval: #${number}: commit ${expected} không còn là đầu pull request (nay là ${input.pull_request.head_sha}), không xét lại / ` +
        `commit ${expected} is no longer the pull request's head (now ${input.pull_request.head_sha}): not judged from this run`,
    );
    return;
  }
  if (values.save) await writeFile(values.save, `${JSON.stringify(input, null, 2)}\n`);
  const decision = approvalDecision(input);
  print(decision);
  if (!report) return;
  const { conclusion, output } = checkRunReport(decision);
  const result = await publishDecision(octokit, where, input, decision, { conclusion, output, comment: commentBody(decision, input), marker: COMMENT_MARKER }, { retrospective: RETROSPECTIVE_LABEL });
  const run =
    result.checkRunId === null
      ? `không có lượt kiểm tra: không vào nhánh mặc định / no check run: not into the default branch`
      : `check run ${result.checkRunId}`;
  console.log(`editorial-approval: #${number}: ${run}; comment ${result.commentId} ${result.commentCreated ? 'created' : 'kept up to date'}`);
}

try {
  const command = positionals[0];
  if (command === 'explain' && values.scenario) {
    const text = await readFile(values.scenario, 'utf8');
    const raw = JSON.parse(text) as Record<string, unknown>;
    // A scenario file is an input, or { input, expect } as the test fixtures are.
    const parsed = approvalInputSchema.safeParse('input' in raw ? raw.input : raw);
    if (!parsed.success) throw new Error(`${values.scenario}: không đúng định dạng kịch bản / not a valid scenario:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    print(approvalDecision(parsed.data));
  } else if (command === 'check' && values['all-open']) {
    if (values.pr || values.event || values.save) usage();
    const where = parseRepo(values.repo);
    const octokit = githubClient();
    const numbers = await openPullsIntoDefault(octokit, where, values['head-sha']);
    console.log(`editorial-approval: xét lại ${numbers.length} pull request đang mở / judging ${numbers.length} open pull request(s) again`);
    let failed = 0;
    for (const number of numbers) {
      try {
        await judge(octokit, where, number, true);
      } catch (error) {
        // One pull request that cannot be judged does not stop the others; the run still fails at the end.
        failed++;
        console.error(`approval: #${number}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failed > 0) throw new Error(`${failed} pull request không xét được / could not be judged`);
  } else if (command === 'explain' || command === 'check') {
    const { where, number } = await target();
    await judge(githubClient(), where, number, command === 'check');
  } else {
    usage();
  }
} catch (error) {
  console.error(`approval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
