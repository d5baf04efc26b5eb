// Builds every package: ESM (one file per module, so consumers tree-shake) with
// declarations from `tsc -b`, plus one self-registering CDN bundle of all elements.
// Set ONLY=core (or ONLY=elements, ONLY=cdn, ONLY=react) to build one target.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { existsSync } from 'node:fs';

const only = process.env.ONLY;
const onwarn = (warning, warn) => {
  // Lit's compiled decorators reference `this` at the top level; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
};
const ts = (tsconfig) => esbuild({ target: 'es2022', tsconfig, sourceMap: true });

const core = {
  input: {
    index: 'packages/core/src/index.ts',
    // The module pool workers run (registers every area's tasks): not imported
    // statically, so an entry of its own; workers/internal/create-worker.js finds it at
    // `new URL('../../worker.js', import.meta.url)`.
    ...(existsSync('packages/core/src/worker.ts') ? { worker: 'packages/core/src/worker.ts' } : {}),
  },
  output: {
    dir: 'packages/core/dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'packages/core/src',
    sourcemap: true,
  },
  external: (id) => id.startsWith('node:'),
  plugins: [ts('packages/core/tsconfig.json')],
  onwarn,
};

// Worker modules the elements start with `new Worker(new URL('./x.js', import.meta.url))`:
// not imported statically, so they are entries of their own.
const elementWorkers = {
  'internal/projection/projection-worker': 'packages/elements/src/internal/projection/projection-worker.ts',
};

const elements = {
  input: {
    index: 'packages/elements/src/index.ts',
    ...Object.fromEntries(Object.entries(elementWorkers).filter(([, f]) => existsSync(f))),
  },
  output: {
    dir: 'packages/elements/dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'packages/elements/src',
    sourcemap: true,
  },
  // Dependencies stay bare imports for the consumer's bundler.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.includes('packages/'),
  plugins: [ts('packages/elements/tsconfig.json')],
  onwarn,
};

// In the single-file bundle, core's default worker URL (relative to
// workers/internal/create-worker.js) must name the core worker bundled beside classlens.js,
// so that the `…Async` functions run in workers there too.
const CDN_CORE_WORKER = 'classlens-worker.js';
export const cdnCoreWorkerUrl = {
  name: 'cdn-core-worker-url',
  transform(code, id) {
    if (!/packages[\\/]core[\\/](src|dist)[\\/]workers[\\/]internal[\\/]create-worker\.(ts|js)$/.test(id)) return null;
    const out = code.replace(
      /new URL\((['"])\.\.\/\.\.\/worker\.js\1, import\.meta\.url\)/g,
      `new URL('./${CDN_CORE_WORKER}', import.meta.url)`,
    );
    if (out === code) this.error("core's create-worker no longer names '../../worker.js': update rollup.config.mjs");
    return { code: out, map: null };
  },
};

const cdn = {
  input: 'packages/elements/src/cdn.ts',
  output: { file: 'packages/elements/dist/cdn/classlens.js', format: 'es', sourcemap: true },
  plugins: [
    cdnCoreWorkerUrl,
    nodeResolve({ browser: true, extensions: ['.ts', '.js', '.mjs'] }),
    commonjs({ strictRequires: false }),
    ts('packages/elements/tsconfig.json'),
    minify({ target: 'es2022' }),
  ],
  external: (id) => id.startsWith('node:'),
  onwarn,
};

// @classlens/react: the wrappers generated from the manifest (scripts/generate-frameworks.mjs),
// one module per element so that a bundler keeps only the elements an app renders.
const react = {
  input: 'packages/react/src/index.ts',
  output: {
    dir: 'packages/react/dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'packages/react/src',
    sourcemap: true,
  },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.includes('packages/'),
  plugins: [ts('packages/react/tsconfig.json')],
  onwarn,
};

// The CDN bundle's workers, self-contained beside it: the bundled
// `new URL('./projection-worker.js', import.meta.url)` resolves next to classlens.js.
const cdnWorkers = Object.entries(elementWorkers)
  .filter(([, f]) => existsSync(f))
  .map(([name, input]) => ({
    input,
    output: { file: `packages/elements/dist/cdn/${name.split('/').pop()}.js`, format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, extensions: ['.ts', '.js', '.mjs'] }),
      ts('packages/elements/tsconfig.json'),
      minify({ target: 'es2022' }),
    ],
    external: (id) => id.startsWith('node:'),
    onwarn,
  }));

// Core's worker, self-contained beside classlens.js (see cdnCoreWorkerUrl).
if (existsSync('packages/core/src/worker.ts')) {
  cdnWorkers.push({
    input: 'packages/core/src/worker.ts',
    output: { file: `packages/elements/dist/cdn/${CDN_CORE_WORKER}`, format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, extensions: ['.ts', '.js', '.mjs'] }),
      ts('packages/core/tsconfig.json'),
      minify({ target: 'es2022' }),
    ],
    external: (id) => id.startsWith('node:'),
    onwarn,
  });
}

const targets = { core, elements, cdn, react };
const selected = only ? only.split(',').map((k) => targets[k]) : Object.values(targets);
if (!only || only.split(',').includes('cdn')) selected.push(...cdnWorkers);
export default selected.filter(
  (c) => c && existsSync(Array.isArray(c.input) || typeof c.input === 'object' ? Object.values(c.input)[0] : c.input),
);
