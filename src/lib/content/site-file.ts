/**
 * The site settings file (src/lib/schema/settings.ts): where it is, named once
 * for the content check, the approval check and the editorial report, and its
 * check as the content check runs it.
 */
import { siteSchema, type SiteSettings } from '../schema/settings.ts';
import { addressIssues } from './entry-front.ts';
import type { ContentIssue } from './issues.ts';
import { urlPolicyOf } from './urls.ts';
import { validateYamlFile } from './yaml-file.ts';

export const SITE_FILE = 'content/site.yml';

/** A text of the site settings checked: its schema, then its own addresses (its URL, the login server) held to the allowlist it sets. */
export function validateSiteFile(source: string): { value?: SiteSettings; issues: ContentIssue[] } {
  const { value, issues, locate } = validateYamlFile(SITE_FILE, source, siteSchema);
  if (!value) return { issues };
  return { value, issues: [...issues, ...addressIssues(siteSchema, value, urlPolicyOf(value), SITE_FILE, locate)] };
}
