/**
 * The label an editor sees in the CMS for a field a content problem names
 * (`ContentIssue.field`: `image.alt`, `attachments[0].title`, also written
 * `attachments.0.title`): the CMS fields are generated from the same schema
 * metadata (src/lib/cms/decap-fields.ts), so the labels are read from there
 * too. Used by the in-browser save check and by the local server's save
 * check and publication gate, so both name a field the same way.
 */
import type { z } from 'zod';
import type { Bilingual } from '../schema/fields.ts';
import { fieldAt } from '../content/zod-messages.ts';

/** `image.alt` → ['image', 'alt']; `attachments[0].title` and `attachments.0.title` → ['attachments', 0, 'title']. */
export function fieldSteps(field: string): (string | number)[] {
  return (field.match(/[^.[\]]+/g) ?? []).map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

/**
 * “Tệp đính kèm thứ 1 › Tên tệp đính kèm” for `attachments[0].title`: each
 * named step by its label, a list item by its number counted from 1;
 * `undefined` when the path leaves the schema (the problem is then named by
 * file and line only).
 */
export function fieldLabel(schema: z.ZodType, field: string): Bilingual | undefined {
  const steps = fieldSteps(field);
  if (steps.length === 0 || fieldAt(schema, steps) === undefined) return undefined;
  const vi: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (typeof step === 'number') {
      // A list item: its number joins the list's label (“Tệp đính kèm thứ 1”).
      vi[vi.length - 1] += ` thứ ${step + 1}`;
      en[en.length - 1] += ` no. ${step + 1}`;
      continue;
    }
    const label = fieldAt(schema, steps.slice(0, i + 1))?.meta.label as Bilingual | undefined;
    vi.push(label?.vi ?? step);
    en.push(label?.en ?? step);
  }
  return { vi: vi.join(' › '), en: en.join(' › ') };
}
