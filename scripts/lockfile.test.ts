/**
 * The committed lockfile holds every platform's optional packages, so that
 * `npm install` on Linux, macOS or Windows leaves it as committed (.ci/run
 * also checks, after its install, that the lockfile is unchanged). npm writes
 * into the lockfile the optional packages (native binaries such as
 * `@esbuild/darwin-arm64`) that a package declares and the lockfile lacks: a
 * lockfile made on one platform without the others' entries is rewritten by
 * the first install elsewhere. So every optional dependency must have its own
 * entry, found where Node would resolve it (the package's own node_modules,
 * then each folder above).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Lockfile {
  packages: Record<string, { optionalDependencies?: Record<string, string> }>;
}

/** `node_modules/a/node_modules/b` → `node_modules/a`; the root's parent is undefined. */
function parentFolder(entry: string): string | undefined {
  if (entry === '') return undefined;
  const at = entry.lastIndexOf('/node_modules/');
  return at < 0 ? '' : entry.slice(0, at);
}

/** `<package entry> → <optional dependency>` for every optional dependency without an entry. */
function missingOptionalEntries(lock: Lockfile): string[] {
  const missing: string[] = [];
  for (const [entry, info] of Object.entries(lock.packages)) {
    for (const name of Object.keys(info.optionalDependencies ?? {})) {
      let folder: string | undefined = entry;
      let found = false;
      while (folder !== undefined && !found) {
        found = Object.hasOwn(lock.packages, `${folder === '' ? '' : `${folder}/`}node_modules/${name}`);
        folder = parentFolder(folder);
      }
      if (!found) missing.push(`${entry || '(the project)'} → ${name}`);
    }
  }
  return missing;
}

describe('the lockfile', () => {
  it('has an entry for every optional dependency of every package (each platform’s binaries)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile;
    expect(Object.keys(lock.packages).some((p) => p.endsWith('-darwin-arm64'))).toBe(true);
    expect(Object.keys(lock.packages).some((p) => p.includes('-win32-'))).toBe(true);
    expect(missingOptionalEntries(lock)).toEqual([]);
  });

  it('finds an optional dependency missing, and one resolved from a folder above', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/esbuild': { optionalDependencies: { '@esbuild/linux-x64': '0.25.0', '@esbuild/darwin-arm64': '0.25.0' } },
        'node_modules/@esbuild/linux-x64': {},
        'node_modules/vite/node_modules/rollup': { optionalDependencies: { '@rollup/rollup-win32-x64-msvc': '4.0.0' } },
        'node_modules/@rollup/rollup-win32-x64-msvc': {},
      },
    };
    expect(missingOptionalEntries(lock)).toEqual(['node_modules/esbuild → @esbuild/darwin-arm64']);
  });
});
