/**
 * Every page the build writes, in both languages, and its stylesheets pass the Nu Html Checker
 * (vnu-jar, on the machine's Java) with no error and no warning. The pages are
 * checked as a reader's browser gets them: served over HTTP by a local server,
 * so that the pages' Content-Security-Policy is judged against their own
 * origin (checked as files, every stylesheet looks foreign to it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedBuildCache } from '../seed-build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-html-valid-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

/** Every HTML and CSS file of a built site, relative to it. */
function checkedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html') || name.endsWith('.css')) out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('the built site and the Nu Html Checker', () => {
  it('finds no error and no warning on any page, in either language, nor in the stylesheets', async () => {
    // Java is a prerequisite of the tests (README; .ci/run installs it): never skipped silently.
    expect(spawnSync('java', ['-version']).status, 'the Nu Html Checker needs Java: apt-get install default-jre-headless').toBe(0);
    const out = path.join(work, 'dist');
    const built = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], { encoding: 'utf8', env: { ...process.env, PORTAL_CACHE_DIR: seedBuildCache(path.join(work, 'cache')) } });
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    const files = checkedFiles(out);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    // Both languages and every kind of page: listings, entries, search, the CMS, the 404 page.
    for (const page of ['index.html', 'en/index.html', 'tim-kiem/index.html', 'en/search/index.html', 'admin/index.html', '404.html']) expect(files).toContain(page);
    expect(files.filter((f) => f.startsWith('en/')).length).toBeGreaterThan(30);

    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let file = path.join(out, decodeURIComponent(url.pathname));
      if (!file.startsWith(out)) return void response.writeHead(403).end();
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const urls = files.map((f) => `http://127.0.0.1:${port}/${f.replace(/(^|\/)index\.html$/, '$1')}`);
      const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
      // The checker refuses addresses on this machine unless told that they are meant.
      const run = await new Promise<{ stderr: string }>((resolve, reject) => {
        const child = spawn('java', ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', vnu, '--also-check-css', '--format', 'json', ...urls]);
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('error', reject);
        child.on('exit', () => resolve({ stderr }));
      });
      const messages = (JSON.parse(run.stderr) as { messages: { type: string; subType?: string; message: string; url: string; lastLine?: number }[] }).messages;
      expect(messages.map((m) => `${m.url.replace(`http://127.0.0.1:${port}`, '')}:${m.lastLine ?? ''}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`)).toEqual([]);
    } finally {
      server.close();
    }
  }, 300_000);
});
