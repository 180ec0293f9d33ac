/**
 * The control of a field copied from the Vietnamese original (`i18n:
 * duplicate`) in another language's pane: read-only, and silent.
 *
 * - Read-only: Decap marks such a control `isDisabled` but only greys it;
 *   wrapped in a disabled <fieldset>, the browser itself keeps every control
 *   inside from being focused or changed, and a note says where to edit it.
 * - Silent: its `onChange` writes nothing. Decap itself copies the Vietnamese
 *   value into the other languages (its `duplicateI18nFields`), so a copy has
 *   nothing to say; and some widgets call `onChange` with the value they were
 *   given as soon as they are drawn (the relation widget, to pass its options'
 *   metadata). Decap compares a change in a pane other than the default
 *   language with the wrong part of the stored entry (`entry.get('i18n', 'en',
 *   'data')` reads `i18n`), so any such call marks an untouched entry as
 *   changed: the Save button lights up and leaving asks about unsaved changes.
 */

/** The props Decap gives a widget's control (only those used here). */
export interface ControlProps {
  isDisabled?: boolean;
  forID?: unknown;
  onChange?: (...args: unknown[]) => void;
  [prop: string]: unknown;
}

type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** Nothing to write: the value of a copied field comes from the Vietnamese pane. */
function ignoreChange(): void {}

/** `Original` (a widget's control) as drawn in every pane, with `note` under a copied field. */
export function copiedFieldControl(Original: unknown, h: CreateElement, note: string): (props: ControlProps) => unknown {
  return (props) =>
    props.isDisabled
      ? h(
          'fieldset',
          { disabled: true, className: 'cms-copied-field', 'aria-describedby': `${String(props.forID)}-copied` },
          h(Original, { ...props, onChange: ignoreChange }),
          h('p', { className: 'cms-copied-field__note', id: `${String(props.forID)}-copied` }, note),
        )
      : h(Original, props);
}
