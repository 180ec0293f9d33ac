/**
 * Reading the content schemas as data: the portal's metadata (`.meta()`) on
 * each field, whether a field is optional, and which fields are translated.
 * Used to generate the CMS configuration and to recognise untranslated files.
 */
import { z } from 'zod';

export interface FieldInfo {
  /** The schema inside optional/default wrappers. */
  inner: z.ZodType;
  /** Metadata of the wrappers and the inner schema (outer wins). */
  meta: z.core.GlobalMeta;
  optional: boolean;
  defaultValue: unknown;
}

const unwrapped = new WeakMap<z.ZodType, FieldInfo>();

/** Unwraps optional/default wrappers, collecting metadata from outside in. One answer per schema, kept: do not change it. */
export function unwrap(schema: z.ZodType): FieldInfo {
  const known = unwrapped.get(schema);
  if (known) return known;
  let current = schema;
  let meta: z.core.GlobalMeta = {};
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    meta = { ...(z.globalRegistry.get(current) ?? {}), ...meta };
    const def = current._zod.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
    if (def.type === 'optional') {
      optional = true;
      current = def.innerType!;
    } else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
      current = def.innerType!;
    } else {
      const info = { inner: current, meta, optional, defaultValue };
      unwrapped.set(schema, info);
      return info;
    }
  }
}

/** The fields of an object schema, by name. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = unwrap(schema).inner._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  if (def.type !== 'object') throw new Error('Expected an object schema.');
  return def.shape!;
}

/** True when the schema, or anything inside it, is translated per language. */
export function translates(schema: z.ZodType): boolean {
  const { inner, meta } = unwrap(schema);
  if (meta.translate !== undefined) return meta.translate;
  const def = inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (def.type === 'object') return Object.values(def.shape!).some(translates);
  if (def.type === 'array') return translates(def.element!);
  return false;
}

export interface TaggedValue {
  /** Where the value is in the entry, e.g. ['relations', 0, 'document']. */
  path: (string | number)[];
  value: unknown;
  meta: z.core.GlobalMeta;
}

const metasWithin = new WeakMap<z.ZodType, z.core.GlobalMeta[]>();

/** The metadata of the schema and of its fields and elements, at any depth. */
function metasOf(schema: z.ZodType): z.core.GlobalMeta[] {
  const known = metasWithin.get(schema);
  if (known) return known;
  const { inner, meta } = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  const within = def.type === 'object' ? Object.values(def.shape!).flatMap(metasOf) : def.type === 'array' ? metasOf(def.element!) : [];
  const metas = [meta, ...within];
  metasWithin.set(schema, metas);
  return metas;
}

/** Every value in `data` whose schema field's metadata `pick` accepts (e.g. references, file paths). */
export function valuesWithMeta(schema: z.ZodType, data: unknown, pick: (meta: z.core.GlobalMeta) => boolean, at: (string | number)[] = []): TaggedValue[] {
  if (data === undefined || data === null) return [];
  // Most fields hold nothing `pick` looks for: their values are not walked.
  if (!metasOf(schema).some(pick)) return [];
  const { inner, meta } = unwrap(schema);
  const def = inner._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (def.type === 'object' && typeof data === 'object') {
    return Object.entries(def.shape!).flatMap(([key, field]) => valuesWithMeta(field, (data as Record<string, unknown>)[key], pick, [...at, key]));
  }
  if (def.type === 'array' && Array.isArray(data)) return data.flatMap((item, i) => valuesWithMeta(def.element!, item, pick, [...at, i]));
  return pick(meta) ? [{ path: at, value: data, meta }] : [];
}
