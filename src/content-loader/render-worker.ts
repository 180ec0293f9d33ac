/**
 * A worker thread of the content loader (run by piscina): validates and
 * renders a batch of entry files, writes their bodies to the cache, and sends
 * back only what the data store needs.
 */
import { contentSchemas } from '../lib/schema/collections.ts';
import type { Taxonomy } from '../lib/schema/settings.ts';
import { validateEntryFile, type PortalEntry } from '../lib/content/validate.ts';
import type { ContentIssue } from '../lib/content/issues.ts';
import type { UrlPolicy } from '../lib/content/urls.ts';
import { writeBody } from './body-cache.ts';

export interface RenderTask {
  taxonomy: Taxonomy;
  /** What content/site.yml allows besides portal paths and https links. */
  urls: UrlPolicy;
  files: { file: string; source: string; digest: string }[];
}

export type StoredEntry = Omit<PortalEntry, 'html' | 'toc'>;

export interface RenderResult {
  entries: StoredEntry[];
  issues: ContentIssue[];
}

let schemas: { taxonomy: string; value: ReturnType<typeof contentSchemas> } | undefined;

export async function renderFiles(task: RenderTask): Promise<RenderResult> {
  const key = JSON.stringify(task.taxonomy);
  if (schemas?.taxonomy !== key) schemas = { taxonomy: key, value: contentSchemas(task.taxonomy) };
  const entries: StoredEntry[] = [];
  const issues: ContentIssue[] = [];
  for (const f of task.files) {
    const result = validateEntryFile(f.file, f.source, schemas.value, f.digest, task.urls);
    issues.push(...result.issues);
    if (result.entry) {
      const { html, toc, ...stored } = result.entry;
      await writeBody(f.digest, { html, toc });
      entries.push(stored);
    }
  }
  return { entries, issues };
}

export default renderFiles;
