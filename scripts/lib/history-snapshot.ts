/**
 * `history snapshot --at <date> --out <dir>`: the whole site as it stood at a
 * moment. The content and public files come from a temporary git worktree at
 * the last publication on the published branch at or before that moment; the
 * code building them is today's (scripts/build.ts --full), with “today” set to
 * that date. The worktree and the build cache are removed even on failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { HistoryError } from '../../src/lib/history/history-error.ts';
import { countAtOrBefore } from '../../src/lib/history/lookup.ts';
import { describeMoment, momentIso, formatInstantInVietnam, type Moment } from '../../src/lib/history/moments.ts';
import type { Locale } from '../../src/lib/locales.ts';
import { addWorktree, publications, removeWorktree } from './history-git.ts';

export interface SnapshotRequest {
  /** The repository whose history is read. */
  repo: string;
  /** The published branch. */
  ref: string;
  at: Moment;
  /** Where the site is written (emptied first). */
  out: string;
  /** The project whose code builds the site (this one). */
  projectRoot: string;
  locale: Locale;
  /** Progress goes here; a bar when it is a terminal, else one line per step. */
  progress: { write(text: string): unknown; isTTY?: boolean };
}

export interface SnapshotResult {
  commit: string;
  /** When that publication was made (committer time). */
  date: string;
  out: string;
  /** Wall-clock time of the whole snapshot, clean-up included. */
  milliseconds: number;
}

const steps = {
  vi: ['tạo worktree', 'dựng trang', 'lập chỉ mục tìm kiếm', 'dọn dẹp'],
  en: ['worktree', 'build', 'index', 'clean up'],
} as const;

/** A four-step progress display: cli-progress on a terminal, plain lines otherwise. */
function progressOf(request: SnapshotRequest) {
  const names = steps[request.locale];
  const started = Date.now();
  const bar = request.progress.isTTY
    ? new SingleBar({ format: 'snapshot {bar} {value}/{total} {step}', hideCursor: true, stream: request.progress as NodeJS.WriteStream }, Presets.shades_classic)
    : undefined;
  bar?.start(names.length, 0, { step: names[0] });
  let current = -1;
  return {
    step(n: number) {
      if (n <= current) return;
      current = n;
      if (bar) bar.update(n, { step: names[n] });
      else request.progress.write(`snapshot: [${n + 1}/${names.length}] ${names[n]} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    stop() {
      bar?.update(names.length, { step: request.locale === 'vi' ? 'xong' : 'done' });
      bar?.stop();
    },
  };
}

/** Refuses an output folder that holds anything but an earlier build, or that holds the project or the repository. */
async function checkOut(out: string, request: SnapshotRequest): Promise<void> {
  for (const precious of [request.projectRoot, request.repo]) {
    const rel = path.relative(out, path.resolve(precious));
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new HistoryError({
        vi: `Không thể ghi bản chụp vào ${out}: thư mục này chứa mã nguồn hoặc kho (sẽ bị xoá khi dựng). Chọn một thư mục trống khác.`,
        en: `Cannot write the snapshot into ${out}: it holds the project or the repository (a build empties it). Choose another, empty folder.`,
      });
    }
  }
  const names = await readdir(out).catch(() => [] as string[]);
  if (names.length > 0 && !names.includes('index.html')) {
    throw new HistoryError({
      vi: `Thư mục ${out} không trống và không phải bản dựng cũ (không có index.html); bản chụp sẽ xoá mọi thứ trong đó. Chọn một thư mục trống.`,
      en: `The folder ${out} is not empty and is not an earlier build (no index.html); a snapshot empties it. Choose an empty folder.`,
    });
  }
}

/** Runs the build, reporting the search-index step when it starts; the tail of its output goes into the error. */
function runBuild(request: SnapshotRequest, env: NodeJS.ProcessEnv, onIndex: () => void, started: (child: ChildProcess) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(request.projectRoot, 'scripts', 'build.ts'), '--full', '--out', request.out], {
      cwd: request.projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started(child);
    const tail: string[] = [];
    let pending = '';
    const read = (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('search index:')) onIndex();
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const said = [...tail, pending].join('\n').trim();
      reject(
        new HistoryError({
          vi: `Dựng bản chụp không thành công (${signal ?? `mã thoát ${code}`}); những dòng cuối của bản dựng ở dưới.`,
          en: `The snapshot build failed (${signal ?? `exit code ${code}`}). The build’s last lines:\n${said}`,
        }),
      );
    });
  });
}

/** Builds the site as it stood at `request.at` into `request.out`. */
export async function buildSnapshot(request: SnapshotRequest): Promise<SnapshotResult> {
  const begun = Date.now();
  const out = path.resolve(request.out);
  await checkOut(out, request);
  const list = await publications(request.repo, request.ref);
  const publication = list[countAtOrBefore(list, request.at.instant) - 1];
  if (!publication) {
    const first = list[0];
    throw new HistoryError({
      vi: `Vào ${describeMoment(request.at, 'vi')} nhánh ${request.ref} chưa có lần đăng nào${first ? ` (lần đầu: ${formatInstantInVietnam(first.date, 'vi')})` : ''}.`,
      en: `By ${describeMoment(request.at, 'en')} the branch ${request.ref} had no publication yet${first ? ` (the first: ${formatInstantInVietnam(first.date, 'en')})` : ''}.`,
    });
  }

  const work = await mkdtemp(path.join(tmpdir(), 'portal-snapshot-'));
  const worktree = path.join(work, 'site');
  const progress = progressOf(request);
  let child: ChildProcess | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    child?.kill('SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    progress.step(0);
    await addWorktree(request.repo, worktree, publication.commit);
    const content = path.join(worktree, 'content');
    if (!existsSync(content)) {
      throw new HistoryError({
        vi: `Commit ${publication.commit.slice(0, 7)} không có thư mục content/.`,
        en: `Commit ${publication.commit.slice(0, 7)} has no content/ folder.`,
      });
    }
    let publicDir = path.join(worktree, 'public');
    if (!existsSync(publicDir)) await mkdir((publicDir = path.join(work, 'public')));
    if (interrupted) throw new Error('interrupted');
    progress.step(1);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORTAL_CONTENT_DIR: content,
      PORTAL_PUBLIC_DIR: publicDir,
      PORTAL_CACHE_DIR: path.join(work, 'cache'),
      PORTAL_TODAY: request.at.day,
      // The exact moment, for what depends on the hour (scheduled entries).
      PORTAL_NOW: momentIso(request.at),
      // Page histories as they stood then: read from the worktree, at that publication.
      PORTAL_HISTORY_REPO: worktree,
      PORTAL_HISTORY_REF: publication.commit,
    };
    delete env.PORTAL_BUILD_MODE;
    await runBuild({ ...request, out }, env, () => progress.step(2), (c) => (child = c));
    progress.step(2);
  } catch (error) {
    if (interrupted) {
      throw new HistoryError({ vi: 'Đã dừng bản chụp theo yêu cầu; worktree tạm đã được dọn.', en: 'Snapshot stopped on request; the temporary worktree was removed.' });
    }
    throw error;
  } finally {
    progress.step(3);
    await removeWorktree(request.repo, worktree);
    await rm(work, { recursive: true, force: true });
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return { commit: publication.commit, date: publication.date, out, milliseconds: Date.now() - begun };
}
