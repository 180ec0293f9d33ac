/**
 * Serves Decap CMS's browser bundle at /admin/decap/<version>/ from the npm
 * package: copied into the built site, and served from node_modules by
 * `astro dev`. No script comes from a third-party CDN.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { decapBundleFolder, decapDist, isDecapBundleFile } from '../lib/cms/decap-bundle.ts';

export function decapCms(): AstroIntegration {
  return {
    name: 'portal-decap-cms',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          if (!url.startsWith(decapBundleFolder)) return next();
          const name = url.slice(decapBundleFolder.length);
          if (!isDecapBundleFile(name)) return next();
          res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.txt') ? 'text/plain' : 'text/javascript');
          createReadStream(path.join(decapDist, name)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = path.join(fileURLToPath(dir), decapBundleFolder);
        await mkdir(target, { recursive: true });
        const files = (await readdir(decapDist)).filter(isDecapBundleFile);
        await Promise.all(files.map((f) => copyFile(path.join(decapDist, f), path.join(target, f))));
        logger.info(`Decap CMS bundle: ${files.length} files in ${decapBundleFolder}`);
      },
    },
  };
}
