/**
 * Runs a command and measures it: wall time, and the peak memory of its whole
 * process tree (the command, its child processes such as Pagefind, and their
 * threads), sampled every 100 ms.
 */
import { spawn } from 'node:child_process';
import pidtree from 'pidtree';
import pidusage from 'pidusage';

export interface Measured {
  seconds: number;
  peakBytes: number;
  output: string;
}

async function treeRss(pid: number): Promise<number> {
  try {
    const pids = await pidtree(pid, { root: true });
    const stats = await pidusage(pids);
    return Object.values(stats).reduce((sum, s) => sum + (s?.memory ?? 0), 0);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

export function measure(command: string, args: string[], env: Record<string, string | undefined>, cwd = process.cwd()): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    let sampling = false;
    const timer = setInterval(async () => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      peak = Math.max(peak, await treeRss(child.pid));
      sampling = false;
    }, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      pidusage.clear();
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
      else resolve({ seconds, peakBytes: peak, output });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
