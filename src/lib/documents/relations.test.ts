import { describe, expect, it } from 'vitest';
import { documentsByNumber, numberKey, relatedSlug } from './relations.ts';

const library = documentsByNumber([
  { slug: '1624-qd-bhxh', number: '1624/QĐ-BHXH' },
  { slug: 'du-thao', number: undefined },
  { slug: 'copy', number: '1624/qđ-bhxh' },
]);
const known = (slug: string) => ['1624-qd-bhxh', 'du-thao'].includes(slug);

describe('relatedSlug', () => {
  it('follows the document the editor picked', () => {
    expect(relatedSlug({ document: 'du-thao', number: '1624/QĐ-BHXH' }, known, library)).toBe('du-thao');
  });

  it('finds the library document by its number, whatever the case, spacing or Unicode form', () => {
    expect(relatedSlug({ number: '1624/QĐ-BHXH' }, known, library)).toBe('1624-qd-bhxh');
    expect(relatedSlug({ number: ' 1624/qđ-bhxh' }, known, library)).toBe('1624-qd-bhxh');
    // The same number typed in decomposed form (NFD).
    expect(numberKey('1/NĐ-CP'.normalize('NFD'))).toBe(numberKey('1/NĐ-CP'));
  });

  it('links nothing when the library does not hold the document', () => {
    expect(relatedSlug({ number: '67/2006/QH11' }, known, library)).toBeUndefined();
    expect(relatedSlug({ document: 'gone' }, known, library)).toBeUndefined();
  });

  it('keeps the first document when two share a number', () => {
    expect(library.get(numberKey('1624/QĐ-BHXH'))).toBe('1624-qd-bhxh');
  });
});
