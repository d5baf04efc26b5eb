#!/usr/bin/env node
/* global document, window, customElements -- page.evaluate callbacks run in the browser */
// The packages as an outside project gets them (`npm test` runs this after the build):
//
//   1. pack    npm pack tarballs of core, elements and react (scripts/pack.mjs)
//   2. install one project in a temporary folder outside the repo: the tarballs plus React 19,
//              React 18 (npm aliases), Vue, Vite, TypeScript 5.9 and vue-tsc (project.json)
//   3. checks  node      core in Node, its worker pool included
//              bundles   esbuild and Vite production builds of `import '@classlens/elements'`
//                        and of every per-element subpath define every tag of the manifest;
//                        core + elements in one bundle draw a chart; the CDN file registers all
//              types     test/frameworks/types under tsc (React 19, React 18) and vue-tsc, and
//                        the docs' React and Vue snippets marked `check`
//              apps      test/frameworks/{react19,react18,vue}: type check, production build,
//                        then in Chromium: render, cl-select with detail.indices, selection kept
//                        across a parent re-render, update with new data, unmount, no console errors
//
//   node test/packaging/run.mjs [--keep] [--only node,bundles,types,apps]
//
// A check listed in KNOWN_DEFECTS reports PENDING instead of failing while the defect stands.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pack } from '../../scripts/pack.mjs';
import { snippets } from '../docs/snippets.mjs';
import { launch, openPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const here = join(root, 'test/packaging');
const frameworks = join(root, 'test/frameworks');

/**
 * Checks expected to fail until a defect outside this test is fixed: they report PENDING
 * with the reason instead of failing, and say so when they pass again.
 */
const KNOWN_DEFECTS = {
  // e.g. someCheck: 'issue N: what is wrong, in one line',
};

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',')
  : null;
const wanted = (group) => !only || only.includes(group);

const results = [];
let browser = null;
const started = performance.now();
const secs = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

/**
 * Runs one named check; a thrown error fails it, or marks it PENDING when `knownDefect`
 * (a key of KNOWN_DEFECTS) names the defect that makes it fail.
 */
async function check(group, name, fn, { knownDefect } = {}) {
  const t0 = performance.now();
  const why = knownDefect ? KNOWN_DEFECTS[knownDefect] : null;
  try {
    const note = await fn();
    results.push({
      group,
      name,
      status: 'ok',
      note: why ? `passes now: drop knownDefect "${knownDefect}" to make it a hard check` : note,
      s: secs(t0),
    });
  } catch (err) {
    results.push({
      group,
      name,
      status: why ? 'PENDING' : 'FAIL',
      note: why ? `known defect, ${why} (${err.message})` : err.message,
      s: secs(t0),
    });
  }
  const r = results.at(-1);
  console.log(`packaging: ${r.status.padEnd(7)} ${group} · ${name} (${r.s} s)${r.note ? ` — ${r.note}` : ''}`);
  return r.status === 'ok';
}

/** Runs a command; throws with its output when it fails. */
function run(cmd, cmdArgs, cwd, { env = {} } = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    throw new Error(`\`${[cmd, ...cmdArgs].join(' ')}\` in ${relative(root, cwd) || '.'} failed (${why})\n${output}`);
  }
  return output;
}

/** Like `run`, without blocking: for the type checks that run side by side. */
function runAsync(cmd, cmdArgs, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd, env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const why = signal ? `signal ${signal}` : `exit ${code}`;
        reject(
          new Error(`\`${[cmd, ...cmdArgs].join(' ')}\` in ${relative(root, cwd)} failed (${why})\n${output.trim()}`),
        );
      }
    });
  });
}

// ——— 1 + 2: pack and install ———

const project = mkdtempSync(join(tmpdir(), 'classlens-outside-'));
const bin = (name) => join(project, 'node_modules/.bin', name);
let tarballs = [];

const installed = await check('setup', 'pack and install the tarballs', () => {
  tarballs = pack(join(project, 'pack'));
  const template = JSON.parse(readFileSync(join(here, 'project.json'), 'utf8'));
  delete template['//'];
  for (const t of tarballs) template.dependencies[t.name] = `file:${t.file}`;
  writeFileSync(join(project, 'package.json'), JSON.stringify(template, null, 2) + '\n');
  // React 18 under an alias has a peer dependency on `react` that React 19 fills.
  writeFileSync(join(project, '.npmrc'), 'legacy-peer-deps=true\naudit=false\nfund=false\nupdate-notifier=false\n');
  run('npm', ['install', '--no-package-lock', '--loglevel=error'], project);
  const sizes = tarballs.map((t) => `${t.name.slice('@classlens/'.length)} ${(t.size / 1024).toFixed(0)} kB`);
  return `${sizes.join(', ')}; project in ${project}`;
});

if (!installed) await finish();

const manifest = JSON.parse(
  readFileSync(join(project, 'node_modules/@classlens/elements/custom-elements.json'), 'utf8'),
);
const tags = manifest.modules
  .flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName))
  .sort();
const subpaths = Object.keys(
  JSON.parse(readFileSync(join(project, 'node_modules/@classlens/elements/package.json'), 'utf8')).exports,
).filter((p) => /^\.\/[a-z0-9-]+\.js$/.test(p));

browser = wanted('bundles') || wanted('apps') ? await launch() : null;

/** Serves `dir` and returns the page after `ready` (a function run in the page) holds. */
async function visit(routes, path, ready, fn) {
  const server = await serve(routes);
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(server.url + path);
    await page.waitForFunction(ready, null, { timeout: 20_000 });
    return await fn(page, errors);
  } finally {
    await close();
    await server.close();
  }
}

/** Every tag of the manifest is defined on the page `path` of `routes`. */
async function allTagsDefined(routes, path, expected = tags) {
  return visit(
    routes,
    path,
    () => document.readyState === 'complete',
    async (page, errors) => {
      const missing = await page.evaluate((list) => list.filter((t) => !customElements.get(t)), expected);
      if (missing.length) throw new Error(`not defined after loading the bundle: ${missing.join(', ')}`);
      if (errors.length) throw new Error(errors.join('\n'));
      return `${expected.length} tag(s) defined`;
    },
  );
}

/** Copies a fixture page plus a bundle to `dir`. */
function pageWith(dir, bundleFile) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(here, 'fixtures/page.html'), join(dir, 'index.html'));
  cpSync(bundleFile, join(dir, 'bundle.js'));
  return dir;
}

function kB(file) {
  return `${(statSync(file).size / 1024).toFixed(0)} kB`;
}

function esbuild(entry, outfile) {
  const out = run(
    bin('esbuild'),
    [entry, '--bundle', '--format=esm', '--minify', '--target=es2022', `--outfile=${outfile}`, '--log-level=warning'],
    project,
  );
  // esbuild warns "Ignoring this import because … was marked as having no side effects".
  if (/side effects/i.test(out)) throw new Error(`esbuild dropped an import:\n${out}`);
  return outfile;
}

// ——— 3. checks ———

if (wanted('node')) {
  await check('node', 'core in Node (functions and worker pool)', () => {
    cpSync(join(here, 'fixtures/node-core.mjs'), join(project, 'node-core.mjs'));
    run(process.execPath, ['node-core.mjs'], project);
  });
}

if (wanted('bundles')) {
  const work = join(project, 'bundles');
  mkdirSync(work, { recursive: true });
  cpSync(join(here, 'fixtures/all.js'), join(work, 'all.js'));
  cpSync(join(here, 'fixtures/core-elements.js'), join(work, 'core-elements.js'));

  await check('bundles', "esbuild: import '@classlens/elements' defines every tag", async () => {
    const out = esbuild(join(work, 'all.js'), join(work, 'out/all.js'));
    const dir = pageWith(join(work, 'esbuild-all'), out);
    return `${await allTagsDefined({ '/': dir }, '/')}; ${kB(out)} minified`;
  });

  await check('bundles', "Vite production build: import '@classlens/elements' defines every tag", async () => {
    const app = join(work, 'vite-all');
    mkdirSync(app, { recursive: true });
    cpSync(join(here, 'fixtures/vite.html'), join(app, 'index.html'));
    cpSync(join(here, 'fixtures/all.js'), join(app, 'main.js'));
    run(bin('vite'), ['build', '--logLevel', 'warn'], app);
    return `${await allTagsDefined({ '/': join(app, 'dist') }, '/')}; ${(bundleBytes(join(app, 'dist')) / 1024).toFixed(0)} kB of JS`;
  });

  await check('bundles', 'esbuild: each per-element subpath defines its tag', async () => {
    if (subpaths.length !== tags.length) {
      throw new Error(`${subpaths.length} per-element exports for ${tags.length} tags: ${subpaths.join(', ')}`);
    }
    const sizes = [];
    for (const sub of subpaths) {
      const name = sub.slice(2, -3);
      const entry = join(work, `one-${name}.js`);
      writeFileSync(entry, `import '@classlens/elements/${name}.js';\n`);
      const out = esbuild(entry, join(work, `out/one-${name}.js`));
      const dir = pageWith(join(work, `esbuild-${name}`), out);
      await allTagsDefined({ '/': dir }, '/', [`cl-${name}`]);
      sizes.push(`${name} ${kB(out)}`);
    }
    return `minified: ${sizes.join(', ')}`;
  });

  await check('bundles', 'core + elements in one browser bundle draw a chart', async () => {
    const dir = pageWith(
      join(work, 'esbuild-core'),
      esbuild(join(work, 'core-elements.js'), join(work, 'out/core.js')),
    );
    return visit(
      { '/': dir },
      '/',
      () => window.__result !== undefined,
      async (page, errors) => {
        const r = await page.evaluate(() => window.__result);
        if (JSON.stringify(r.counts) !== '[[1,1],[0,1]]')
          throw new Error(`crosstab counts ${JSON.stringify(r.counts)}`);
        if (!(r.nodes === 4 && r.drawn === 4))
          throw new Error(`flow graph nodes ${r.nodes}, drawn ${r.drawn}; expected 4`);
        if (errors.length) throw new Error(errors.join('\n'));
      },
    );
  });

  await check('bundles', 'the CDN file, copied as it is, defines every tag', async () => {
    const dir = join(work, 'cdn');
    mkdirSync(dir, { recursive: true });
    cpSync(join(here, 'fixtures/page.html'), join(dir, 'index.html'));
    cpSync(join(project, 'node_modules/@classlens/elements/dist/cdn/classlens.js'), join(dir, 'bundle.js'));
    return allTagsDefined({ '/': dir }, '/');
  });
}

// The apps and type tests are copied into the project beside its node_modules.
const apps = join(project, 'apps');
if (wanted('types') || wanted('apps')) {
  cpSync(frameworks, apps, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
}

const APPS = [
  { name: 'react19', label: 'React 19 (tags in JSX)', tool: 'tsc' },
  { name: 'react18', label: 'React 18 (@classlens/react)', tool: 'tsc' },
  { name: 'vue', label: 'Vue 3 (Vite SFC)', tool: 'vue-tsc' },
];

// Type checks are the slow part (a TypeScript 5.9 program each): they run two at a time.
const typeJobs = [];
if (wanted('types')) {
  const types = join(apps, 'types');
  const write = (name, text) => writeFileSync(join(types, name), text);
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    types: [],
  };
  const react18 = {
    ...compilerOptions,
    paths: {
      react: ['../../node_modules/@types/react18'],
      'react/*': ['../../node_modules/@types/react18/*'],
      'react-dom': ['../../node_modules/@types/react-dom18'],
      'react-dom/*': ['../../node_modules/@types/react-dom18/*'],
    },
  };
  const vue = { ...compilerOptions, jsx: 'preserve' };

  // The docs' React and Vue snippets join the program of their target, as files of their own.
  const docs = snippets().filter((x) => x.mode === 'check');
  const byTarget = { react19: [], react18: [], vue: [] };
  for (const x of docs) {
    const target = x.target ?? (x.lang === 'vue' ? 'vue' : 'react19');
    if (!byTarget[target]) throw new Error(`${x.where}: unknown check target "${target}"`);
    const file = `docs-${x.id}.${x.lang}`;
    write(file, x.code);
    byTarget[target].push(file);
  }
  const docsNote = (target) => (byTarget[target].length ? ` + ${byTarget[target].length} docs snippet(s)` : '');

  // The generated .d.ts files as .ts (skipLibCheck skips .d.ts), imports pointed at the package.
  const dist = '../../node_modules/@classlens/elements/dist/';
  for (const name of ['react-jsx', 'vue']) {
    const text = readFileSync(join(project, `node_modules/@classlens/elements/dist/frameworks/${name}.d.ts`), 'utf8');
    write(`generated-${name}.ts`, text.replace(/from '\.\.\//g, `from '${dist}`));
  }
  write('vue-env.d.ts', '/// <reference types="@classlens/elements/vue" />\n');
  const program = (name, options, files) =>
    write(`tsconfig.${name}.json`, JSON.stringify({ compilerOptions: options, files }, null, 2));
  program('react19', compilerOptions, ['react-jsx.tsx', 'react-wrappers.tsx', ...byTarget.react19]);
  program('react18', react18, ['react-wrappers.tsx', ...byTarget.react18]);
  program('vue', vue, ['vue-env.d.ts', 'vue.vue', ...byTarget.vue]);
  program('generated', { ...compilerOptions, isolatedModules: false }, ['generated-react-jsx.ts', 'generated-vue.ts']);

  const docsWhere = docs.map((x) => `docs-${x.id}: ${x.where}`).join('\n');
  const job = (name, tool, config) =>
    typeJobs.push({
      group: 'types',
      name,
      run: async () => {
        try {
          await runAsync(bin(tool), ['-p', config], types);
        } catch (err) {
          throw new Error(`${err.message}${/docs-/.test(err.message) ? `\n(docs snippets:\n${docsWhere})` : ''}`);
        }
      },
    });
  job(
    `React 19 JSX typings and wrappers, tsc 5.9 + @types/react 19${docsNote('react19')}`,
    'tsc',
    'tsconfig.react19.json',
  );
  job(`wrappers with React 18's types${docsNote('react18')}`, 'tsc', 'tsconfig.react18.json');
  job(`Vue typings, vue-tsc${docsNote('vue')}`, 'vue-tsc', 'tsconfig.vue.json');
  job('the generated typings compile', 'tsc', 'tsconfig.generated.json');
  if (!docs.length)
    typeJobs.push({
      group: 'types',
      name: 'docs snippets',
      run: () => Promise.reject(new Error('no docs snippet is marked `check`')),
    });
}
if (wanted('apps')) {
  for (const app of APPS) {
    typeJobs.push({
      group: `apps/${app.name}`,
      name: `${app.label}: type check`,
      run: () => runAsync(bin(app.tool), ['-p', 'tsconfig.json'], join(apps, app.name)),
    });
  }
}
{
  const queue = [...typeJobs];
  const worker = async () => {
    for (let j = queue.shift(); j; j = queue.shift()) await check(j.group, j.name, j.run);
  };
  await Promise.all([worker(), worker()]);
}

if (wanted('apps')) {
  for (const app of APPS) {
    const dir = join(apps, app.name);
    const built = await check(`apps/${app.name}`, `${app.label}: production build`, () => {
      run(bin('vite'), ['build'], dir);
      return `${(bundleBytes(join(dir, 'dist')) / 1024).toFixed(0)} kB of JS`;
    });
    if (built) await exercise(app, join(dir, 'dist'));
  }
}

function bundleBytes(dist) {
  const out = run('find', [dist, '-name', '*.js', '-printf', '%s\\n'], dist);
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((s, n) => s + Number(n), 0);
}

/** The browser scenario every app supports (same buttons, same element id). */
async function exercise(app, dist) {
  const server = await serve({ '/': dist });
  const { page, errors, close } = await openPage(browser);
  const group = `apps/${app.name}`;
  const flow = page.locator('#flow');
  // The selection shows as emphasis: marks off the selected path are dimmed. Read only
  // when no mark is hovered or focused (those emphasise too).
  const selectionShown = () => flow.evaluate((el) => el.shadowRoot.querySelectorAll('.is-dim, .is-active').length > 0);
  const calm = async () => {
    await page.mouse.move(1, 1);
    await page.locator('#status').click();
    await flow.evaluate((el) => el.updateComplete);
  };
  const rendered = (el) => {
    const g = el.flowGraph;
    return !!g && g.nodes.length > 0 && el.shadowRoot.querySelectorAll('rect[part~="node"]').length === g.nodes.length;
  };
  try {
    const ok = await check(group, `${app.label}: renders`, async () => {
      await page.goto(server.url + '/');
      await page.waitForFunction(
        () => {
          const el = document.querySelector('#flow');
          const g = el?.flowGraph;
          return (
            !!g && el.shadowRoot.querySelectorAll('rect[part~="node"]').length === g.nodes.length && g.nodes.length > 0
          );
        },
        null,
        { timeout: 20_000 },
      );
      const keys = await flow.evaluate((el) => [...new Set(el.flowGraph.nodes.map((n) => String(n.key)))].sort());
      if (keys.join() !== 'bird,cat,dog') throw new Error(`drawn keys ${keys}`);
      if (await selectionShown()) throw new Error('emphasis shown before anything was selected');
    });
    if (!ok) return;

    await check(group, `${app.label}: cl-select reaches the app with detail.indices`, async () => {
      await flow.locator('rect[part~="node"]').first().click();
      await calm();
      await page.waitForFunction(() => (window.__clEvents ?? []).length > 0, null, { timeout: 10_000 });
      const events = await page.evaluate(() => window.__clEvents);
      if (events.length !== 1) throw new Error(`${events.length} cl-select events for one click`);
      const e = events[0];
      if (!e.typed) throw new Error('detail.indices is not a Uint32Array');
      if (e.kind !== 'node' || e.value < 1 || e.indices.length !== e.value) {
        throw new Error(`detail ${JSON.stringify({ ...e, indices: e.indices.length })}`);
      }
      // The indices are exactly the items with the node's key in its stage.
      const expected = await flow.evaluate(
        (el, { stage, key }) => [...el.stages[stage]].flatMap((k, i) => (String(k) === String(key) ? [i] : [])),
        { stage: e.stage, key: e.keys[0] },
      );
      if (expected.join() !== e.indices.join()) {
        throw new Error(`indices ${e.indices.slice(0, 8)}… are not the ${expected.length} items with key ${e.keys[0]}`);
      }
      const status = await page.locator('#status').textContent();
      if (!status?.startsWith(`selected ${e.value} `)) throw new Error(`app state shows "${status}"`);
      if (!(await selectionShown())) throw new Error('the selection is not drawn');
      return `${e.value} indices`;
    });

    await check(group, `${app.label}: selection kept across a parent re-render`, async () => {
      await page.locator('#rerender').click();
      await page.waitForFunction(() => document.querySelector('#flow')?.getAttribute('data-renders') === '1', null, {
        timeout: 10_000,
      });
      await calm();
      if (!(await selectionShown())) throw new Error('selection cleared by a re-render with the same (memoised) data');
    });

    await check(group, `${app.label}: selection kept when the same data arrives in new arrays`, async () => {
      await page.locator('#refetch').click();
      await calm();
      await page.waitForFunction(rendered, await flow.elementHandle(), { timeout: 10_000 });
      if (!(await selectionShown())) throw new Error('selection cleared by equal data in new arrays');
    });

    await check(group, `${app.label}: update with new data`, async () => {
      await page.locator('#update').click();
      await page.waitForFunction(
        (el) => !!el.flowGraph && el.flowGraph.nodes.some((n) => n.key === 'fish'),
        await flow.elementHandle(),
        { timeout: 10_000 },
      );
      await page.waitForFunction(rendered, await flow.elementHandle(), { timeout: 10_000 });
      const n = await flow.evaluate((el) => el.flowGraph.nodes.length);
      if (n !== 8) throw new Error(`${n} nodes after the update; expected 8 (4 classes × 2 stages)`);
    });

    await check(group, `${app.label}: unmount without console errors`, async () => {
      await page.locator('#unmount').click();
      await page.waitForFunction(() => !document.querySelector('cl-flow-sankey'), null, { timeout: 10_000 });
      await page.waitForTimeout(100);
      if (errors.length) throw new Error(errors.join('\n'));
    });
  } finally {
    await close();
    await server.close();
  }
}

finish();

async function finish() {
  await browser?.close();
  const failed = results.filter((r) => r.status === 'FAIL');
  const pending = results.filter((r) => r.status === 'PENDING');
  const passed = results.filter((r) => r.status === 'ok');
  console.log(
    `packaging: ${passed.length} passed, ${failed.length} failed, ${pending.length} pending (known defects) in ${secs(started)} s`,
  );
  for (const r of pending) console.log(`packaging: PENDING ${r.group} · ${r.name}`);
  if (keep) console.log(`packaging: kept ${project}`);
  else rmSync(project, { recursive: true, force: true });
  if (failed.length) {
    for (const r of failed) console.error(`packaging: FAIL ${r.group} · ${r.name}\n${r.note}\n`);
    process.exit(1);
  }
  process.exit(0);
}
