/**
 * Could the content check's MDX parser run in the CMS page on GitHub Pages?
 * satteri's browser build (@bruits/satteri-wasm32-wasi) creates a shared
 * WebAssembly.Memory (initial 4000 pages, maximum 65536) and hands it to Web
 * Workers. GitHub Pages cannot send the Cross-Origin-Opener-Policy and
 * Cross-Origin-Embedder-Policy headers that make a page cross-origin
 * isolated. This records what Debian's Chromium does with such a page, with
 * and without those headers (docs/cms.md, “Where text errors show”): the
 * choice for production (the pull request's content check, shown in the CMS
 * as a preview link) rests on it, and this test fails if the platform changes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';

const workerScript = `onmessage = (e) => { postMessage(e.data instanceof WebAssembly.Memory ? 'memory received' : 'something else'); };`;

let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const isolated = req.url?.startsWith('/isolated/');
    const headers: Record<string, string> = isolated ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
    if (req.url?.endsWith('worker.js')) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(workerScript);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>probe</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** What the page at `path` can do: the steps satteri's browser loader takes. */
async function probe(path: string) {
  const page = await browser.newPage();
  await page.goto(`${base}${path}`);
  const found = await page.evaluate(async () => {
    const result: Record<string, unknown> = { crossOriginIsolated: globalThis.crossOriginIsolated, sharedArrayBuffer: typeof SharedArrayBuffer };
    try {
      const small = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
      result.smallMemory = small.buffer.constructor.name;
    } catch (error) {
      result.smallMemory = `refused: ${String(error)}`;
    }
    try {
      // As satteri's loader asks for it.
      const memory = new WebAssembly.Memory({ initial: 4000, maximum: 65536, shared: true });
      result.loaderMemory = memory.buffer.constructor.name;
      const worker = new Worker('worker.js');
      result.toWorker = await new Promise((resolve) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = () => resolve('worker failed');
        try {
          worker.postMessage(memory);
        } catch (error) {
          resolve(`refused: ${String(error)}`);
        }
      });
      worker.terminate();
    } catch (error) {
      result.loaderMemory = `refused: ${String(error)}`;
    }
    return result;
  });
  await page.close();
  return found;
}

describe('shared WebAssembly memory in Chromium', () => {
  it('cannot be handed to a worker on a page served without COOP/COEP (as GitHub Pages serves the CMS)', async () => {
    const found = await probe('/plain/');
    // The page is not isolated, and SharedArrayBuffer is not even a name on it.
    expect(found.crossOriginIsolated).toBe(false);
    expect(found.sharedArrayBuffer).toBe('undefined');
    // Chromium still makes the shared memory, the loader's size included…
    expect(found.smallMemory).toBe('SharedArrayBuffer');
    expect(found.loaderMemory).toBe('SharedArrayBuffer');
    // …but refuses to hand it to a worker, which is what the loader does with it.
    expect(found.toWorker).toBe("refused: DataCloneError: Failed to execute 'postMessage' on 'Worker': SharedArrayBuffer transfer requires self.crossOriginIsolated.");
  });

  it('works on a page served with them (which GitHub Pages cannot do)', async () => {
    const found = await probe('/isolated/');
    expect(found).toEqual({
      crossOriginIsolated: true,
      sharedArrayBuffer: 'function',
      smallMemory: 'SharedArrayBuffer',
      loaderMemory: 'SharedArrayBuffer',
      toWorker: 'memory received',
    });
  });
});
