/**
 * How a decision is shown on GitHub, as pure text: the check run (conclusion,
 * title, summary, text) and the pull-request comment, both in Vietnamese and
 * English Markdown. The comment starts with a hidden marker so the workflow
 * finds and updates its own comment instead of adding a new one.
 */
import type { ApprovalDecision, ApprovalInput, ChecklistItem, Reason } from './input.ts';
import { results } from './outcome.ts';
import { shortSha } from './time.ts';

/** First line of the approval comment: how the workflow recognises it. */
export const COMMENT_MARKER = '<!-- editorial-approval -->';

/** GitHub's limit for a check run's summary and text, and for a comment body. */
export const GITHUB_TEXT_LIMIT = 65535;

export type CheckConclusion = 'success' | 'failure' | 'action_required';

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

const conclusions: Record<ApprovalDecision['decision'], CheckConclusion> = {
  pass: 'success',
  fail: 'failure',
  pending: 'action_required',
};

/** pass → success, fail → failure, pending → action_required. */
export function checkConclusion(decision: ApprovalDecision): CheckConclusion {
  return conclusions[decision.decision];
}

const kindNames: Record<ApprovalDecision['kinds'][number], Reason> = {
  content: { vi: 'nội dung', en: 'content' },
  takedown: { vi: 'gỡ bỏ', en: 'takedown' },
  technical: { vi: 'kỹ thuật', en: 'technical' },
};

/**
 * Text from the decision made safe for Markdown on one line: no HTML (a PR
 * description could carry a fake marker or tags), no line breaks, and
 * @mentions in code spans so updating the comment does not notify people.
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[\s(])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/g, '$1`@$2`');
}

/** Cuts `text` to `limit` characters at a line break, saying it was cut. */
export function fit(text: string, limit: number = GITHUB_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const note = '\n\n… (rút gọn vì quá dài / shortened: too long)';
  const cut = text.slice(0, limit - note.length);
  const at = cut.lastIndexOf('\n');
  return (at > 0 ? cut.slice(0, at) : cut) + note;
}

function kindsLine(d: ApprovalDecision): string {
  if (d.kinds.length === 0) return '';
  const vi = d.kinds.map((k) => kindNames[k].vi).join(', ');
  const en = d.kinds.map((k) => kindNames[k].en).join(', ');
  return `**Loại thay đổi / Kind of change:** ${vi} / ${en}`;
}

function urgentLine(d: ApprovalDecision): string {
  if (!d.urgent) return '';
  return (
    `> **Đăng khẩn cấp:** Thư ký Ban Biên tập phải rà soát lại sau khi đăng. Lý do: ${inline(d.urgent.reason)}\n>\n` +
    `> **Urgent publication:** the editorial secretary must review it after publication. Reason: ${inline(d.urgent.reason)}`
  );
}

const box = (i: ChecklistItem, l: 'vi' | 'en') => `- [${i.done ? 'x' : ' '}] ${inline(i[l])}`;

function checklist(d: ApprovalDecision, l: 'vi' | 'en'): string {
  if (d.checklist.length === 0) return l === 'vi' ? '_Không có bước nào cần duyệt._' : '_No approval steps apply._';
  return d.checklist.map((i) => box(i, l)).join('\n');
}

function reasons(d: ApprovalDecision, l: 'vi' | 'en'): string {
  return d.reasons.map((r) => `- ${inline(r[l])}`).join('\n');
}

/** The check run's output: the result and reasons (summary), the checklist (text). */
export function checkRunOutput(decision: ApprovalDecision): CheckRunOutput {
  const r = results[decision.decision];
  const summary = [kindsLine(decision), urgentLine(decision), '### Tiếng Việt', reasons(decision, 'vi'), '### English', reasons(decision, 'en')]
    .filter(Boolean)
    .join('\n\n');
  const text = ['### Danh sách kiểm tra', checklist(decision, 'vi'), '### Checklist', checklist(decision, 'en'), '_Quy trình / The rules: docs/approval.md_'].join(
    '\n\n',
  );
  return { title: `${r.vi} / ${r.en}`, summary: fit(summary), text: fit(text) };
}

/** Everything the check run needs: its conclusion and its output. */
export function checkRunReport(decision: ApprovalDecision): { conclusion: CheckConclusion; output: CheckRunOutput } {
  return { conclusion: checkConclusion(decision), output: checkRunOutput(decision) };
}

/**
 * The pull-request comment: marker line, result, checklist and reasons in
 * both languages, and (given the input) the commit it was decided on. It holds
 * no clock time, so an unchanged decision gives an unchanged comment.
 */
export function commentBody(decision: ApprovalDecision, input?: Pick<ApprovalInput, 'pull_request'>): string {
  const r = results[decision.decision];
  const commit = input ? `Commit: \`${shortSha(input.pull_request.head_sha)}\` · ` : '';
  const body = [
    COMMENT_MARKER,
    '## Phê duyệt biên tập / Editorial approval',
    `**Kết quả:** ${r.vi} · **Result:** ${r.en}`,
    kindsLine(decision),
    urgentLine(decision),
    '### Danh sách kiểm tra',
    checklist(decision, 'vi'),
    '### Checklist',
    checklist(decision, 'en'),
    '<details><summary>Lý do chi tiết / Details</summary>',
    ['**Tiếng Việt**', reasons(decision, 'vi'), '**English**', reasons(decision, 'en')].join('\n\n'),
    '</details>',
    `<sub>${commit}Tính lại mỗi khi có ý kiến duyệt hoặc commit mới; quy trình tại docs/approval.md. / Recomputed on every new review or commit; the rules are in docs/approval.md.</sub>`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return fit(body);
}
