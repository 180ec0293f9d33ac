/**
 * npm test [-- <vitest arguments>]
 *
 * Every test: `astro check` (types of the pages and components) and `vitest run`
 * (unit, build, GitHub and browser tests), side by side — the type check takes a
 * minute of one core while the first tests run on the others. The type check's
 * report is printed when it ends; the command fails when either fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = process.cwd();
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);

function run(args: string[], buffered: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const check = run([bin('astro', 'bin/astro.mjs'), 'check'], true).then((result) => {
  process.stdout.write(`\n── astro check (exit ${result.code}) ──\n${result.output}\n`);
  return result.code;
});
const tests = run([bin('vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], false).then((r) => r.code);
const [checked, tested] = await Promise.all([check, tests]);
if (checked !== 0) console.error('npm test: astro check found problems (its report is above).');
process.exit(checked !== 0 || tested !== 0 ? 1 : 0);
