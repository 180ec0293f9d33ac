import { describe, expect, it } from 'vitest';
import { publicUrl, resolveReference, webPath } from './public-url.ts';

const both = { url: 'https://baohiemxahoi.gov.vn', url_en: 'https://vss.gov.vn' };
const one = { url: 'https://baohiemxahoi.gov.vn/' };

describe('publicUrl', () => {
  it('addresses directory-format pages by their folder', () => {
    expect(webPath('index.html')).toBe('/');
    expect(webPath('tin-tuc/index.html')).toBe('/tin-tuc/');
    expect(webPath('404.html')).toBe('/404.html');
  });

  it('addresses every page where the deployment serves it and its page names as canonical: url, English under /en/', () => {
    expect(publicUrl('tin-tuc/index.html', both)).toBe('https://baohiemxahoi.gov.vn/tin-tuc/');
    expect(publicUrl('en/news/index.html', both)).toBe('https://baohiemxahoi.gov.vn/en/news/');
    expect(publicUrl('en/news/index.html', one)).toBe('https://baohiemxahoi.gov.vn/en/news/');
    expect(publicUrl('en.txt', both)).toBe('https://baohiemxahoi.gov.vn/en.txt');
  });

  it('percent-encodes non-ASCII paths as browsers send them', () => {
    expect(publicUrl('files/quyết định.pdf', both)).toBe('https://baohiemxahoi.gov.vn/files/quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf');
  });
});

describe('resolveReference', () => {
  const page = 'https://baohiemxahoi.gov.vn/en/news/';
  it('resolves root-relative, relative and own absolute references to site files', () => {
    expect(resolveReference('/_astro/a.css', page, both)).toEqual({ url: 'https://baohiemxahoi.gov.vn/_astro/a.css', path: '_astro/a.css' });
    expect(resolveReference('../../favicon.svg?v=2#x', page, both)).toEqual({ url: 'https://baohiemxahoi.gov.vn/favicon.svg', path: 'favicon.svg' });
    expect(resolveReference('https://baohiemxahoi.gov.vn/og-image.png', page, both)).toEqual({ url: 'https://baohiemxahoi.gov.vn/og-image.png', path: 'og-image.png' });
    expect(resolveReference('/tin-tuc/', page, both)?.path).toBe('tin-tuc/index.html');
    expect(resolveReference('/files/quy%E1%BA%BFt.pdf', page, both)?.path).toBe('files/quyết.pdf');
  });

  it('ignores other sites and unreadable references', () => {
    expect(resolveReference('https://example.com/a.css', page, both)).toBeUndefined();
    expect(resolveReference('/%E0%A4%A', page, both)).toBeUndefined();
    expect(resolveReference('http://[::1', page, both)).toBeUndefined();
  });
});
