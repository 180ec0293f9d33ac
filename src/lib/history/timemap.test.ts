import { describe, expect, it } from 'vitest';
import { timemap } from './timemap.ts';

describe('timemap (RFC 7089)', () => {
  it('lists the original, itself and each memento in time order, first and last marked', () => {
    const text = timemap('https://baohiemxahoi.gov.vn/tin-tuc/a/', 'https://baohiemxahoi.gov.vn/tin-tuc/a/timemap.link', [
      { uri: 'https://example.org/m2', datetime: new Date('2026-03-01T17:30:00Z') },
      { uri: 'https://example.org/m1', datetime: new Date('2026-03-01T16:30:00Z') },
    ]);
    expect(text).toBe(
      [
        '<https://baohiemxahoi.gov.vn/tin-tuc/a/>; rel="original",',
        '<https://baohiemxahoi.gov.vn/tin-tuc/a/timemap.link>; rel="self"; type="application/link-format"; from="Sun, 01 Mar 2026 16:30:00 GMT"; until="Sun, 01 Mar 2026 17:30:00 GMT",',
        '<https://example.org/m1>; rel="first memento"; datetime="Sun, 01 Mar 2026 16:30:00 GMT",',
        '<https://example.org/m2>; rel="last memento"; datetime="Sun, 01 Mar 2026 17:30:00 GMT"',
        '',
      ].join('\n'),
    );
  });

  it('marks a single memento as both first and last', () => {
    expect(timemap('o', 's', [{ uri: 'm', datetime: new Date(0) }])).toContain('<m>; rel="first last memento"');
  });
});
