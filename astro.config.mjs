// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { decapCms } from './src/integrations/decap-cms.ts';

// The portal's address comes from content/site.yml (or PORTAL_CONTENT_DIR/site.yml).
const contentDir = path.resolve(process.env.PORTAL_CONTENT_DIR ?? 'content');
const site = parse(readFileSync(path.join(contentDir, 'site.yml'), 'utf8'))?.url ?? 'https://example.gov.vn';

export default defineConfig({
  site,
  integrations: [decapCms()],
  // Files served as they are (uploads travel with entries); another folder for the local editorial sandbox.
  ...(process.env.PORTAL_PUBLIC_DIR ? { publicDir: process.env.PORTAL_PUBLIC_DIR } : {}),
  // A separate cache for builds of another content folder (tests, benchmarks).
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // An incremental build (scripts/build.ts) writes only changed pages into the existing site.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: process.env.PORTAL_BUILD_MODE !== 'incremental' } },
});
