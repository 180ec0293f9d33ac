/** The rendered body of an entry (HTML and table of contents), from the body cache. */
import { readBody, type EntryBody } from '../content-loader/body-cache.ts';

export function entryBody(entry: { id: string; digest?: string | number | undefined }): Promise<EntryBody> {
  if (typeof entry.digest !== 'string') throw new Error(`Entry ${entry.id} has no content digest; run the build again.`);
  return readBody(entry.digest);
}
