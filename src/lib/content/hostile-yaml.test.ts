/**
 * The hostile settings files (tests/fixtures/hostile/yaml/): `<target>--<case>.yml`
 * replaces content/site.yml, content/taxonomy.yml or content/governance/roles.yml
 * among the real content and runs the real check; it must get exactly the
 * issues in the folder's expected.json, and never throw.
 */
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../tests/fixtures/hostile/corpus.ts';
import { replacedFileCases } from '../../../tests/fixtures/hostile/replaced-file-corpus.ts';
import { ROLES_FILE, SITE_FILE, TAXONOMY_FILE } from './validate.ts';

const targets: Record<string, string> = { site: SITE_FILE, taxonomy: TAXONOMY_FILE, roles: ROLES_FILE };

describe('the hostile settings files', () => {
  it('each named for the file it replaces', () => {
    for (const name of corpus('yaml').cases) expect(targets[name.split('--')[0]!], name).toBeDefined();
  });

  replacedFileCases('yaml', (name) => targets[name.split('--')[0]!]!, { minimum: 8 });
});
