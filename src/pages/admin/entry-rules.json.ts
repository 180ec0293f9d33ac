/**
 * /admin/entry-rules.json: what the CMS page needs to run the build's checks
 * on an entry before saving it (src/lib/cms/cms-entry-check.ts): the approved
 * columns, sections and topics, and the address allowlist, from the same
 * settings files the build reads, and the addresses entries' pages had in
 * published revisions, from the history the build reads (src/site/history.ts;
 * the site already serves a page at each that sends the reader on). Generated
 * at every build, like the CMS configuration, so the two never disagree.
 */
import type { APIRoute } from 'astro';
import type { EntryRules } from '../../lib/cms/cms-entry-check.ts';
import { urlPolicyOf } from '../../lib/content/urls.ts';
import { siteFormerAddresses } from '../../site/history.ts';
import { getSettings } from '../../site/settings.ts';

export const GET: APIRoute = async () => {
  const { site, taxonomy } = await getSettings();
  const rules: EntryRules = { taxonomy, urls: urlPolicyOf(site), formerAddresses: await siteFormerAddresses() };
  return new Response(JSON.stringify(rules), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
