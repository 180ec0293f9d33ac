/**
 * On GitHub, Decap CMS shows one commit status of the entry's pull request as
 * its preview link (decap-cms-backend-github getDeployPreview: the status whose
 * context is backend.preview_context). The configuration names the content
 * check's report, and Decap's own matcher picks that status and no other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPreviewContext } from 'decap-cms-lib-util/dist/esm/API.js';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { CONTENT_CHECK, CONTENT_CHECK_REPORT } from '../governance/desired.ts';
import { siteSchema, taxonomySchema } from '../schema/settings.ts';
import { decapConfig } from './decap-config.ts';

const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const taxonomy = taxonomySchema.parse(parseYamlWithPositions('content/taxonomy.yml', readFileSync('content/taxonomy.yml', 'utf8')).data);

describe('the CMS preview link on GitHub', () => {
  it.each(['vi', 'en'] as const)('is the content check’s report (%s interface), as Decap itself matches statuses', (locale) => {
    const { preview_context } = decapConfig(site, taxonomy, locale).backend;
    expect(preview_context).toBe('content-check/report');
    expect(isPreviewContext(CONTENT_CHECK_REPORT, preview_context)).toBe(true);
    // Not the pass/fail status itself (Decap links only a successful status), nor a deploy status of another tool.
    expect(isPreviewContext(CONTENT_CHECK, preview_context)).toBe(false);
    expect(isPreviewContext('netlify/deploy-preview', preview_context)).toBe(false);
    // Without the setting, Decap would pick any status whose name contains "deploy".
    expect(isPreviewContext('netlify/deploy-preview', '')).toBe(true);
  });
});
