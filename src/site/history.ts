/**
 * The published history of every content file, read once per build by one
 * `git log` pass (src/lib/history/read-history.ts) from the repository holding
 * the content (or PORTAL_HISTORY_REPO at PORTAL_HISTORY_REF). Without a
 * repository, or in a shallow clone, pages show no history and the build says
 * why: a history is never passed off as complete when it is not.
 */
import { createHash } from 'node:crypto';
import { formatBilingual } from '../lib/history/history-error.ts';
import { readContentHistory, SHALLOW_HISTORY_WARNING } from '../lib/history/read-history.ts';
import type { Revision } from '../lib/history/revision.ts';
import { contentRoot } from '../content/read-content.ts';
import { once } from './entries.ts';

async function history(): Promise<Map<string, Revision[]> | undefined> {
  return once('history', async () => {
    const dir = process.env.PORTAL_HISTORY_REPO || contentRoot(process.cwd());
    try {
      const h = await readContentHistory(dir, process.env.PORTAL_HISTORY_REF ? { ref: process.env.PORTAL_HISTORY_REF } : {});
      if (h.shallow) {
        console.warn(`history: ${formatBilingual(SHALLOW_HISTORY_WARNING)}`);
        return undefined;
      }
      return h.files;
    } catch (error) {
      console.warn(`history: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}

/** The revisions of a content file (`content/news/vi/x.mdx`), oldest first; empty when unknown. */
export async function revisionsOf(file: string): Promise<Revision[]> {
  return (await history())?.get(file) ?? [];
}

/** A short hash of a file's revisions, for the page fingerprints of incremental builds. */
export async function historyDigest(file: string): Promise<string> {
  const revisions = await revisionsOf(file);
  return revisions.length === 0 ? '' : createHash('sha256').update(JSON.stringify(revisions)).digest('hex').slice(0, 16);
}
