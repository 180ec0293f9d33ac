// @ts-check
import { defineConfig } from 'astro/config';
import { readContentFileSync } from './src/content-loader/read-content.ts';
import { dataStoreFromFile } from './src/integrations/data-store-from-file.ts';
import { decapCms } from './src/integrations/decap-cms.ts';
import { parseYamlWithPositions } from './src/lib/content/frontmatter.ts';

// The portal's address comes from content/site.yml (or PORTAL_CONTENT_DIR/site.yml), read
// like the content check reads it (no link followed, size and YAML limits); when it is
// refused, the content check stops the build with the reason.
const siteFile = readContentFileSync(process.cwd(), 'content/site.yml');
const siteUrl = siteFile === undefined ? undefined : parseYamlWithPositions('content/site.yml', siteFile).data?.url;
const site = typeof siteUrl === 'string' ? siteUrl : 'https://example.gov.vn';

export default defineConfig({
  site,
  integrations: [decapCms(), dataStoreFromFile()],
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
