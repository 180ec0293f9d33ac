import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalDecision } from './decision.ts';
import type { ApprovalDecision } from './input.ts';
import { checkConclusion, checkRunOutput, checkRunReport, COMMENT_MARKER, commentBody, fit, GITHUB_TEXT_LIMIT, inline } from './report.ts';
import { readScenario } from './scenario.ts';

const inputOf = (file: string) => readScenario(JSON.parse(readFileSync(`tests/fixtures/approval/${file}`, 'utf8'))).input;
const decide = (file: string) => approvalDecision(inputOf(file));

describe('the check run', () => {
  it('maps pass, fail and pending to success, failure and action_required', () => {
    const d = (decision: ApprovalDecision['decision']): ApprovalDecision => ({ decision, reasons: [], checklist: [], kinds: [] });
    expect(checkConclusion(d('pass'))).toBe('success');
    expect(checkConclusion(d('fail'))).toBe('failure');
    expect(checkConclusion(d('pending'))).toBe('action_required');
    expect(checkRunReport(d('fail'))).toEqual({ conclusion: 'failure', output: checkRunOutput(d('fail')) });
  });

  it('has a bilingual title, the reasons in both languages as summary and the checklist as text', () => {
    const out = checkRunOutput(decide('05-order-reversed-head-before-secretary.json'));
    expect(out.title).toBe('Đang chờ / Waiting');
    expect(out.summary).toContain('**Loại thay đổi / Kind of change:** nội dung / content');
    expect(out.summary).toContain('### Tiếng Việt\n\n- Đang chờ: chưa thể hợp nhất (merge)');
    expect(out.summary).toContain('### English\n\n- Waiting: this cannot be merged');
    expect(out.text).toContain('- [x] Secretary Vũ Thị Hương (`@secretary-huong`) reviewed and submitted (approved) at 20/11/2026 14:15 (Vietnam time) on commit c3d4e5f.');
    expect(out.text).toContain('- [ ] Cần Trưởng Ban, hoặc Phó Trưởng Ban được ủy quyền quyết định đăng tải');
  });

  it('shows the urgent mark and its reason', () => {
    const out = checkRunOutput(decide('27-urgent-with-reason-approved-by-head.json'));
    expect(out.title).toBe('Đủ phê duyệt / Approved');
    expect(out.summary).toContain('> **Urgent publication:** the editorial secretary must review it after publication. Reason: đính chính');
  });
});

describe('the pull-request comment', () => {
  it('starts with the hidden marker and holds the checklist in both languages', () => {
    const body = commentBody(decide('01-content-secretary-then-head.json'));
    expect(body.split('\n')[0]).toBe(COMMENT_MARKER);
    expect(COMMENT_MARKER).toBe('<!-- editorial-approval -->');
    expect(body).toContain('**Kết quả:** Đủ phê duyệt · **Result:** Approved');
    expect(body).toContain('### Danh sách kiểm tra\n\n- [x] Thư ký Vũ Thị Hương (`@secretary-huong`) đã rà soát và trình (duyệt) lúc 20/11/2026 09:30 trên commit c3d4e5f.');
    expect(body).toContain('### Checklist\n\n- [x] Secretary');
    expect(body).toBe(body.normalize('NFC'));
    expect(commentBody(decide('01-content-secretary-then-head.json'), inputOf('01-content-secretary-then-head.json'))).toContain('<sub>Commit: `c3d4e5f` · ');
  });

  it('says when there is nothing to approve', () => {
    expect(commentBody(decide('36-no-files.json'))).toContain('_Không có bước nào cần duyệt._');
  });

  it('cannot be spoofed or made to ping people by text from the pull request', () => {
    const d: ApprovalDecision = {
      decision: 'pass',
      reasons: [],
      checklist: [],
      kinds: ['content'],
      urgent: { reason: '<!-- editorial-approval --> <img src=x> @someone\nsecond line', retrospective_review: true },
    };
    const body = commentBody(d);
    expect(body.indexOf(COMMENT_MARKER, 1)).toBe(-1);
    expect(body).not.toContain('<img');
    expect(body).toContain('`@someone` second line');
  });
});

describe('limits', () => {
  it('keeps every text within GitHub’s 65535 characters, cut at a line and said so', () => {
    const many: ApprovalDecision = {
      decision: 'pending',
      reasons: Array.from({ length: 3000 }, (_, i) => ({ vi: `Lý do số ${i} `.repeat(5), en: `Reason number ${i} `.repeat(5) })),
      checklist: Array.from({ length: 3000 }, (_, i) => ({ done: false, vi: `Bước ${i} `.repeat(5), en: `Step ${i} `.repeat(5) })),
      kinds: ['content'],
    };
    const out = checkRunOutput(many);
    for (const text of [out.summary, out.text!, commentBody(many)]) {
      expect(text.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
      expect(text.endsWith('(rút gọn vì quá dài / shortened: too long)')).toBe(true);
    }
    expect(fit('short')).toBe('short');
  });

  it('keeps Markdown text on one line and escapes HTML', () => {
    expect(inline('a <b> & c\nd')).toBe('a &lt;b&gt; &amp; c d');
    expect(inline('(@x) @y and e@mail')).toBe('(`@x`) `@y` and e@mail');
  });
});
