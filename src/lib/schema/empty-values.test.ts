import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withoutEmptyFields } from './empty-values.ts';

const schema = z.strictObject({
  title: z.string(),
  source_unit: z.string().optional(),
  publish_at: z.string().optional(),
  tags: z.array(z.string()).default([]),
  sample: z.boolean().default(false),
  image: z.strictObject({ src: z.string(), alt: z.string(), caption: z.string().optional() }).optional(),
  list: z.array(z.strictObject({ a: z.string(), b: z.string().optional() })).default([]),
});

describe('withoutEmptyFields', () => {
  it('removes the nulls and empty strings Decap writes for optional fields the editor left empty', () => {
    const data = { title: 'T', source_unit: null, publish_at: '', tags: [], sample: false };
    expect(withoutEmptyFields(schema, data)).toEqual({ title: 'T', sample: false });
    expect(schema.safeParse(withoutEmptyFields(schema, data)).success).toBe(true);
  });

  it('removes an optional group whose fields are all empty, and keeps one that is half filled in', () => {
    expect(withoutEmptyFields(schema, { title: 'T', image: { src: '', alt: '', caption: null } })).toEqual({ title: 'T' });
    expect(withoutEmptyFields(schema, { title: 'T', image: { src: '', alt: 'Ảnh', caption: '' } })).toEqual({ title: 'T', image: { src: '', alt: 'Ảnh' } });
  });

  it('keeps an empty required text (the schema says "must not be empty") and removes a null one (the schema says "missing")', () => {
    expect(withoutEmptyFields(schema, { title: '' })).toEqual({ title: '' });
    expect(withoutEmptyFields(schema, { title: null })).toEqual({});
  });

  it('cleans list items but never removes an item', () => {
    expect(withoutEmptyFields(schema, { title: 'T', list: [{ a: 'x', b: '' }, null] })).toEqual({ title: 'T', list: [{ a: 'x' }, null] });
  });

  it('leaves fields outside the schema, false and 0 alone', () => {
    expect(withoutEmptyFields(schema, { title: 'T', sample: false, extra: null })).toEqual({ title: 'T', sample: false, extra: null });
  });
});
