import { describe, expect, it } from 'vitest';
import { Header } from 'tar';
import { DIRECTORY_MODE, FILE_MODE, TAR_END, tarHeader, tarPadding } from './tar-format.ts';

const mtime = new Date('2026-11-20T02:30:00.750Z');

describe('tarHeader', () => {
  it('writes no owner, a fixed mode and the given time in whole seconds', () => {
    const h = new Header(tarHeader({ path: 'en/index.html', type: 'file', size: 1234 }, mtime));
    expect(h.cksumValid).toBe(true);
    expect({ path: h.path, type: h.type, mode: h.mode, uid: h.uid, gid: h.gid, uname: h.uname, gname: h.gname, size: h.size }).toEqual({
      path: 'en/index.html',
      type: 'File',
      mode: FILE_MODE,
      uid: 0,
      gid: 0,
      uname: '',
      gname: '',
      size: 1234,
    });
    expect(h.mtime?.toISOString()).toBe('2026-11-20T02:30:00.000Z');
    const dir = new Header(tarHeader({ path: 'en', type: 'directory', size: 4096 }, mtime));
    expect([dir.path, dir.type, dir.mode, dir.size]).toEqual(['en/', 'Directory', DIRECTORY_MODE, 0]);
  });

  it('puts long and non-ASCII paths in a pax record', () => {
    // Up to 255 bytes fit the ustar prefix and name fields…
    const split = `${'thu-muc-rat-dai/'.repeat(12)}index.html`;
    expect(tarHeader({ path: split, type: 'file', size: 1 }, mtime).length).toBe(512);
    expect(new Header(tarHeader({ path: split, type: 'file', size: 1 }, mtime)).path).toBe(split);
    // …a name over 100 bytes does not.
    const long = `van-ban/${'quyet-dinh-'.repeat(10)}.pdf`;
    const block = tarHeader({ path: long, type: 'file', size: 1 }, mtime);
    expect(block.length).toBeGreaterThan(512);
    expect(block.toString('utf8')).toContain(`path=${long}`);
    expect(tarHeader({ path: 'files/quyết-định.pdf', type: 'file', size: 1 }, mtime).toString('utf8')).toContain('path=files/quyết-định.pdf');
  });

  it('is the same bytes for the same entry', () => {
    expect(tarHeader({ path: 'a.css', type: 'file', size: 9 }, mtime).equals(tarHeader({ path: 'a.css', type: 'file', size: 9 }, mtime))).toBe(true);
  });

  it('pads content to 512-byte blocks and ends with two zero blocks', () => {
    expect(tarPadding(512).length).toBe(0);
    expect(tarPadding(1).length).toBe(511);
    expect(TAR_END.length).toBe(1024);
  });
});
