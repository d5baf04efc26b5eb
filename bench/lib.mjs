// Shared benchmark harness. Benchmarks compare classlens with peers measured side by
// side in the same process run; absolute times drift on shared machines, ratios don't.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { mulberry32 } from '../packages/core/dist/index.js';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const argv = new Set(process.argv.slice(2));
/** `--quick`: small sizes (smoke run, used by CI-style checks); `--full`: the sizes. */
export const quick = argv.has('--quick');
export const full = argv.has('--full');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Times `fn` (sync or async) `runs` times after `warmup` runs; returns
 * `{ median, min, runs: [ms…] }` in milliseconds.
 */
export async function time(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts), runs: ts };
}

/** The Python with numpy/scipy/sklearn (Debian's), or `null` when absent. */
export const python = (() => {
  for (const p of ['/usr/bin/python3']) {
    if (!existsSync(p)) continue;
    const r = spawnSync(p, ['-c', 'import numpy, scipy, sklearn'], { stdio: 'ignore' });
    if (r.status === 0) return p;
  }
  return null;
})();

/**
 * Runs a Python snippet that prints one JSON object on its last stdout line; returns
 * it parsed, or `null` (with a note on stderr) when no suitable Python exists.
 */
export function runPython(code, { input } = {}) {
  if (!python) {
    console.error('  (python3 with numpy/scipy/sklearn not found: peer skipped)');
    return null;
  }
  const out = execFileSync(python, ['-c', code], {
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '2', OPENBLAS_NUM_THREADS: '2' },
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Writes `bench/results/<name>.json` with machine info and the results. */
export function writeResult(name, results) {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const doc = {
    name,
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    mode: quick ? 'quick' : full ? 'full' : 'default',
    // 1-, 5- and 15-minute load averages when the result was written: the machine is shared.
    loadavg: os.loadavg(),
    results,
  };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(doc, null, 2) + '\n');
  return doc;
}

/** Prints an aligned table row. */
export function report(label, ms, extra = '') {
  console.log(`  ${label.padEnd(48)} ${ms.toFixed(1).padStart(10)} ms ${extra}`);
}

/**
 * Seeded PRNG so every run benchmarks the same inputs: core's `mulberry32` (the one
 * generator of classlens, also used by the examples and tests), from the build that the
 * benchmarks measure.
 */
export function rng(seed = 1) {
  return mulberry32(seed);
}
