/** The validated site settings (content/site.yml, content/taxonomy.yml), read once. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError } from '../lib/content/issues.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings, type Settings } from '../lib/content/validate.ts';
import { contentRoot } from '../content/read-content.ts';

let cached: Promise<Settings> | undefined;

export function getSettings(): Promise<Settings> {
  cached ??= (async () => {
    const root = contentRoot(process.cwd());
    const files = await Promise.all(
      [SITE_FILE, TAXONOMY_FILE].map(async (file) => ({
        file,
        source: await readFile(path.join(root, file.replace(/^content\//, '')), 'utf8'),
      })),
    );
    const { settings, issues } = validateSettings(files);
    if (!settings) throw new ContentError(issues);
    return settings;
  })();
  return cached;
}
