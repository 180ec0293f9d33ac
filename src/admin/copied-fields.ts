/**
 * Fields copied from the Vietnamese original (`i18n: duplicate`: a person's
 * name, a date, a column, …) are read-only in the other languages' panes.
 * Decap marks them `isDisabled` but only greys them with CSS: its widgets
 * ignore the flag, so the editor can still type (or tab) into the English copy,
 * and Decap then overwrites it with the Vietnamese value on the next change —
 * what was typed is silently lost. Each widget a copied field uses is wrapped
 * in a disabled <fieldset>, which the browser itself keeps every control
 * inside from being focused or changed, with a note saying where to edit it.
 */
import { isLocale, type Locale } from '../lib/locales.ts';

interface WidgetLike {
  control: unknown;
  preview?: unknown;
  schema?: unknown;
  [option: string]: unknown;
}

interface ControlProps {
  isDisabled?: boolean;
  [prop: string]: unknown;
}

/** The widgets of fields the generated configuration marks `i18n: duplicate` (src/lib/cms/decap-fields.ts). */
export const COPIED_FIELD_WIDGETS = ['string', 'text', 'number', 'boolean', 'select', 'relation', 'image', 'file', 'vietnam-date', 'vietnam-datetime', 'vietnam-time'];

const note: Record<Locale, string> = {
  vi: 'Giống bản tiếng Việt: sửa ở khung tiếng Việt.',
  en: 'Same as the Vietnamese version: edit it in the Vietnamese pane.',
};

export function makeCopiedFieldsReadOnly(): void {
  const locale: Locale = isLocale(document.documentElement.lang) ? document.documentElement.lang : 'vi';
  const { h } = window;
  const cms = window.CMS as unknown as { getWidget(name: string): WidgetLike | undefined; registerWidget(widget: Record<string, unknown>): void };
  for (const name of COPIED_FIELD_WIDGETS) {
    const widget = cms.getWidget(name);
    if (!widget) continue;
    const Original = widget.control;
    const control = (props: ControlProps) =>
      props.isDisabled
        ? h(
            'fieldset',
            { disabled: true, className: 'cms-copied-field', 'aria-describedby': `${String(props.forID)}-copied` },
            h(Original as string, props),
            h('p', { className: 'cms-copied-field__note', id: `${String(props.forID)}-copied` }, note[locale]),
          )
        : h(Original as string, props);
    const { control: _control, preview, schema, ...options } = widget;
    cms.registerWidget({ ...options, name, controlComponent: control, previewComponent: preview, schema });
  }
}
