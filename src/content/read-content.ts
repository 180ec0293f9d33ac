/** Reads `content/` from disk: the content loader and `npm run check:content` share it. */
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
