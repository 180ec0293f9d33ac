import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reference, sitePath, text } from './fields.ts';
import { unwrap, valuesWithMeta } from './introspect.ts';

const label = { vi: 'Nhãn', en: 'Label' };
const schema = z.object({
  title: text(label),
  lead: reference(label, 'documents').optional(),
  relations: z.array(z.object({ note: text(label).optional(), document: reference(label, 'documents') })).default([]),
  attachments: z.array(sitePath(label, 'files')).optional(),
  nested: z.object({ deep: z.object({ plain: text(label), target: reference(label, 'units').optional() }) }).optional(),
});
const isReference = (m: z.core.GlobalMeta) => m.references !== undefined;

describe('valuesWithMeta', () => {
  it('finds every value whose field the metadata names, at any depth, with its path', () => {
    const data = {
      title: 'Tiêu đề',
      lead: 'nghi-dinh-1',
      relations: [{ note: 'x', document: 'thong-tu-2' }, { document: 'quyet-dinh-3' }],
      attachments: ['/files/a.pdf'],
      nested: { deep: { plain: 'y', target: 'don-vi-1' } },
    };
    expect(valuesWithMeta(schema, data, isReference).map((t) => [t.path, t.value, t.meta.references])).toEqual([
      [['lead'], 'nghi-dinh-1', 'documents'],
      [['relations', 0, 'document'], 'thong-tu-2', 'documents'],
      [['relations', 1, 'document'], 'quyet-dinh-3', 'documents'],
      [['nested', 'deep', 'target'], 'don-vi-1', 'units'],
    ]);
    expect(valuesWithMeta(schema, data, (m) => m.folder !== undefined).map((t) => [t.path, t.value])).toEqual([[['attachments', 0], '/files/a.pdf']]);
  });

  it('gives the same answers when asked again (the schema walk is kept per schema)', () => {
    const data = { title: 't', relations: [{ document: 'a' }], nested: { deep: { plain: 'p', target: 'u' } } };
    const first = valuesWithMeta(schema, data, isReference);
    expect(valuesWithMeta(schema, data, isReference)).toEqual(first);
    expect(valuesWithMeta(schema, { title: 't', relations: [] }, isReference)).toEqual([]);
    expect(valuesWithMeta(schema, data, () => false)).toEqual([]);
  });

  it('keeps one unwrapping per schema', () => {
    const field = reference(label, 'documents').optional();
    expect(unwrap(field)).toBe(unwrap(field));
    expect(unwrap(field)).toMatchObject({ optional: true, meta: { references: 'documents' } });
  });
});
