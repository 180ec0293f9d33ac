/**
 * The portal's Content Security Policies, defined once. GitHub Pages sends no
 * headers, so each page carries its policy as
 * `<meta http-equiv="Content-Security-Policy">`, written right after
 * `<meta charset>` by the page's layout (src/layouts/BaseLayout.astro,
 * src/views/CmsAdminView.astro): a policy applies only to what follows it.
 *
 * Readers' pages run no inline script, no event-handler attribute and no
 * `javascript:` URL; scripts and workers come from the site itself — the
 * search page too (its index is JSON read by its own script; no WebAssembly
 * since issue 14). The CMS page runs
 * Decap CMS, which needs more (see `cms` below), and nothing else does.
 *
 * Only directives a `<meta>` policy honours are allowed here: browsers ignore
 * `frame-ancestors`, `report-uri`, `report-to` and `sandbox` in a meta tag
 * (and warn about them), so clickjacking protection and reports need headers
 * the host does not send.
 */

import { urlPolicyOf } from '../content/urls.ts';

export type PolicyName = 'site' | 'cms';

type Directives = Readonly<Record<string, readonly string[]>>;

/** Every reader's page. */
const site: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'none'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Where Decap CMS's GitHub backend reaches when editors work on the real
 * repository: GitHub's REST/GraphQL API and the avatars it shows. (The login
 * server named in site.yml is opened in a pop-up window, which a policy does
 * not restrict; the local backend is the portal's own /api/v1.)
 */
export const GITHUB_API = 'https://api.github.com';
export const GITHUB_AVATARS = 'https://avatars.githubusercontent.com';

const policies: Record<PolicyName, Directives> = {
  site,
  // Measured with the real Decap CMS (tests/e2e/cms.test.ts and by hand: sign-in, a new entry,
  // its preview, an image upload, the workflow board): what it needs beyond a reader's page.
  cms: {
    ...site,
    // Decap validates its configuration with compiled schemas (ajv: new Function).
    'script-src': ["'self'", "'unsafe-eval'"],
    // Its interface styles itself with <style> elements (emotion) and style attributes (React).
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-attr': ["'unsafe-inline'"],
    // An uploaded file is shown and read through a blob: URL; GitHub shows the editor's avatar.
    'img-src': ["'self'", 'blob:', GITHUB_AVATARS],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'blob:', GITHUB_API],
    // The entry preview is an about:blank frame, which inherits this policy: no frame-src needed.
  },
};

/** Directives a policy delivered in `<meta>` does not honour. */
export const IGNORED_IN_META = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/**
 * The hosts besides the site itself that entries may load images from: the
 * same list the content check allows (src/lib/content/urls.ts: the portal's
 * own hosts `url`/`url_en` and `allowed_image_hosts` of content/site.yml), so
 * an image the check lets through is never blocked, and no other is loaded.
 */
export interface PolicyExceptions {
  imageHosts: readonly string[];
}

const NO_EXCEPTIONS: PolicyExceptions = { imageHosts: [] };

/** The exceptions content/site.yml sets, read through the content check's own address policy. */
export function policyExceptionsOf(site: Parameters<typeof urlPolicyOf>[0]): PolicyExceptions {
  const urls = urlPolicyOf(site);
  return { imageHosts: [...urls.siteHosts, ...urls.imageHosts] };
}

/** A host name as a CSP source: https only (plain http images are refused by the content check). */
function httpsSource(host: string): string {
  if (!/^[a-z0-9.-]+$/.test(host)) throw new Error(`Not a host name for a Content Security Policy: “${host}”`);
  return `https://${host}`;
}

/** The policy as the `content` of `<meta http-equiv="Content-Security-Policy">`. */
export function contentSecurityPolicy(name: PolicyName, exceptions: PolicyExceptions = NO_EXCEPTIONS): string {
  const images = [...new Set(exceptions.imageHosts.map((h) => h.toLowerCase()))].map(httpsSource);
  return Object.entries(policies[name])
    .map(([directive, sources]) => [directive, directive === 'img-src' ? [...sources, ...images] : sources] as const)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
