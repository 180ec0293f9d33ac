import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, GITHUB_API, IGNORED_IN_META, type PolicyName } from './content-security-policy.ts';

/** The policy as directive → sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

const names: PolicyName[] = ['site', 'cms'];

describe('content security policies', () => {
  it.each(names)('%s: scripts and workers only from the site, no plugins, no <base>, forms to the site', (name) => {
    const p = parse(contentSecurityPolicy(name));
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')![0]).toBe("'self'");
    expect(p.get('script-src-attr')).toEqual(["'none'"]);
    expect(p.get('worker-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'self'"]);
  });

  it.each(names)('%s: no inline script, no javascript: URL, no script from other hosts', (name) => {
    const scripts = parse(contentSecurityPolicy(name)).get('script-src')!;
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-hashes'");
    expect(scripts.filter((s) => /^'(sha|nonce)/.test(s))).toEqual([]);
    expect(scripts.filter((s) => !s.startsWith("'"))).toEqual([]);
  });

  it('readers’ pages allow nothing else: no eval, no inline styles, only the site’s images', () => {
    const p = parse(contentSecurityPolicy('site'));
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('style-src-attr')).toEqual(["'none'"]);
    expect(p.get('img-src')).toEqual(["'self'"]);
    expect(p.get('connect-src')).toEqual(["'self'"]);
    expect(p.get('frame-src')).toEqual(["'none'"]);
  });

  it('the CMS page may evaluate (Decap’s schema validator) and talks to the site and GitHub’s API only', () => {
    const p = parse(contentSecurityPolicy('cms'));
    expect(p.get('script-src')).toEqual(["'self'", "'unsafe-eval'"]);
    expect(p.get('connect-src')).toEqual(["'self'", 'blob:', GITHUB_API]);
    expect(p.get('frame-src')).toEqual(["'none'"]);
  });

  it.each(names)('%s: only directives a <meta> policy honours, each once', (name) => {
    const policy = contentSecurityPolicy(name);
    const directives = policy.split(';').map((d) => d.trim().split(/\s+/)[0]);
    expect(new Set(directives).size).toBe(directives.length);
    for (const ignored of IGNORED_IN_META) expect(directives).not.toContain(ignored);
    expect(policy).not.toMatch(/[",\n<>]/);
  });

  it.each(names)('%s: images also from the hosts the content check allows, over https only, and nothing else widens', (name) => {
    const plain = parse(contentSecurityPolicy(name));
    const wider = parse(contentSecurityPolicy(name, { imageHosts: ['baohiemxahoi.gov.vn', 'Anh.VSS.gov.vn', 'anh.vss.gov.vn'] }));
    expect(wider.get('img-src')).toEqual([...plain.get('img-src')!, 'https://baohiemxahoi.gov.vn', 'https://anh.vss.gov.vn']);
    expect(new Map([...wider].filter(([d]) => d !== 'img-src'))).toEqual(new Map([...plain].filter(([d]) => d !== 'img-src')));
  });

  it('refuses a host that would add sources or directives', () => {
    for (const host of ['evil.example; script-src *', '*', "'unsafe-inline'", 'a b']) {
      expect(() => contentSecurityPolicy('site', { imageHosts: [host] }), host).toThrow(/Not a host name/);
    }
  });
});
