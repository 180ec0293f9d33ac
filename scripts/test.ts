/**
 * npm test [-- <vitest arguments>]
 *
 * Every test: `astro check` (types of the pages and components) and `vitest
 * run`. The machine is CPU-bound throughout (2 cores: the unit tests fill
 * both, the browser tests most of both), so what is not in a hurry runs at
 * the lowest priority (nice 19) and takes only the cycles left over:
 *
 * 1. the unit and reference tests (two workers), with `astro check` beside
 *    them at the lowest priority (not themselves beside the browser tests at
 *    the lowest priority: starved of the CPU, the tests whose servers keep
 *    time — decap-server's requests, hooks with their own limits — fail);
 * 2. the build and browser tests, one file at a time, with the GitHub tests
 *    beside them at the lowest priority, their time limits raised (a test
 *    that waits for the CPU is not a test that hangs). The browser tests
 *    never share the machine at equal priority; Astro builds of one checkout
 *    never run at once (a build whose output is outside the checkout stages
 *    its pages in the checkout's `.astro/.prerender/`).
 *
 * The reports of the low-priority parts are printed when they end; a summary
 * says which part failed. With vitest arguments (a file, `--project
 * browser`), one `vitest run <arguments>` beside `astro check`.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';

const root = process.cwd();
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
const vitest = (...args: string[]) => [bin('vitest', 'vitest.mjs'), 'run', ...args];
/** The lowest priority: the part runs on what the others leave. */
const LOWEST = 19;

interface Part {
  name: string;
  code: number;
  seconds: number;
}

/** Runs `node <args>`; a buffered part's report is printed, under its name, when it ends. */
function run(name: string, args: string[], options: { buffered: boolean; priority?: number }): Promise<Part> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: options.buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    // Before it starts anything of its own: what it spawns inherits the priority.
    if (options.priority !== undefined && child.pid !== undefined) setPriority(child.pid, options.priority);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const end = (code: number, error = '') => {
      const part = { name, code, seconds: Math.round((Date.now() - started) / 1000) };
      if (options.buffered) process.stdout.write(`\n── ${name} (exit ${code}, ${part.seconds} s) ──\n${output}${error}\n`);
      resolve(part);
    };
    child.on('error', (error) => end(1, `${error.message}\n`));
    child.on('exit', (code, signal) => end(code ?? (signal ? 1 : 0)));
  });
}

const check = run('astro check', [bin('astro', 'bin/astro.mjs'), 'check'], { buffered: true, priority: LOWEST });
const requested = process.argv.slice(2);
const parts: Part[] = [];
if (requested.length > 0) {
  parts.push(...(await Promise.all([check, run('vitest run', vitest(...requested), { buffered: false })])));
} else {
  parts.push(await run('unit and reference tests', vitest('--project', 'unit', '--project', 'reference'), { buffered: false }));
  const waiting = '300000';
  const github = run('GitHub tests (lowest priority)', vitest('--project', 'github', '--testTimeout', waiting, '--hookTimeout', waiting), { buffered: true, priority: LOWEST });
  parts.push(await run('build and browser tests', vitest('--project', 'build', '--project', 'browser'), { buffered: false }));
  parts.push(...(await Promise.all([github, check])));
}

process.stdout.write(`\nnpm test:\n${parts.map((p) => `  ${p.code === 0 ? 'passed' : 'FAILED'}  ${p.name} (${p.seconds} s)`).join('\n')}\n`);
if (parts.some((p) => p.name === 'astro check' && p.code !== 0)) console.error('npm test: astro check found problems (its report is above).');
process.exit(parts.every((p) => p.code === 0) ? 0 : 1);
