/**
 * The Q&A deadline rules file, `content/governance/qa-deadlines.yml`: checked
 * like every settings file (size, encoding, YAML, schema, with lines) by the
 * content check, and read by `npm run duties`. Between files, the content
 * check also holds each rule to the library: the cited document exists and
 * holds the quoted words, and the responsible units exist.
 */
import type { ParsedYaml } from '../content/frontmatter.ts';
import type { ContentIssue } from '../content/issues.ts';
import { validateYamlFile } from '../content/yaml-file.ts';
import { qaDeadlineRulesSchema, type Citation, type QaDeadlineRules } from './qa-deadline-rules.ts';

export const QA_DEADLINES_FILE = 'content/governance/qa-deadlines.yml';

/** The rules, when the file is valid, and every problem found in it; `locate` finds a field's line. */
export function validateQaDeadlinesFile(
  source: string,
  file: string = QA_DEADLINES_FILE,
): { rules?: QaDeadlineRules; issues: ContentIssue[]; locate: ParsedYaml['locate'] } {
  const { value, issues, locate } = validateYamlFile(file, source, qaDeadlineRulesSchema);
  return { rules: issues.length === 0 ? value : undefined, issues, locate };
}

/** Runs of white space as one space: a quote may wrap differently from the document. */
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The rules held to the content: `documentSource(slug)` gives the Vietnamese
 * text of a document in the library (undefined when there is none),
 * `unitExists(slug)` whether a unit exists.
 */
export function qaDeadlineReferenceIssues(
  rules: QaDeadlineRules,
  locate: ParsedYaml['locate'],
  documentSource: (slug: string) => string | undefined,
  unitExists: (slug: string) => boolean,
  file: string = QA_DEADLINES_FILE,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (path: (string | number)[]) => ({ file, ...locate(path), field: path.join('.').replace(/\.(\d+)/g, '[$1]') });
  const checkCitation = (c: Citation, path: (string | number)[]) => {
    const text = documentSource(c.document);
    if (text === undefined) {
      issues.push({
        ...at([...path, 'document']),
        vi: `Không có văn bản “${c.document}” trong thư viện (content/documents/vi/${c.document}.mdx). Ghi tên tệp của văn bản được trích dẫn.`,
        en: `There is no document “${c.document}” in the library (content/documents/vi/${c.document}.mdx). Write the slug of the cited document.`,
      });
    } else if (!squeeze(text).includes(squeeze(c.quote))) {
      issues.push({
        ...at([...path, 'quote']),
        vi: `Không tìm thấy câu trích dẫn trong văn bản ${c.document} (tiếng Việt): chép nguyên văn từ Điều ${c.article} của văn bản.`,
        en: `The quotation is not found in the document ${c.document} (Vietnamese): copy the exact words of its Article ${c.article}.`,
      });
    }
  };
  rules.rules.forEach((r, i) => {
    checkCitation(r.cites, ['rules', i, 'cites']);
    (r.responsible.units ?? []).forEach((u, j) => {
      if (unitExists(u)) return;
      issues.push({
        ...at(['rules', i, 'responsible', 'units', j]),
        vi: `Không có đơn vị “${u}” (content/units/vi/${u}.mdx). Ghi tên tệp của một đơn vị có sẵn.`,
        en: `There is no unit “${u}” (content/units/vi/${u}.mdx). Write the slug of an existing unit.`,
      });
    });
  });
  rules.no_deadline.forEach((n, i) => {
    if (n.cites) checkCitation(n.cites, ['no_deadline', i, 'cites']);
  });
  return issues;
}
