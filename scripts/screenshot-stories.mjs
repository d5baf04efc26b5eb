#!/usr/bin/env node
// Screenshots every Storybook story in headless Chromium, to look at all of them at once.
//
//   node scripts/screenshot-stories.mjs                 build storybook-static, then shoot
//   node scripts/screenshot-stories.mjs --no-build      reuse the existing storybook-static
//   node scripts/screenshot-stories.mjs --url http://localhost:6006   a running dev server
//
// Options: --out DIR (default .cache/screenshots), --filter TEXT|/REGEX/ (story ids),
// --theme light|dark|auto, --width N --height N, --full-page, --timeout MS (per story).
//
// Writes DIR/<story id>.png and DIR/summary.json; prints each story's console errors and
// page errors. Exits 1 if any story threw (page error or Storybook's error display).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'static-dir': { type: 'string', default: join(root, 'storybook-static') },
    out: { type: 'string', default: join(root, '.cache/screenshots') },
    filter: { type: 'string' },
    theme: { type: 'string' },
    width: { type: 'string', default: '1000' },
    height: { type: 'string', default: '700' },
    'full-page': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30000' },
    concurrency: { type: 'string', default: '2' },
  },
});
const timeout = Number(opts.timeout);

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(2);
}

// --- Where Storybook is served from ---------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** A static file server for storybook-static on a free port; resolves with its base URL. */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${server.address().port}` })),
  );
}

async function storybookBase() {
  if (opts.url) return { base: opts.url.replace(/\/$/, ''), close: () => {} };
  const dir = resolve(opts['static-dir']);
  if (!opts['no-build']) {
    console.log('screenshots: building Storybook (npm run build:storybook)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const extra = dir === join(root, 'storybook-static') ? [] : ['--', '-o', dir];
    const r = spawnSync(npm, ['run', '--silent', 'build:storybook', ...extra], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) fail('Storybook build failed');
  }
  if (!existsSync(join(dir, 'index.json'))) fail(`no ${join(dir, 'index.json')}; build Storybook or pass --url`);
  const { server, base } = await serveStatic(dir);
  return { base, close: () => server.close() };
}

// --- One story ------------------------------------------------------------------------

// Runs in the page: waits until Storybook has rendered (or shown its error display),
// every custom element in the story is defined and has finished its Lit update, no element
// reports `busy` (async work such as a projection in a worker), and two animation frames
// have passed so rAF-scheduled drawing (canvas, WebGL) is on screen.
/* global document, customElements, requestAnimationFrame -- settleInPage runs in the page */
async function settleInPage(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const body = document.body;
  while (!/sb-show-(main|errordisplay|nopreview)/.test(body.className)) {
    if (Date.now() > deadline) return { state: 'timeout', body: body.className };
    await new Promise((r) => setTimeout(r, 50));
  }
  if (body.classList.contains('sb-show-errordisplay')) {
    const text = document.querySelector('#error-message')?.textContent ?? '';
    const stack = document.querySelector('#error-stack')?.textContent ?? '';
    return { state: 'error', error: `${text}\n${stack}`.trim() };
  }
  const tags = new Set();
  const collect = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.includes('-')) tags.add(el.localName);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);
  const undefinedTags = [];
  await Promise.all(
    [...tags].map((tag) =>
      Promise.race([
        customElements.whenDefined(tag),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()))).then(() => undefinedTags.push(tag)),
      ]),
    ),
  );
  // Lit elements: wait for pending updates, a few rounds for children that update after parents.
  for (let round = 0; round < 3; round++) {
    const pending = [];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.updateComplete instanceof Promise) pending.push(el.updateComplete);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    await Promise.all(pending);
  }
  // Elements with async work (a t-SNE in a worker) say so with `busy`: wait it out, then
  // for the updates it triggers.
  const busy = () => {
    let any = false;
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.busy === true) any = true;
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return any;
  };
  while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const settled = [];
  const visitAll = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.updateComplete instanceof Promise) settled.push(el.updateComplete);
      if (el.shadowRoot) visitAll(el.shadowRoot);
    }
  };
  visitAll(document);
  await Promise.all(settled);
  if (document.fonts) await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  return { state: 'ok', undefinedTags };
}

async function shoot(context, base, entry) {
  const page = await context.newPage();
  const consoleErrors = [];
  const warnings = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    let text = msg.text();
    // Chromium's "Failed to load resource" names no URL; the message location does.
    if (text.startsWith('Failed to load resource') && msg.location()?.url) text += ` ${msg.location().url}`;
    // Chromium asks every origin for /favicon.ico on its own; not the story's doing.
    if (msg.location()?.url?.endsWith('/favicon.ico')) return;
    if (msg.type() === 'error') consoleErrors.push(text);
    else if (msg.type() === 'warning' && !text.startsWith('Lit is in dev mode')) warnings.push(text);
  });
  page.on('pageerror', (err) => pageErrors.push(err.stack ?? String(err)));
  const globals = opts.theme ? `&globals=theme:${encodeURIComponent(opts.theme)}` : '';
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story${globals}`;
  let result;
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    result = await page.evaluate(settleInPage, timeout);
    await page.screenshot({
      path: join(opts.out, `${entry.id}.png`),
      fullPage: opts['full-page'],
      animations: 'disabled',
    });
  } catch (err) {
    result = { state: 'failed', error: err.message };
  } finally {
    await page.close();
  }
  const threw = result.state !== 'ok' || pageErrors.length > 0;
  return {
    id: entry.id,
    title: entry.title,
    name: entry.name,
    url,
    ...result,
    threw,
    pageErrors,
    consoleErrors,
    warnings,
  };
}

/** A message and the first frames of its stack, indented (summary.json keeps all of it). */
function brief(text, frames = 3) {
  const lines = String(text).trim().split('\n');
  const head = lines.filter((l) => !/^\s+at /.test(l));
  const stack = lines.filter((l) => /^\s+at /.test(l)).slice(0, frames);
  return [...head.slice(0, 4), ...stack.map((l) => `  ${l.trim()}`)].join('\n         ');
}

// --- Main -----------------------------------------------------------------------------

const { base, close } = await storybookBase();
let exitCode = 0;
let browser;
try {
  const index = await fetch(`${base}/index.json`).then((r) => {
    if (!r.ok) throw new Error(`GET ${base}/index.json: ${r.status}`);
    return r.json();
  });
  const match = opts.filter
    ? opts.filter.startsWith('/') && opts.filter.endsWith('/') && opts.filter.length > 1
      ? (id) => new RegExp(opts.filter.slice(1, -1)).test(id)
      : (id) => id.includes(opts.filter)
    : () => true;
  const stories = Object.values(index.entries ?? index.stories ?? {}).filter(
    (e) => (e.type ?? 'story') === 'story' && match(e.id),
  );
  if (stories.length === 0) fail(`no stories${opts.filter ? ` match "${opts.filter}"` : ''} in ${base}/index.json`);

  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: Number(opts.width), height: Number(opts.height) },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });

  console.log(`screenshots: ${stories.length} stories from ${base} → ${opts.out}`);
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < stories.length) {
      const entry = stories[next++];
      const r = await shoot(context, base, entry);
      results.push(r);
      const mark = r.threw ? 'FAIL' : r.consoleErrors.length ? 'warn' : ' ok ';
      const lines = [`[${mark}] ${r.id}`];
      if (r.state !== 'ok') lines.push(`       ${r.state}: ${brief(r.error ?? r.body ?? '')}`);
      if (r.undefinedTags?.length) lines.push(`       never defined: ${r.undefinedTags.join(', ')}`);
      for (const e of r.pageErrors) lines.push(`       page error: ${brief(e)}`);
      for (const e of new Set(r.consoleErrors)) lines.push(`       console.error: ${brief(e)}`);
      for (const w of new Set(r.warnings)) lines.push(`       console.warn: ${brief(w)}`);
      console.log(lines.join('\n'));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(opts.concurrency)) }, worker));
  results.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(join(opts.out, 'summary.json'), JSON.stringify(results, null, 2) + '\n');
  const threw = results.filter((r) => r.threw).length;
  const noisy = results.filter((r) => !r.threw && r.consoleErrors.length).length;
  console.log(
    `screenshots: ${results.length - threw} rendered, ${threw} threw, ${noisy} logged console errors; summary in ${join(opts.out, 'summary.json')}`,
  );
  if (threw) exitCode = 1;
} finally {
  await browser?.close();
  close();
}
process.exit(exitCode);
