/**
 * Checks the whole `content/` tree (given as plain file texts) and turns it
 * into validated, rendered entries, or a list of issues naming file, line,
 * field, what was expected and what was found, in Vietnamese and English.
 */
import type { z } from 'zod';
import { isLocale, type Locale } from '../locales.ts';
import { qaTopicPrefixes, reservedSlugs, type QaTopic } from '../routes.ts';
import { englishAddressIssues } from './english-addresses.ts';
import { collectionNames, contentSchemas, type CollectionName, type ContentSchemas } from '../schema/collections.ts';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { valuesWithMeta } from '../schema/introspect.ts';
import { contentDigest } from './digest.ts';
import { checkEntryFront } from './entry-front.ts';
import { siteSchema, taxonomySchema, type SiteSettings, type Taxonomy } from '../schema/settings.ts';
import type { Roles } from '../schema/governance.ts';
import { parseEntryFile, parseYamlWithPositions } from './frontmatter.ts';
import { checkInternalLinks } from './internal-links.ts';
import { isError, type ContentIssue } from './issues.ts';
import type { TocItem } from './legal-structure.ts';
import { renderBody, type InternalLink } from './render-body.ts';
import { SIGNING_KEYS_FILE, validateSigningKeysFile } from '../archive/signing-keys.ts';
import { ROLES_FILE, validateRolesFile } from './roles-file.ts';
import { SITE_FILE, validateSiteFile } from './site-file.ts';
import { PUBLICATION_DUTIES_FILE, publicationDutyReferenceIssues, validatePublicationDutiesFile } from './publication-duties-file.ts';
import { QA_DEADLINES_FILE, qaDeadlineReferenceIssues, validateQaDeadlinesFile } from '../duties/qa-deadlines-file.ts';
import { isCalendarFile, validateCalendarFiles } from '../calendar/calendar-file.ts';
import { urlPolicyOf, type UrlPolicy } from './urls.ts';
import { fileSizeIssue, validateYamlFile } from './yaml-file.ts';
import { fieldPath } from './zod-messages.ts';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes, e.g. `content/news/vi/x.mdx`. */
  file: string;
  source: string;
}

export interface PortalEntry {
  collection: CollectionName;
  locale: Locale;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  html: string;
  toc: TocItem[];
  /** Links to the portal in the body, with lines in the file: checked between entries. */
  links: InternalLink[];
  digest: string;
}

export interface Settings {
  site: SiteSettings;
  taxonomy: Taxonomy;
  /** The roles file, when there is one and it is valid. */
  roles?: Roles | undefined;
}

export { SITE_FILE };
export const TAXONOMY_FILE = 'content/taxonomy.yml';
export { ROLES_FILE };

/**
 * Parses and validates the settings files: `content/site.yml`, `content/taxonomy.yml`, the
 * holiday calendar's year files (`content/calendar/<year>.yml`) and, when present, the roles
 * file, the archive signing keys and the Q&A deadline rules.
 */
export function validateSettings(files: SourceFile[]): { settings?: Settings; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  /** A settings file every site needs, checked by `validate`; missing, said so. */
  const read = <T>(name: string, validate: (source: string) => { value?: T; issues: ContentIssue[] }): T | undefined => {
    const f = files.find((x) => x.file === name);
    if (!f) {
      issues.push({ file: name, line: 1, column: 1, field: undefined, vi: `Thiếu tệp ${name}.`, en: `The file ${name} is missing.` });
      return undefined;
    }
    const checked = validate(f.source);
    issues.push(...checked.issues);
    return checked.value;
  };
  const site = read(SITE_FILE, validateSiteFile);
  const taxonomy = read(TAXONOMY_FILE, (source) => validateYamlFile(TAXONOMY_FILE, source, taxonomySchema));
  // The roles file is optional for the site (a page listing the board needs it: see boardListIssues).
  const rolesFile = files.find((x) => x.file === ROLES_FILE);
  const roles = rolesFile ? validateRolesFile(rolesFile.source) : undefined;
  if (roles) issues.push(...roles.issues);
  // The archive's public signing keys: not used by the site, checked so a broken file never reaches the default branch.
  const keysFile = files.find((x) => x.file === SIGNING_KEYS_FILE);
  if (keysFile) issues.push(...validateSigningKeysFile(keysFile.source).issues);
  // The publication duties (portal regulation Art. 11): read by `npm run duties`, checked here so a broken file never reaches the default branch.
  const dutiesFile = files.find((x) => x.file === PUBLICATION_DUTIES_FILE);
  if (dutiesFile) issues.push(...validatePublicationDutiesFile(dutiesFile.source).issues);
  // The working-day calendar: not used by the site's pages, checked so deadlines are never counted on a broken file.
  issues.push(...validateCalendarFiles(files).issues);
  // The Q&A deadline rules: read by npm run duties, checked here so a broken file never reaches the default branch.
  const qaDeadlinesFile = files.find((x) => x.file === QA_DEADLINES_FILE);
  if (qaDeadlinesFile) issues.push(...validateQaDeadlinesFile(qaDeadlinesFile.source).issues);
  return { settings: site && taxonomy ? { site, taxonomy, roles: roles?.roles } : undefined, issues };
}

/** Settings files are read by validateSettings, never as entries. */
export function isSettingsFile(file: string): boolean {
  return file === SITE_FILE || file === TAXONOMY_FILE || file === ROLES_FILE || file === SIGNING_KEYS_FILE || file === PUBLICATION_DUTIES_FILE || file === QA_DEADLINES_FILE || isCalendarFile(file);
}

/** A page that lists the editorial board (`include: board`) needs the roles file it is generated from. */
export function boardListIssues(entries: EntryRef[], sourceOf: (file: string) => string | undefined, rolesFileExists: boolean): ContentIssue[] {
  if (rolesFileExists) return [];
  return entries
    .filter((e) => e.collection === 'pages' && e.data.include === 'board')
    .map((e) => {
      const source = sourceOf(e.file);
      const at = source === undefined ? { line: 1, column: 1 } : parseEntryFile(e.file, source).locate(['include']);
      return {
        file: e.file,
        ...at,
        field: 'include',
        vi: `Trang này kèm danh sách Ban Biên tập (include: board) nhưng không có tệp ${ROLES_FILE}. Thêm tệp phân công vai trò (xem docs/approval.md) hoặc bỏ dòng include.`,
        en: `This page lists the editorial board (include: board) but there is no ${ROLES_FILE}. Add the roles file (see docs/approval.md) or remove the include line.`,
      };
    });
}

/** The publication duties, when valid, held to the library: the regulation they cite and its words. */
function publicationDutyIssues(files: SourceFile[], sources: ReadonlyMap<string, string>): ContentIssue[] {
  const dutiesFile = files.find((f) => f.file === PUBLICATION_DUTIES_FILE);
  if (!dutiesFile) return [];
  const { rules, locate } = validatePublicationDutiesFile(dutiesFile.source);
  if (!rules) return [];
  return publicationDutyReferenceIssues(rules, locate, (slug) => sources.get(`content/documents/vi/${slug}.mdx`));
}

/** The Q&A deadline rules, when valid, held to the library: cited documents and their quoted words, responsible units. */
function qaDeadlineIssues(files: SourceFile[], sources: ReadonlyMap<string, string>): ContentIssue[] {
  const rulesFile = files.find((f) => f.file === QA_DEADLINES_FILE);
  if (!rulesFile) return [];
  const { rules, locate } = validateQaDeadlinesFile(rulesFile.source);
  if (!rules) return [];
  return qaDeadlineReferenceIssues(
    rules,
    locate,
    (slug) => sources.get(`content/documents/vi/${slug}.mdx`),
    (slug) => sources.has(`content/units/vi/${slug}.mdx`),
  );
}

const ENTRY_PATH = /^content\/([^/]+)\/([^/]+)\/([^/]+)\.mdx$/;

/** The part of an entry that checks between entries need. */
export type EntryRef = Pick<PortalEntry, 'collection' | 'locale' | 'slug' | 'file' | 'data'> & { links?: InternalLink[] | undefined };

export interface ValidatedFile {
  entry?: PortalEntry;
  issues: ContentIssue[];
}

/** Where an entry file says it belongs: collection, language and slug, or why its path is wrong. */
export function parseEntryPath(file: string): { collection: CollectionName; locale: Locale; slug: string } | { issue: ContentIssue } {
  const where = { file, line: 1, column: 1, field: undefined };
  const m = ENTRY_PATH.exec(file);
  if (!m) {
    return {
      issue: {
        ...where,
        vi: 'Tệp đặt sai chỗ: mỗi mục phải nằm ở content/<loại>/<ngôn ngữ>/<tên-tệp>.mdx, ví dụ content/news/vi/ten-bai.mdx.',
        en: 'File in the wrong place: each entry belongs at content/<collection>/<language>/<slug>.mdx, for example content/news/vi/my-article.mdx.',
      },
    };
  }
  const [, collection, locale, slug] = m as unknown as [string, string, string, string];
  if (!(collectionNames as readonly string[]).includes(collection)) {
    return {
      issue: {
        ...where,
        vi: `Không có loại nội dung “${collection}”. Các loại hợp lệ: ${collectionNames.join(', ')}.`,
        en: `There is no collection “${collection}”. Valid collections: ${collectionNames.join(', ')}.`,
      },
    };
  }
  if (!isLocale(locale)) {
    return {
      issue: {
        ...where,
        vi: `Thư mục ngôn ngữ “${locale}” không hợp lệ: dùng vi (tiếng Việt) hoặc en (tiếng Anh).`,
        en: `Language folder “${locale}” is not valid: use vi (Vietnamese) or en (English).`,
      },
    };
  }
  if (!SLUG_PATTERN.test(slug)) {
    return {
      issue: {
        ...where,
        vi: `Tên tệp “${slug}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ dang-ky-bhxh-tu-nguyen.mdx.`,
        en: `File name “${slug}” is not valid: use only lower-case ASCII letters, digits and hyphens, for example dang-ky-bhxh-tu-nguyen.mdx.`,
      },
    };
  }
  if (collection === 'pages' && reservedSlugs.has(slug)) {
    return {
      issue: {
        ...where,
        vi: `Tên tệp “${slug}” trùng với một đường dẫn của cổng; hãy đặt tên khác.`,
        en: `The file name “${slug}” is taken by one of the portal's own addresses; choose another.`,
      },
    };
  }
  const topicLike = collection === 'qa' ? qaTopicPrefixes.find((p) => slug.startsWith(p)) : undefined;
  if (topicLike) {
    return {
      issue: {
        ...where,
        vi: `Tên tệp câu hỏi “${slug}” bắt đầu bằng “${topicLike}”, trùng với địa chỉ danh sách câu hỏi theo chủ đề (/hoi-dap/chu-de-…/, /en/questions/topic-…/); hãy đặt tên khác.`,
        en: `The question's file name “${slug}” starts with “${topicLike}”, like the addresses of the topic listings (/hoi-dap/chu-de-…/, /en/questions/topic-…/); choose another.`,
      },
    };
  }
  return { collection: collection as CollectionName, locale, slug };
}

/**
 * Validates and renders one entry file; `schemas` come from
 * `contentSchemas(settings.taxonomy)`, `urls` from `urlPolicyOf(settings.site)`.
 */
export function validateEntryFile(file: string, source: string, schemas: ReturnType<typeof contentSchemas>, digest: string, urls: UrlPolicy): ValidatedFile {
  const place = parseEntryPath(file);
  if ('issue' in place) return { issues: [place.issue] };
  const { collection, locale, slug } = place;
  const tooLarge = fileSizeIssue(file, Buffer.byteLength(source));
  if (tooLarge) return { issues: [tooLarge] };

  const schema = schemas[collection] as z.ZodType;
  const front = checkEntryFront(file, source, schema, locale, urls);
  const issues: ContentIssue[] = [...front.issues];
  const parsed = front.parsed;
  if (!parsed || front.untranslated) return { issues };

  const body = renderBody(parsed.body, { locale, urls, partLinks: collection === 'documents' });
  const inFile = parsed.bodyLine - 1;
  for (const p of body.problems) {
    issues.push({ file, line: p.line + inFile, column: p.column, field: undefined, vi: p.vi, en: p.en, severity: p.severity });
  }
  if (front.value === undefined || issues.some(isError)) return { issues };
  return {
    entry: {
      collection,
      locale,
      slug,
      file,
      data: front.value,
      html: body.html,
      toc: body.toc,
      links: body.links.map((l) => ({ ...l, line: l.line + inFile })),
      digest,
    },
    issues,
  };
}

/** Validates and renders every entry file; settings must already be valid. `staticPaths`: see `crossCheck`. */
export function validateEntries(
  files: SourceFile[],
  settings: Settings,
  staticPaths: ReadonlySet<string> = new Set(),
): { entries: PortalEntry[]; issues: ContentIssue[] } {
  const schemas = contentSchemas(settings.taxonomy);
  const urls = urlPolicyOf(settings.site);
  const issues: ContentIssue[] = [];
  const entries: PortalEntry[] = [];
  const sources = new Map<string, string>();
  for (const { file, source } of files) {
    if (isSettingsFile(file)) continue;
    sources.set(file, source);
    const result = validateEntryFile(file, source, schemas, contentDigest(source), urls);
    issues.push(...result.issues);
    if (result.entry) entries.push(result.entry);
  }
  issues.push(...crossCheck(entries, (file) => sources.get(file), staticPaths, schemas, settings.taxonomy.qa_topics));
  issues.push(...boardListIssues(entries, (file) => sources.get(file), files.some((f) => f.file === ROLES_FILE)));
  issues.push(...publicationDutyIssues(files, sources));
  issues.push(...qaDeadlineIssues(files, sources));
  return { entries, issues };
}

/**
 * Checks between entries: translations have an original, references exist,
 * file fields and links to the portal name one of its pages or a file in
 * `staticPaths` (the files in public/, as “/files/a.pdf”); the schemas'
 * metadata says which fields are references and files. `sourceOf` gives a
 * file's text (of every entry file, passing or not), to point at the line of
 * a bad reference and to tell an original that fails its own check from a
 * missing one.
 */
export function crossCheck(
  entries: EntryRef[],
  sourceOf: (file: string) => string | undefined,
  staticPaths: ReadonlySet<string>,
  schemas: ContentSchemas,
  topics: readonly QaTopic[] = [],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const key = (c: string, l: string, s: string) => `${c}/${l}/${s}`;
  const index = new Set(entries.map((e) => key(e.collection, e.locale, e.slug)));
  const exists = (collection: string, slug: string) => index.has(key(collection, 'vi', slug));
  const locate = (file: string, path: (string | number)[]) => {
    const source = sourceOf(file);
    return source === undefined ? { line: 1, column: 1 } : parseEntryFile(file, source).locate(path);
  };

  for (const e of entries) {
    // An original that is there but fails its own check is not reported missing: its own problems say what to fix.
    const original = `content/${e.collection}/vi/${e.slug}.mdx`;
    if (e.locale !== 'vi' && !index.has(key(e.collection, 'vi', e.slug)) && sourceOf(original) === undefined) {
      issues.push({
        file: e.file,
        line: 1,
        column: 1,
        field: undefined,
        vi: `Bản tiếng Anh không có bản gốc tiếng Việt: cần tệp content/${e.collection}/vi/${e.slug}.mdx (cùng tên tệp).`,
        en: `This English entry has no Vietnamese original: content/${e.collection}/vi/${e.slug}.mdx (same file name) is needed.`,
      });
    }
    // References and file paths, found by the schema's own metadata (`references`, `folder`).
    const tagged = valuesWithMeta(schemas[e.collection] as z.ZodType, e.data, (m) => m.references !== undefined || m.folder !== undefined);
    const refs = tagged.filter((t) => t.meta.references).map((t) => ({ path: t.path, collection: t.meta.references!, slug: String(t.value) }));
    for (const f of tagged.filter((t) => t.meta.folder !== undefined && !staticPaths.has(String(t.value)))) {
      issues.push({
        file: e.file,
        ...locate(e.file, f.path),
        field: fieldPath(f.path),
        vi: `Không có tệp ${String(f.value)} trong thư mục public${String(f.value).replace(/\/[^/]*$/, '/')} của cổng. Tải tệp lên từ ô này trong trình biên tập, hoặc sửa đường dẫn.`,
        en: `There is no file ${String(f.value)} in the portal's public${String(f.value).replace(/\/[^/]*$/, '/')} folder. Upload it from this field in the CMS, or correct the path.`,
      });
    }
    for (const r of refs) {
      if (!exists(r.collection, r.slug)) {
        issues.push({
          file: e.file,
          ...locate(e.file, r.path),
          field: fieldPath(r.path),
          vi: `Tham chiếu tới “${r.slug}” nhưng không có mục content/${r.collection}/vi/${r.slug}.mdx. Kiểm tra chính tả tên tệp.`,
          en: `Refers to “${r.slug}” but there is no entry content/${r.collection}/vi/${r.slug}.mdx. Check the spelling of the file name.`,
        });
      }
    }
  }
  issues.push(...englishAddressIssues(entries, locate));
  issues.push(...checkInternalLinks(entries, staticPaths, topics));
  return issues;
}

/** Everything at once: settings first (entries need the taxonomy), then entries. */
export function validateContent(
  files: SourceFile[],
  options: { staticPaths?: ReadonlySet<string> } = {},
): { settings?: Settings; entries: PortalEntry[]; issues: ContentIssue[] } {
  const { settings, issues } = validateSettings(files);
  if (!settings) return { entries: [], issues };
  const result = validateEntries(files, settings, options.staticPaths);
  const siteFiles = options.staticPaths ? missingSiteFiles(settings.site, files.find((f) => f.file === SITE_FILE)!.source, options.staticPaths) : [];
  return { settings, entries: result.entries, issues: [...issues, ...siteFiles, ...result.issues] };
}

/** The files content/site.yml names (the logo) that are not in public/; checked when the caller knows public/'s files. */
export function missingSiteFiles(site: SiteSettings, source: string, staticPaths: ReadonlySet<string>): ContentIssue[] {
  const { locate } = parseYamlWithPositions(SITE_FILE, source);
  return valuesWithMeta(siteSchema, site, (m) => m.folder !== undefined)
    .filter((t) => !staticPaths.has(String(t.value)))
    .map((t) => ({
      file: SITE_FILE,
      ...locate(t.path),
      field: fieldPath(t.path),
      vi: `Không có tệp ${String(t.value)} (public${String(t.value)}): tải tệp lên (ảnh SVG hoặc PNG) hoặc sửa đường dẫn.`,
      en: `There is no file ${String(t.value)} (public${String(t.value)}): upload it (an SVG or PNG image) or correct the path.`,
    }));
}
