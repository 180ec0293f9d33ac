/**
 * The data store read from its file at prerender time: the module the
 * integration puts in place of Astro's gives Astro's store as parsed JSON, an
 * empty store when there is no file (as Astro's own module does), and stops
 * the build with a message when the file cannot be read — never an empty
 * site. And it replaces the module Astro really imports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreFromFile } from './data-store-from-file.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-data-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Hook = { order: string; handler: (id: string) => string | undefined };

/** The module's code as the integration gives it for a build with this cache folder, for an import of `imported`. */
function moduleCode(command: 'build' | 'dev', imported = 'astro:data-layer-content'): string | undefined {
  let plugin: { resolveId: Hook; load: Hook } | undefined;
  const setup = dataStoreFromFile().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${work}/`) },
    updateConfig: (c: { vite: { plugins: { resolveId: Hook; load: Hook }[] } }) => (plugin = c.vite.plugins[0]),
  });
  if (!plugin) return undefined;
  // Before Astro's own plugin, which is `enforce: 'pre'` itself.
  expect([plugin.resolveId.order, plugin.load.order]).toEqual(['pre', 'pre']);
  const id = plugin.resolveId.handler(imported);
  return id === undefined ? undefined : plugin.load.handler(id);
}

function run(code: string) {
  const file = path.join(work, `m-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, `${code}\nconsole.log(JSON.stringify(store instanceof Map ? 'empty map' : store));`);
  return spawnSync(process.execPath, [file], { encoding: 'utf8' });
}

describe('the content data store read from its file', () => {
  it('replaces Astro’s module in builds only, and only that module', () => {
    expect(moduleCode('build')).toContain('readFileSync');
    expect(moduleCode('build', '/src/pages/index.astro')).toBeUndefined();
    expect(moduleCode('dev')).toBeUndefined();
    // The module Astro imports its store from is still the one replaced.
    const consts = readFileSync('node_modules/astro/dist/content/consts.js', 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
    expect(consts).toContain('const DATA_STORE_FILE = "data-store.json"');
    expect(readFileSync('node_modules/astro/dist/content/data-store.js', 'utf8')).toContain('await import("astro:data-layer-content")');
  });

  it('gives the store as parsed JSON, an empty store without a file, and stops with a message on a broken file', () => {
    const code = moduleCode('build')!;
    expect(run(code).stdout.trim()).toBe('"empty map"');
    writeFileSync(path.join(work, 'data-store.json'), JSON.stringify([['Map', 1, 2], 'news', 'Tin tức']));
    expect(JSON.parse(run(code).stdout)).toEqual([['Map', 1, 2], 'news', 'Tin tức']);
    writeFileSync(path.join(work, 'data-store.json'), '[["Map",1,');
    const broken = run(code);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^Không đọc được kho dữ liệu nội dung .*data-store\.json .*npm run build -- --full\.\nThe content data store .*data-store\.json cannot be read/);
  });
});
