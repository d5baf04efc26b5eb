#!/usr/bin/env node
// Builds everything in order, stopping at the first failure:
//   wasm      scripts/build-wasm.mjs, when it exists (regenerates the embedded kernel if stale)
//   manifest  custom-elements.json for packages/elements (Storybook autodocs, IDEs, and
//             everything `generate` writes)
//   entries   packages/elements/package.json has a `sideEffects` entry and a subpath export
//             for every registration file src/**/cl-*.ts (scripts/package-entries.mjs)
//   generate  from the manifest: React JSX and Vue typings in packages/elements/dist/frameworks/,
//             the @classlens/react wrappers in packages/react/src/*.generated.ts
//   types     tsc -b (strict type check of every project + declarations)
//   check     type check of the browser tests, Storybook, the example generators and the
//             framework typings (test/frameworks/types: wrong props and handlers must fail)
//   bundles   rollup (ESM per module for core, elements and react + the CDN bundle)
// and, outside the default sequence:
//   core      rollup for core only (no type check), enough for Storybook to import it
//
//   node scripts/build.mjs                  wasm, manifest, entries, generate, types, check, bundles
//   node scripts/build.mjs wasm core        named steps only, in the order given
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate-frameworks.mjs';
import { checkPackageJson } from './package-entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const elements = join(root, 'packages/elements');
const manifest = join(elements, 'custom-elements.json');

const steps = {
  wasm: () =>
    existsSync(join(root, 'scripts/build-wasm.mjs')) ? run(process.execPath, ['scripts/build-wasm.mjs']) : 'skipped',
  types: () => run(bin('tsc'), ['-b']),
  check: () => {
    const configs = [
      'test/tsconfig.json',
      '.storybook/tsconfig.json',
      'examples/src/tsconfig.json',
      'test/frameworks/types/tsconfig.json',
    ].filter((f) => existsSync(join(root, f)));
    for (const config of configs) run(bin('tsc'), ['-p', config]);
    return configs.length ? `ok (${configs.join(', ')})` : 'skipped';
  },
  entries: () => {
    const problems = checkPackageJson();
    if (problems.length) {
      throw new Error(
        'packages/elements/package.json does not match the registration files (src/**/cl-*.ts):\n' +
          problems.map((p) => `  - ${p}\n`).join('') +
          '  Fix: node scripts/package-entries.mjs --write, then commit packages/elements/package.json',
      );
    }
  },
  generate: () => {
    const { elements, written } = generate();
    return `ok (${elements.map((e) => e.tag).join(', ')}: ${written.length} files)`;
  },
  bundles: () => run(bin('rollup'), ['-c', 'rollup.config.mjs']),
  core: () => run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent', '--environment', 'ONLY:core']),
  manifest: () => {
    run(
      bin('cem'),
      [
        'analyze',
        '--litelement',
        '--globs',
        'src/**/*.component.ts',
        'src/internal/base-element.ts',
        'src/internal/sankey/sankey-element.ts',
        'src/linked/linked.component.ts',
        '--outdir',
        '.',
        '--quiet',
      ],
      elements,
    );
    // Storybook's preview imports the manifest; never leave it missing.
    if (!existsSync(manifest)) {
      mkdirSync(elements, { recursive: true });
      writeFileSync(manifest, JSON.stringify({ schemaVersion: '1.0.0', readme: '', modules: [] }, null, 2) + '\n');
    }
  },
};

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    throw new Error(`\`${[cmd.replace(root + '/', ''), ...args].join(' ')}\` failed (${why})`);
  }
}

const requested = process.argv.slice(2);
for (const name of requested) {
  if (!(name in steps)) {
    console.error(`build: unknown step "${name}"; steps: ${Object.keys(steps).join(', ')}`);
    process.exit(2);
  }
}
const defaults = ['wasm', 'manifest', 'entries', 'generate', 'types', 'check', 'bundles'];
for (const name of requested.length ? requested : defaults) {
  const start = performance.now();
  try {
    const note = steps[name]();
    console.log(`build: ${name} ${note ?? 'ok'} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  } catch (err) {
    console.error(`build: ${name} failed: ${err.message}`);
    process.exit(1);
  }
}
