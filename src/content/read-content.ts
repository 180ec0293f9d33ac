/**
 * Reads `content/` from disk once per process and validates it. Shared by the
 * Astro content loader and `npm run check:content`.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { validateContent, type SourceFile } from '../lib/content/validate.ts';

/** The content folder: `content/` in the project, or PORTAL_CONTENT_DIR (see docs/performance.md). */
export function contentRoot(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.PORTAL_CONTENT_DIR ?? 'content');
}

export async function readContentFiles(projectRoot: string): Promise<SourceFile[]> {
  const root = contentRoot(projectRoot);
  const files: SourceFile[] = [];
  for await (const rel of glob('**/*.{mdx,md,yml,yaml}', { cwd: root })) {
    const posix = rel.split(path.sep).join('/');
    files.push({ file: `content/${posix}`, source: await readFile(path.join(root, rel), 'utf8') });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return files;
}

const cache = new Map<string, Promise<ReturnType<typeof validateContent>>>();

/** Validated content of the project at `projectRoot` (one read for the whole process). */
export function loadPortalContent(projectRoot: string): Promise<ReturnType<typeof validateContent>> {
  const key = contentRoot(projectRoot);
  let result = cache.get(key);
  if (!result) {
    result = readContentFiles(projectRoot).then(validateContent);
    cache.set(key, result);
  }
  return result;
}

/** Forgets the memoised content (the dev server calls this when a file changes). */
export function forgetPortalContent(): void {
  cache.clear();
}
