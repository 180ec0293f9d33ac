/** /admin/config.yml (Vietnamese interface) and /admin/config.en.yml (English), generated from the schemas. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { configFileOf } from '../../lib/cms/decap-config.ts';
import { decapConfigYaml } from '../../lib/cms/config-file.ts';
import { locales, type Locale } from '../../lib/locales.ts';
import { getSettings } from '../../site/settings.ts';

export const getStaticPaths: GetStaticPaths = () => locales.map((locale) => ({ params: { config: configFileOf[locale] }, props: { locale } }));

export const GET: APIRoute = async ({ props }) => {
  const { site, taxonomy } = await getSettings();
  return new Response(decapConfigYaml(site, taxonomy, (props as { locale: Locale }).locale), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
