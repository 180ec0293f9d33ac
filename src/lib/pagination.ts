/** Items per page of the news and Q&A listings. */
export const PAGE_SIZE = 10;
/** Documents per page of the library (and each of its filters). */
export const LIBRARY_PAGE_SIZE = 20;

/** Splits a list into pages of `size` items; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('page size must be at least 1');
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}
