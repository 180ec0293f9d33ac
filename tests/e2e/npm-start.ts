/**
 * `npm start` (scripts/start.ts) on a free port with a throw-away sandbox, as
 * an editor runs it: it builds the site, then serves site, CMS and the CMS's
 * local backend.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { seedBuildCache } from '../seed-build-cache.ts';
import { freePort } from './ports.ts';

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
