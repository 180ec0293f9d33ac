import { describe, expect, it } from 'vitest';
import { rssDate, xmlText } from './rss.ts';

describe('feed dates', () => {
  it('are the start of the day in Vietnam, RFC 822 with a four-digit year', () => {
    expect(rssDate('2024-09-16')).toBe('Mon, 16 Sep 2024 00:00:00 +0700');
    expect(rssDate('2026-01-01')).toBe('Thu, 01 Jan 2026 00:00:00 +0700');
    expect(rssDate('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0700');
    expect(rssDate('2025-12-28')).toBe('Sun, 28 Dec 2025 00:00:00 +0700');
    // The same moment Date.parse reads.
    expect(Date.parse(rssDate('2024-09-16'))).toBe(Date.parse('2024-09-15T17:00:00Z'));
  });
});

describe('feed text', () => {
  it('keeps Vietnamese, tabs and line breaks, and drops what XML cannot hold', () => {
    expect(xmlText('Bảo hiểm xã hội\tViệt Nam\r\n😀')).toBe('Bảo hiểm xã hội\tViệt Nam\r\n😀');
    expect(xmlText('a\u0000b\u0001c\u001fd\u000be\ufffef\uffffg\ud800h\udc00i')).toBe('abcdefghi');
  });
});
