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
 * content check and the build (its parser, satteri, is native code here); on
 * `npm start` the save check's notes on the text come back with the save
 * (src/lib/cms/save-notes.ts). The check against the published history (an
 * address another page had) uses the former addresses the build serves.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import { locales } from '../locales.ts';
import { contentSchemas, type CollectionName } from '../schema/collections.ts';
import { shapeOf, translates } from '../schema/introspect.ts';
import type { Taxonomy } from '../schema/settings.ts';
import { checkEntryFront } from '../content/entry-front.ts';
import { englishAddressIssues } from '../content/english-addresses.ts';
import { isError, type ContentIssue } from '../content/issues.ts';
import type { UrlPolicy } from '../content/urls.ts';
import { fieldAt } from '../content/zod-messages.ts';
import { reusedAddressIssues, type FormerAddressNow } from '../history/former-addresses.ts';
import { fieldLabel, fieldSteps } from './field-label.ts';

/** What the check needs to know of the portal's settings: served as /admin/entry-rules.json. */
export interface EntryRules {
  taxonomy: Taxonomy;
  urls: UrlPolicy;
  /** The addresses entries' pages had in published revisions and no longer have (src/lib/history/former-addresses.ts). */
  formerAddresses: FormerAddressNow[];
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

/** Each language version's issues as the build's check of its front matter gives them (warnings too), with its checked fields. */
function versionChecks(collection: CollectionName, slug: string, versions: Partial<Record<Locale, CmsEntryData>>, rules: EntryRules) {
  const schema = contentSchemas(rules.taxonomy)[collection] as z.ZodType;
  const checks = locales.flatMap((version) => {
    const data = version === 'vi' ? versions.vi : translationAsWritten(schema, versions.vi, versions[version]);
    if (!data) return [];
    const file = `content/${collection}/${version}/${slug}.mdx`;
    return [{ version, file, ...checkEntryFront(file, entryFileText(data), schema, version, rules.urls) }];
  });
  return { schema, checks };
}

/** An issue of the build as the form says it: the version, the field's label, the message without the file's field name. */
function asProblem(schema: z.ZodType, version: Locale, issue: ContentIssue, interfaceLocale: Locale): CmsEntryProblem {
  const message = issue.missing ? emptyRequiredField[interfaceLocale] : withoutFileName(schema, issue.field, issue[interfaceLocale], interfaceLocale);
  return { version, label: visibleLabel(schema, issue.field, interfaceLocale), message };
}

/**
 * What the build's content check would say of the entry `slug` of `collection`
 * (undefined: a new entry, not named yet), whose language versions are
 * `versions` (the English one may be missing), from one run of its checks:
 *
 * - `errors`: every error, which refuses the save;
 * - `warnings`, only when there is no error (a refused save says nothing else):
 *   what the editor should see before the entry is published, not only whoever
 *   reads the build's log — an English version not translated yet (it is not
 *   published), and a translated page, news item or question without an
 *   English page address (its English page would be at its Vietnamese file
 *   name; said once the entry has a file name), and a page at an address
 *   another entry's page had in a published revision (also once it has a file
 *   name). Warnings never stop a save.
 */
export function checkCmsEntry(
  collection: CollectionName,
  slug: string | undefined,
  versions: Partial<Record<Locale, CmsEntryData>>,
  rules: EntryRules,
  interfaceLocale: Locale,
): { errors: CmsEntryProblem[]; warnings: CmsEntryProblem[] } {
  const { schema, checks } = versionChecks(collection, slug ?? 'new', versions, rules);
  const said = (keep: (issue: ContentIssue) => boolean) =>
    checks.flatMap(({ version, issues }) => issues.filter(keep).map((issue) => asProblem(schema, version, issue, interfaceLocale)));
  const errors = said(isError);
  if (errors.length > 0) return { errors, warnings: [] };
  const warnings = said((i) => !isError(i));
  // A new entry has no file name yet (Decap makes it once saved): the address warning, which names the
  // English page's address, waits for the next save rather than name a wrong one.
  if (slug === undefined) return { errors, warnings };
  // The check between entries, on this entry's own versions: what it says of one entry alone.
  const published = checks.filter((c) => c.value !== undefined && !c.untranslated);
  const pair = published.map((c) => ({ collection, locale: c.version, slug, file: c.file, data: c.value }));
  const versionOf = new Map(published.map((c) => [c.file, c.version]));
  for (const issue of englishAddressIssues(pair, () => ({ line: 1, column: 1 })).filter((i) => !isError(i))) {
    warnings.push(asProblem(schema, versionOf.get(issue.file) ?? 'vi', issue, interfaceLocale));
  }
  // A page at an address another entry's page had: the build's check against the published history, from the
  // former addresses the build served with these rules (the history itself is not in the browser).
  // (None in rules a cache kept from a deploy before they had them: the pull request's check still says it.)
  for (const issue of reusedAddressIssues(rules.formerAddresses ?? [], pair, () => ({ line: 1, column: 1 }))) {
    warnings.push(asProblem(schema, 'vi', issue, interfaceLocale));
  }
  return { errors, warnings };
}

const versionNames: Record<Locale, Record<Locale, string>> = {
  vi: { vi: 'Bản tiếng Việt', en: 'Vietnamese version' },
  en: { vi: 'Bản tiếng Anh', en: 'English version' },
};

/** One line per problem: the language version, the field's label, what to do. */
const problemLines = (problems: CmsEntryProblem[], interfaceLocale: Locale) =>
  problems.map((p) => `${versionNames[p.version][interfaceLocale]}${p.label ? ` — ${p.label}` : ''}: ${p.message}`);

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
  const lines = problemLines(problems, interfaceLocale);
  const reason =
    interfaceLocale === 'vi'
      ? `có ${problems.length} lỗi, xem danh sách ở góc dưới bên trái màn hình.`
      : `${problems.length} error${problems.length === 1 ? '' : 's'}, listed at the bottom left of the screen.`;
  return { heading, lines, reason };
}

/**
 * What the editor is told once an entry with warnings is saved: the panel's
 * heading (the entry was saved; what to look at before it is published) and
 * its lines, as the refusal's.
 */
export function warningNotice(warnings: CmsEntryProblem[], interfaceLocale: Locale): { heading: string; lines: string[] } {
  const heading =
    interfaceLocale === 'vi'
      ? `Đã lưu. Bước kiểm tra nội dung có ${warnings.length} lưu ý cho mục này; hãy xem trước khi công bố:`
      : `Saved. The content check has ${warnings.length} note${warnings.length === 1 ? '' : 's'} on this entry; look at ${warnings.length === 1 ? 'it' : 'them'} before publishing:`;
  return { heading, lines: problemLines(warnings, interfaceLocale) };
}
