/** What the tests of the GitHub tools share: running a script, and the roles file as an agency would have it. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

export interface ScriptResult {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs `node <script> …args` asynchronously — the fake GitHub server answers
 * from this very process, so a synchronous spawn would wait for itself.
 */
export async function runScript(script: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.resolve(script), ...args], { encoding: 'utf8', env: options.env ?? process.env, cwd: options.cwd });
    return { status: 0, stdout, stderr, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr, output: `${e.stdout}${e.stderr}` };
  }
}

/** The portal's roles file, as an agency would have it once its real people are in (not sample). */
export const realRoles = readFileSync('content/governance/roles.yml', 'utf8').replace(/^sample: true$/m, 'sample: false');

const people = (parse(realRoles) as { people: { login: string; roles: string[] }[] }).people;

/** The login of the first person holding `role` in the roles file. */
export function loginWithRole(role: string): string {
  return people.find((p) => p.roles.includes(role))!.login;
}
