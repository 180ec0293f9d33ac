/** The generated Decap configuration as the YAML file the CMS loads. */
import { stringify } from 'yaml';
import type { Locale } from '../locales.ts';
import type { SiteSettings, Taxonomy } from '../schema/settings.ts';
import { decapConfig } from './decap-config.ts';

export function decapConfigYaml(site: SiteSettings, taxonomy: Taxonomy, locale: Locale): string {
  const header = [
    '# Decap CMS configuration, generated at build time from the content schemas',
    '# (src/lib/schema) and content/site.yml + content/taxonomy.yml by',
    '# src/lib/cms/decap-config.ts. Do not edit: change the schema or settings instead.',
  ].join('\n');
  return `${header}\n${stringify(decapConfig(site, taxonomy, locale), { lineWidth: 0 })}`;
}
