/**
 * The whole Decap CMS configuration, generated from the content schemas and
 * the settings files: one source of truth for what an editor may write.
 *
 * Choices made around Decap's behaviour (see docs/cms.md):
 * - `publish_mode: editorial_workflow`: every submission is a pull request;
 * - `delete: false` on every collection: Decap deletes straight on the main
 *   branch, bypassing review; taking content down is the `withdrawn` edit;
 * - uploads go through the file and image fields of an entry, so they travel
 *   in its pull request;
 * - i18n `multiple_folders` matches `content/<collection>/<vi|en>/<slug>.mdx`;
 * - slugs are ASCII: "Đăng ký BHXH tự nguyện" → "dang-ky-bhxh-tu-nguyen";
 * - `backend.preview_context: content-check/report`: on GitHub, the entry's
 *   preview link in the editor opens the content check's list of problems.
 */
import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import { collectionLabels, collectionNames, contentSchemas, type CollectionName } from '../schema/collections.ts';
import { siteSchema, taxonomySchema, type SiteSettings, type Taxonomy } from '../schema/settings.ts';
import { CONTENT_CHECK_REPORT } from '../governance/desired.ts';
import { decapFields, displayFieldOf, type DecapField } from './decap-fields.ts';

export interface DecapCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: DecapField[] }[];
  extension?: string;
  format?: string;
  create?: boolean;
  delete: false;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  i18n?: boolean;
  media_folder?: string;
  public_folder?: string;
  editor?: { preview: boolean };
  fields?: DecapField[];
}

export interface DecapConfig {
  backend: { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string; squash_merges: false; preview_context: string };
  local_backend: true;
  publish_mode: 'editorial_workflow';
  locale: Locale;
  site_url: string;
  display_url: string;
  logo_url: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  i18n: { structure: 'multiple_folders'; locales: Locale[]; default_locale: Locale };
  collections: DecapCollection[];
}

const singular: Record<CollectionName, { vi: string; en: string }> = {
  pages: { vi: 'Trang', en: 'Page' },
  news: { vi: 'Tin', en: 'News item' },
  documents: { vi: 'Văn bản', en: 'Document' },
  qa: { vi: 'Câu hỏi', en: 'Question' },
  spokespeople: { vi: 'Người phát ngôn', en: 'Spokesperson' },
  units: { vi: 'Đơn vị', en: 'Unit' },
};

const sortable: Record<CollectionName, string[]> = {
  pages: ['title', 'order'],
  news: ['date', 'title'],
  documents: ['issued', 'title', 'number'],
  qa: ['received', 'answered', 'title'],
  spokespeople: ['order', 'name'],
  units: ['order', 'name'],
};

export const bodyLabel = { vi: 'Nội dung', en: 'Text' };
const bodyHint = {
  vi: 'Viết bằng Markdown: ## tiêu đề mục, **đậm**, danh sách, [liên kết](/duong-dan/). Không dán mã HTML hay JavaScript.',
  en: 'Write in Markdown: ## headings, **bold**, lists, [links](/path/). Do not paste HTML or JavaScript.',
};

/**
 * Collections whose body is optional: their pages are mostly the fields, or
 * (Q&A) the body is the answer, which a question received but not yet
 * answered does not have; the content check asks for it once `answered` is set.
 */
const bodyOptional = new Set<CollectionName>(['spokespeople', 'units', 'qa']);

function contentCollection(name: CollectionName, schema: z.ZodType, locale: Locale): DecapCollection {
  const display = displayFieldOf[name]!;
  const body: DecapField = {
    name: 'body',
    label: bodyLabel[locale],
    hint: bodyHint[locale],
    widget: 'markdown',
    i18n: true,
    modes: ['rich_text', 'raw'],
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'heading-four', 'quote', 'bulleted-list', 'numbered-list'],
    editor_components: ['image', 'callout'],
    ...(bodyOptional.has(name) ? { required: false } : {}),
  };
  return {
    name,
    label: collectionLabels[name][locale],
    label_singular: singular[name][locale],
    folder: `content/${name}`,
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    delete: false,
    slug: '{{slug}}',
    identifier_field: display,
    summary: `{{${display}}}`,
    sortable_fields: sortable[name],
    i18n: true,
    media_folder: `/public/media/${name}`,
    public_folder: `/media/${name}`,
    fields: [...decapFields(schema, locale, true), body],
  };
}

function settingsCollection(locale: Locale): DecapCollection {
  const say = (vi: string, en: string) => (locale === 'vi' ? vi : en);
  return {
    name: 'settings',
    label: say('Cài đặt cổng', 'Portal settings'),
    description: say(
      'Thông tin cơ quan và danh mục chuyên mục, chủ đề đã được Ban Biên tập phê duyệt.',
      'The agency’s details and the columns and topics approved by the editorial board.',
    ),
    delete: false,
    editor: { preview: false },
    files: [
      { name: 'site', label: say('Thông tin cơ quan', 'Agency details'), file: 'content/site.yml', fields: decapFields(siteSchema, locale, false) },
      { name: 'taxonomy', label: say('Chuyên mục và chủ đề', 'Columns and topics'), file: 'content/taxonomy.yml', fields: decapFields(taxonomySchema, locale, false) },
    ],
  };
}

/** The configuration for the CMS interface in `locale` (labels and hints in that language). */
export function decapConfig(site: SiteSettings, taxonomy: Taxonomy, locale: Locale): DecapConfig {
  const schemas = contentSchemas(taxonomy);
  return {
    backend: {
      name: 'github',
      repo: site.cms.repo,
      branch: site.cms.branch,
      ...(site.cms.auth_base_url ? { base_url: site.cms.auth_base_url } : {}),
      ...(site.cms.auth_endpoint ? { auth_endpoint: site.cms.auth_endpoint } : {}),
      squash_merges: false,
      // The commit status Decap shows as the entry's preview link: the content check's list of problems
      // (pull-request.yml). Without it Decap would pick any status whose name contains "deploy".
      preview_context: CONTENT_CHECK_REPORT,
    },
    local_backend: true,
    publish_mode: 'editorial_workflow',
    locale,
    site_url: site.url,
    display_url: site.url,
    logo_url: '/favicon.svg',
    media_folder: 'public/media/uploads',
    public_folder: '/media/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: { structure: 'multiple_folders', locales: ['vi', 'en'], default_locale: 'vi' },
    collections: [...collectionNames.map((name) => contentCollection(name, schemas[name], locale)), settingsCollection(locale)],
  };
}

/** The file the generated configuration is published as, per interface language. */
export const configFileOf: Record<Locale, string> = { vi: 'config.yml', en: 'config.en.yml' };
