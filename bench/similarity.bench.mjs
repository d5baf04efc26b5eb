// similarity area: Pearson and Spearman class similarity and column ranking, side by side
// with numpy.corrcoef, scipy.stats.spearmanr and scipy.stats.rankdata (Debian python3,
// OpenBLAS with 2 threads; skipped with a note when absent) in the same run.
//
//   node bench/similarity.bench.mjs          20,000 × 500 (Pearson, Spearman), 40,000 × 500 (ranks); ~2 min
//   node bench/similarity.bench.mjs --quick  5,000 × 200, smoke run
//   node bench/similarity.bench.mjs --full   the sizes: 50,000 × 1,000 and 100,000 × 2,000 (ranks)
//
// Ours: the synchronous call with each kernel (wasm SIMD, the default, and scalar JS) and
// the async call on the default worker pool (min(cores, 4) = 2 workers here); for Pearson
// also the relaxed-SIMD build (fused multiply-add) that Chrome ≥ 114 and Node ≥ 22 load,
// measured in a child Node 20 started with --experimental-wasm-relaxed-simd. Accuracy:
// max |ours − numpy/SciPy| over the whole matrix (float64 peers). Times are medians; the
// slow peers (SciPy at the full sizes, our scalar JS kernel) get fewer runs, as printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { argv, full, python, quick, report, rng, runPython, time, writeResult } from './lib.mjs';
import * as core from '../packages/core/dist/index.js';
// Not yet re-exported from the package root (see docs/core/workers.md).
import { defaultWorkerPool } from '../packages/core/dist/workers/worker-pool.js';

const sizes = quick
  ? { corr: [5_000, 200], rank: [10_000, 200] }
  : full
    ? { corr: [50_000, 1_000], rank: [100_000, 2_000] }
    : { corr: [20_000, 500], rank: [40_000, 500] };
const runs = quick ? 3 : 5;
const slowRuns = full ? 3 : runs;
const dir = mkdtempSync(join(tmpdir(), 'classlens-bench-'));
const results = {
  sizes,
  runs,
  slowRuns,
  peers: python ? 'numpy/scipy via /usr/bin/python3' : 'skipped (no python)',
  // The machine is shared: a load average near 2 (2 cores) at the start means other work
  // was competing, which hurts the 2-worker and 2-thread (numpy) timings most.
  loadavgAtStart: loadavg(),
};
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${results.sizes.corr.join(' × ')})`,
);

/** Logit-like n × m scores: a shared per-sample factor plus noise (float64). */
function logits(n, m, seed) {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const w = Float64Array.from({ length: m }, gauss);
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const z = gauss();
    for (let j = 0; j < m; j++) data[i * m + j] = z * w[j] + 2 * gauss();
  }
  return { rows: n, cols: m, data };
}

function maxAbsDiff(a, b) {
  let d = 0;
  for (let k = 0; k < a.length; k++) {
    if (Number.isNaN(a[k]) !== Number.isNaN(b[k])) return Infinity;
    if (!Number.isNaN(a[k])) d = Math.max(d, Math.abs(a[k] - b[k]));
  }
  return d;
}

/** Times a Python expression over `x` (written to a file) and returns its median and result file. */
function peer(name, x, setup, call, nruns, save) {
  const file = join(dir, `${name}.f64`);
  const out = join(dir, `${name}.out.f64`);
  writeFileSync(file, new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
  const res = runPython(`
import json, time, warnings
import numpy as np, scipy.stats
warnings.simplefilter('ignore')
x = np.fromfile(${JSON.stringify(file)}, dtype=np.float64).reshape(${x.rows}, ${x.cols})
${setup}
ts = []
for _ in range(${nruns + 1}):
    t = time.perf_counter(); r = ${call}; ts.append((time.perf_counter() - t) * 1000)
ts = ts[1:]
np.asarray(${save}, dtype=np.float64).tofile(${JSON.stringify(out)})
print(json.dumps({'median': float(np.median(ts)), 'runs': ts}))
`);
  rmSync(file, { force: true });
  if (!res) return null;
  const bytes = readFileSync(out);
  rmSync(out, { force: true });
  return { ...res, result: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) };
}

async function ours(label, fn, nruns) {
  const t = await time(fn, { runs: nruns, warmup: 1 });
  return { label, median: t.median, runs: t.runs };
}

function line(r, peerMs, peerName) {
  const ratio = peerMs ? `${(r.median / peerMs).toFixed(2)}× ${peerName}` : '';
  report(r.label, r.median, ratio);
}

// The relaxed-SIMD build (fused multiply-add) runs where engines enable relaxed SIMD by
// default (Chrome ≥ 114, Node ≥ 22); Node 20 needs a flag, so a child process measures it.
if (argv.has('--relaxed-child')) {
  const [n, m] = sizes.corr;
  const x = logits(n, m, 1);
  const rows = [
    await ours('pearsonSimilarity (wasm relaxed SIMD, 1 thread)', () => core.pearsonSimilarity(x), runs),
    await ours('pearsonSimilarityAsync (relaxed SIMD, 2 workers)', () => core.pearsonSimilarityAsync(x), runs),
  ];
  defaultWorkerPool().close();
  console.log(JSON.stringify(rows));
  process.exit(0);
}

function relaxedRows() {
  const res = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--experimental-wasm-relaxed-simd',
      fileURLToPath(import.meta.url),
      '--relaxed-child',
      ...(full ? ['--full'] : []),
      ...(quick ? ['--quick'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (res.status !== 0) {
    console.error(`  (relaxed-SIMD child failed: ${res.stderr.trim().split('\n').at(-1)})`);
    return [];
  }
  return JSON.parse(res.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------- Pearson
{
  const [n, m] = sizes.corr;
  console.log(`\nPearson similarity, ${n} samples × ${m} classes (median of ${runs}; JS kernel ${slowRuns})`);
  const x = logits(n, m, 1);
  const np = peer('pearson', x, '', 'np.corrcoef(x, rowvar=False)', runs, 'r');
  let out;
  const rows = [
    await ours('pearsonSimilarity (wasm SIMD, 1 thread)', () => (out = core.pearsonSimilarity(x)), runs),
    await ours('pearsonSimilarityAsync (wasm, 2 workers)', () => core.pearsonSimilarityAsync(x), runs),
    await ours('pearsonSimilarity (scalar JS, 1 thread)', () => core.pearsonSimilarity(x, { backend: 'js' }), slowRuns),
  ];
  const asyncOut = await core.pearsonSimilarityAsync(x);
  const jsOut = core.pearsonSimilarity(x, { backend: 'js' });
  const relaxed = relaxedRows();
  if (np) report('numpy.corrcoef (OpenBLAS, 2 threads)', np.median);
  for (const r of [...rows, ...relaxed]) line(r, np?.median, 'numpy');
  const err = np
    ? {
        wasm: maxAbsDiff(out.data, np.result),
        async: maxAbsDiff(asyncOut.data, np.result),
        js: maxAbsDiff(jsOut.data, np.result),
      }
    : null;
  if (err)
    console.log(
      `  max |ours − numpy|: wasm ${err.wasm.toExponential(2)}, async ${err.async.toExponential(2)}, js ${err.js.toExponential(2)}`,
    );
  results.pearson = {
    n,
    m,
    numpy: np && { median: np.median, runs: np.runs },
    ours: rows,
    relaxedSimd: relaxed,
    maxAbsError: err,
  };
}

// ---------------------------------------------------------------- Spearman
{
  const [n, m] = sizes.corr;
  console.log(`\nSpearman similarity, ${n} samples × ${m} classes (median of ${runs}; SciPy ${slowRuns})`);
  const x = logits(n, m, 2);
  for (let i = 0; i < n; i++) x.data[i * m] = Math.round(x.data[i * m] * 4); // one column with ties
  const sp = peer('spearman', x, '', 'scipy.stats.spearmanr(x).statistic', slowRuns, 'r');
  let out;
  const rows = [
    await ours('spearmanSimilarity (wasm, 1 thread)', () => (out = core.spearmanSimilarity(x)), runs),
    await ours('spearmanSimilarityAsync (wasm, 2 workers)', () => core.spearmanSimilarityAsync(x), runs),
    await ours(
      'spearmanSimilarity (scalar JS, 1 thread)',
      () => core.spearmanSimilarity(x, { backend: 'js' }),
      slowRuns,
    ),
  ];
  const asyncOut = await core.spearmanSimilarityAsync(x);
  if (sp) report('scipy.stats.spearmanr', sp.median);
  for (const r of rows) line(r, sp?.median, 'SciPy');
  const err = sp ? { wasm: maxAbsDiff(out.data, sp.result), async: maxAbsDiff(asyncOut.data, sp.result) } : null;
  if (err) console.log(`  max |ours − SciPy|: wasm ${err.wasm.toExponential(2)}, async ${err.async.toExponential(2)}`);
  results.spearman = { n, m, scipy: sp && { median: sp.median, runs: sp.runs }, ours: rows, maxAbsError: err };
}

// ---------------------------------------------------------------- ranking
{
  const [n, m] = sizes.rank;
  console.log(`\nRanking alone, ${n} × ${m} (median of ${runs}; SciPy ${slowRuns})`);
  const x = logits(n, m, 3);
  for (let i = 0; i < n; i++) x.data[i * m + 1] = Math.round(x.data[i * m + 1]); // ties
  const rd = peer('rankdata', x, '', 'scipy.stats.rankdata(x, axis=0)', slowRuns, 'r[:, :8]');
  let out;
  const rows = [
    await ours('rankColumns (wasm, 1 thread)', () => (out = core.rankColumns(x)), runs),
    await ours('rankColumnsAsync (wasm, 2 workers)', () => core.rankColumnsAsync(x), runs),
    await ours('rankColumns (JS, 1 thread)', () => core.rankColumns(x, { backend: 'js' }), slowRuns),
  ];
  if (rd) report('scipy.stats.rankdata(axis=0)', rd.median);
  for (const r of rows) line(r, rd?.median, 'SciPy');
  let same = null;
  if (rd) {
    same = true;
    for (let i = 0; i < n && same; i++)
      for (let j = 0; j < 8; j++) if (out.data[i * m + j] !== rd.result[i * 8 + j]) same = false;
    console.log(`  ranks of the first 8 columns identical to SciPy: ${same}`);
  }
  results.rank = { n, m, scipy: rd && { median: rd.median, runs: rd.runs }, ours: rows, identicalToScipy: same };
}

defaultWorkerPool().close();
rmSync(dir, { recursive: true, force: true });
results.loadavgAtEnd = loadavg();
writeResult('similarity', results);
