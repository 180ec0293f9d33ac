/**
 * The one place a Q&A entry's front matter becomes the `QaLifecycle` the
 * deadlines are computed from. The fields and the checks between them are the
 * content schema's (`qaLifecycleShape`, `checkQaLifecycle` of
 * src/lib/schema/collections.ts, the same that `qaSchema` is built from): one
 * definition, read here without the entry's other fields, so `npm run duties`
 * and the CMS preview never compute a deadline from a malformed moment, and
 * say which field of which file to fix, with its line, in Vietnamese and English.
 */
import { z } from 'zod';
import type { ParsedYaml } from '../content/frontmatter.ts';
import type { ContentIssue } from '../content/issues.ts';
import { checkData } from '../content/yaml-file.ts';
import type { VietnamDateTime } from '../dates.ts';
import { checkQaLifecycle, qaLifecycleShape } from '../schema/collections.ts';
import type { QaLifecycle } from './qa-deadlines.ts';

/** The lifecycle fields of a Q&A entry, as the content schema defines them; its other fields are left to the content check. */
export const qaLifecycleFields = z.object(qaLifecycleShape).superRefine(checkQaLifecycle);

/**
 * The lifecycle of the entry whose front matter is `data` (in `file`, with
 * `locate` giving a field's line), with `published` from the publication
 * history; or the problems that keep it from being read.
 */
export function qaLifecycleOf(
  data: unknown,
  file: string,
  locate: ParsedYaml['locate'],
  published?: VietnamDateTime,
): { lifecycle?: QaLifecycle; issues: ContentIssue[] } {
  const { value, issues } = checkData(qaLifecycleFields, data, file, locate);
  if (!value) return { issues };
  const classified = value.classified && { at: value.classified.at, result: value.classified.result, reported_back: value.classified.reported_back };
  return {
    lifecycle: { channel: value.channel, received: value.received, classified, routed_to: value.routed_to, answered: value.answered, published },
    issues,
  };
}
