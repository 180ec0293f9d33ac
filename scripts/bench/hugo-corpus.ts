/**
 * The benchmark's peer: the portal corpus (scripts/bench/corpus.ts) written as
 * a Hugo site, so that Hugo + stock Pagefind build the same pages with the
 * same words in the same run. Pure: files in, files out.
 *
 * - Every entry of the portal corpus becomes one Hugo page in its language
 *   (`content/vi/tin-tuc/<slug>.md`, `content/en/news/<slug>.md`: the
 *   portal's own addresses), with the same title, summary and body (the bodies
 *   are plain Markdown, as the portal's are), and a translation key linking
 *   the two languages. The portal's other fields are kept under `portal:`.
 * - Minimal layouts: `<html lang>`, `<article data-pagefind-body>` with the
 *   title, the summary and the content (entries only: like the portal's
 *   search, the peer's leaves the units' contact pages out), and the two search filters the portal
 *   indexes (type, year). Listings per section and per taxonomy term (columns,
 *   sections, Q&A topics, document kinds, statuses, issuers, years), ten
 *   entries a page like the portal's, so the page counts compare.
 * - A search page per language (`/tim-kiem/`, `/en/search/`) with Pagefind's
 *   stock Default UI.
 */
import { parse, stringify } from 'yaml';
import type { CorpusFile } from './corpus.ts';

export interface HugoFile {
  /** Path inside the Hugo site folder. */
  path: string;
  text: string;
}

/** The portal's collection folders → the Hugo section of each language (the portal's URL segments). */
export const HUGO_SECTIONS = {
  news: { vi: 'tin-tuc', en: 'news' },
  documents: { vi: 'van-ban', en: 'documents' },
  qa: { vi: 'hoi-dap', en: 'questions' },
  units: { vi: 'don-vi', en: 'units' },
} as const;
type Collection = keyof typeof HUGO_SECTIONS;

/** Search pages of the peer, at the portal's addresses. */
export const HUGO_SEARCH_PATHS = { vi: '/tim-kiem/', en: '/en/search/' } as const;

/** Taxonomies: the front-matter key (plural) → Hugo's singular. */
const TAXONOMIES: Record<string, string> = {
  columns: 'column',
  subsections: 'subsection',
  topics: 'topic',
  kinds: 'kind',
  statuses: 'status',
  issuers: 'issuer',
  years: 'year',
  tags: 'tag',
};

const typeName = {
  vi: { news: 'Tin tức', documents: 'Văn bản', qa: 'Hỏi đáp', units: 'Đơn vị' },
  en: { news: 'News', documents: 'Documents', qa: 'Questions and answers', units: 'Units' },
} as const;

function config(): string {
  return stringify({
    baseURL: 'http://127.0.0.1/',
    title: 'Benchmark peer',
    defaultContentLanguage: 'vi',
    defaultContentLanguageInSubdir: false,
    paginate: 10,
    enableRobotsTXT: false,
    taxonomies: Object.fromEntries(Object.entries(TAXONOMIES).map(([plural, singular]) => [singular, plural])),
    languages: {
      vi: { contentDir: 'content/vi', weight: 1, languageName: 'Tiếng Việt', paginatePath: 'trang' },
      en: { contentDir: 'content/en', weight: 2, languageName: 'English', paginatePath: 'page' },
    },
  });
}

const BASE = `<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
{{ block "head" . }}{{ end }}
</head>
<body>
<header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}
<article{{ if .Params.searchable }} data-pagefind-body{{ end }}>
<h1>{{ .Title }}</h1>
<span hidden data-pagefind-filter="type">{{ .Params.portalType }}</span>
{{ with .Params.years }}<span hidden data-pagefind-filter="year">{{ index . 0 }}</span>{{ end }}
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
`;

const LIST = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ol>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ol>
{{ template "_internal/pagination.html" . }}
{{ end }}
`;

const SEARCH = `{{ define "head" }}<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: '#search', showSubResults: true }); });</script>
{{ end }}
`;

type Lang = 'vi' | 'en';

function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}

/** Splits a portal entry into its front matter (parsed) and its body. */
export function splitEntry(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('A corpus entry without front matter');
  return { data: (parse(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
}

function entryFields(collection: Collection, lang: Lang, slug: string, data: Record<string, unknown>): Record<string, unknown> {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const day = (v: unknown) => str(v)?.slice(0, 10);
  const fields: Record<string, unknown> = {
    title: collection === 'units' ? str(data.name) : str(data.title),
    translationKey: `${collection}/${slug}`,
    portalType: typeName[lang][collection],
    // What the portal's search indexes: entries, not the units' contact pages.
    searchable: collection !== 'units',
  };
  let date: string | undefined;
  if (collection === 'news') {
    date = day(data.date);
    fields.summary = str(data.summary);
    fields.columns = [str(data.column)];
    fields.subsections = [`${str(data.column)}/${str(data.section)}`];
    if (Array.isArray(data.tags)) fields.tags = data.tags.map(String);
  } else if (collection === 'qa') {
    date = day(data.received);
    fields.summary = str(data.question);
    fields.topics = [str(data.topic)];
  } else if (collection === 'documents') {
    date = day(data.issued);
    fields.summary = str(data.summary);
    fields.kinds = [str(data.kind)];
    fields.statuses = [str(data.status)];
    fields.issuers = [str(data.issuer)];
  }
  if (date) {
    fields.date = date;
    if (collection !== 'units') fields.years = [date.slice(0, 4)];
  }
  fields.portal = data;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The Hugo site of a portal corpus: config, layouts, one page per entry, section indexes, search pages. */
export function hugoSite(corpus: readonly CorpusFile[]): HugoFile[] {
  const files: HugoFile[] = [
    { path: 'config.yaml', text: config() },
    { path: 'layouts/_default/baseof.html', text: BASE },
    { path: 'layouts/_default/single.html', text: SINGLE },
    { path: 'layouts/_default/list.html', text: LIST },
    { path: 'layouts/_default/search.html', text: SEARCH },
  ];
  for (const lang of ['vi', 'en'] as const) {
    for (const collection of Object.keys(HUGO_SECTIONS) as Collection[]) {
      files.push({ path: `content/${lang}/${HUGO_SECTIONS[collection][lang]}/_index.md`, text: frontMatter({ title: typeName[lang][collection] }) });
    }
    const search = HUGO_SEARCH_PATHS[lang].split('/').filter(Boolean).at(-1)!;
    files.push({ path: `content/${lang}/${search}.md`, text: frontMatter({ title: lang === 'vi' ? 'Tìm kiếm' : 'Search', layout: 'search', _build: { list: 'never' } }) });
  }
  for (const f of corpus) {
    const m = /^(news|documents|qa|units)\/(vi|en)\/([^/]+)\.mdx$/.exec(f.path);
    if (!m) continue; // site.yml, taxonomy.yml
    const collection = m[1] as Collection;
    const lang = m[2] as Lang;
    const slug = m[3]!;
    const { data, body } = splitEntry(f.text);
    files.push({ path: `content/${lang}/${HUGO_SECTIONS[collection][lang]}/${slug}.md`, text: `${frontMatter(entryFields(collection, lang, slug, data))}${body}` });
  }
  return files;
}
