/**
 * The files whose change makes the next build a full one (scripts/build.ts):
 * everything that shapes the output besides the entries — the site's code, the
 * build's own scripts (the search index, the share cards), the configuration,
 * the lockfile and public/. Tests are left out: they shape no output.
 */
import { glob } from 'node:fs/promises';
import path from 'node:path';

const isTest = (file: string) => /\.test\.[cm]?[jt]s$/.test(file);

/** The code files under `root`, as paths relative to it, sorted. */
export async function buildCodeFiles(root: string): Promise<string[]> {
  const files = ['astro.config.mjs', 'package-lock.json'];
  for (const pattern of ['src/**/*', 'scripts/*.ts', 'scripts/lib/**/*.ts']) {
    for await (const f of glob(pattern, { cwd: root, withFileTypes: true })) {
      const rel = path.relative(root, path.join(f.parentPath, f.name));
      if (f.isFile() && !isTest(rel)) files.push(rel);
    }
  }
  return files.sort();
}
