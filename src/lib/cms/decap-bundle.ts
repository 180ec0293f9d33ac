/**
 * Where the portal serves Decap CMS's prebuilt browser bundle (from the
 * `decap-cms` npm package): a folder named for the version, so browsers can
 * cache it for good and an upgrade never mixes old and new chunks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('decap-cms/package.json');

export const decapVersion: string = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

/** The package's `dist` folder on disk. */
export const decapDist = path.join(path.dirname(packageJson), 'dist');

/** URL folder of the bundle on the site. */
export const decapBundleFolder = `/admin/decap/${decapVersion}/`;
export const decapBundlePath = `${decapBundleFolder}decap-cms.js`;

/** The files of the bundle: the entry script, its lazily loaded chunks, WebAssembly and licences. */
export function isDecapBundleFile(name: string): boolean {
  return /^(?:[\w-]+\.)?decap-cms\.js$/.test(name) || name.endsWith('.wasm') || name === 'decap-cms.js.LICENSE.txt';
}
