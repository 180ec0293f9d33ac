import { describe, expect, it } from 'vitest';
import { archiveNames, formatSize, TAG_PATTERN, utcStamp } from './names.ts';

describe('archive names', () => {
  it('stamps the commit time in UTC', () => {
    expect(utcStamp('2026-11-20T09:30:00+07:00')).toBe('20261120T023000Z');
    expect(utcStamp('2026-11-20T02:30:00.999Z')).toBe('20261120T023000Z');
    expect(() => utcStamp('yesterday')).toThrow(/ISO 8601/);
  });

  it('names the tag and files from the commit and its time', () => {
    const names = archiveNames('1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', '2026-11-20T09:30:00+07:00');
    expect(names).toEqual({
      tag: 'site-20261120T023000Z-1a2b3c4',
      tarball: 'site-20261120T023000Z-1a2b3c4.tar.gz',
      warc: 'site-20261120T023000Z-1a2b3c4.warc.gz',
      manifest: 'manifest-sha256.txt',
      record: 'publication.json',
      signature: 'archive-signature.json',
    });
    expect(TAG_PATTERN.test(names.tag)).toBe(true);
  });

  it('formats sizes in decimal units', () => {
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(2_934_004)).toBe('2.93 MB');
    expect(formatSize(551_000)).toBe('551.0 kB');
  });
});
