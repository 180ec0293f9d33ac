/**
 * In `astro build`, pages read Astro's content data store by parsing its file
 * at prerender time, instead of from a JavaScript module that holds the whole
 * store as one string literal (Astro's own way): at 20,000 entries the store
 * is 15 MB, which V8 takes 1.5 s to compile as a module and 0.15 s to parse as
 * JSON (measured in docs/performance.md). The store and its format are
 * Astro's; only where its text comes from changes. `astro dev` keeps Astro's
 * module (it reloads it when content changes).
 *
 * Astro treats a store that fails to load as empty, which would build a site
 * without entries: a store that cannot be read stops the build instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's virtual module of the data store (astro/dist/content/consts.js) and the file it is made from. */
const DATA_STORE_MODULE = 'astro:data-layer-content';
const DATA_STORE_FILE = 'data-store.json';
const RESOLVED = '\0portal:data-store-from-file';

export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'portal-data-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'portal-data-store-from-file',
                // Resolved before Astro's own plugin (itself `enforce: 'pre'`) sees the import, so
                // Astro never reads the store to inline it.
                resolveId: { order: 'pre', handler: (id: string) => (id === DATA_STORE_MODULE ? RESOLVED : undefined) },
                load: {
                  order: 'pre',
                  handler: (id: string) =>
                    id !== RESOLVED
                      ? undefined
                      : [
                          `import { existsSync, readFileSync } from 'node:fs';`,
                          `const file = ${JSON.stringify(file)};`,
                          `let store = new Map();`,
                          `if (existsSync(file)) {`,
                          `  try {`,
                          `    store = JSON.parse(readFileSync(file, 'utf8'));`,
                          `  } catch (error) {`,
                          `    console.error(\`Không đọc được kho dữ liệu nội dung \${file} (\${error.message}): hãy chạy lại npm run build -- --full.\\nThe content data store \${file} cannot be read (\${error.message}): run npm run build -- --full.\`);`,
                          `    process.exit(1);`,
                          `  }`,
                          `}`,
                          `export default store;`,
                        ].join('\n'),
                },
              },
            ],
          },
        });
      },
    },
  };
}
