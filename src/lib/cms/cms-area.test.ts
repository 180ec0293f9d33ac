import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { collectionNames } from '../schema/collections.ts';
import { sitePath } from '../schema/fields.ts';
import { siteSchema, taxonomySchema } from '../schema/settings.ts';
import { cmsArea, describeEntryPlaces, describeMediaFolders, placeOf } from './cms-area.ts';
import { decapConfig } from './decap-config.ts';

const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const taxonomy = taxonomySchema.parse(parseYamlWithPositions('content/taxonomy.yml', readFileSync('content/taxonomy.yml', 'utf8')).data);
const config = decapConfig(site, taxonomy, 'vi');
const area = cmsArea(config);

describe('cmsArea', () => {
  it('is read from the generated configuration: every collection folder, file and media folder', () => {
    expect(area.folderCollections.map((c) => c.name)).toEqual([...collectionNames]);
    for (const c of area.folderCollections) expect(c).toEqual({ name: c.name, folder: `content/${c.name}`, extension: 'mdx', locales: ['vi', 'en'] });
    expect(area.files).toEqual([
      { collection: 'settings', name: 'site', file: 'content/site.yml' },
      { collection: 'settings', name: 'taxonomy', file: 'content/taxonomy.yml' },
    ]);
    expect(area.mediaFolders).toEqual(
      ['public/files', 'public/media', 'public/media/uploads', ...collectionNames.map((n) => `public/media/${n}`)].sort(),
    );
    expect(area.uploadFolder).toBe('public/media/uploads');
    expect(area.workflow).toBe(true);
  });

  it('follows the configuration when it changes (one source of truth)', () => {
    const changed = { ...config, media_folder: 'static/uploads', publish_mode: 'simple' as unknown as 'editorial_workflow' };
    const other = cmsArea(changed);
    expect(other.mediaFolders).toContain('static/uploads');
    expect(other.mediaFolders).not.toContain('public/media/uploads');
    expect(other.workflow).toBe(false);
  });

  it('refuses a configuration whose folders are not plain repository folders', () => {
    expect(() => cmsArea({ ...config, media_folder: '../outside' })).toThrow(/not a plain folder/);
    expect(() => cmsArea({ ...config, media_folder: '.git' })).toThrow(/not a plain folder/);
  });
});

describe('placeOf', () => {
  it('knows entries, settings files and uploads', () => {
    expect(placeOf('content/news/vi/dang-ky.mdx', area)).toEqual({ kind: 'entry', collection: 'news', locale: 'vi', slug: 'dang-ky' });
    expect(placeOf('content/units/en/ban-tuyen-giao.mdx', area)).toEqual({ kind: 'entry', collection: 'units', locale: 'en', slug: 'ban-tuyen-giao' });
    expect(placeOf('content/site.yml', area)).toEqual({ kind: 'file', collection: 'settings', slug: 'site' });
    expect(placeOf('public/media/uploads/a.png', area)).toEqual({ kind: 'media', folder: 'public/media/uploads', name: 'a.png' });
    expect(placeOf('public/files/a.pdf', area)).toEqual({ kind: 'media', folder: 'public/files', name: 'a.pdf' });
  });

  it('knows where Decap looks to see whether a slug is taken (without the language folder)', () => {
    expect(placeOf('content/news/dang-ky.mdx', area)).toEqual({ kind: 'slug-probe', collection: 'news', slug: 'dang-ky' });
    expect(placeOf('content/news/Dang_Ky.mdx', area)).toBeUndefined();
  });

  it('tells a slug the portal refuses from a place outside the area', () => {
    expect(placeOf('content/news/vi/Dang_Ky.mdx', area)).toEqual({ kind: 'bad-slug', collection: 'news', slug: 'Dang_Ky' });
  });

  it('is undefined for everything else', () => {
    for (const path of [
      'package.json',
      'content/governance/roles.yml',
      'content/news/fr/a.mdx',
      'content/news/vi/a.md',
      'content/news/vi/sub/a.mdx',
      'content/news/a.md',
      'content/news',
      'public/media/uploads/sub/a.png',
      'public/og-image.png',
      'public/favicon.svg',
      'scripts/start.ts',
      'CONTENT/news/vi/a.mdx',
      'Public/Media/a.png',
    ]) {
      expect(placeOf(path, area), path).toBeUndefined();
    }
  });

  it('every upload place is a path the content schema accepts once published', () => {
    const media = sitePath({ vi: '', en: '' }, 'media');
    const files = sitePath({ vi: '', en: '' }, 'files');
    for (const folder of area.mediaFolders) {
      const url = `/${folder.replace(/^public\//, '')}/anh-1.png`;
      expect((url.startsWith('/media/') ? media : files).safeParse(url).success, url).toBe(true);
    }
  });
});

describe('descriptions for messages', () => {
  it('say where entries and uploads go', () => {
    expect(describeEntryPlaces(area, 'slug')).toBe(
      'content/<pages|news|documents|qa|spokespeople|units>/<vi|en>/<slug>.mdx, content/site.yml, content/taxonomy.yml',
    );
    expect(describeMediaFolders(area)).toMatch(/^public\/files\/, public\/media\/, /);
  });
});
