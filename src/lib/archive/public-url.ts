/**
 * The public address of a file of the built site: where the one deployment
 * serves it and what its own page names as canonical — `url` (content/site.yml)
 * plus the path, English pages under `/en/` (src/lib/routes.ts). `url_en`
 * (vss.gov.vn) is an alias the agency may point at `/en/`; the pages name `url`.
 * Directory-format pages (`x/index.html`) are addressed as `/x/`.
 */

export interface PortalAddresses {
  url: string;
  url_en?: string | undefined;
}

/** `en/news/index.html` → `/en/news/`; `404.html` → `/404.html`. */
export function webPath(sitePath: string): string {
  const path = `/${sitePath}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function origin(url: string): string {
  return url.replace(/\/+$/, '');
}

function hostFor(_sitePath: string, site: PortalAddresses): string {
  return site.url;
}

/** The public URL of a site file, percent-encoded as browsers send it. */
export function publicUrl(sitePath: string, site: PortalAddresses): string {
  return new URL(encodeURI(webPath(sitePath)), `${origin(hostFor(sitePath, site))}/`).href;
}

/**
 * Where a reference in a page points (`href="/_astro/x.css"`, `src="../a.png"`,
 * or an absolute URL on the portal's own addresses): the URL a browser would
 * fetch, without query or fragment, and the site file it serves (a path
 * ending in `/` means its `index.html`). Undefined when it points elsewhere.
 */
export function resolveReference(reference: string, pageUrl: string, site: PortalAddresses): { url: string; path: string } | undefined {
  let target: URL;
  try {
    target = new URL(reference, pageUrl);
  } catch {
    return undefined;
  }
  const own = [site.url, site.url_en].filter((u): u is string => !!u).map((u) => new URL(u).origin);
  if (!own.includes(target.origin)) return undefined;
  target.hash = '';
  target.search = '';
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    return undefined;
  }
  path = path.replace(/^\/+/, '');
  return { url: target.href, path: path === '' || path.endsWith('/') ? `${path}index.html` : path };
}
