/**
 * The publication-duties file, `content/governance/publication-duties.yml`:
 * checked like every settings file (encoding, YAML, schema, with lines) by the
 * content check, then held to the document library: the regulation it cites
 * must be there, and every quotation must be the regulation's own words at the
 * article, clause and point cited, stating the number of working days the file
 * gives. Read by `npm run duties`.
 */
import { publicationDutiesSchema, type Citation, type PublicationDutyRules } from '../schema/publication-duties.ts';
import type { ParsedYaml } from './frontmatter.ts';
import type { ContentIssue } from './issues.ts';
import { validateYamlFile } from './yaml-file.ts';
import { fieldPath } from './zod-messages.ts';

export const PUBLICATION_DUTIES_FILE = 'content/governance/publication-duties.yml';

/** The duties, when the file is valid, every problem found in it, and where each field is. */
export function validatePublicationDutiesFile(
  source: string,
  file: string = PUBLICATION_DUTIES_FILE,
): { rules?: PublicationDutyRules; issues: ContentIssue[]; locate: ParsedYaml['locate'] } {
  const { value, issues, locate } = validateYamlFile(file, source, publicationDutiesSchema);
  return { rules: issues.length === 0 ? value : undefined, issues, locate };
}

/** `Điều 11 khoản 1 điểm a`. */
function cited(c: Pick<Citation, 'article' | 'clause' | 'point'>): string {
  return [`Điều ${c.article}`, c.clause && `khoản ${c.clause}`, c.point && `điểm ${c.point}`].filter(Boolean).join(' ');
}

/**
 * The text of article `article` (its clause `clause`, its point `point`) in a
 * legal document's MDX source, written as docs/content-model.md says: `### Điều N.`
 * headings, clauses as `N. ` list items, points as `a) ` paragraphs indented by
 * three spaces. Empty when the document has no such part.
 */
export function provisionText(source: string, c: Pick<Citation, 'article' | 'clause' | 'point'>): string {
  const article = source.split(/^#{2,4} /m).find((s) => s.startsWith(`Điều ${c.article}.`)) ?? '';
  if (!article || c.clause === undefined) return article;
  const clause = article.split(/^(?=\d+\. )/m).find((s) => s.startsWith(`${c.clause}. `)) ?? '';
  if (!clause || c.point === undefined) return clause;
  return clause.split(/^ {3}(?=[a-zđ]\) )/mu).find((s) => s.startsWith(`${c.point}) `)) ?? '';
}

const spaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The words of a quotation between its elisions (`…`, `(…)`). */
function quotedParts(text: string): string[] {
  return text.split(/\s*\(…\)|\s*…\s*/u).map(spaces).filter(Boolean);
}

/**
 * Problems of valid rules against the library: `documentSource(slug)` is the
 * Vietnamese MDX source of a document on the portal (undefined when there is none).
 */
export function publicationDutyReferenceIssues(
  rules: PublicationDutyRules,
  locate: ParsedYaml['locate'],
  documentSource: (slug: string) => string | undefined,
  file: string = PUBLICATION_DUTIES_FILE,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (path: (string | number)[], vi: string, en: string) => issues.push({ file, ...locate(path), field: fieldPath(path), vi, en });
  const slug = rules.regulation.document;
  const source = documentSource(slug);
  if (source === undefined) {
    at(
      ['regulation', 'document'],
      `Không có văn bản “${slug}” trong thư viện văn bản (content/documents/vi/${slug}.mdx): ghi tên tệp của quy chế được trích dẫn.`,
      `There is no document “${slug}” in the document library (content/documents/vi/${slug}.mdx): give the file name of the regulation cited.`,
    );
    return issues;
  }
  rules.duties.forEach((duty, i) => {
    const citations: [(string | number)[], Citation][] = [
      [['duties', i, 'time_limit'], duty.time_limit],
      ...duty.requirement.map((c, j): [(string | number)[], Citation] => [['duties', i, 'requirement', j], c]),
    ];
    for (const [path, c] of citations) {
      const text = provisionText(source, c);
      if (!text) {
        at([...path, 'article'], `Văn bản ${slug} không có ${cited(c)}: kiểm tra lại điều, khoản, điểm.`, `The document ${slug} has no ${cited(c)}: check the article, clause and point.`);
        continue;
      }
      const found = spaces(text);
      const missing = quotedParts(c.text).find((part) => !found.includes(part));
      if (missing !== undefined) {
        at(
          [...path, 'text'],
          `Không tìm thấy câu trích dẫn “${missing.slice(0, 80)}${missing.length > 80 ? '…' : ''}” ở ${cited(c)} của văn bản ${slug}: chép nguyên văn (có thể lược bớt bằng “…”).`,
          `The quotation “${missing.slice(0, 80)}${missing.length > 80 ? '…' : ''}” is not in ${cited(c)} of the document ${slug}: copy the exact words (leaving parts out with “…”).`,
        );
      }
    }
    // The time limit's own words state the days: “Trong 05 ngày làm việc”, or “Trong ngày” (0).
    const stated = /(\d+) ngày làm việc/.exec(duty.time_limit.text);
    const days = stated ? Number(stated[1]) : 0;
    if (days !== duty.working_days) {
      at(
        ['duties', i, 'working_days'],
        `Số ngày làm việc (${duty.working_days}) khác với quy định được trích (${stated ? `${stated[1]} ngày làm việc` : 'trong ngày'}): sửa cho khớp với ${cited(duty.time_limit)}.`,
        `The working days (${duty.working_days}) differ from the quoted rule (${stated ? `${stated[1]} working days` : 'the same day'}): make them match ${cited(duty.time_limit)}.`,
      );
    }
  });
  return issues;
}
