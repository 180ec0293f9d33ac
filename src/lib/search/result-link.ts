/**
 * Where a search result may lead: only to a page of the portal itself. The
 * index gives each result an address (Pagefind metadata `url`); the search
 * page follows it only when, resolved against the search page's own address,
 * it is http(s) on the same origin. Anything else — `javascript:`, `data:`,
 * another site, `//host/…` — is no link at all, and the result is dropped.
 */
export function resultLink(address: string, page: string): string | undefined {
  let url: URL;
  let here: URL;
  try {
    here = new URL(page);
    url = new URL(address, here);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin !== here.origin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
