/**
 * npm start [-- --port 4321] [--sandbox .cms-local]
 *
 * Runs the portal and its CMS on this computer, with no GitHub account:
 * - an editorial sandbox: a git clone of this repository in `.cms-local/repo`,
 *   where Decap's local backend (decap-server, git mode) keeps each entry
 *   under review on its own `cms/…` branch, like a pull request, and merges
 *   it into the published branch when the editor publishes;
 * - the site built from what is published on that branch (never from a
 *   draft branch), rebuilt within seconds of each publication;
 * - one server at http://localhost:<port>/ for the site, /admin/ for the CMS
 *   and /api/v1 for the CMS's local backend, which answers the CMS page only
 *   and writes only content and uploads (src/lib/cms/local-backend-guard.ts).
 * Your own working tree is never written to: bring CMS work back with
 * `git pull .cms-local/repo main`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { cmsArea } from '../src/lib/cms/cms-area.ts';
import { decapConfig } from '../src/lib/cms/decap-config.ts';
import { SITE_FILE, TAXONOMY_FILE, validateSettings } from '../src/lib/content/validate.ts';
import { draftMedia } from './lib/draft-media.ts';
import { mountLocalBackend } from './lib/decap-local-backend.ts';
import { buildOutputSummary } from '../src/lib/publication-gate/messages.ts';
import type { Publisher } from './lib/publication-gate.ts';
import { exportBranch, gitOutput, prepareSandbox } from './lib/sandbox-repo.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    sandbox: { type: 'string', default: '.cms-local' },
    branch: { type: 'string', default: 'main' },
  },
});
const root = process.cwd();
const sandbox = path.resolve(values.sandbox!);
const repo = path.join(sandbox, 'repo');
const published = path.join(sandbox, 'published');
const site = path.join(sandbox, 'site');
const cache = path.join(sandbox, 'cache');
const branch = values.branch!;
const port = Number(values.port);

function log(vi: string, en: string) {
  console.log(`start: ${vi} / ${en}`);
}

/** The build running now, if any: stopped with the server, never left behind. */
let buildProcess: ChildProcess | undefined;

/** How many lines of a build's output are kept, for what the CMS shows when a publication does not build. */
const OUTPUT_LINES = 60;

function build(commit: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.ts'), '--out', site], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopping the server stops Astro and Pagefind with it.
      detached: true,
      env: {
        ...process.env,
        PORTAL_CONTENT_DIR: path.join(published, 'content'),
        PORTAL_PUBLIC_DIR: path.join(published, 'public'),
        PORTAL_CACHE_DIR: cache,
        // Page histories come from the sandbox repository, at the commit being published.
        PORTAL_HISTORY_REPO: repo,
        PORTAL_HISTORY_REF: commit,
      },
    });
    buildProcess = child;
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).split('\n').slice(-OUTPUT_LINES).join('\n');
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      buildProcess = undefined;
      if (code === 0) return resolve();
      // What the editor is told (the build's own output, above, is in the console).
      reject(new Error(buildOutputSummary(output) || `exit code ${code}`));
    });
  });
}

/** What to stop on Ctrl-C or SIGTERM: the build at any time, then the server and the rebuild timer once they run. */
const stopping: (() => void)[] = [() => stopBuild()];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const stop of stopping) stop();
    process.exit(0);
  });
}

/** Stops the running build and everything it started. */
function stopBuild(): void {
  if (buildProcess?.pid === undefined) return;
  try {
    process.kill(-buildProcess.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------- the sandbox and the first build

if (spawnSync('git', ['--version']).status !== 0) {
  console.error('start: cần cài git / git is required (https://git-scm.com/)');
  process.exit(1);
}

await mkdir(sandbox, { recursive: true });
const created = await prepareSandbox(root, repo, branch);
log(
  created ? `đã tạo kho biên tập thử ${path.relative(root, repo)}` : `dùng kho biên tập thử ${path.relative(root, repo)}`,
  created ? `created the editorial sandbox ${path.relative(root, repo)}` : `using the editorial sandbox ${path.relative(root, repo)}`,
);

let builtCommit = '';
/** Builds the published branch unless it is built already (`force`: even then, to repair a site a failed build touched). */
async function publishLatest(force = false): Promise<boolean> {
  const commit = gitOutput(repo, ['rev-parse', `refs/heads/${branch}`]);
  if (commit === builtCommit && !force) return false;
  // Tried once per commit: a publication that does not build is reported, not rebuilt every second.
  builtCommit = commit;
  await rm(published, { recursive: true, force: true });
  await exportBranch(repo, branch, published);
  await build(commit);
  return true;
}

log('đang dựng trang', 'building the site');
await publishLatest().catch((error: unknown) => {
  console.error(`start: không dựng được trang / the site could not be built: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// ---------------------------------------------------------------- one server: site, CMS and its backend

/** Where the CMS may write: the folders of the configuration the CMS loads, generated from the published settings. */
async function cmsAreaOfPublished() {
  const files = await Promise.all(
    [SITE_FILE, TAXONOMY_FILE].map(async (file) => ({ file, source: await readFile(path.join(published, file), 'utf8') })),
  );
  const { settings } = validateSettings(files);
  // The build has just checked these files: they are valid.
  return cmsArea(decapConfig(settings!.site, settings!.taxonomy, 'vi'));
}

/** Builds run one at a time: a publication through the CMS (publication-gate.ts) or the watch below. */
let buildQueue: Promise<unknown> = Promise.resolve();
let queued = 0;
const publisher: Publisher = {
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    queued++;
    const run = buildQueue.then(work).finally(() => queued--);
    buildQueue = run.catch(() => undefined);
    return run;
  },
  async rebuild() {
    await publishLatest(true);
    log('đã cập nhật trang sau khi xuất bản', 'site updated after a publication');
  },
};

const app = express();
app.disable('x-powered-by');
await mountLocalBackend(app, { repo, branch, port, area: await cmsAreaOfPublished(), publisher });
app.use(express.static(site, { extensions: ['html'] }));
// Files saved with a draft (not yet in the built site): the editor's thumbnails (scripts/lib/draft-media.ts).
app.use(draftMedia(repo));
app.use((req, res) => {
  const notFound = req.path.startsWith('/en/') ? path.join(site, 'en', '404', 'index.html') : path.join(site, '404.html');
  if (existsSync(notFound)) res.status(404).sendFile(notFound);
  else res.status(404).type('text/plain').send('404');
});
const server = app.listen(port, '127.0.0.1', () => {
  log(
    `cổng chạy tại http://localhost:${port}/ — biên tập tại http://localhost:${port}/admin/`,
    `the portal runs at http://localhost:${port}/ — the CMS at http://localhost:${port}/admin/`,
  );
});

// ---------------------------------------------------------------- rebuild after a change made outside the CMS

// A commit to the published branch made some other way (git in the sandbox) is built too.
const timer = setInterval(() => {
  if (queued > 0) return;
  publisher
    .exclusive(() => publishLatest())
    .then((rebuilt) => rebuilt && log('đã dựng lại trang theo nhánh đã công bố', 'site rebuilt from the published branch'))
    .catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
}, 1000);

stopping.push(() => clearInterval(timer), () => server.close());
