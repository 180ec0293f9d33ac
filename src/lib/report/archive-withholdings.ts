/**
 * When the portal stopped serving the archived versions of pages taken down:
 * each revision of the site settings on the published branch that turned
 * `taken_down_versions` from `public` to `hidden` (src/lib/history/mementos.ts
 * `servedVersions`). The approval check judges that change a takedown
 * (src/lib/approval/classify.ts); the report lists it with the entries taken
 * down (docs/reports.md). Pure: the revisions and `now` are given.
 *
 * A revision the content check refuses (removed, not YAML, an alias, a value
 * its schema refuses, an address its allowlist refuses) does not build, so the portal went on serving what it
 * served: it changes nothing. Before the first revision that builds nothing was
 * served. (The approval check reads the setting more loosely, to fail closed:
 * what may be a takedown needs the takedown chain.)
 */
import { isError } from '../content/issues.ts';
import { validateSiteFile } from '../content/site-file.ts';
import type { TakenDownVersions } from '../schema/settings.ts';

/** One revision of content/site.yml on the published branch. */
export interface SettingsRevisionFact {
  /** When it was merged into the published branch (ISO 8601 with offset). */
  date: string;
  /** The pull request whose merge published it, when known. */
  pr?: number | undefined;
  /** Its text; undefined for a removal or a text that could not be read. */
  text: string | undefined;
}

export interface ArchiveWithholding {
  /** When the change went live (ISO 8601, UTC). */
  at: string;
  pr?: number;
}

/** The setting in a revision that builds; undefined for one that does not. */
function servedSetting(text: string | undefined): TakenDownVersions | undefined {
  if (text === undefined) return undefined;
  const { value, issues } = validateSiteFile(text);
  return value === undefined || issues.some(isError) ? undefined : value.taken_down_versions;
}

/** Each change of the settings to no longer serving the archived versions of pages taken down, up to `now`, oldest first. */
export function archiveWithholdings(revisions: readonly SettingsRevisionFact[], now: Date): ArchiveWithholding[] {
  const withholdings: ArchiveWithholding[] = [];
  let served: TakenDownVersions | undefined;
  const inOrder = [...revisions].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (const revision of inOrder) {
    const at = Date.parse(revision.date);
    if (at > now.getTime()) break;
    const value = servedSetting(revision.text);
    if (value === undefined) continue;
    if (served === 'public' && value === 'hidden') {
      const withholding: ArchiveWithholding = { at: new Date(at).toISOString() };
      if (revision.pr !== undefined) withholding.pr = revision.pr;
      withholdings.push(withholding);
    }
    served = value;
  }
  return withholdings;
}
