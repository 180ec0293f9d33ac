import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../content/issues.ts';
import { QA_DEADLINES_FILE, qaDeadlineReferenceIssues, validateQaDeadlinesFile } from './qa-deadlines-file.ts';

const real = readFileSync(QA_DEADLINES_FILE, 'utf8');
const document = (slug: string) => {
  try {
    return readFileSync(`content/documents/vi/${slug}.mdx`, 'utf8');
  } catch {
    return undefined;
  }
};
const unitExists = (slug: string) => document(slug) !== undefined || readFileSyncOrNull(`content/units/vi/${slug}.mdx`) !== null;
function readFileSyncOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The one problem a changed rules file must get, as printed. */
function onlyIssue(source: string): string {
  const { rules, issues } = validateQaDeadlinesFile(source);
  expect(rules).toBeUndefined();
  expect(issues.map(formatIssue)).toHaveLength(1);
  return formatIssue(issues[0]!);
}

describe('the Q&A deadline rules file', () => {
  it('in this repository carries the deadlines of portal reg. Art. 11.1 a and Decision 1624 Art. 13.2, each with its article', () => {
    const { rules, issues } = validateQaDeadlinesFile(real);
    expect(issues).toEqual([]);
    const summary = rules!.rules.map((r) => [r.id, r.channel, r.step, r.working_days, `${r.cites.document} ${r.cites.article}.${r.cites.clause} ${r.cites.point}`]);
    expect(summary).toEqual([
      ['portal-classification', 'portal', 'classification', 5, 'du-thao-quy-che-cong-thong-tin-dien-tu 11.1 a'],
      ['portal-report-back', 'portal', 'report-back', 0, 'du-thao-quy-che-cong-thong-tin-dien-tu 11.1 a'],
      ['portal-answer', 'portal', 'answer', 7, 'du-thao-quy-che-cong-thong-tin-dien-tu 11.1 a'],
      ['portal-answer-several-units', 'portal', 'answer', 10, 'du-thao-quy-che-cong-thong-tin-dien-tu 11.1 a'],
      ['portal-publication', 'portal', 'publication', 2, 'du-thao-quy-che-cong-thong-tin-dien-tu 11.1 a'],
      ['zalo-answer-one-unit', 'zalo', 'answer', 3, '1624-qd-bhxh 13.2 a'],
      ['zalo-answer-two-units', 'zalo', 'answer', 4, '1624-qd-bhxh 13.2 b'],
      ['zalo-answer-three-units', 'zalo', 'answer', 5, '1624-qd-bhxh 13.2 c'],
    ]);
    expect(rules!.rules[0]!.target_working_days).toBe(2);
    expect(rules!.no_deadline.map((n) => [n.channel, n.steps ?? 'all'])).toEqual([
      ['zalo', ['classification', 'report-back', 'publication']],
      ['email', 'all'],
      ['phone', 'all'],
      ['in-person', 'all'],
    ]);
  });

  it('quotes words that are in the cited documents, and names units that exist', () => {
    const { rules, locate } = validateQaDeadlinesFile(real);
    expect(qaDeadlineReferenceIssues(rules!, locate, document, unitExists)).toEqual([]);
  });

  it('refuses a quotation that is not in the document, a missing document or unit, with the line', () => {
    const { rules, locate } = validateQaDeadlinesFile(real.replace('trong vòng 02 đến 05 ngày làm việc', 'trong vòng 02 ngày làm việc'));
    const issues = qaDeadlineReferenceIssues(rules!, locate, document, unitExists);
    expect(issues.map(formatIssue)).toEqual([
      [
        'content/governance/qa-deadlines.yml:50:7  [rules[0].cites.quote]  (lỗi / error)',
        '  vi: Không tìm thấy câu trích dẫn trong văn bản du-thao-quy-che-cong-thong-tin-dien-tu (tiếng Việt): chép nguyên văn từ Điều 11 của văn bản.',
        '  en: The quotation is not found in the document du-thao-quy-che-cong-thong-tin-dien-tu (Vietnamese): copy the exact words of its Article 11.',
      ].join('\n'),
    ]);
    const moved = validateQaDeadlinesFile(
      real
        .replace('document: 1624-qd-bhxh\n      article: 13\n      clause: 2\n      point: a', 'document: 1625-qd-bhxh\n      article: 13\n      clause: 2\n      point: a')
        .replace('documents:\n', 'documents:\n  1625-qd-bhxh: { vi: Quyết định 1625, en: Decision 1625 }\n'),
    );
    expect(qaDeadlineReferenceIssues(moved.rules!, moved.locate, document, unitExists).map((i) => [i.field, i.en])).toEqual([
      ['rules[5].cites.document', 'There is no document “1625-qd-bhxh” in the library (content/documents/vi/1625-qd-bhxh.mdx). Write the slug of the cited document.'],
    ]);
    const unit = validateQaDeadlinesFile(real.replace('units: [trung-tam-dich-vu-ho-tro-cham-soc-khach-hang]', 'units: [trung-tam-khong-co]'));
    expect(qaDeadlineReferenceIssues(unit.rules!, unit.locate, document, unitExists).map((i) => [i.field, i.en])).toEqual([
      ['rules[0].responsible.units[0]', 'There is no unit “trung-tam-khong-co” (content/units/vi/trung-tam-khong-co.mdx). Write the slug of an existing unit.'],
    ]);
  });

  it('needs a short name for every cited document', () => {
    expect(onlyIssue(real.replace('document: 1624-qd-bhxh\n      article: 13\n      clause: 2\n      point: b', 'document: 1625-qd-bhxh\n      article: 13\n      clause: 2\n      point: b'))).toContain(
      '[rules[6].cites.document]  (lỗi / error)\n  vi: “rules[6].cites.document” (Văn bản (tên tệp trong thư viện văn bản)): Văn bản “1625-qd-bhxh” chưa có tên ngắn trong mục documents ở đầu tệp; hãy thêm.',
    );
  });

  it('refuses two rules that claim the same questions', () => {
    expect(onlyIssue(real.replace('units: { min: 2 }\n    counts_from: received\n    working_days: 10', 'units: { min: 1 }\n    counts_from: received\n    working_days: 10'))).toContain(
      'Rule “portal-answer-several-units” applies to the same questions as rule “portal-answer” (number 3) for the same channel and step',
    );
    expect(onlyIssue(real.replace('units: { min: 3 }', 'units: { min: 2 }'))).toContain('Rule “zalo-answer-three-units” applies to the same questions as rule “zalo-answer-two-units”');
  });

  it('refuses a channel or step left unsaid, and a step both ruled and without deadline', () => {
    expect(onlyIssue(real.replace('  - channel: phone\n', '  - channel: phone\n    steps: [answer]\n'))).toContain(
      'The phone channel says nothing about the step(s) classification, report-back, publication: add rules citing their article, or list them under no_deadline with the reason.',
    );
    expect(onlyIssue(real.replace('steps: [classification, report-back, publication]', 'steps: [classification, report-back, publication, answer]'))).toContain(
      'The answer step of the zalo channel already has rule “zalo-answer-one-unit”; it cannot both have and lack a deadline.',
    );
  });

  it('refuses a target not shorter than the deadline, a unit range upside down, a rule without anyone responsible', () => {
    expect(onlyIssue(real.replace('target_working_days: 2', 'target_working_days: 5'))).toContain('The target (5 days) must be shorter than the deadline (5 working days).');
    expect(onlyIssue(real.replace('units: { min: 2, max: 2 }', 'units: { min: 2, max: 1 }'))).toContain('The most units (1) is below the fewest (2).');
    expect(onlyIssue(real.replace('    responsible:\n      routed: true\n    cites:\n      document: 1624-qd-bhxh\n      article: 13\n      clause: 2\n      point: a', '    responsible: {}\n    cites:\n      document: 1624-qd-bhxh\n      article: 13\n      clause: 2\n      point: a'))).toContain(
      'Name the responsible units (units) or set routed: true',
    );
  });

  it('counts classification only from receipt, and only publication from the answer', () => {
    expect(onlyIssue(real.replace('step: classification\n    counts_from: received', 'step: classification\n    counts_from: classified'))).toContain(
      'The classification step can only count from receipt of the question (received).',
    );
    expect(onlyIssue(real.replace('working_days: 7\n', 'working_days: 7\n').replace("step: answer\n    when:\n      classification: [pending, in-scope]\n      units: { min: 0, max: 1 }\n    counts_from: received", "step: answer\n    when:\n      classification: [pending, in-scope]\n      units: { min: 0, max: 1 }\n    counts_from: answered"))).toContain(
      'Only the publication step counts from the answer.',
    );
  });

  it('refuses unknown channels, steps and fields, negative or fractional days, a point without clause', () => {
    expect(onlyIssue(real.replace('channel: zalo\n    step: answer\n    when:\n      units: { min: 1, max: 1 }', 'channel: facebook\n    step: answer\n    when:\n      units: { min: 1, max: 1 }'))).toContain(
      '“facebook” is not allowed. Choose one of: portal (The portal), zalo (Zalo (official account)), email (E-mail), phone (Telephone), in-person (In person).',
    );
    expect(onlyIssue(real.replace('working_days: 7', 'working_days: -7'))).toContain('must be at least 0, found -7');
    expect(onlyIssue(real.replace('working_days: 7', 'working_days: 7.5'))).toContain('rules[2].working_days');
    expect(onlyIssue(real.replace('working_days: 7', 'working_days: 7\n    deadline_hours: 3'))).toContain('There is no field “deadline_hours”');
    expect(onlyIssue(real.replace('      clause: 2\n      point: c', '      point: c'))).toContain('A point needs the clause it belongs to.');
  });

  it('is checked for NFC and YAML like every content file', () => {
    const { issues } = validateQaDeadlinesFile(real.replace('gạch đầu dòng', 'gạch đầu dòng'.normalize('NFD')));
    expect(issues[0]!.en).toContain('not in Unicode NFC');
    expect(validateQaDeadlinesFile('rules: [').issues[0]!.en).toContain('Invalid YAML');
  });
});
