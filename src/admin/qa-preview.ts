/**
 * The deadlines table of the Q&A preview: the rows come from
 * src/lib/cms/qa-preview-rows.ts, computed live from the form's values with
 * the calendar and rules of /admin/duty-rules.json (fetched once, same
 * origin) and the present moment in Vietnam; this file only fetches and draws.
 */
import { calendarOfDutyRules, DUTY_RULES_PATH, type DutyRules } from '../lib/cms/duty-rules.ts';
import { previewWords, qaPreviewTable } from '../lib/cms/qa-preview-rows.ts';
import { formatVietnamDateTime, vietnamDateTime } from '../lib/dates.ts';
import type { Locale } from '../lib/locales.ts';

type Loaded = { rules: DutyRules } | { error: string };

let loading: Promise<Loaded> | undefined;

/** The rules JSON, fetched once; a failure is kept as its reason (and retried on the next preview that mounts). */
function loadDutyRules(): Promise<Loaded> {
  loading ??= fetch(DUTY_RULES_PATH, { credentials: 'same-origin' })
    .then(async (r): Promise<Loaded> => {
      if (!r.ok) return { error: `HTTP ${r.status}` };
      return { rules: (await r.json()) as DutyRules };
    })
    .catch((error: unknown): Loaded => ({ error: error instanceof Error ? error.message : String(error) }))
    .then((loaded) => {
      if ('error' in loaded) loading = undefined;
      return loaded;
    });
  return loading;
}

interface TableThis {
  props: { data: Record<string, unknown>; slug: string; locale: Locale };
  state: { loaded?: Loaded };
  setState(state: { loaded: Loaded }): void;
  unmounted?: boolean;
}

const { h } = window;
const createClass = (window as unknown as { createClass(spec: Record<string, unknown>): object }).createClass;

/** The component Decap's preview draws above the details: `h(QaDeadlinesTable, { data, slug, locale })`. */
export const QaDeadlinesTable = createClass({
  getInitialState() {
    return {};
  },
  componentDidMount(this: TableThis) {
    void loadDutyRules().then((loaded) => {
      if (!this.unmounted) this.setState({ loaded });
    });
  },
  componentWillUnmount(this: TableThis) {
    this.unmounted = true;
  },
  render(this: TableThis) {
    const { data, slug, locale } = this.props;
    const w = previewWords[locale];
    const loaded = this.state.loaded;
    const section = (...children: unknown[]) => h('section', { className: 'qa-deadlines', 'aria-label': w.caption, 'data-qa-deadlines': '' }, ...children);
    if (!loaded) return section(h('p', { role: 'status' }, w.loading));
    if ('error' in loaded) return section(h('p', { className: 'notice', role: 'alert' }, w.unavailable(loaded.error)));
    const now = vietnamDateTime();
    let table;
    try {
      table = qaPreviewTable(data, loaded.rules.published[slug], calendarOfDutyRules(loaded.rules), loaded.rules.qa, now, locale, loaded.rules.historyBegins);
    } catch (error) {
      return section(h('p', { className: 'notice', role: 'alert' }, w.unavailable(error instanceof Error ? error.message : String(error))));
    }
    if (table.kind === 'incomplete') return section(h('p', { className: 'notice', role: 'note' }, table.message));
    return section(
      h(
        'table',
        { className: 'metadata qa-deadlines__table' },
        h('caption', null, w.caption),
        h('thead', null, h('tr', null, ...[w.step, w.due, w.state, w.article, w.units].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          null,
          ...table.rows.map((r) =>
            h(
              'tr',
              { 'data-step': r.step, 'data-state': r.state },
              h('th', { scope: 'row' }, r.label),
              h('td', { className: 'qa-deadlines__due' }, r.dueMoment ? h('time', { dateTime: `${r.dueMoment}+07:00` }, r.due) : r.due),
              h('td', { className: 'qa-deadlines__state' }, h('strong', null, r.stateLabel), r.note ? h('span', null, ` — ${r.note}`) : null),
              h('td', null, r.article),
              h('td', null, r.units.join(', ')),
            ),
          ),
        ),
      ),
      h('p', { className: 'qa-deadlines__as-of' }, w.asOf(formatVietnamDateTime(now, locale))),
      loaded.rules.historyKnown ? null : h('p', { className: 'notice', role: 'note' }, w.noHistory),
    );
  },
});
