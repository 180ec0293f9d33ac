/**
 * The hostile publication-duties files (tests/fixtures/hostile/publication-duties/):
 * each replaces content/governance/publication-duties.yml among the real
 * content and runs the real content check; it must get exactly the issues in
 * the folder's expected.json, and never throw.
 */
import { describe } from 'vitest';
import { replacedFileCases } from '../../../tests/fixtures/hostile/replaced-file-corpus.ts';
import { PUBLICATION_DUTIES_FILE } from './publication-duties-file.ts';

describe('the hostile publication-duties files', () => {
  replacedFileCases('publication-duties', () => PUBLICATION_DUTIES_FILE, { minimum: 5 });
});
