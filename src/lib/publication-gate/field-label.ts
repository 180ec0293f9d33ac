/**
 * The label an editor sees in the CMS for a field a content problem names
 * (`ContentIssue.field`, a dotted path such as `sections.1.column`): the
 * CMS fields are generated from the same schema metadata (src/lib/cms/
 * decap-fields.ts), so the labels are read from there too.
 */
import type { z } from 'zod';
import type { Bilingual } from '../schema/fields.ts';
import { unwrap } from '../schema/introspect.ts';

/**
 * “Mục › Cột” for `sections.1.column`: each named step by its label (a list
 * item by its number, counted from 1); `undefined` when the path leaves the
 * schema (the problem is then named by file and line only).
 */
export function fieldLabel(schema: z.ZodType, field: string): Bilingual | undefined {
  const vi: string[] = [];
  const en: string[] = [];
  let current: z.ZodType | undefined = schema;
  for (const step of field.split('.')) {
    if (current === undefined) return undefined;
    const def = unwrap(current).inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (/^\d+$/.test(step)) {
      if (def.type !== 'array') return undefined;
      const n = Number(step) + 1;
      vi.push(`thứ ${n}`);
      en.push(`no. ${n}`);
      current = def.element;
      continue;
    }
    if (def.type !== 'object' || !def.shape || !Object.hasOwn(def.shape, step)) return undefined;
    current = def.shape[step]!;
    const label = unwrap(current).meta.label as Bilingual | undefined;
    vi.push(label?.vi ?? step);
    en.push(label?.en ?? step);
  }
  return { vi: vi.join(' › ').replace(/ › thứ/g, ' thứ'), en: en.join(' › ').replace(/ › no\./g, ' no.') };
}
