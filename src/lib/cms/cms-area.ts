/**
 * Where the CMS may read and write, taken from the generated Decap
 * configuration (decap-config.ts) — the same one the editors' CMS loads, so
 * there is one source of truth:
 * - entries: `<folder>/<locale>/<slug>.<extension>` of each folder collection
 *   (i18n `multiple_folders`), with the portal's slug rule;
 * - the files of file collections (content/site.yml, content/taxonomy.yml);
 * - uploads: directly inside a `media_folder` of the configuration (global,
 *   collection or field), which is where Decap puts every upload.
 */
import { SLUG_PATTERN } from '../schema/fields.ts';
import type { DecapCollection, DecapConfig } from './decap-config.ts';
import type { DecapField } from './decap-fields.ts';
import { inspectRepoPath } from './repo-path.ts';

export interface FolderCollection {
  name: string;
  folder: string;
  extension: string;
  /** Language folders between the collection folder and the file (i18n `multiple_folders`). */
  locales: readonly string[] | undefined;
}

export interface CollectionFile {
  collection: string;
  /** Decap's slug of the entry: the file's name in the configuration. */
  name: string;
  file: string;
}

export interface CmsArea {
  folderCollections: FolderCollection[];
  files: CollectionFile[];
  /** Every media folder of the configuration, without leading or trailing slash, sorted. */
  mediaFolders: string[];
  /** The configuration's own `media_folder`, where the Media tab uploads. */
  uploadFolder: string;
  /** `publish_mode: editorial_workflow`: every save goes to a draft branch. */
  workflow: boolean;
}

export type Place =
  | { kind: 'entry'; collection: string; locale: string | undefined; slug: string }
  /** In a collection folder with a slug the portal refuses (upper case, “_”, accents, …). */
  | { kind: 'bad-slug'; collection: string; slug: string }
  /**
   * `<folder>/<slug>.<extension>` of a collection with language folders: where
   * Decap looks to see whether a new slug is taken (it leaves the language out).
   * Never a file of the portal; only ever read.
   */
  | { kind: 'slug-probe'; collection: string; slug: string }
  | { kind: 'file'; collection: string; slug: string }
  | { kind: 'media'; folder: string; name: string };

/** A folder of the configuration as a repository path; anything but a plain path is a mistake in the configuration. */
function configFolder(folder: string, where: string): string {
  const trimmed = folder.replace(/^\/+|\/+$/g, '');
  const { problem } = inspectRepoPath(trimmed);
  if (problem) throw new Error(`The CMS configuration's ${where} “${folder}” is not a plain folder of the repository (${problem.kind}).`);
  return trimmed;
}

function fieldMediaFolders(fields: readonly DecapField[] | undefined, into: Set<string>, where: string) {
  for (const field of fields ?? []) {
    if (field.media_folder !== undefined) into.add(configFolder(field.media_folder, `${where} field “${field.name}” media_folder`));
    fieldMediaFolders(field.fields, into, where);
    if (field.field) fieldMediaFolders([field.field], into, where);
  }
}

function collectionMediaFolders(collection: DecapCollection, into: Set<string>) {
  const where = `collection “${collection.name}”`;
  if (collection.media_folder !== undefined) into.add(configFolder(collection.media_folder, `${where} media_folder`));
  fieldMediaFolders(collection.fields, into, where);
  for (const file of collection.files ?? []) fieldMediaFolders(file.fields, into, `${where} file “${file.name}”`);
}

export function cmsArea(config: DecapConfig): CmsArea {
  const folderCollections: FolderCollection[] = [];
  const files: CollectionFile[] = [];
  const uploadFolder = configFolder(config.media_folder, 'media_folder');
  const media = new Set<string>([uploadFolder]);
  for (const collection of config.collections) {
    if (collection.folder !== undefined) {
      folderCollections.push({
        name: collection.name,
        folder: configFolder(collection.folder, `collection “${collection.name}” folder`),
        extension: collection.extension ?? 'md',
        locales: collection.i18n && config.i18n.structure === 'multiple_folders' ? config.i18n.locales : undefined,
      });
    }
    for (const file of collection.files ?? []) {
      files.push({ collection: collection.name, name: file.name, file: configFolder(file.file, `collection “${collection.name}” file`) });
    }
    collectionMediaFolders(collection, media);
  }
  return { folderCollections, files, mediaFolders: [...media].sort(), uploadFolder, workflow: config.publish_mode === 'editorial_workflow' };
}

/** Where a plain path (see `inspectRepoPath`) lies in the CMS's area, or `undefined` when outside it. */
export function placeOf(path: string, area: CmsArea): Place | undefined {
  const file = area.files.find((f) => f.file === path);
  if (file) return { kind: 'file', collection: file.collection, slug: file.name };
  const cut = path.lastIndexOf('/');
  const folder = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut > 0 && area.mediaFolders.includes(folder)) return { kind: 'media', folder, name };
  for (const c of area.folderCollections) {
    if (!path.startsWith(`${c.folder}/`)) continue;
    const folders = path.slice(c.folder.length + 1).split('/');
    const file = folders.pop()!;
    if (!file.endsWith(`.${c.extension}`)) return undefined;
    const slug = file.slice(0, -(c.extension.length + 1));
    if (c.locales && folders.length === 0) return SLUG_PATTERN.test(slug) ? { kind: 'slug-probe', collection: c.name, slug } : undefined;
    const locale = c.locales ? folders.shift() : undefined;
    if (folders.length > 0 || (c.locales && !c.locales.includes(locale!))) return undefined;
    return SLUG_PATTERN.test(slug) ? { kind: 'entry', collection: c.name, locale, slug } : { kind: 'bad-slug', collection: c.name, slug };
  }
  return undefined;
}

/** The entry paths and files the CMS writes, as a person reads them: “content/<pages|news|…>/<vi|en>/<slug>.mdx, content/site.yml, …”. */
export function describeEntryPlaces(area: CmsArea, slugWord: string): string {
  const groups = new Map<string, string[]>();
  for (const c of area.folderCollections) {
    const parent = c.folder.slice(0, c.folder.lastIndexOf('/') + 1);
    const key = `${parent}\u0000${c.locales?.join('|') ?? ''}\u0000${c.extension}`;
    groups.set(key, [...(groups.get(key) ?? []), c.folder.slice(parent.length)]);
  }
  const patterns = [...groups].map(([key, names]) => {
    const [parent, locales, extension] = key.split('\u0000') as [string, string, string];
    return `${parent}<${names.join('|')}>/${locales ? `<${locales}>/` : ''}<${slugWord}>.${extension}`;
  });
  return [...patterns, ...area.files.map((f) => f.file)].join(', ');
}

/** The media folders as a person reads them: “public/files/, public/media/, …”. */
export function describeMediaFolders(area: CmsArea): string {
  return area.mediaFolders.map((f) => `${f}/`).join(', ');
}
