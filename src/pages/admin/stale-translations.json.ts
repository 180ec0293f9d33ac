/**
 * /admin/stale-translations.json (src/lib/cms/stale-translations.ts): the
 * English entries older than their original, from the publication history the
 * build reads (src/site/history.ts), rebuilt at every build. The CMS page
 * fetches it from its own origin.
 */
import type { APIRoute } from 'astro';
import { staleTranslationsOf } from '../../lib/cms/stale-translations.ts';
import { staleTranslations } from '../../site/history.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(staleTranslationsOf(await staleTranslations())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
