import { describe, expect, it } from 'vitest';
import { entryPath, refusedEntry, repeatedEntry } from './entry-safety.ts';

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
