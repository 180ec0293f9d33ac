/**
 * Runs a command and measures it: wall time, and the peak memory of its whole
 * process tree (the command, its child processes such as Pagefind, and their
 * threads), sampled every 100 ms.
 *
 * On Linux the tree and its memory are read from /proc in this process: the
 * libraries (pidtree, pidusage) start `ps` for every sample, ten processes a
 * second that took a core's tenth from the build they measure (one entry
 * changed: 11.3 s alone, 12.5 s sampled that way). Elsewhere they are used.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pidtree from 'pidtree';
import pidusage from 'pidusage';

export interface Measured {
  seconds: number;
  peakBytes: number;
  output: string;
}

const PAGE_BYTES = 4096;

/** Every process's parent and resident pages, from /proc/<pid>/stat (fields after the command's closing parenthesis). */
function procTable(): Map<number, { parent: number; rss: number }> {
  const table = new Map<number, { parent: number; rss: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { parent: Number(fields[1]), rss: Number(fields[21]) * PAGE_BYTES });
  }
  return table;
}

/** The resident memory of `pid` and all its descendants (a thread shares its process's memory: counted once). */
function procTreeRss(pid: number): number {
  const table = procTable();
  const children = new Map<number, number[]>();
  for (const [child, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), child]);
  let sum = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    sum += table.get(p)?.rss ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return sum;
}

const hasProc = process.platform === 'linux' && existsSync('/proc/self/stat');

async function treeRss(pid: number): Promise<number> {
  if (hasProc) return procTreeRss(pid);
  try {
    const pids = await pidtree(pid, { root: true });
    const stats = await pidusage(pids);
    return Object.values(stats).reduce((sum, s) => sum + (s?.memory ?? 0), 0);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/**
 * Before each measured command, the files the previous one wrote are flushed to disk (`sync`),
 * so that no figure includes the write-back of the step before it (a full build writes 600 MB
 * at 20,000 pages; the one-entry build measured right after it took 13.3 s in one run and
 * 16.1 s in the next, with the same code).
 */
function settle(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

export function measure(command: string, args: string[], env: Record<string, string | undefined>, cwd = process.cwd()): Promise<Measured> {
  settle();
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
