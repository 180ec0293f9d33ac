/**
 * Internal links of the built site: every `href`/`src` of a page that points
 * at the site itself must lead to a file the site has. Pure: works on page
 * texts and the list of the site's files (scripts/check-links.ts reads them).
 */

export interface BrokenLink {
  page: string;
  target: string;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/** The site path a reference leads to, or undefined when it leaves the site (or is only a fragment). */
export function internalTarget(ref: string, pagePath: string): string | undefined {
  const decoded = ref.replace(/&amp;/g, '&');
  if (decoded === '' || decoded.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('//')) return undefined;
  const url = new URL(decoded, `https://site.invalid${pagePath}`);
  return decodeURIComponent(url.pathname);
}

/** Whether `target` (a URL path) is served by a site holding `files` (paths like `tin-tuc/index.html`). */
export function exists(target: string, files: ReadonlySet<string>): boolean {
  const p = target.replace(/^\//, '');
  if (p === '' ) return files.has('index.html');
  if (p.endsWith('/')) return files.has(`${p}index.html`);
  return files.has(p) || files.has(`${p}/index.html`);
}

/** The URL path of a page file: `tin-tuc/index.html` → `/tin-tuc/`, `404.html` → `/404.html`. */
export function pagePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function brokenLinks(pages: { file: string; html: string }[], files: ReadonlySet<string>): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const { file, html } of pages) {
    const page = pagePathOf(file);
    for (const m of html.matchAll(ATTRIBUTE)) {
      const target = internalTarget(m[1]!, page);
      if (target !== undefined && !exists(target, files)) broken.push({ page, target });
    }
  }
  return broken;
}
