/**
 * Starts Decap CMS on the portal's /admin page: interface language, entry
 * previews in the portal's own styles and layout, the portal's editor
 * components, and the local editorial backend when run on this computer.
 */
import portalCss from '../styles/portal.css?url';
import { ui } from '../i18n/index.ts';
import { isLocale, type Locale } from '../lib/locales.ts';
import { editorComponents } from '../lib/content/components.ts';
import { collectionNames } from '../lib/schema/collections.ts';
import { mergePhrases, portalVietnamesePhrases } from '../lib/cms/decap-locale-vi.ts';
import { shownDate } from '../lib/cms/vietnam-date.ts';
import { makeCopiedFieldsReadOnly } from './copied-fields.ts';
import decapVietnamese from 'decap-cms-locales/dist/esm/vi/index.js';
import decapEnglish from 'decap-cms-locales/dist/esm/en/index.js';
import { portalEnglishPhrases } from '../lib/cms/decap-locale-en.ts';
import { withPlainErrors, type RequestingBackend } from '../lib/cms/backend-error.ts';
import { heardSaveAnswer, registerSaveCheck, showSaveRefusal } from './save-check.ts';
import { resourceLinks } from '../lib/cms/resource-links.ts';
import { QaDeadlinesTable } from './qa-preview.ts';
import { StaleTranslationNotice } from './stale-translation-preview.ts';

const locale: Locale = isLocale(document.documentElement.lang) ? document.documentElement.lang : 'vi';
const t = ui(locale);
const { CMS, h } = window;

/** Fields shown above the text, not in the details table. */
const headline = new Set(['title', 'name', 'summary', 'sample', 'body', 'question']);

function shown(value: unknown, widget: string | undefined, options: { label: string; value: string }[] | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (widget === 'select') return options?.find((o) => o.value === value)?.label ?? String(value);
  // The portal's date widgets (src/admin/vietnam-date-widget.ts): shown as the editor typed them, dd/mm/yyyy.
  if (widget === 'vietnam-date' && typeof value === 'string') return shownDate(value, 'date');
  if (widget === 'vietnam-datetime' && typeof value === 'string') return shownDate(value, 'moment');
  if (widget === 'vietnam-time' && typeof value === 'string') return shownDate(value, 'vietnam-time');
  if (widget === 'boolean') return value ? '✓' : '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? Object.values(v ?? {}).join(' — ') : String(v))).join('; ');
  if (typeof value === 'object') return Object.values(value).filter(Boolean).join(', ');
  return String(value);
}

/**
 * An entry as the portal shows it: heading, stale-translation notice (English
 * version only), sample label, summary, details table, text; `above` (the
 * Q&A's deadlines) goes above the details.
 */
function preview({ entry, fields, widgetFor, collection, locale: shownLocale }: DecapPreviewProps, above?: (data: Record<string, unknown>) => unknown) {
  const data = (entry.get('data') as ImmutableLike | undefined)?.toJS() as Record<string, unknown> | undefined ?? {};
  const list = fields.toJS();
  const rows = list
    .filter((f) => !headline.has(f.name))
    .map((f) => [f.label ?? f.name, shown(data[f.name], f.widget, f.options)] as const)
    .filter(([, value]) => value !== '');
  return h(
    'div',
    { className: 'container page' },
    h(
      'article',
      null,
      h('h1', null, String(data.title ?? data.name ?? '')),
      // The English version older than its original says so, as the English page does (src/admin/stale-translation-preview.ts).
      h(StaleTranslationNotice, { collection: String(collection?.get('name') ?? ''), slug: String(entry.get('slug') ?? ''), locale: shownLocale }),
      data.sample ? h('div', { className: 'notice', role: 'note' }, h('strong', null, h('span', { className: 'tag tag--sample' }, t.sampleBadge)), ' ', t.sampleNotice) : null,
      data.summary ? h('p', { className: 'lead' }, String(data.summary)) : null,
      data.question ? h('blockquote', null, String(data.question)) : null,
      above ? above(data) : null,
      rows.length > 0
        ? h('table', { className: 'metadata' }, h('tbody', null, ...rows.map(([label, value]) => h('tr', null, h('th', { scope: 'row' }, label), h('td', null, value)))))
        : null,
      h('div', { className: 'prose' }, widgetFor('body')),
    ),
  );
}

// Decap's Vietnamese phrases, completed (src/lib/cms/decap-locale-vi.ts). Decap shows its loading
// screen before it has read the configuration's `locale`, so in its fallback language, `en`: on the
// Vietnamese page that fallback is Vietnamese too, so no English shows while the CMS starts.
if (locale === 'vi') {
  const vietnamese = mergePhrases(decapVietnamese, portalVietnamesePhrases);
  CMS.registerLocale('vi', vietnamese);
  CMS.registerLocale('en', vietnamese);
}
if (locale === 'en') CMS.registerLocale('en', mergePhrases(decapEnglish, portalEnglishPhrases));

// The local backend's refusals already say what to do, in the interface's language: its notices
// print them as they are, without Decap's “API_ERROR: ” (src/lib/cms/backend-error.ts).
const proxy = CMS.getBackend('proxy');
if (proxy) {
  const init = proxy.init;
  const isSave = (payload: unknown) => (payload as { action?: unknown }).action === 'persistEntry';
  proxy.init = (...args) =>
    withPlainErrors(init(...args) as RequestingBackend, {
      // A save's notes from the local backend's check are listed with the browser's once it is saved.
      answered: (payload, answer) => {
        if (isSave(payload)) heardSaveAnswer(answer);
      },
      // A refused save's problems also stay listed in the panel of the save check (Decap's notice goes after 8 s).
      refused: (payload, error) => {
        if (isSave(payload)) showSaveRefusal(error, locale);
      },
    });
}

// The build's checks before every save: an entry the content check would refuse is not saved.
registerSaveCheck(locale);

// The rich-text editor writes links back as [text](address), never as <address>, which MDX cannot read.
CMS.registerRemarkPlugin(resourceLinks as (this: never) => void);

CMS.registerPreviewStyle(portalCss);
for (const name of collectionNames) CMS.registerPreviewTemplate(name, (props) => preview(props));
// A Q&A entry: its due dates and their state, computed live from the form (src/admin/qa-preview.ts).
CMS.registerPreviewTemplate('qa', (props) =>
  preview(props, (data) => h(QaDeadlinesTable, { data, slug: String(props.entry.get('slug') ?? ''), locale })),
);

const callout = editorComponents.Callout!;
const calloutBlock = /^<Callout type="([a-z]+)">\n([\s\S]*?)\n<\/Callout>$/m;
CMS.registerEditorComponent({
  id: 'callout',
  label: locale === 'vi' ? 'Khung lưu ý' : 'Callout',
  fields: [
    {
      name: 'type',
      label: locale === 'vi' ? 'Loại' : 'Kind',
      widget: 'select',
      options: callout.attributes.type!.map((value) => ({ value, label: callout.render({ type: value }, locale).label })),
      default: 'note',
    },
    { name: 'text', label: locale === 'vi' ? 'Nội dung' : 'Text', widget: 'markdown' },
  ],
  pattern: calloutBlock,
  fromBlock: (match) => ({ type: match[1] ?? 'note', text: match[2] ?? '' }),
  toBlock: (data) => `<Callout type="${data.type ?? 'note'}">\n${data.text ?? ''}\n</Callout>`,
  toPreview: (data) => `<aside class="callout callout-${data.type ?? 'note'}" role="note">${data.text ?? ''}</aside>`,
});

// Fields copied from the Vietnamese original cannot be typed into in the other panes.
makeCopiedFieldsReadOnly();

// On this computer, `npm start` serves the local editorial backend (decap-server, git mode) at /api/v1.
const onThisComputer = ['localhost', '127.0.0.1'].includes(location.hostname);
CMS.init({
  config: {
    locale,
    ...(onThisComputer ? { local_backend: { url: `${location.origin}/api/v1` } } : {}),
  },
});
