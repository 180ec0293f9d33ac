/**
 * The build's checks of an entry, run in the editor's browser when Decap CMS
 * is about to save it (its `preSave` event, src/admin/cms.ts): each language
 * version is written out as the file Decap will commit and judged by the same
 * `checkEntryFront` as the build (schema, cross-field rules such as "a section
 * must belong to its column", characters, addresses). The problems come back
 * named by the labels the editor sees in the form, in the interface language.
 *
 * Runs in the browser because in production the CMS is a static page on
 * GitHub Pages talking to GitHub: there is no server of ours to ask. The MDX
 * text itself is checked by the server's publication gate, the pull request's
 * content check and the build (its parser, satteri, is native code here).
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import { locales } from '../locales.ts';
import { contentSchemas, type CollectionName } from '../schema/collections.ts';
import { shapeOf, translates } from '../schema/introspect.ts';
import type { Taxonomy } from '../schema/settings.ts';
import { checkEntryFront } from '../content/entry-front.ts';
import { isError } from '../content/issues.ts';
import type { UrlPolicy } from '../content/urls.ts';
import { fieldAt } from '../content/zod-messages.ts';
import { fieldLabel, fieldSteps } from './field-label.ts';

/** What the check needs to know of the portal's settings: served as /admin/entry-rules.json. */
export interface EntryRules {
  taxonomy: Taxonomy;
  urls: UrlPolicy;
}

/** One language version of an entry, as the CMS holds it: its fields, the text under `body`. */
export type CmsEntryData = Record<string, unknown>;

export interface CmsEntryProblem {
  /** The language version the problem is in. */
  version: Locale;
  /** The field's label path as the form shows it (in the interface language), or '' for the entry as a whole. */
  label: string;
  /** What is wrong and how to fix it, in the interface language. */
  message: string;
}

/** The text of the file Decap writes for one language version. */
export function entryFileText(data: CmsEntryData): string {
  const { body, ...fields } = data;
  const front = Object.keys(fields).length > 0 ? stringify(fields) : '';
  return `---\n${front}---\n${typeof body === 'string' ? body : ''}\n`;
}

/**
 * A translation as Decap writes it: the fields that are not translated
 * (`i18n: duplicate`) hold the Vietnamese original's values, whatever the
 * translation's form shows.
 */
export function translationAsWritten(schema: z.ZodType, original: CmsEntryData | undefined, translation: CmsEntryData | undefined): CmsEntryData | undefined {
  if (!translation || !original) return translation;
  // The same rule as the configuration's `i18n` (decap-fields.ts): a field is copied unless it translates.
  const translated = new Set([...Object.entries(shapeOf(schema)).filter(([, field]) => translates(field)).map(([name]) => name), 'body']);
  const copied = Object.entries(original).filter(([name]) => !translated.has(name));
  return { ...Object.fromEntries(Object.entries(translation).filter(([name]) => translated.has(name))), ...Object.fromEntries(copied) };
}

/** `image.alt`, `tags[2]` → the labels of each step in `locale`: "Ảnh đại diện › Mô tả ảnh", "Từ khoá thứ 3". */
export function visibleLabel(schema: z.ZodType, field: string | undefined, locale: Locale): string {
  if (!field) return '';
  return fieldLabel(schema, field)?.[locale] ?? field;
}

/**
 * A message without the field's name in the file (`“title” (Tiêu đề): …`),
 * which the build prints for whoever edits the file: in the CMS the problem
 * is already introduced by the field's label, and the key means nothing there.
 */
function withoutFileName(schema: z.ZodType, field: string | undefined, message: string, locale: Locale): string {
  if (!field) return message;
  const path = fieldSteps(field);
  const label = (fieldAt(schema, path)?.meta.label as Partial<Record<Locale, string>> | undefined)?.[locale];
  const prefix = label ? `“${field}” (${label}): ` : `“${field}”: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** A required field left empty, as a form says it (the build's message tells whoever edits the file to add a line). */
const emptyRequiredField: Record<Locale, string> = {
  vi: 'Trường bắt buộc này còn trống. Hãy điền vào.',
  en: 'This required field is empty. Fill it in.',
};

/**
 * Every error the build would report for the entry `slug` of `collection`,
 * whose language versions are `versions` (the English one may be missing).
 */
export function cmsEntryProblems(collection: CollectionName, slug: string, versions: Partial<Record<Locale, CmsEntryData>>, rules: EntryRules, interfaceLocale: Locale): CmsEntryProblem[] {
  const schema = contentSchemas(rules.taxonomy)[collection] as z.ZodType;
  const problems: CmsEntryProblem[] = [];
  for (const version of locales) {
    const data = version === 'vi' ? versions.vi : translationAsWritten(schema, versions.vi, versions[version]);
    if (!data) continue;
    const file = `content/${collection}/${version}/${slug}.mdx`;
    const { issues } = checkEntryFront(file, entryFileText(data), schema, version, rules.urls);
    for (const issue of issues.filter(isError)) {
      const message = issue.missing ? emptyRequiredField[interfaceLocale] : withoutFileName(schema, issue.field, issue[interfaceLocale], interfaceLocale);
      problems.push({ version, label: visibleLabel(schema, issue.field, interfaceLocale), message });
    }
  }
  return problems;
}

const versionNames: Record<Locale, Record<Locale, string>> = {
  vi: { vi: 'Bản tiếng Việt', en: 'Vietnamese version' },
  en: { vi: 'Bản tiếng Anh', en: 'English version' },
};

/**
 * What the editor is told when a save is refused: the panel's heading and
 * lines (what, where by label, that nothing was saved), and the short reason
 * Decap puts after its own "not saved" words in its notice.
 */
export function refusalNotice(problems: CmsEntryProblem[], interfaceLocale: Locale): { heading: string; lines: string[]; reason: string } {
  const heading =
    interfaceLocale === 'vi'
      ? `Chưa lưu: mục có ${problems.length} lỗi mà bước kiểm tra nội dung sẽ từ chối. Hãy sửa các trường dưới đây rồi bấm Lưu lại.`
      : `Not saved: the entry has ${problems.length} error${problems.length === 1 ? '' : 's'} the content check would refuse. Fix the fields below, then save again.`;
  const lines = problems.map((p) => `${versionNames[p.version][interfaceLocale]}${p.label ? ` — ${p.label}` : ''}: ${p.message}`);
  const reason =
    interfaceLocale === 'vi'
      ? `có ${problems.length} lỗi, xem danh sách ở góc dưới bên trái màn hình.`
      : `${problems.length} error${problems.length === 1 ? '' : 's'}, listed at the bottom left of the screen.`;
  return { heading, lines, reason };
}
