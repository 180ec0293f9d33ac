/**
 * The CMS's date fields: `vietnam-date` (YYYY-MM-DD), `vietnam-datetime`
 * (a moment with +07:00) and `vietnam-time` (a moment in Vietnam written
 * YYYY-MM-DDTHH:mm, the Q&A register's times), typed and shown day/month/year in Vietnam time in
 * both interfaces, checked as the editor types with the schema's own range.
 * The rules are src/lib/cms/vietnam-date.ts; this file only draws the input.
 * Registered before src/admin/cms.ts starts Decap (src/views/CmsAdminView.astro).
 */
import { isLocale, type Locale } from '../lib/locales.ts';
import { dateWidgetWords, readTypedDate, shownDate, type DateForm } from '../lib/cms/vietnam-date.ts';

interface FieldLike {
  get(key: string): unknown;
}

interface ControlProps {
  field: FieldLike;
  forID: string;
  value: unknown;
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

interface ControlThis {
  props: ControlProps;
  state: { text: string; left: boolean };
  setState(state: Partial<ControlThis['state']>): void;
  sent?: string;
}

const locale: Locale = isLocale(document.documentElement.lang) ? document.documentElement.lang : 'vi';
const { CMS, h } = window;
const createClass = (window as unknown as { createClass(spec: Record<string, unknown>): unknown }).createClass;
const registerWidget = (CMS as unknown as { registerWidget(name: string, control: unknown, preview: unknown, schema: unknown): void }).registerWidget;

function dateControl(form: DateForm) {
  const words = dateWidgetWords(locale, form);
  const rangeOf = (field: FieldLike) => {
    const years = field.get('years_ahead');
    return typeof years === 'number' ? { yearsAhead: years } : undefined;
  };
  const read = (self: ControlThis) => readTypedDate(self.state.text, form, rangeOf(self.props.field));
  return createClass({
    getInitialState(this: ControlThis) {
      return { text: typeof this.props.value === 'string' ? shownDate(this.props.value, form) : '', left: false };
    },
    componentDidUpdate(this: ControlThis, previous: ControlProps) {
      // A value set from outside the input (another locale's copy, a reverted draft): show it.
      const value = this.props.value;
      if (value !== previous.value && value !== this.sent) this.setState({ text: typeof value === 'string' ? shownDate(value, form) : '' });
    },
    /** Decap asks on save: a date that is not whole, real and plausible keeps the entry from being saved. */
    isValid(this: ControlThis) {
      const result = read(this);
      if (!('error' in result)) return true;
      const label = String(this.props.field.get('label') ?? this.props.field.get('name'));
      return { error: { type: 'CUSTOM', message: `${label}: ${result.error[locale]}` } };
    },
    render(this: ControlThis) {
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, onChange } = this.props;
      const result = read(this);
      const problem = this.state.left && 'error' in result ? result.error[locale] : undefined;
      const onInput = (event: { target: { value: string } }) => {
        const text = event.target.value;
        this.setState({ text });
        const typed = readTypedDate(text, form, rangeOf(this.props.field));
        // A whole date is stored in the schema's format; anything else is kept as typed, so the check names it.
        this.sent = 'value' in typed ? typed.value : text;
        onChange(this.sent);
      };
      return h(
        'div',
        { className: classNameWrapper },
        h('input', {
          id: forID,
          type: 'text',
          inputMode: 'numeric',
          autoComplete: 'off',
          placeholder: words.placeholder,
          value: this.state.text,
          'aria-invalid': problem ? 'true' : undefined,
          'aria-describedby': `${forID}-format`,
          onChange: onInput,
          onFocus: setActiveStyle,
          onBlur: () => {
            setInactiveStyle();
            this.setState({ left: true });
          },
          style: { border: 0, outline: 0, width: '100%', font: 'inherit', background: 'transparent' },
        }),
        h('div', { id: `${forID}-format`, style: { fontSize: '0.85em', color: '#555' } }, [words.placeholder, words.zone].filter(Boolean).join(' · ')),
        problem ? h('div', { role: 'alert', className: 'vietnam-date-error', style: { color: '#b00020', fontSize: '0.9em', marginTop: '4px' } }, problem) : null,
      );
    },
  });
}

function datePreview(form: DateForm) {
  return ({ value }: { value: unknown }) => h('span', null, typeof value === 'string' ? shownDate(value, form) : '');
}

const schema = { properties: { years_ahead: { type: 'number' } } };
registerWidget.call(CMS, 'vietnam-date', dateControl('date'), datePreview('date'), schema);
registerWidget.call(CMS, 'vietnam-datetime', dateControl('moment'), datePreview('moment'), schema);
registerWidget.call(CMS, 'vietnam-time', dateControl('vietnam-time'), datePreview('vietnam-time'), schema);
