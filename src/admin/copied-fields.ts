/**
 * Fields copied from the Vietnamese original (`i18n: duplicate`: a person's
 * name, a date, a column, …) are read-only and write nothing in the other
 * languages' panes (src/lib/cms/copied-field-control.ts): every widget such a
 * field uses is registered again with the wrapped control.
 */
import { isLocale, type Locale } from '../lib/locales.ts';
import { copiedFieldControl } from '../lib/cms/copied-field-control.ts';

interface WidgetLike {
  control: unknown;
  preview?: unknown;
  schema?: unknown;
  [option: string]: unknown;
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
    const control = copiedFieldControl(widget.control, h as Parameters<typeof copiedFieldControl>[1], note[locale]);
    const { control: _control, preview, schema, ...options } = widget;
    cms.registerWidget({ ...options, name, controlComponent: control, previewComponent: preview, schema });
  }
}
