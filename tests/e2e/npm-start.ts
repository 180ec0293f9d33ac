/**
 * `npm start` (scripts/start.ts) on a free port with a throw-away sandbox, as
 * an editor runs it: it builds the site, then serves site, CMS and the CMS's
 * local backend.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { seedBuildCache } from '../seed-build-cache.ts';
import { freePort } from './ports.ts';

/** What a CMS test file's sandbox keeps from the file before it: the site `npm start` built, and its build cache. */
const KEPT = new Set(['site', 'cache']);

/**
 * The CMS test files' sandbox: one folder for the whole run (the browser
 * files run one at a time; tests/e2e/global-setup.ts makes it), emptied of
 * everything but the built site and its build cache. Each file's `npm start`
 * then clones a fresh editorial repository and builds only the pages that
 * differ from the site the file before left (the same build, incremental, an
 * editor's second `npm start` makes), instead of the whole site again.
 */
export function cmsSandbox(): string {
  const sandbox = inject('cmsSandbox');
  mkdirSync(sandbox, { recursive: true });
  for (const name of readdirSync(sandbox)) if (!KEPT.has(name)) rmSync(path.join(sandbox, name), { recursive: true, force: true });
  return sandbox;
}

export interface RunningPortal {
  port: number;
  /** http://localhost:<port> */
  base: string;
  /** What `npm start` printed so far (standard output and error). */
  output(): string;
  /** Stops the server (and any build it is running) and waits until it has exited. */
  stop(): Promise<void>;
}

export async function startPortal(sandbox: string, timeoutMs = 170_000): Promise<RunningPortal> {
  const port = await freePort();
  // The sandbox's build cache starts with what this checkout's build already drew and rendered (same output).
  seedBuildCache(path.join(sandbox, 'cache'));
  const server = spawn(process.execPath, ['scripts/start.ts', '--port', String(port), '--sandbox', sandbox], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output.slice(-2000)}`)), timeoutMs);
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('the portal runs at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.slice(-2000)}`)));
  });
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  return { port, base: `http://localhost:${port}`, output: () => output, stop };
}
