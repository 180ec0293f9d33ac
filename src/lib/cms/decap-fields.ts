/**
 * Turns a zod schema (with the portal's `.meta()` labels) into Decap CMS
 * fields: the same schema that validates content describes the editor's form.
 *
 * Mapping: text → string, long text → text, YYYY-MM-DD dates → vietnam-date,
 * moments → vietnam-datetime and Vietnam times (YYYY-MM-DDTHH:mm) →
 * vietnam-time (the portal's own widgets: dd/mm/yyyy,
 * Vietnam time, the schema's date range), enums → select, booleans → boolean,
 * integers → number,
 * references → relation, /files/ and /media/ paths → file and image (with
 * the upload allowlist's size limit and types, src/lib/content/media-type.ts),
 * objects → object, lists → list (or a multiple relation).
 * Translated fields get `i18n: true`, the others `i18n: duplicate` (copied
 * from the Vietnamese original into the English file).
 */
import type { z } from 'zod';
import type { Bilingual } from '../schema/fields.ts';
import type { Locale } from '../locales.ts';
import { shapeOf, translates, unwrap } from '../schema/introspect.ts';
import { formatBytes } from '../content/limits.ts';
import { uploadLimits } from '../content/media-type.ts';

/** A field of Decap's configuration (only the keys the portal uses). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean | 'duplicate';
  default?: unknown;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  fields?: DecapField[];
  field?: DecapField;
  collapsed?: boolean;
  summary?: string;
  // vietnam-date, vietnam-datetime, vietnam-time (src/admin/vietnam-date-widget.ts): how many years after today the date may be
  years_ahead?: number;
  // number
  value_type?: 'int' | 'float';
  min?: number;
  // relation
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  multiple?: boolean;
  // file, image
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  /** Decap's own media library reads `config.max_file_size` (bytes) and refuses larger uploads in the browser. */
  media_library?: { config: { max_file_size: number } };
  // markdown
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

/** What the entries of each collection show in relation pickers. */
export const displayFieldOf: Record<string, string> = {
  pages: 'title',
  news: 'title',
  documents: 'title',
  qa: 'title',
  spokespeople: 'name',
  units: 'name',
};

function say(text: Bilingual | undefined, locale: Locale): string | undefined {
  return text?.[locale];
}

/** What an upload field takes, for its hint: “Tệp được nhận: .png, .jpg, … (tối đa 5 MB).” */
function uploadHint(limits: { maxBytes: number; extensions: string[] }, locale: Locale): string {
  const types = limits.extensions.map((e) => `.${e}`).join(', ');
  const size = formatBytes(limits.maxBytes)[locale];
  return locale === 'vi'
    ? `Tệp được nhận (xét theo nội dung): ${types}; tối đa ${size}. Không nhận trang HTML.`
    : `Files accepted (judged by their content): ${types}; at most ${size}. No HTML pages.`;
}

/** The Decap field for one schema field, with labels in `locale`. */
export function decapField(name: string, schema: z.ZodType, locale: Locale, i18n: boolean): DecapField {
  const { inner, meta, optional, defaultValue } = unwrap(schema);
  const def = inner._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    entries?: Record<string, string>;
  };
  const field: DecapField = {
    name,
    label: say(meta.label, locale) ?? name,
    widget: 'string',
  };
  if (optional) field.required = false;
  const hint = say(meta.hint, locale);
  if (hint) field.hint = hint;
  if (i18n) field.i18n = translates(schema) ? true : 'duplicate';
  if (meta.pattern) field.pattern = [meta.pattern.regex, meta.pattern.message[locale]];

  switch (def.type) {
    case 'string':
      if (meta.references) {
        field.widget = 'relation';
        Object.assign(field, relationTo(meta.references));
        delete field.pattern;
      } else if (meta.folder) {
        field.widget = meta.folder === 'media' ? 'image' : 'file';
        field.media_folder = `/public/${meta.folder}`;
        field.public_folder = `/${meta.folder}`;
        field.choose_url = false;
        // The upload allowlist (src/lib/content/media-type.ts): its size limit, and its types in the hint.
        const limits = uploadLimits(meta.folder === 'media' ? 'image' : 'document');
        field.media_library = { config: { max_file_size: limits.maxBytes } };
        field.hint = [field.hint, uploadHint(limits, locale)].filter(Boolean).join(' ');
      } else if (meta.datetime || meta.date || meta.vietnamTime) {
        // Decap's datetime widget is a native input that follows the browser's
        // locale (mm/dd/yyyy in an American browser) and turned half-typed
        // years into 19xx: the portal's own widget reads dd/mm/yyyy in Vietnam
        // time, with the schema's range (src/lib/cms/vietnam-date.ts).
        field.widget = meta.vietnamTime ? 'vietnam-time' : meta.datetime ? 'vietnam-datetime' : 'vietnam-date';
        if (meta.dateRange) field.years_ahead = meta.dateRange.yearsAhead;
      } else if (meta.multiline) {
        field.widget = 'text';
      }
      break;
    case 'enum': {
      field.widget = 'select';
      const labels = meta.options ?? {};
      field.options = Object.values(def.entries!).map((value) => ({ value, label: labels[value]?.[locale] ?? value }));
      break;
    }
    case 'boolean':
      field.widget = 'boolean';
      break;
    case 'number':
      field.widget = 'number';
      field.value_type = 'int';
      field.min = 0;
      break;
    case 'object':
      field.widget = 'object';
      field.collapsed = optional;
      field.fields = Object.entries(def.shape!).map(([key, value]) => decapField(key, value, locale, i18n));
      // Decap cannot say "required when the group is filled in": the CMS lets the
      // fields of an optional group be empty, and the content check asks for them.
      if (optional) for (const child of field.fields) child.required = false;
      break;
    case 'array': {
      const element = decapField(name, def.element!, locale, false);
      if (element.widget === 'relation') {
        Object.assign(field, element, { name, label: field.label, multiple: true, i18n: field.i18n });
        if (optional) field.required = false;
        else delete field.required;
        break;
      }
      field.widget = 'list';
      if (element.widget === 'object') {
        field.fields = element.fields;
        field.collapsed = true;
        const first = element.fields?.[0]?.name;
        if (first) field.summary = `{{fields.${first}}}`;
      } else if (element.widget !== 'string') {
        field.field = { ...element, label: say(unwrap(def.element!).meta.label, locale) ?? name };
      }
      break;
    }
    default:
      throw new Error(`No CMS widget for the schema type “${def.type}” of field “${name}”.`);
  }
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) field.default = defaultValue;
  return field;
}

function relationTo(collection: string): Partial<DecapField> {
  const display = displayFieldOf[collection] ?? 'title';
  return {
    collection,
    value_field: '{{slug}}',
    search_fields: collection === 'documents' ? ['title', 'number'] : [display],
    display_fields: collection === 'documents' ? ['number', 'title'] : [display],
  };
}

/** Decap fields for every key of an object schema. */
export function decapFields(schema: z.ZodType, locale: Locale, i18n: boolean): DecapField[] {
  return Object.entries(shapeOf(schema)).map(([name, value]) => decapField(name, value, locale, i18n));
}
