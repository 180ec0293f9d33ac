/** Reads `content/` (and the list of files in `public/`) from disk: the content loader and `npm run check:content` share it. */
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../lib/content/validate.ts';

/** The content folder: `content/` in the project, or PORTAL_CONTENT_DIR (see docs/performance.md). */
export function contentRoot(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.PORTAL_CONTENT_DIR ?? 'content');
}

export async function readContentFiles(projectRoot: string): Promise<SourceFile[]> {
  const root = contentRoot(projectRoot);
  const names: string[] = [];
  for await (const rel of glob('**/*.{mdx,md,yml,yaml}', { cwd: root })) names.push(rel);
  names.sort();
  const files: SourceFile[] = [];
  // Read in parallel, a bounded number at a time.
  for (let i = 0; i < names.length; i += 64) {
    const batch = names.slice(i, i + 64);
    const sources = await Promise.all(batch.map((rel) => readFile(path.join(root, rel), 'utf8')));
    batch.forEach((rel, j) => files.push({ file: `content/${rel.split(path.sep).join('/')}`, source: sources[j]! }));
  }
  return files;
}

/** The folder of files served as they are: `public/`, or PORTAL_PUBLIC_DIR (as in astro.config.mjs). */
export function publicRoot(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.PORTAL_PUBLIC_DIR ?? 'public');
}

/** Every file in `public/` as a path from the site root (“/files/a.pdf”), plus “/dir/” for each “/dir/index.html”. */
export async function readStaticPaths(projectRoot: string): Promise<Set<string>> {
  const root = publicRoot(projectRoot);
  const paths = new Set<string>();
  try {
    for await (const entry of glob('**/*', { cwd: root, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const url = `/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`;
      paths.add(url);
      if (url.endsWith('/index.html')) paths.add(url.slice(0, -'index.html'.length));
    }
  } catch {
    // No public/ folder: no static files.
  }
  return paths;
}
