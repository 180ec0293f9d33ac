import { describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { pageReferences, warcSelection } from './warc-selection.ts';
import { recordId, warcRecords, type WarcSource } from './warc.ts';

const site = { url: 'https://baohiemxahoi.gov.vn', url_en: 'https://vss.gov.vn' };
const files: Record<string, string> = {
  'index.html': '<!doctype html><html lang="vi"><link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg"><h1>Trang chủ</h1><a href="/en/">English</a></html>',
  'en/index.html': '<!doctype html><html lang="en"><link rel="stylesheet" href="/_astro/site.css"><img srcset="/media/a.png 1x, /media/b.png 2x" alt=""><h1>Home</h1></html>',
  'admin/index.html': '<!doctype html><script src="/admin/decap.js"></script>',
  'admin/decap.js': 'decap();',
  '_astro/site.css': 'body{color:#000}',
  'favicon.svg': '<svg/>',
  'media/a.png': 'PNG-A',
  'media/b.png': 'PNG-B',
  'search/vi/index.json': '{}',
  'sitemap.xml': '<urlset/>',
  'robots.txt': 'User-agent: *',
  'timemap/index.txt': '<https://baohiemxahoi.gov.vn/>; rel="original"',
};
const paths = Object.keys(files).sort();
const bytes = (p: string) => new TextEncoder().encode(files[p]!);

async function source(): Promise<WarcSource> {
  const refs = new Map(await Promise.all(paths.filter((p) => p.endsWith('.html')).map(async (p) => [p, await pageReferences(files[p]!, p, site)] as const)));
  const chosen = warcSelection(paths, site, (p) => refs.get(p) ?? []);
  return {
    site,
    commit: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b',
    commitTime: '2026-11-20T09:30:00+07:00',
    filename: 'site-20261120T023000Z-1a2b3c4.warc.gz',
    info: { software: 'test', commit: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b' },
    files: chosen.map((c) => ({ ...c, size: bytes(c.path).length })),
    read: async function* (p: string) {
      yield bytes(p);
    },
  };
}

async function collect(gen: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of gen) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe('the WARC of a site', () => {
  it('holds a warcinfo record, then a response per page and per file the pages use, at their public URLs', async () => {
    const warc = await collect(warcRecords(await source()));
    const records: { type: string; uri: string | undefined; date: string | undefined; id: string | null; http?: string | null; payload: string }[] = [];
    for await (const r of new WARCParser([new Uint8Array(warc)])) {
      records.push({
        type: r.warcType!,
        uri: r.warcTargetURI ?? undefined,
        date: r.warcDate ?? undefined,
        id: r.warcHeader('WARC-Record-ID') ?? null,
        http: r.httpHeaders?.headers.get('Content-Type'),
        payload: await r.contentText(),
      });
    }
    expect(records.map((r) => [r.type, r.uri])).toEqual([
      ['warcinfo', undefined],
      ['response', 'https://baohiemxahoi.gov.vn/_astro/site.css'],
      ['response', 'https://baohiemxahoi.gov.vn/en/'],
      ['response', 'https://baohiemxahoi.gov.vn/favicon.svg'],
      ['response', 'https://baohiemxahoi.gov.vn/'],
      ['response', 'https://baohiemxahoi.gov.vn/media/a.png'],
      ['response', 'https://baohiemxahoi.gov.vn/media/b.png'],
      ['response', 'https://baohiemxahoi.gov.vn/robots.txt'],
      ['response', 'https://baohiemxahoi.gov.vn/search/vi/index.json'],
      ['response', 'https://baohiemxahoi.gov.vn/sitemap.xml'],
      ['response', 'https://baohiemxahoi.gov.vn/timemap/index.txt'],
    ]);
    // Every record is dated with the commit time; ids are stable and distinct.
    expect(new Set(records.map((r) => r.date))).toEqual(new Set(['2026-11-20T02:30:00Z']));
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records[4]!.id).toBe(recordId((await source()).commit, 'https://baohiemxahoi.gov.vn/'));
    expect(records[0]!.payload).toContain('software: test\r\n');
    // A page's payload is exactly its HTML file.
    expect(records[4]!.payload).toBe(files['index.html']);
    expect(records[4]!.http).toBe('text/html; charset=utf-8');
    expect(records[1]!.http).toBe('text/css; charset=utf-8');
  });

  it('is the same bytes every time', async () => {
    const a = await collect(warcRecords(await source()));
    const b = await collect(warcRecords(await source()));
    expect(a.equals(b)).toBe(true);
    // WARC/1.1, each record its own gzip member.
    expect(a.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('holds every file a reader could fetch, the search index, sitemap, robots.txt and TimeMaps included, but not the editor', async () => {
    const chosen = (await source()).files.map((f) => f.path);
    expect(chosen).not.toContain('admin/index.html');
    expect(chosen).not.toContain('admin/decap.js');
    for (const p of ['search/vi/index.json', 'sitemap.xml', 'robots.txt', 'timemap/index.txt']) expect(chosen).toContain(p);
  });

  it('serves a TimeMap with its own type, and is dated with the deploy when it is known', async () => {
    const warc = await collect(warcRecords({ ...(await source()), deployedAt: '2026-11-20T09:35:12.345+07:00' }));
    const types = new Map<string, string>();
    const dates = new Set<string>();
    for await (const r of new WARCParser([new Uint8Array(warc)])) {
      if (r.warcTargetURI) types.set(r.warcTargetURI, r.httpHeaders?.headers.get('Content-Type') ?? '');
      dates.add(r.warcDate ?? '');
    }
    expect(types.get('https://baohiemxahoi.gov.vn/timemap/index.txt')).toBe('application/link-format; charset=utf-8');
    expect(types.get('https://baohiemxahoi.gov.vn/robots.txt')).toBe('text/plain; charset=utf-8');
    expect(dates).toEqual(new Set(['2026-11-20T02:35:12Z']));
  });
});

describe('pageReferences', () => {
  it('reads href, src, srcset and meta content on the portal’s addresses, decoding entities', async () => {
    const html = '<meta property="og:image" content="https://baohiemxahoi.gov.vn/og-image.png"><a href="/tin-tuc/?a=1&amp;b=2#x">x</a><a href="https://example.com/">y</a><a href="mailto:a@b.vn">z</a><img src=\'/media/a.png\'>';
    expect((await pageReferences(html, 'index.html', site)).map((r) => r.path)).toEqual(['og-image.png', 'tin-tuc/index.html', 'media/a.png']);
  });
});
