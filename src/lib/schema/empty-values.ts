/**
 * What an editor leaves empty, the content model reads as absent.
 *
 * Decap CMS writes every field of its form into the file, the ones nobody
 * filled in too: an empty relation or date as `null` (`source_unit: null`,
 * `publish_at: null`), a cleared text or file as `''`, an optional group whose
 * fields are all empty as an object of empty values. In this portal's model an
 * optional field has no "empty" value distinct from "not given", so before the
 * schema reads an entry these are removed (docs/cms.md, "Empty fields").
 *
 * - `null` is removed wherever it is the value of a field: a required field
 *   then gets the schema's ordinary "missing" message;
 * - `''` is removed only from optional fields (a required text keeps it and is
 *   told "must not be empty");
 * - an optional field holding only such values (`[]`, or a group such as
 *   `image: { src: '', alt: '' }` after the editor removed the picture and its
 *   description) is removed.
 * List items are never removed: a `null` inside a list stays an error.
 */
import type { z } from 'zod';
import { unwrap } from './introspect.ts';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `data` read through `schema` with its empty optional fields removed (a new value; `data` is not changed). */
export function withoutEmptyFields(schema: z.ZodType, data: unknown): unknown {
  const { inner } = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (def.type === 'array' && Array.isArray(data)) return data.map((item) => withoutEmptyFields(def.element!, item));
  if (def.type !== 'object' || !isPlainObject(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(data)) {
    const field = def.shape![key];
    if (!field) {
      out[key] = raw; // not in the schema: the strict object names it
      continue;
    }
    const value = withoutEmptyFields(field, raw);
    if (value === null || value === undefined) continue;
    if (unwrap(field).optional && isEmpty(value)) continue;
    out[key] = value;
  }
  return out;
}

/** `''`, `null`, `[]`, or an object holding only such values (an optional group nobody filled in). */
/** A scalar left blank: what Decap CMS writes in a cleared field ('' or null), or nothing at all. */
export function isBlank(value: unknown): value is '' | null | undefined {
  return value === '' || value === null || value === undefined;
}

function isEmpty(value: unknown): boolean {
  if (isBlank(value)) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.values(value).every(isEmpty);
}
