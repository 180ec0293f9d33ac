import { describe, expect, it } from 'vitest';
import { manifestText } from './manifest.ts';
import { verifyArchive } from './verify.ts';

const sha = (c: string) => c.repeat(64);
const manifest = manifestText([
  { path: 'index.html', sha256: sha('1') },
  { path: 'en/index.html', sha256: sha('2') },
  { path: '_astro/site.css', sha256: sha('3') },
]);
const intact = () =>
  new Map([
    ['index.html', sha('1')],
    ['en/index.html', sha('2')],
    ['_astro/site.css', sha('3')],
  ]);

describe('verifyArchive', () => {
  it('passes when every file matches and nothing is missing or extra', () => {
    const v = verifyArchive({ manifest, files: intact() });
    expect(v).toEqual({ ok: true, matched: 3, problems: [], unchecked: [] });
  });

  it('names a tampered file, with both hashes, in Vietnamese and English', () => {
    const files = intact();
    files.set('en/index.html', sha('9'));
    const v = verifyArchive({ manifest, files });
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ kind: 'changed', path: 'en/index.html' });
    expect(v.problems[0]!.en).toBe(`File en/index.html has been altered: its SHA-256 is ${sha('9')}, the manifest says ${sha('2')}.`);
    expect(v.problems[0]!.vi).toContain('Tệp en/index.html đã bị thay đổi');
  });

  it('names a missing file and an extra file', () => {
    const files = intact();
    files.delete('_astro/site.css');
    files.set('evil.js', sha('e'));
    const v = verifyArchive({ manifest, files });
    expect(v.problems.map((p) => [p.kind, p.path])).toEqual([
      ['missing', '_astro/site.css'],
      ['extra', 'evil.js'],
    ]);
    expect(v.problems[0]!.en).toContain('Missing file _astro/site.css');
    expect(v.problems[1]!.vi).toContain('Tệp thừa evil.js');
  });

  it('fails on refused tarball entries and on a malformed or empty manifest', () => {
    const refused = [{ path: '../etc/passwd', reason: { vi: 'bị từ chối', en: 'refused' } }];
    expect(verifyArchive({ manifest, files: intact(), refused }).problems).toEqual([{ kind: 'refused', path: '../etc/passwd', vi: 'bị từ chối', en: 'refused' }]);
    expect(verifyArchive({ manifest: `${manifest}garbage\n`, files: intact() }).problems.map((p) => p.path)).toEqual(['manifest-sha256.txt:4']);
    expect(verifyArchive({ manifest: '', files: new Map() }).problems[0]!.en).toBe('The manifest lists no files.');
  });

  it('checks the archive files against the publication record, and lists those absent as unchecked', () => {
    const listed = [
      { name: 'site-x.tar.gz', size: 10, sha256: sha('a') },
      { name: 'site-x.warc.gz', size: 10, sha256: sha('b') },
      { name: 'manifest-sha256.txt', size: 10, sha256: sha('c') },
    ];
    const found = new Map([
      ['site-x.tar.gz', sha('a')],
      ['manifest-sha256.txt', sha('d')],
    ]);
    const v = verifyArchive({ manifest, files: intact(), published: { listed, found } });
    expect(v.unchecked).toEqual(['site-x.warc.gz']);
    expect(v.problems.map((p) => [p.kind, p.path])).toEqual([['archive-changed', 'manifest-sha256.txt']]);
    expect(v.problems[0]!.en).toContain('differs from the one published');
  });
});
