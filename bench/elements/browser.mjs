// Shared harness for element benchmarks in headless Chromium (the same Debian Chromium the
// tests use). `runInBrowser(entry, options)` bundles a TypeScript/JS entry for the browser
// with esbuild (elements, core and their dependencies, legacy decorators as in the
// elements' tsconfig), serves it with the repository's example data on localhost, loads it
// in a fresh page of the given size, awaits `window.bench(params)` and returns its JSON.
//
// The entry defines `window.bench = async (params) => result`. Inside, time with
// `performance.now()` and end every timing with something that proves the pixels exist
// (a layout read, `getImageData`, or `readPixels`), since "rendered" callbacks can come
// long before the pixels do. Helpers for that are in bench/elements/page-helpers.ts.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium-path.mjs';
import { benchDir } from '../lib.mjs';

const root = join(benchDir, '..');

/**
 * Bundles `entry` (repo-relative) for the browser; returns the JS text. `nodePaths`:
 * extra directories to resolve packages from (e.g. peers installed outside the workspace).
 */
export async function bundle(entry, { nodePaths = [] } = {}) {
  const out = await build({
    nodePaths: nodePaths.map((d) => join(root, d)),
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['source'],
    tsconfig: join(root, 'packages/elements/tsconfig.json'),
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

/**
 * Runs `entry`'s `window.bench(params)` in headless Chromium and returns its result.
 * Options: `params` (JSON passed to bench), `width`/`height` of the viewport (default
 * 1200 × 800), `args` (extra Chromium flags, e.g. '--enable-unsafe-swiftshader'),
 * `timeout` in ms (default 10 min), `nodePaths` (see {@link bundle}), `assets` (URL path →
 * repo-relative entry, each bundled and served too: worker modules, e.g.
 * `{ '/projection-worker.js': 'packages/elements/src/internal/projection/projection-worker.ts' }`),
 * `onConsole` (called with each console message of the page), `threadTime` (default false):
 * expose `window.__benchThreadTime()` to the page — the page main thread's CPU time in ms
 * (CDP `Performance` metrics in the thread-ticks domain), which, unlike wall time, counts
 * neither idle time nor the time other processes take on a loaded machine; read it with
 * `mainThreadMs()` from page-helpers.ts. `cpuProfile` (default false): expose
 * `window.__benchProfile(start: boolean)` — V8's sampling profiler of the page (CDP
 * `Profiler`), started with `true` and stopped with `false`, which returns the self time
 * per function (`{ name, url, line, selfMs }[]`, largest first); see `profile()` in
 * page-helpers.ts.
 */
export async function runInBrowser(
  entry,
  {
    params = {},
    width = 1200,
    height = 800,
    args = [],
    timeout = 600_000,
    nodePaths = [],
    assets = {},
    onConsole,
    threadTime = false,
    cpuProfile = false,
  } = {},
) {
  const js = await bundle(entry, { nodePaths });
  const served = new Map();
  for (const [path, file] of Object.entries(assets)) served.set(path, await bundle(file, { nodePaths }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0}</style></head>
        <body><script type="module" src="/bench.js"></script></body></html>`);
      return;
    }
    if (url.pathname === '/bench.js' || served.has(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(url.pathname === '/bench.js' ? js : served.get(url.pathname));
      return;
    }
    // Example data, as Storybook serves it: /data/<file> → examples/data/<file>.
    if (url.pathname.startsWith('/data/')) {
      const file = normalize(join(root, 'examples/data', decodeURIComponent(url.pathname.slice(6))));
      if (file.startsWith(join(root, 'examples/data') + sep) && existsSync(file)) {
        res.writeHead(200);
        res.end(readFileSync(file));
        return;
      }
    }
    // The browser asks for a favicon on every page: answer it, so no page logs a 404.
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    if (threadTime) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await page.exposeFunction('__benchThreadTime', async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return 1000 * (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
      });
    }
    if (cpuProfile) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.exposeFunction('__benchProfile', async (start) => {
        if (start) {
          await cdp.send('Profiler.start');
          return null;
        }
        const { profile } = await cdp.send('Profiler.stop');
        return selfTimes(profile);
      });
    }
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      onConsole?.(m.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof globalThis.bench === 'function', null, { timeout: 60_000 });
    const result = await page.evaluate(async (p) => globalThis.bench(p), params, { timeout });
    if (errors.length) result.pageErrors = errors;
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

/** Self time per function of a CDP CPU profile, largest first (idle and program excluded). */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self.entries()]
    .filter(([k]) => !/^\((idle|program)\)/.test(k))
    .map(([key, ms]) => ({ key, selfMs: Number(ms.toFixed(2)) }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

/** The machine's load (1-minute average and cores), to record beside timings. */
export function machineLoad() {
  return { loadavg1: Number(os.loadavg()[0].toFixed(2)), cpus: os.cpus().length };
}
