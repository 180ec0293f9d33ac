import { describe, expect, it } from 'vitest';
import { entryPath, extractionLimits, extractionStopped, refusedEntry, repeatedEntry } from './entry-safety.ts';

describe('refusedEntry', () => {
  it.each([
    ['index.html', 'File'],
    ['en/news/index.html', 'File'],
    ['_astro/', 'Directory'],
    ['./index.html', 'File'],
    ['./', 'Directory'],
    ['files/Quyết định..pdf', 'File'],
  ])('allows %s (%s)', (path, type) => {
    expect(refusedEntry(path, type)).toBeUndefined();
  });

  it.each([
    ['../outside.html', 'File', '“..” step'],
    ['en/../../outside.html', 'File', '“..” step'],
    ['a/..', 'Directory', '“..” step'],
    ['/etc/passwd', 'File', 'absolute path'],
    ['C:/Windows/win.ini', 'File', 'absolute path'],
    ['a\\..\\b', 'File', 'backslash'],
    ['index.html', 'SymbolicLink', 'not a regular file or folder'],
    ['index.html', 'Link', 'not a regular file or folder'],
    ['dev', 'CharacterDevice', 'not a regular file or folder'],
  ])('refuses %s (%s): %s', (path, type, why) => {
    const reason = refusedEntry(path, type);
    expect(reason?.en).toContain(why);
    expect(reason?.en).toContain('refused');
    expect(reason?.vi).toContain('bị từ chối');
  });

  it('reads paths without leading ./ or trailing /', () => {
    expect(entryPath('./en/news/')).toBe('en/news');
    expect(repeatedEntry('index.html').en).toContain('twice');
  });
});

describe('extractionLimits', () => {
  it('leaves room to name altered files, never room to fill a disk', () => {
    expect(extractionLimits({ files: 5000, folders: 800, bytes: 300_000_000 })).toEqual({
      files: 5000,
      folders: 800,
      bytes: 300_000_000,
      maxEntries: 12_600,
      maxBytes: 601_048_576,
    });
    const limits = extractionLimits({ files: 1, folders: 0, bytes: 10 });
    expect(extractionStopped(limits, { entries: 1002, bytes: 10, path: 'a', size: 0 })).toBeUndefined();
    expect(extractionStopped(limits, { entries: 1003, bytes: 10, path: 'a', size: 0 })?.en).toContain('more entries than allowed (1002;');
    expect(extractionStopped(limits, { entries: 1, bytes: 1_048_597, path: '\x1b[2J', size: 1_048_597 })?.en).toContain('entry "\\x1b[2J" (1048597 bytes) takes it past 1048596 bytes');
  });
});
