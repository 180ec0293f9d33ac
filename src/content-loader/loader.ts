/**
 * The Astro content loader for the portal's collections. Entries are checked
 * and rendered to HTML by src/lib/content (never compiled to JavaScript
 * modules), only when their content hash changed since the last build; the
 * data store keeps their data, and the rendered bodies live in the body cache.
 * Any error stops the build with every problem listed (file, line, field, in
 * Vietnamese and English).
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ContentError, formatIssues, isError } from '../lib/content/issues.ts';
import type { EntryRef } from '../lib/content/validate.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import { contentRoot } from './read-content.ts';
import { contentSync, forgetContentSync } from './sync.ts';

let reportedWarnings = false;
const reloaders = new Set<() => Promise<void>>();

export function portalLoader(collection: CollectionName): Loader {
  return {
    name: 'portal-content',
    load: async ({ store, logger, config, watcher }) => {
      const projectRoot = fileURLToPath(config.root);
      const load = async () => {
        const sync = contentSync(projectRoot);
        const prepared = await sync.prepared;
        const mine = prepared.files.filter((f) => f.collection === collection);
        const todo = mine.filter((f) => store.get(f.id)?.digest !== f.digest || !prepared.bodies.has(f.digest));
        const total = prepared.files.filter((f) => !prepared.bodies.has(f.digest)).length;
        let rendered: Awaited<ReturnType<typeof sync.render>>;
        try {
          rendered = prepared.settings ? await sync.render(todo, prepared.settings, total) : { entries: [], issues: [] };
        } catch (error) {
          // The other collections wait for this one: let them finish, then fail.
          void sync.arrive(collection, { refs: [], issues: [], digests: [] });
          throw error;
        }

        const valid = new Set(mine.map((f) => f.id));
        const failed = new Set(todo.map((f) => f.id));
        for (const e of rendered.entries) {
          const id = `${e.locale}/${e.slug}`;
          failed.delete(id);
          store.set({ id, data: e.data, filePath: e.file, digest: e.digest });
        }
        for (const id of store.keys()) if (!valid.has(id) || failed.has(id)) store.delete(id);

        // Links to the portal: from this render, else as the cache kept them.
        const renderedLinks = new Map(rendered.entries.map((e) => [e.digest, e.links]));
        const refs: EntryRef[] = [];
        const digests: string[] = [];
        for (const e of store.values()) {
          const [locale, slug] = e.id.split('/') as [EntryRef['locale'], string];
          const digest = e.digest as string;
          refs.push({ collection, locale, slug, file: e.filePath!, data: e.data, links: renderedLinks.get(digest) ?? prepared.links.get(digest) ?? [] });
          digests.push(digest);
        }
        logger.info(`${collection}: ${refs.length} entries, ${rendered.entries.length} rendered`);

        const issues = await sync.arrive(collection, { refs, issues: rendered.issues, digests });
        if (issues.some(isError)) throw new ContentError(issues);
        if (issues.length > 0 && !reportedWarnings) {
          reportedWarnings = true;
          logger.warn(formatIssues(issues));
        }
      };
      await load();

      // In `astro dev`: any change under content/ re-syncs every collection.
      reloaders.add(load);
      if (watcher && reloaders.size === 1) {
        watcher.add(contentRoot(projectRoot));
        watcher.on('all', async (_event, changed) => {
          if (!changed.startsWith(contentRoot(projectRoot))) return;
          forgetContentSync();
          await Promise.all([...reloaders].map((reload) => reload().catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)))));
        });
      }
    },
  };
}
