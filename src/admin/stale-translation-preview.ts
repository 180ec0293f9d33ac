/**
 * The stale-translation notice in the CMS preview of an English entry: the
 * same notice as the English page (src/components/StaleTranslationNotice.astro),
 * for the entries /admin/stale-translations.json lists (fetched once, same
 * origin). Shown only when the preview shows the English version.
 */
import { STALE_TRANSLATIONS_PATH, type StaleTranslations } from '../lib/cms/stale-translations.ts';
import { staleNoticeWords } from '../lib/translations/stale-notice.ts';

let loading: Promise<StaleTranslations | undefined> | undefined;

/** The JSON, fetched once; on a failure nothing is shown (the page's own notice still says it), and the next preview tries again. */
function loadStaleTranslations(): Promise<StaleTranslations | undefined> {
  loading ??= fetch(STALE_TRANSLATIONS_PATH, { credentials: 'same-origin' })
    .then(async (r) => (r.ok ? ((await r.json()) as StaleTranslations) : undefined))
    .catch(() => undefined)
    .then((loaded) => {
      if (!loaded) loading = undefined;
      return loaded;
    });
  return loading;
}

interface NoticeThis {
  props: { collection: string; slug: string; locale: string | undefined };
  state: { loaded?: StaleTranslations };
  setState(state: { loaded: StaleTranslations | undefined }): void;
  unmounted?: boolean;
}

const { h } = window;
const createClass = (window as unknown as { createClass(spec: Record<string, unknown>): object }).createClass;

/** `h(StaleTranslationNotice, { collection, slug, locale })`, where `locale` is the language the preview shows. */
export const StaleTranslationNotice = createClass({
  getInitialState() {
    return {};
  },
  componentDidMount(this: NoticeThis) {
    void loadStaleTranslations().then((loaded) => {
      if (!this.unmounted) this.setState({ loaded });
    });
  },
  componentWillUnmount(this: NoticeThis) {
    this.unmounted = true;
  },
  render(this: NoticeThis) {
    const { collection, slug, locale } = this.props;
    const entry = locale === 'en' ? this.state.loaded?.entries[`${collection}/${slug}`] : undefined;
    if (!entry) return null;
    const words = staleNoticeWords(entry.originalRevisedAt);
    return h(
      'section',
      { className: 'notice notice--stale-translation', role: 'note', 'aria-labelledby': 'stale-translation-title', lang: 'en' },
      h('h2', { id: 'stale-translation-title' }, words.title),
      h('p', null, words.body, ' ', h('a', { href: entry.originalAddress, hrefLang: 'vi', target: '_blank', rel: 'noopener' }, words.link)),
    );
  },
});
