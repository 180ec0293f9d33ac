import { describe, expect, it } from 'vitest';
import { emptyMementoIndex, isArchiveFile, isNewVersion, isStoreFile, lostMementos, mementoIndexSchema, mementoPath, mementoStamp, newVersions, pageLocale, servedVersions, stampTime, timemapPath, withMementos } from './mementos.ts';

const sha = (c: string) => c.repeat(64);
const commit = (c: string) => c.repeat(40);

describe('addresses', () => {
  it('stamps a moment in UTC to the second, and reads only real stamps back', () => {
    expect(mementoStamp(new Date('2026-03-01T17:30:05.123Z'))).toBe('20260301T173005Z');
    expect(stampTime('20260301T173005Z')).toEqual(new Date('2026-03-01T17:30:05Z'));
    for (const bad of ['20261320T000000Z', '20260230T000000Z', '20260301T173005', '2026-03-01T17:30:05Z', '../x', '']) expect(stampTime(bad), bad).toBeUndefined();
  });

  it('puts each language’s mementos under its own archive address', () => {
    expect(mementoPath('/van-ban/1624-qd-bhxh/', '20260301T173005Z')).toBe('/luu-tru/20260301T173005Z/van-ban/1624-qd-bhxh/');
    expect(mementoPath('/', '20260301T173005Z')).toBe('/luu-tru/20260301T173005Z/');
    expect(mementoPath('/en/documents/x/', '20260301T173005Z')).toBe('/en/archive/20260301T173005Z/documents/x/');
    expect(mementoPath('/en/', '20260301T173005Z')).toBe('/en/archive/20260301T173005Z/');
    expect(pageLocale('/en/news/x/')).toBe('en');
    expect(pageLocale('/enxyz/')).toBe('vi');
  });

  it('serves TimeMaps as .txt, a type static hosts know', () => {
    expect(timemapPath('/tin-tuc/x/')).toBe('/timemap/tin-tuc/x.txt');
    expect(timemapPath('/')).toBe('/timemap/index.txt');
  });
});

describe('the store’s index, read back from the previous deploy', () => {
  const good = { format: 1, pages: { '/van-ban/x/': [{ stamp: '20260301T000000Z', commit: commit('a'), sha256: sha('b'), files: { '/_astro/a.css': `${sha('c')}.css` } }] } };

  it('accepts a well-formed index', () => {
    expect(mementoIndexSchema.parse(good)).toEqual(good);
  });

  it.each([
    ['a page address outside the site', { ...good, pages: { '/../etc/': good.pages['/van-ban/x/'] } }],
    ['an address with a query', { ...good, pages: { '/x/?a=1': good.pages['/van-ban/x/'] } }],
    ['a stamp that is a path', { ...good, pages: { '/x/': [{ ...good.pages['/van-ban/x/'][0], stamp: '../../x' }] } }],
    ['a kept file named by a path', { ...good, pages: { '/x/': [{ ...good.pages['/van-ban/x/'][0], files: { '/a.css': '../../etc/passwd' } }] } }],
    ['mementos out of order', { ...good, pages: { '/x/': [{ ...good.pages['/van-ban/x/'][0], stamp: '20260302T000000Z' }, good.pages['/van-ban/x/'][0]] } }],
    ['an unknown field', { ...good, extra: 1 }],
    ['another format', { ...good, format: 2 }],
  ])('refuses %s', (_, index) => {
    expect(mementoIndexSchema.safeParse(index).success).toBe(false);
  });
});

describe('which versions a deploy keeps', () => {
  const index = withMementos(emptyMementoIndex(), '20260301T000000Z', [
    { path: '/van-ban/x/', commit: commit('a'), sha256: sha('1') },
    { path: '/', commit: undefined, sha256: sha('2') },
  ]);

  it('an entry page: a new revision of its file, not a new layout', () => {
    expect(isNewVersion(index.pages['/van-ban/x/']!.at(-1), { path: '/van-ban/x/', commit: commit('a'), sha256: sha('9') })).toBe(false);
    expect(isNewVersion(index.pages['/van-ban/x/']!.at(-1), { path: '/van-ban/x/', commit: commit('b'), sha256: sha('1') })).toBe(true);
  });

  it('a home or listing page: what it served changed', () => {
    expect(isNewVersion(index.pages['/']!.at(-1), { path: '/', commit: undefined, sha256: sha('2') })).toBe(false);
    expect(isNewVersion(index.pages['/']!.at(-1), { path: '/', commit: undefined, sha256: sha('3') })).toBe(true);
  });

  it('adds each new version after the others; a deploy not later than the last keeps nothing', () => {
    const pages = [{ path: '/van-ban/x/', commit: commit('b'), sha256: sha('4') }];
    expect(newVersions(index, '20260301T000000Z', pages)).toEqual([]);
    expect(newVersions(index, '20260228T000000Z', pages)).toEqual([]);
    const next = withMementos(index, '20260305T000000Z', newVersions(index, '20260305T000000Z', pages));
    expect(next.pages['/van-ban/x/']!.map((m) => m.stamp)).toEqual(['20260301T000000Z', '20260305T000000Z']);
    expect(mementoIndexSchema.parse(next)).toEqual(next);
    // The index it came from is left as it was.
    expect(index.pages['/van-ban/x/']).toHaveLength(1);
  });
});

describe('which kept versions the portal serves', () => {
  const record = (stamp: string) => ({ stamp, sha256: 'a'.repeat(64) });
  const index = {
    format: 1 as const,
    pages: {
      '/tin-tuc/con/': [record('20260301T020500Z'), record('20260305T030500Z')],
      '/tin-tuc/da-go/': [record('20260301T020500Z')],
      '/en/links/': [record('20260301T020500Z')],
    },
  };
  // On the portal now: a page at its address, and an address a page moved from (/en/links/ → /en/useful-links/).
  const onPortal = new Set(['/tin-tuc/con/', '/en/links/']);

  it('serves the versions of the pages on the portal, and keeps those of a page taken down out of it', () => {
    const { served, withheld } = servedVersions(index, onPortal, 'hidden');
    expect(served.map(([p, list]) => [p, list.length])).toEqual([
      ['/tin-tuc/con/', 2],
      ['/en/links/', 1],
    ]);
    expect(withheld).toEqual([['/tin-tuc/da-go/', [record('20260301T020500Z')]]]);
  });

  it('serves them all when the agency chose to keep them public', () => {
    const { served, withheld } = servedVersions(index, onPortal, 'public');
    expect(served.map(([p]) => p)).toEqual(['/tin-tuc/con/', '/tin-tuc/da-go/', '/en/links/']);
    expect(withheld).toEqual([]);
  });
});

describe('the store’s own files', () => {
  it('are its index, captured pages at a stamp and an address, and kept files named by their hash', () => {
    const hash = 'a'.repeat(64);
    for (const ok of ['mementos.json', 'pages/20261120T080000Z/index.html', 'pages/20261120T080000Z/en/news/x/index.html', `files/${hash}.css`, `files/${hash}`]) expect(isStoreFile(ok), ok).toBe(true);
    for (const no of ['.gitattributes', 'pages/20261120T080000Z/x/evil.js', 'pages/20261340T080000Z/x/index.html', 'pages/20261120T080000Z/../../x/index.html', 'files/logo.svg', `files/${hash}.css/x`, 'mementos.json.next'])
      expect(isStoreFile(no), no).toBe(false);
  });

  it('only grow: a version gone or changed is lost', () => {
    const before = withMementos(emptyMementoIndex(), '20261120T080000Z', [{ path: '/x/', commit: undefined, sha256: 'a'.repeat(64) }]);
    const grown = withMementos(before, '20261121T080000Z', [{ path: '/x/', commit: undefined, sha256: 'b'.repeat(64) }]);
    expect(lostMementos(before, grown)).toEqual([]);
    expect(lostMementos(grown, before)).toEqual(['/x/ 20261121T080000Z']);
    const changed = { format: 1 as const, pages: { '/x/': [{ stamp: '20261120T080000Z', sha256: 'c'.repeat(64) }] } };
    expect(lostMementos(before, changed)).toEqual(['/x/ 20261120T080000Z']);
  });
});

describe('the archive’s files in the built site', () => {
  it('are those under the archive addresses of each language', () => {
    for (const yes of ['luu-tru/20261120T080000Z/van-ban/x/index.html', 'luu-tru/so-sanh/20261120T080000Z/index.html', 'en/archive/20261120T080000Z/en/news/x/index.html', 'luu-tru/tep/a.css'])
      expect(isArchiveFile(yes), yes).toBe(true);
    for (const no of ['van-ban/luu-tru/index.html', 'en/news/archive/index.html', 'luu-tru-khac/index.html', 'index.html']) expect(isArchiveFile(no), no).toBe(false);
  });
});
