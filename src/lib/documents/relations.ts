/**
 * Which library document a relation (căn cứ, thay thế, sửa đổi…) points at:
 * the one the editor picked, or else the one whose number is the number the
 * editor wrote — so “Căn cứ Quyết định 1624/QĐ-BHXH” links to 1624 once the
 * library holds it, without the editor going back to every document citing it.
 */

/** A number as written on the document, compared without case, spaces or Unicode form differences. */
export function numberKey(number: string): string {
  return number.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');
}

/** Number → slug of each document in the library that has one (the first document wins when two share a number). */
export function documentsByNumber(documents: Iterable<{ slug: string; number?: string | undefined }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of documents) if (d.number && !map.has(numberKey(d.number))) map.set(numberKey(d.number), d.slug);
  return map;
}

/** The slug of the library document a relation points at, or undefined when the library does not hold it. */
export function relatedSlug(relation: { document?: string | undefined; number?: string | undefined }, known: (slug: string) => boolean, byNumber: Map<string, string>): string | undefined {
  if (relation.document && known(relation.document)) return relation.document;
  return relation.number ? byNumber.get(numberKey(relation.number)) : undefined;
}
