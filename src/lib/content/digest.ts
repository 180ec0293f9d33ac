/**
 * The content hash the build keys its caches by. Its own module: the build's
 * scripts need it before anything else, without loading the schemas.
 */
import { createHash } from 'node:crypto';

/** A short content hash of a file's text (with anything else that shapes its output). */
export function contentDigest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 20);
}
