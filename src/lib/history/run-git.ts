/** Runs one `git` process and collects what it printed (the history's only way to reach Git). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HistoryError } from './history-error.ts';

export interface GitOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/**
 * Variables that would point git at another repository than `cwd` (they are
 * set while a git hook runs, for example): never passed on.
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];

export function gitEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  for (const name of REPOSITORY_VARIABLES) delete clean[name];
  return clean;
}

/** `git <args>` in `cwd` (with `input` on its standard input). Resolves with its exit code; rejects only when git cannot be started. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnvironment(), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] }) as ReturnType<typeof spawn> & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
    if (input !== undefined) child.stdin!.end(input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new HistoryError(
            existsSync(cwd)
              ? {
                  vi: 'Không chạy được git: máy này chưa cài Git hoặc git không có trong PATH. Cài Git (https://git-scm.com) rồi chạy lại.',
                  en: 'Could not run git: Git is not installed on this machine or not on the PATH. Install Git (https://git-scm.com) and run again.',
                }
              : { vi: `Không có thư mục ${cwd}.`, en: `There is no folder ${cwd}.` },
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 }));
  });
}

/** `git <args>` that must succeed: its standard output as text, or a HistoryError quoting git. */
export async function gitText(cwd: string, args: readonly string[], failure: { vi: string; en: string }): Promise<string> {
  const result = await runGit(cwd, args);
  if (result.code !== 0) {
    const said = result.stderr.trim().split('\n').slice(-3).join(' ');
    throw new HistoryError({ vi: `${failure.vi} (git: ${said})`, en: `${failure.en} (git: ${said})` });
  }
  return result.stdout.toString('utf8');
}
