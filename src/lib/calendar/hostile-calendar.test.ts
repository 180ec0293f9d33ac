/**
 * The hostile holiday calendar files (tests/fixtures/hostile/calendar/):
 * `<target>--<case>.yml` becomes content/calendar/<target>.yml (replacing the
 * real year file when there is one), or content/site.yml for `site--` (its
 * office hours), among the real content, and the real
 * content check must give exactly the issues in the folder's expected.json —
 * file, line, field, Vietnamese and English — and never throw.
 */
import { describe } from 'vitest';
import { replacedFileCases } from '../../../tests/fixtures/hostile/replaced-file-corpus.ts';
import { SITE_FILE } from '../content/validate.ts';

describe('the hostile holiday calendar files', () => {
  replacedFileCases(
    'calendar',
    (name) => {
      const target = name.split('--')[0]!;
      return target === 'site' ? SITE_FILE : `content/calendar/${target}.yml`;
    },
    { minimum: 11 },
  );
});
