/**
 * The publication-duties file, `content/governance/publication-duties.yml`:
 * checked like every settings file (encoding, YAML, schema, with lines) by the
 * content check, and read by `npm run duties`.
 */
import { publicationDutiesSchema, type PublicationDutyRules } from '../schema/publication-duties.ts';
import type { ContentIssue } from './issues.ts';
import { validateYamlFile } from './yaml-file.ts';

export const PUBLICATION_DUTIES_FILE = 'content/governance/publication-duties.yml';

/** The duties, when the file is valid, and every problem found in it. */
export function validatePublicationDutiesFile(
  source: string,
  file: string = PUBLICATION_DUTIES_FILE,
): { rules?: PublicationDutyRules; issues: ContentIssue[] } {
  const { value, issues } = validateYamlFile(file, source, publicationDutiesSchema);
  return { rules: issues.length === 0 ? value : undefined, issues };
}
