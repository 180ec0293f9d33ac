/**
 * The benchmark's peer, run for real: the same corpus as a Hugo site
 * (hugo-corpus.ts), built by `hugo` with an empty cache, then indexed by the
 * stock Pagefind CLI of this project's node_modules. Each step is measured
 * like the portal's build (wall time, peak memory of the process tree).
 *
 * Hugo is not a dependency: when `hugo` is not on the PATH the benchmark says
 * how to install it and leaves the peer out.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CorpusFile } from './corpus.ts';
import { hugoSite } from './hugo-corpus.ts';
import { measure, type Measured } from './measure.ts';
import { countHtml, dirBytes } from './sizes.ts';

export const HUGO_INSTALL = [
  'Hugo is not installed: the benchmark runs without its peer (Hugo + stock Pagefind).',
  '  Debian/Ubuntu: sudo apt-get install hugo   (Debian 12: 0.111.3), or a .deb from https://github.com/gohugoio/hugo/releases',
  'Hugo chưa được cài: bộ đo chạy không có phép so sánh (Hugo + Pagefind nguyên bản).',
  '  Debian/Ubuntu: sudo apt-get install hugo   (Debian 12: 0.111.3), hoặc gói .deb tại https://github.com/gohugoio/hugo/releases',
].join('\n');

/** `hugo version` → "0.111.3", or undefined when Hugo is missing or unusable. */
export async function hugoVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('hugo', ['version']);
    return /v(\d+\.\d+\.\d+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

export interface PeerResult {
  hugoVersion: string;
  hugo: Measured;
  pagefind: Measured;
  /** HTML files Hugo wrote (pages and listings). */
  pagesBuilt: number;
  outputBytes: number;
  indexBytes: number;
  /** The built site, for the search-transfer measurement. */
  site: string;
}

export async function runPeer(corpus: readonly CorpusFile[], work: string, version: string, root = process.cwd()): Promise<PeerResult> {
  const source = path.join(work, 'hugo-src');
  const site = path.join(work, 'hugo-site');
  const cache = path.join(work, 'hugo-cache');
  for (const dir of [source, site, cache]) rmSync(dir, { recursive: true, force: true });
  for (const f of hugoSite(corpus)) {
    mkdirSync(path.dirname(path.join(source, f.path)), { recursive: true });
    writeFileSync(path.join(source, f.path), f.text);
  }
  const hugo = await measure('hugo', ['--quiet', '--source', source, '--destination', site, '--cacheDir', cache], {});
  const pagefind = await measure(path.join(root, 'node_modules', '.bin', 'pagefind'), ['--site', site], {});
  return {
    hugoVersion: version,
    hugo,
    pagefind,
    pagesBuilt: await countHtml(site),
    outputBytes: await dirBytes(site),
    indexBytes: await dirBytes(path.join(site, 'pagefind')),
    site,
  };
}
