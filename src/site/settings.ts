/** The validated site settings (content/site.yml, content/taxonomy.yml), read once. */
import { ContentError, type ContentIssue } from '../lib/content/issues.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings, type Settings, type SourceFile } from '../lib/content/validate.ts';
import { readContentFile } from '../content-loader/read-content.ts';

let cached: Promise<Settings> | undefined;

export function getSettings(): Promise<Settings> {
  cached ??= (async () => {
    const files: SourceFile[] = [];
    const refused: ContentIssue[] = [];
    for (const file of [SITE_FILE, TAXONOMY_FILE]) {
      const { source, issue } = await readContentFile(process.cwd(), file);
      if (issue) refused.push(issue);
      if (source !== undefined) files.push({ file, source });
    }
    const { settings, issues } = validateSettings(files);
    if (!settings || refused.length > 0) throw new ContentError([...refused, ...issues]);
    return settings;
  })();
  return cached;
}
