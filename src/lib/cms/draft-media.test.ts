import { describe, expect, it } from 'vitest';
import { draftMediaPath, draftMediaResponse } from './draft-media.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe('draftMediaPath', () => {
  it('maps addresses in the upload folders to their file in the repository', () => {
    expect(draftMediaPath('/media/anh-hoi-nghi.png')).toBe('public/media/anh-hoi-nghi.png');
    expect(draftMediaPath('/media/news/anh.jpg')).toBe('public/media/news/anh.jpg');
    expect(draftMediaPath('/files/1624-QD-BHXH.pdf')).toBe('public/files/1624-QD-BHXH.pdf');
  });

  it('refuses anything else: other folders, climbing out, hidden names, encoded tricks', () => {
    for (const url of ['/tin-tuc/', '/admin/config.yml', '/media/../../.git/config', '/media/%2e%2e/%2e%2e/content/site.yml', '/media/.env', '/media/a%00.png', '/media/%E0%A4%A']) {
      expect(draftMediaPath(url), url).toBeUndefined();
    }
  });
});

describe('draftMediaResponse', () => {
  it('answers an image by its content, not sniffed, not cached', () => {
    expect(draftMediaResponse('public/media/a.png', png)).toMatchObject({ type: 'image/png', headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });
  });

  it('answers nothing for bytes the content check refuses (an HTML page named .png)', () => {
    expect(draftMediaResponse('public/media/a.png', new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBeUndefined();
  });
});
