import { describe, expect, it } from 'vitest';
import { sitePath } from './fields.ts';

describe('sitePath: a file the portal serves from /media/ or /files/', () => {
  const media = sitePath({ vi: 'Ảnh', en: 'Image' }, 'media');
  const files = sitePath({ vi: 'Tệp', en: 'File' }, 'files');

  it('accepts plain ASCII names in its folder, at any depth', () => {
    for (const ok of ['/media/anh-1.png', '/media/news/anh_hoi-nghi.2026.jpg']) expect(media.safeParse(ok).success, ok).toBe(true);
    expect(files.safeParse('/files/quyet-dinh-1624.pdf').success).toBe(true);
  });

  it('refuses hidden names, parent steps, empty steps, other folders and non-ASCII names', () => {
    for (const bad of ['/media/.env', '/media/news/.htaccess', '/media/../content/site.yml', '/media//a.png', '/media/', '/files/a.pdf', '/media/ảnh.png', '/media/a b.png', 'media/a.png']) {
      expect(media.safeParse(bad).success, bad).toBe(false);
    }
    const issue = media.safeParse('/media/.env').error!.issues[0]!;
    expect(issue.message).toContain('no name starting with a dot');
  });
});
