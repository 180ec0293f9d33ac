/**
 * /admin/manual-init.js: tells Decap CMS, loaded right after it, to wait for
 * src/admin/cms.ts to start it with the portal's settings. A file rather than
 * an inline script, which the CMS page's Content Security Policy refuses.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => new Response('window.CMS_MANUAL_INIT = true;\n', { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
