/**
 * One content sync per build, shared by the six collection loaders:
 *
 * 1. read every file of content/ once and hash it (with the rendering code
 *    and the taxonomy, so a change to either re-renders what it affects) —
 *    except entry files whose stamp (size, inode, times) is the one the last
 *    build recorded (digest-cache.ts): their digest stands, and they are
 *    read only if a check between entries needs their text;
 * 2. each loader validates and renders only its files whose hash is not in
 *    its data store yet — on worker threads when there are many;
 * 3. when all six are done, check between entries (translations, references,
 *    links to the portal) across the whole store, report every problem at
 *    once, keep each body's links for the next build, and drop rendered
 *    bodies that no entry uses any more.
 */
import { glob, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { contentDigest } from '../lib/content/digest.ts';
import { isError, type ContentIssue } from '../lib/content/issues.ts';
import {
  boardListIssues,
  crossCheck,
  isSettingsFile,
  parseEntryPath,
  ROLES_FILE,
  TAXONOMY_FILE,
  validateSettings,
  type EntryRef,
  type Settings,
} from '../lib/content/validate.ts';
import { collectionNames, contentSchemas, type CollectionName } from '../lib/schema/collections.ts';
import type { InternalLink } from '../lib/content/render-body.ts';
import { urlPolicyOf, type UrlPolicy } from '../lib/content/urls.ts';
import { pruneBodies, readLinkIndex, storedBodies, writeLinkIndex } from './body-cache.ts';
import { readDigestCache, writeDigestCache } from './digest-cache.ts';
import { readContentFileSync, readContentFiles, readPublicFiles } from './read-content.ts';
import { renderFiles, type RenderResult, type RenderTask } from './render-worker.ts';

export interface EntryFile {
  id: string;
  file: string;
  /** The text, when the file was read (a file unchanged since the last build is read only when needed: `sourceOf`). */
  source?: string;
  digest: string;
  collection: CollectionName;
}

interface Prepared {
  settings?: Settings;
  /** Problems with the settings files, misplaced or unreadable files (links, oversize) and files in public/. */
  issues: ContentIssue[];
  files: EntryFile[];
  /** The text of an entry file (read now when it was left unread), or undefined when there is no such file. */
  sourceOf: (file: string) => string | undefined;
  /** Digests whose rendered body (and its links) are in the cache. */
  bodies: Set<string>;
  /** Digest → the links to the portal its body makes. */
  links: Map<string, InternalLink[]>;
  /** The files in public/, as paths from the site root. */
  staticPaths: Set<string>;
  /** Whether content/governance/roles.yml exists (a page listing the board needs it). */
  rolesFileExists: boolean;
}

/** Below this many files to render, worker threads cost more than they save. */
const POOL_THRESHOLD = 400;
const BATCH = 100;

/** The layout of the body cache: a new value re-renders every entry. */
const CACHE_FORMAT = 'bodies+links/2';

/** Everything that shapes a rendered body besides the file itself: the code, the taxonomy, the address allowlist. */
async function pipelineDigest(projectRoot: string, taxonomySource: string, urls: UrlPolicy | undefined): Promise<string> {
  const lib = path.join(projectRoot, 'src/lib');
  const parts: string[] = [CACHE_FORMAT, taxonomySource, JSON.stringify(urls ?? null)];
  const files: string[] = [];
  for await (const f of glob('**/*.ts', { cwd: lib })) if (!f.endsWith('.test.ts')) files.push(f);
  for (const f of files.sort()) parts.push(f, await readFile(path.join(lib, f), 'utf8'));
  for (const pkg of ['satteri', 'mdast-util-to-hast', 'hast-util-to-html', 'zod', 'yaml']) {
    const json = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
    parts.push(pkg, json.version);
  }
  return contentDigest(...parts);
}

interface Arrival {
  /** Entries in the store, with their links; `digests[i]` is the digest of `refs[i]`. */
  refs: EntryRef[];
  issues: ContentIssue[];
  digests: string[];
}

class ContentSync {
  readonly prepared: Promise<Prepared>;
  private pool: Piscina | undefined;
  private readonly arrivals = new Map<CollectionName, Arrival>();
  private readonly waiting: ((issues: ContentIssue[]) => void)[] = [];

  private readonly projectRoot: string;

  constructor(projectRoot: string) {
    this.projectRoot = projectRoot;
    this.prepared = this.prepare();
  }

  private async prepare(): Promise<Prepared> {
    const known = await readDigestCache();
    const readAt = BigInt(Date.now()) * 1_000_000n;
    // Entry files whose stamp is the one of the last build keep their digest unread; settings are always read.
    const read = await readContentFiles(this.projectRoot, (file, stamp) => !isSettingsFile(file) && known.get(file)?.[0] === stamp);
    const all = read.files;
    // public/ is checked here, before Astro copies it into the site: a refused file stops the build.
    const publicFiles = await readPublicFiles(this.projectRoot);
    const { settings, issues: settingsIssues } = validateSettings(all);
    const issues = [...read.issues, ...publicFiles.issues, ...settingsIssues];
    const taxonomy = all.find((f) => f.file === TAXONOMY_FILE)?.source ?? '';
    const pipeline = await pipelineDigest(this.projectRoot, taxonomy, settings ? urlPolicyOf(settings.site) : undefined);
    const sources = new Map<string, string>();
    const textDigests = new Map<string, string>();
    for (const { file, source } of all) {
      if (isSettingsFile(file)) continue;
      sources.set(file, source);
      textDigests.set(file, contentDigest(source));
    }
    for (const file of read.unread) textDigests.set(file, known.get(file)![1]);
    await writeDigestCache(
      [...textDigests].map(([file, digest]) => [file, read.stamps.get(file)!, digest]),
      readAt,
    );
    const unread = new Set(read.unread);
    const sourceOf = (file: string) => {
      if (sources.has(file) || !unread.has(file)) return sources.get(file);
      const source = readContentFileSync(this.projectRoot, file);
      if (source === undefined || contentDigest(source) !== textDigests.get(file)) {
        throw new Error(
          `${file} đã thay đổi (hoặc bị xoá) trong khi dựng trang: hãy chạy lại lệnh.\n${file} changed (or was removed) during the build: run the command again.`,
        );
      }
      sources.set(file, source);
      return source;
    };
    const files: EntryFile[] = [];
    for (const file of [...textDigests.keys()].sort()) {
      const place = parseEntryPath(file);
      if ('issue' in place) {
        issues.push(place.issue);
        continue;
      }
      const source = sources.get(file);
      files.push({ id: `${place.locale}/${place.slug}`, file, ...(source === undefined ? {} : { source }), digest: contentDigest(pipeline, textDigests.get(file)!), collection: place.collection });
    }
    // A body counts as cached only with its links (a cache from before links were kept is rendered again).
    const links = await readLinkIndex();
    const bodies = new Set([...(await storedBodies())].filter((d) => links.has(d)));
    return {
      settings,
      issues,
      files,
      sourceOf,
      bodies,
      links,
      staticPaths: publicFiles.staticPaths,
      rolesFileExists: all.some((f) => f.file === ROLES_FILE),
    };
  }

  /** Validates and renders files (on worker threads when there are many). */
  async render(files: EntryFile[], settings: Settings, total: number): Promise<RenderResult> {
    const { sourceOf } = await this.prepared;
    const batches: RenderTask[] = [];
    for (let i = 0; i < files.length; i += BATCH) {
      batches.push({ taxonomy: settings.taxonomy, urls: urlPolicyOf(settings.site), files: files.slice(i, i + BATCH).map(({ file, source, digest }) => ({ file, source: source ?? sourceOf(file)!, digest })) });
    }
    if (total >= POOL_THRESHOLD) {
      this.pool ??= new Piscina({
        filename: new URL('./render-worker.ts', import.meta.url).href,
        name: 'renderFiles',
        maxThreads: Math.max(1, availableParallelism()),
      });
    }
    const results = await Promise.all(batches.map((b) => (this.pool ? (this.pool.run(b) as Promise<RenderResult>) : renderFiles(b))));
    return { entries: results.flatMap((r) => r.entries), issues: results.flatMap((r) => r.issues) };
  }

  /**
   * Called by each loader when its store is up to date; resolves, for all of
   * them, with every problem of the whole content once the last one arrives.
   */
  arrive(collection: CollectionName, arrival: Arrival): Promise<ContentIssue[]> {
    this.arrivals.set(collection, arrival);
    const done = new Promise<ContentIssue[]>((resolve) => this.waiting.push(resolve));
    if (collectionNames.every((c) => this.arrivals.has(c))) void this.finish();
    return done;
  }

  private async finish() {
    const prepared = await this.prepared;
    await this.pool?.destroy();
    this.pool = undefined;
    const arrivals = [...this.arrivals.values()];
    const refs = arrivals.flatMap((a) => a.refs);
    const { sourceOf } = prepared;
    const all = [
      ...prepared.issues,
      ...arrivals.flatMap((a) => a.issues),
      ...(prepared.settings ? crossCheck(refs, sourceOf, prepared.staticPaths, contentSchemas(prepared.settings.taxonomy), prepared.settings.taxonomy.qa_topics) : []),
      ...boardListIssues(refs, sourceOf, prepared.rolesFileExists),
    ];
    const links = new Map<string, InternalLink[]>();
    for (const a of arrivals) a.refs.forEach((r, i) => links.set(a.digests[i]!, r.links ?? []));
    await writeLinkIndex(links);
    if (!all.some(isError)) await pruneBodies(new Set(arrivals.flatMap((a) => a.digests)), await storedBodies());
    for (const resolve of this.waiting.splice(0)) resolve(all);
  }
}

const syncs = new Map<string, ContentSync>();

/** The sync of this build (a new one after `forgetContentSync`, e.g. when a file changes in dev). */
export function contentSync(projectRoot: string): ContentSync {
  let sync = syncs.get(projectRoot);
  if (!sync) syncs.set(projectRoot, (sync = new ContentSync(projectRoot)));
  return sync;
}

export function forgetContentSync(): void {
  syncs.clear();
}
