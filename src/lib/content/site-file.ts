/**
 * The site settings file (content/site.yml, src/lib/schema/settings.ts), and
 * what a text of it says of the archived versions of pages taken down — read
 * the same way by the approval check (a change to `hidden` is a takedown) and
 * the editorial report (it lists when the portal stopped serving them).
 */
import type { TakenDownVersions } from '../schema/settings.ts';
import { parseYamlWithPositions } from './frontmatter.ts';

export const SITE_FILE = 'content/site.yml';

/**
 * `taken_down_versions` in a text of the site settings: `hidden` when unset (the default); undefined when the
 * text is missing or cannot be read, or the value is neither (the content check refuses it).
 */
export function takenDownVersionsIn(text: string | null | undefined): TakenDownVersions | undefined {
  if (text === undefined || text === null) return undefined;
  const parsed = parseYamlWithPositions(SITE_FILE, text);
  if (!parsed.data || parsed.issues.length > 0) return undefined;
  const value = Object.hasOwn(parsed.data, 'taken_down_versions') ? parsed.data.taken_down_versions : 'hidden';
  return value === 'hidden' || value === 'public' ? value : undefined;
}
