/**
 * An entry file's text read for its life: the lifecycle fields, checked by the
 * very schemas the build uses (src/lib/schema/fields.ts), and everything else.
 * The approval judge reads the base and head versions of a changed entry this
 * way; the build reads entries through the content loader.
 */
import { z } from 'zod';
import { parseEntryFile } from '../content/frontmatter.ts';
import { lifecycleFields, withdrawnGroup } from '../schema/fields.ts';
import { lifecycleOf, registers, type LifecycleData } from './states.ts';

/** The lifecycle fields of any collection; other fields are left out (not refused). */
const lifecycleSchema = z.object({ publish_at: lifecycleFields.publish_at, withdrawn: withdrawnGroup });

export interface EntryFileReading {
  lifecycle: LifecycleData;
  /** Everything but the lifecycle fields (the other fields and the body), to compare two versions. */
  substance: string;
}

/** The entry's lifecycle and substance, or undefined when its frontmatter or lifecycle fields cannot be read. */
export function readEntryFile(path: string, text: string): EntryFileReading | undefined {
  const parsed = parseEntryFile(path, text);
  if (!parsed.data) return undefined;
  const lifecycle = lifecycleSchema.safeParse(parsed.data);
  if (!lifecycle.success) return undefined;
  const { publish_at: _p, withdrawn: _w, ...others } = parsed.data;
  const substance = JSON.stringify([Object.entries(others).sort(([a], [b]) => a.localeCompare(b)), parsed.body]);
  // `content/<collection>/…`: a register's entry (a question) is complete only with its completing field (its answer).
  const collection = /^content\/([^/]+)\//.exec(path)?.[1] ?? '';
  const completing = registers[collection];
  const complete = completing === undefined ? {} : { [completing]: parsed.data[completing] };
  return { lifecycle: lifecycleOf(collection, { ...lifecycle.data, ...complete }), substance };
}
