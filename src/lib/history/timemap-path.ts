/** Where a page's TimeMap is served: `/tin-tuc/x/` → `/timemap/tin-tuc/x.link`. */
export function timemapPath(pagePath: string): string {
  return `/timemap/${pagePath.replace(/^\/|\/$/g, '') || 'index'}.link`;
}
