/**
 * The Astro content loader for the portal's collections. It stores entries
 * that `src/lib/content/validate.ts` has checked and rendered to HTML, so no
 * entry is ever compiled to a JavaScript module. Any error stops the build
 * with every problem listed (file, line, field, in Vietnamese and English).
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ContentError, formatIssues, isError } from '../lib/content/issues.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import { contentRoot, forgetPortalContent, loadPortalContent } from './read-content.ts';

let reportedWarnings = false;

export function portalLoader(collection: CollectionName): Loader {
  return {
    name: 'portal-content',
    load: async ({ store, logger, config, watcher, collection: name }) => {
      const projectRoot = fileURLToPath(config.root);
      const load = async () => {
        const { entries, issues } = await loadPortalContent(projectRoot);
        const errors = issues.filter(isError);
        if (errors.length > 0) throw new ContentError(issues);
        if (issues.length > 0 && !reportedWarnings) {
          reportedWarnings = true;
          logger.warn(formatIssues(issues));
        }
        const keep = new Set<string>();
        for (const e of entries) {
          if (e.collection !== collection) continue;
          const id = `${e.locale}/${e.slug}`;
          keep.add(id);
          if (store.get(id)?.digest === e.digest) continue;
          store.set({
            id,
            data: e.data,
            filePath: e.file,
            digest: e.digest,
            rendered: {
              html: e.html,
              metadata: { headings: e.toc.map((t) => ({ depth: t.depth, slug: t.slug, text: t.text })) },
            },
          });
        }
        for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
        logger.info(`${name}: ${keep.size} entries`);
      };
      await load();
      watcher?.add(contentRoot(projectRoot));
      watcher?.on('all', async (_event, changed) => {
        if (!changed.startsWith(contentRoot(projectRoot))) return;
        forgetPortalContent();
        try {
          await load();
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
