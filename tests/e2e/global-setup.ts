/**
 * Builds the real site (`npm run build`: Astro, then the Pagefind index) and
 * serves it with `astro preview` for the browser tests. (The CMS test runs
 * `npm start` itself.) Set PORTAL_TEST_URL to test a site that is already
 * running instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The CMS test files' sandbox folder (tests/e2e/npm-start.ts, `cmsSandbox`). */
    cmsSandbox: string;
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The site did not answer at ${url} within ${timeoutMs / 1000} s`);
}

let preview: ChildProcess | undefined;
const cmsSandbox = mkdtempSync(path.join(tmpdir(), 'portal-cms-sandbox-'));

export async function setup(project: TestProject) {
  project.provide('cmsSandbox', cmsSandbox);
  if (process.env.PORTAL_TEST_URL) {
    project.provide('baseUrl', process.env.PORTAL_TEST_URL.replace(/\/$/, ''));
    return;
  }
  const astro = 'node_modules/.bin/astro';
  if (!process.env.PORTAL_TEST_SKIP_BUILD) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error(`npm run build failed with exit code ${build.status}`);
  }
  const port = await freePort();
  preview = spawn(astro, ['preview', '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 30_000);
  project.provide('baseUrl', baseUrl);
}

export async function teardown() {
  preview?.kill();
  rmSync(cmsSandbox, { recursive: true, force: true });
}
