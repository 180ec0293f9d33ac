import { describe, expect, it } from 'vitest';
import { copiedFieldControl, type ControlProps } from './copied-field-control.ts';

interface Element {
  type: unknown;
  props: Record<string, unknown>;
  children: unknown[];
}

const h = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): Element => ({ type, props: props ?? {}, children });

/** A widget's control that, like Decap's relation widget, reports its value as soon as it is drawn. */
function Original(props: ControlProps) {
  props.onChange?.(props.value, { metadata: true });
  return 'drawn';
}

describe('copiedFieldControl', () => {
  it('a copied field (disabled) sits in a disabled fieldset with its note', () => {
    const drawn = copiedFieldControl(Original, h, 'Giống bản tiếng Việt.')({ isDisabled: true, forID: 'author-field-2', onChange: () => {} }) as Element;
    expect(drawn.type).toBe('fieldset');
    expect(drawn.props).toMatchObject({ disabled: true, 'aria-describedby': 'author-field-2-copied' });
    const [control, note] = drawn.children as Element[];
    expect(control!.type).toBe(Original);
    expect(note!.children).toEqual(['Giống bản tiếng Việt.']);
  });

  it('a copied field writes nothing: its widget’s change on being drawn does not reach the entry', () => {
    const changes: unknown[][] = [];
    const drawn = copiedFieldControl(Original, h, 'note')({ isDisabled: true, forID: 'x', value: 'trung-tam-truyen-thong', onChange: (...args) => changes.push(args) }) as Element;
    const control = drawn.children[0] as Element;
    Original(control.props);
    expect(changes).toEqual([]);
  });

  it('a field of the editor’s own pane is the widget itself, its changes passed on', () => {
    const changes: unknown[][] = [];
    const props = { forID: 'x', value: 'a', onChange: (...args: unknown[]) => changes.push(args) };
    const drawn = copiedFieldControl(Original, h, 'note')(props) as Element;
    expect(drawn.type).toBe(Original);
    Original(drawn.props);
    expect(changes).toEqual([['a', { metadata: true }]]);
  });
});
