#!/usr/bin/env node
/* global document, customElements -- page.evaluate callbacks run in the browser */
// The docs run as written (`npm test` runs this after the build):
//   - every ```js run snippet runs in Node from the repository root;
//   - every ```html run snippet loads in Chromium without errors, and every classlens
//     element on it draws (no error state);
//   - no page tells a reader to install the unpublished packages from the registry or to
//     load them from a public CDN.
// ```tsx/```vue check snippets are type-checked by test/packaging/run.mjs, which has the
// outside project with React and Vue they need.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage } from '../packaging/lib/browser.mjs';
import { serve } from '../packaging/lib/server.mjs';
import { docFiles, fences, root } from './snippets.mjs';

const work = join(root, '.cache/docs-snippets');
mkdirSync(work, { recursive: true });
const failures = [];
const fail = (where, message) => failures.push(`${where}: ${message}`);
let count = 0;

// Things that do not exist while the packages are unpublished.
const FORBIDDEN = [
  [/npm (?:install|i|add)\s+(?:-\S+\s+)*@classlens\//, 'installs @classlens/* from the registry (not published)'],
  [/(?:yarn|pnpm) add\s+(?:-\S+\s+)*@classlens\//, 'installs @classlens/* from the registry (not published)'],
  [
    /https?:\/\/(?:unpkg\.com|cdn\.jsdelivr\.net|esm\.sh|esm\.run|cdn\.skypack\.dev|ga\.jspm\.io)\/[^\s)'"]*classlens/,
    'loads classlens from a public CDN (not published)',
  ],
];
for (const file of docFiles()) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [re, why] of FORBIDDEN) {
      if (re.test(line)) fail(`${file.slice(root.length + 1)}:${i + 1}`, `${why}: ${line.trim()}`);
    }
  });
}

const all = fences();
const marked = all.filter((s) => s.mode === 'run');
for (const s of marked) {
  if (!['js', 'mjs', 'html'].includes(s.lang)) fail(s.where, `\`run\` is for js and html snippets, not ${s.lang}`);
}

for (const s of marked.filter((x) => x.lang === 'js' || x.lang === 'mjs')) {
  count++;
  const file = join(work, `${s.id}.mjs`);
  writeFileSync(file, s.code);
  const r = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) fail(s.where, `node exited ${r.status ?? r.signal}\n${r.stderr || r.stdout}`);
}

const pages = marked.filter((x) => x.lang === 'html');
if (pages.length) {
  const browser = await launch();
  try {
    for (const s of pages) {
      count++;
      const file = join(work, `${s.id}.html`);
      writeFileSync(file, `<!doctype html>\n<meta charset="utf-8" />\n${s.code}`);
      const server = await serve({
        '/': join(root, 'examples/data'),
        '/__snippet.html': file,
        '/classlens.js': join(root, 'packages/elements/dist/cdn/classlens.js'),
      });
      const { page, errors, close } = await openPage(browser);
      try {
        await page.goto(`${server.url}/__snippet.html`);
        // Drawn: every cl-* element has a shadow root with an SVG or canvas and no error state.
        await page.waitForFunction(
          () => {
            const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('cl-'));
            return (
              els.length > 0 &&
              els.every((e) => customElements.get(e.localName) && e.shadowRoot?.querySelector('svg, canvas'))
            );
          },
          null,
          { timeout: 20_000 },
        );
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll('*')]
            .filter((e) => e.localName.startsWith('cl-') && e.shadowRoot?.querySelector('[part~="error"]'))
            .map((e) => `<${e.localName}>: ${e.shadowRoot.querySelector('[part~="error"]').textContent.trim()}`),
        );
        for (const b of broken) fail(s.where, `error state ${b}`);
      } catch (err) {
        fail(s.where, `${err.message.split('\n')[0]}`);
      } finally {
        for (const e of errors) fail(s.where, e);
        await close();
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}

const checks = all.filter((s) => s.mode === 'check').length;
if (failures.length) {
  console.error(`docs: ${failures.length} problem(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `docs: ${count} snippet(s) ran (${marked.length - pages.length} Node, ${pages.length} HTML); ` +
    `${checks} \`check\` snippet(s) are type-checked by test/packaging/run.mjs; no registry or CDN installs`,
);
