/**
 * The CMS configuration agrees with the content schemas: an entry made of what
 * the CMS's fields would write is accepted, leaving out a field the CMS calls
 * required is refused, and leaving out one it calls optional is accepted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { locales } from '../locales.ts';
import { collectionNames, contentSchemas } from '../schema/collections.ts';
import { siteSchema, taxonomySchema } from '../schema/settings.ts';
import { decapConfigYaml } from './config-file.ts';
import { decapConfig } from './decap-config.ts';
import type { DecapField } from './decap-fields.ts';
import { uploadLimits } from '../content/media-type.ts';

const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const taxonomy = taxonomySchema.parse(parseYamlWithPositions('content/taxonomy.yml', readFileSync('content/taxonomy.yml', 'utf8')).data);
const schemas = contentSchemas(taxonomy);

/** Candidate texts for fields with a pattern; the first one the pattern accepts is used. */
const patterned = ['1624/QĐ-BHXH', 'ten@vss.gov.vn', '+84 24 3936 1595', 'https://vss.gov.vn', '/van-ban/1624-qd-bhxh/'];

/** What the CMS would write for a field an editor filled in. */
function sampleValue(field: DecapField): unknown {
  switch (field.widget) {
    case 'string':
    case 'text':
      if (field.pattern) return patterned.find((s) => new RegExp(field.pattern![0]).test(s));
      return field.name === 'initials' ? 'N.T.H.' : 'Nội dung mẫu';
    case 'vietnam-date':
      return '2024-09-16';
    case 'vietnam-datetime':
      return '2024-09-16T08:00:00+07:00';
    case 'vietnam-time':
      return '2024-09-16T08:00';
    case 'select':
      return field.options![0]!.value;
    case 'boolean':
      return false;
    case 'number':
      return 1;
    case 'relation':
      return field.multiple ? ['trung-tam-truyen-thong'] : 'trung-tam-truyen-thong';
    case 'image':
      return `${field.public_folder}/anh.jpg`;
    case 'file':
      return `${field.public_folder}/van-ban.pdf`;
    case 'object':
      return sampleEntry(field.fields!);
    case 'list':
      if (field.fields) return [sampleEntry(field.fields)];
      return ['từ khoá'];
    default:
      throw new Error(`no sample for widget ${field.widget}`);
  }
}

function sampleEntry(fields: DecapField[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f.name !== 'body').map((f) => [f.name, sampleValue(f)]));
}

/**
 * Fields a schema requires only in some cases (e.g. issued documents need a
 * number; an answered question needs its classification and answering units,
 * and answering units need the answer's time): not "required" in the CMS.
 */
const conditional: Record<string, string[]> = { documents: ['number', 'issued'], qa: ['classified', 'answered', 'answered_by'] };

/**
 * Choices that make an entry with every field filled in consistent: the asker is told back only of an
 * out-of-scope question; a date of appointment belongs to a leader's page, in “Organisation”.
 */
const consistent: Record<string, (entry: Record<string, unknown>) => void> = {
  qa: (entry) => Object.assign(entry.classified as Record<string, unknown>, { result: 'out-of-scope' }),
  pages: (entry) => Object.assign(entry, { section: 'organisation' }),
};

describe('the generated Decap configuration', () => {
  const config = decapConfig(site, taxonomy, 'vi');

  it('uses the editorial workflow, i18n folders, ASCII slugs and never deletes', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['vi', 'en'], default_locale: 'vi' });
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    expect(config.collections.every((c) => c.delete === false)).toBe(true);
    expect(config.collections.map((c) => c.name)).toEqual([...collectionNames, 'settings']);
  });

  for (const name of collectionNames) {
    describe(name, () => {
      const collection = config.collections.find((c) => c.name === name)!;
      const fields = collection.fields!.filter((f) => f.name !== 'body');
      const schema = schemas[name];
      const full = sampleEntry(fields);
      consistent[name]?.(full);

      it('lives at content/<collection>/<locale>/<slug>.mdx', () => {
        expect(collection).toMatchObject({ folder: `content/${name}`, extension: 'mdx', format: 'frontmatter', i18n: true, slug: '{{slug}}' });
      });

      it('accepts an entry with every field filled in as the CMS writes it', () => {
        const result = schema.safeParse(full);
        expect(result.success ? [] : result.error.issues).toEqual([]);
      });

      for (const field of fields) {
        const optional = field.required === false;
        it(`${field.name}: ${optional ? 'may be left out' : 'is required'}, as the schema says`, () => {
          const { [field.name]: _left, ...rest } = full;
          const accepted = schema.safeParse(rest).success;
          if (optional && !conditional[name]?.includes(field.name)) expect(accepted).toBe(true);
          if (!optional) expect(accepted).toBe(false);
        });
        if (field.widget === 'select') {
          it(`${field.name}: every option of the select is a value the schema accepts`, () => {
            // Rules between fields (a section must belong to its column) are the content check's to explain.
            const refused = (value: string) => schema.safeParse({ ...full, [field.name]: value }).error?.issues.filter((i) => i.path[0] === field.name && i.code !== 'custom') ?? [];
            for (const option of field.options!) expect(refused(option.value)).toEqual([]);
            expect(refused('khong-co')).not.toEqual([]);
          });
        }
      }

      it('translates texts and copies the rest into the English file', () => {
        const byName = Object.fromEntries(fields.map((f) => [f.name, f.i18n]));
        expect(byName.sample).toBe('duplicate');
        expect(byName[name === 'spokespeople' || name === 'units' ? 'order' : 'sample']).toBe('duplicate');
        expect(byName[name === 'spokespeople' ? 'position' : name === 'units' ? 'name' : 'title']).toBe(true);
      });
    });
  }

  it('gives groups (objects) a boolean i18n, as Decap requires, and copies their untranslated fields one by one', () => {
    const objects: DecapField[] = [];
    const collect = (fields: DecapField[] | undefined) => {
      for (const f of fields ?? []) {
        if (f.widget === 'object') objects.push(f);
        collect(f.fields);
      }
    };
    for (const c of config.collections) collect(c.fields);
    for (const f of objects) if (f.i18n !== undefined) expect(typeof f.i18n, f.name).toBe('boolean');
    // The Q&A classification: no translated field, so every field of it is copied into the English file.
    const classified = config.collections.find((c) => c.name === 'qa')!.fields!.find((f) => f.name === 'classified')!;
    expect(classified.i18n).toBe(true);
    expect(classified.fields!.map((f) => f.i18n)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('points relations at collections that exist, by slug', () => {
    const relations = config.collections.flatMap((c) => (c.fields ?? []).flatMap((f) => [f, ...(f.fields ?? [])])).filter((f) => f.widget === 'relation');
    expect(relations.map((f) => `${f.name}→${f.collection}`).sort()).toEqual(['answered_by→units', 'document→documents', 'routed_to→units', 'source_unit→units']);
    for (const f of relations) {
      expect(collectionNames).toContain(f.collection);
      expect(f.value_field).toBe('{{slug}}');
    }
  });

  it('has labels in the interface language', () => {
    const en = decapConfig(site, taxonomy, 'en');
    const news = (c: typeof config) => c.collections.find((x) => x.name === 'news')!;
    expect(news(config).label).toBe('Tin tức');
    expect(news(en).label).toBe('News');
    expect(news(config).fields!.find((f) => f.name === 'date')!.label).toBe('Ngày đăng');
    expect(news(en).fields!.find((f) => f.name === 'date')!.label).toBe('Date');
    expect(en.locale).toBe('en');
  });

  it('limits uploads in every image and file field from the upload allowlist (one source of truth)', () => {
    const uploads: DecapField[] = [];
    const collect = (fields: DecapField[] | undefined) => {
      for (const f of fields ?? []) {
        if (f.widget === 'image' || f.widget === 'file') uploads.push(f);
        collect(f.fields);
      }
    };
    for (const c of config.collections) collect(c.fields);
    expect(uploads.map((f) => f.name).sort()).toEqual(['file', 'src']);
    for (const f of uploads) {
      const limits = uploadLimits(f.widget === 'image' ? 'image' : 'document');
      expect(f.media_library).toEqual({ config: { max_file_size: limits.maxBytes } });
      expect(f.hint).toContain(limits.extensions.map((e) => `.${e}`).join(', '));
      expect(f.hint).toContain('Không nhận trang HTML.');
    }
  });

  it('gives every date field the portal’s dd/mm/yyyy widget with the schema’s date range, never Decap’s UTC date picker', () => {
    const dates: DecapField[] = [];
    const collect = (fields: DecapField[] | undefined) => {
      for (const f of fields ?? []) {
        if (/date/.test(f.widget)) dates.push(f);
        collect(f.fields);
      }
    };
    for (const c of config.collections) collect(c.fields);
    expect(dates.some((f) => f.widget === 'datetime')).toBe(false);
    const news = config.collections.find((c) => c.name === 'news')!.fields!;
    expect(news.find((f) => f.name === 'date')).toMatchObject({ widget: 'vietnam-date', years_ahead: 1 });
    expect(news.find((f) => f.name === 'publish_at')).toMatchObject({ widget: 'vietnam-datetime', years_ahead: 1 });
    const documents = config.collections.find((c) => c.name === 'documents')!.fields!;
    expect(documents.find((f) => f.name === 'issued')).toMatchObject({ widget: 'vietnam-date', years_ahead: 0 });
    // The Q&A register's times: Vietnam time written YYYY-MM-DDTHH:mm, shown dd/mm/yyyy hh:mm.
    const qa = config.collections.find((c) => c.name === 'qa')!.fields!;
    expect(qa.find((f) => f.name === 'received')).toMatchObject({ widget: 'vietnam-time', years_ahead: 0 });
    expect(qa.find((f) => f.name === 'answered')).toMatchObject({ widget: 'vietnam-time', years_ahead: 0, required: false });
    expect(qa.find((f) => f.name === 'classified')!.fields!.map((f) => f.widget)).toEqual(['vietnam-time', 'select', 'vietnam-time']);
  });

  it('offers the publication-duty fields with the dd/mm/yyyy hh:mm widget of Vietnam times, labelled in both languages', () => {
    const field = (c: ReturnType<typeof decapConfig>, collection: string, path: string[]) => {
      let fields = c.collections.find((x) => x.name === collection)!.fields!;
      let found: DecapField | undefined;
      for (const name of path) {
        found = fields.find((f) => f.name === name);
        fields = found?.fields ?? [];
      }
      return found;
    };
    const en = decapConfig(site, taxonomy, 'en');
    const moments: [string, string[], string, string][] = [
      ['documents', ['cleared_at'], 'Thời điểm được phép công bố', 'Cleared for publication at'],
      ['news', ['publication_duty', 'from'], 'Tính hạn từ (ngày giờ)', 'Counted from (date and time)'],
      ['units', ['contact_changed'], 'Thông tin liên hệ thay đổi lúc', 'Contact details changed at'],
      ['spokespeople', ['contact_changed'], 'Thông tin liên hệ thay đổi lúc', 'Contact details changed at'],
    ];
    for (const [collection, path, vi, english] of moments) {
      expect(field(config, collection, path), path.join('.')).toMatchObject({ widget: 'vietnam-time', years_ahead: 0, required: false, label: vi });
      expect(field(en, collection, path)!.label).toBe(english);
    }
    expect(field(config, 'news', ['publication_duty'])).toMatchObject({ widget: 'object', label: 'Thời hạn đăng tải (Quy chế Cổng, Điều 11)', required: false });
    expect(field(config, 'news', ['publication_duty', 'kind'])!.options!.map((o) => o.value)).toEqual(['policy-guidance', 'award', 'research-programme', 'investment-project', 'procurement']);
    expect(field(en, 'pages', ['appointed'])).toMatchObject({ widget: 'vietnam-date', label: 'Date of appointment (leader’s biography)', required: false });
    // publish_at keeps its offset.
    expect(field(config, 'news', ['publish_at'])!.widget).toBe('vietnam-datetime');
  });

  it('is published as YAML that reads back to the same configuration', () => {
    for (const locale of locales) expect(parse(decapConfigYaml(site, taxonomy, locale))).toEqual(JSON.parse(JSON.stringify(decapConfig(site, taxonomy, locale))));
  });
});
