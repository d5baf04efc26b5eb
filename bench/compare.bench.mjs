// compare area: filterItems, metricsHierarchy, chainPaths (and the flows area's crosstab)
// on n items × 3 models × 100 classes, side by side with peers in the same run:
// a "read the input" baseline (the target: each call under the cost of reading the input
// twice), d3-array's group/rollup, and numpy (Debian python3; skipped when absent).
//
//   node bench/compare.bench.mjs            n = 10^6 (the size; ~1–2 min)
//   node bench/compare.bench.mjs --quick    n = 10^5
//   node bench/compare.bench.mjs --full     n = 10^6, more runs
//
// Inputs come in the two forms the functions take: Int32Array class indices plus a
// `classes` list (read in place; the fast path) and plain arrays of string labels
// (encoded once per call). Each form has its own read baseline:
//   typed:  one row-wise pass summing every column (the cheapest possible read),
//   labels: one row-wise pass looking every label up in a Map (the least work that
//           turns a string label into a class).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as d3 from 'd3-array';
import { full, median, quick, rng, runPython, time, writeResult } from './lib.mjs';
import * as core from '../packages/core/dist/index.js';

const n = quick ? 100_000 : 1_000_000;
const m = 100;
const runs = full ? 11 : quick ? 5 : 7;
const slowRuns = 5; // d3 peers allocate per item; say so in the output
const random = rng(42);

// Truth uniform over m classes; model A right 80% of the time; B and C are later
// versions that keep 90% of the previous version's predictions (realistic chains).
const classes = Array.from({ length: m }, (_, j) => `class-${String(j).padStart(2, '0')}`);
const truth = new Int32Array(n);
for (let i = 0; i < n; i++) truth[i] = Math.floor(random() * m);
const versions = [];
let prev = null;
for (let k = 0; k < 3; k++) {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const keep = prev !== null && random() < 0.9;
    p[i] = keep ? prev[i] : random() < 0.8 ? truth[i] : Math.floor(random() * m);
  }
  versions.push(p);
  prev = p;
}
const [A, B, C] = versions;
const typed = { truth, preds: { A, B, C } };
const label = (a) => Array.from(a, (j) => classes[j]);
const labels = { truth: label(truth), preds: { A: label(A), B: label(B), C: label(C) } };

// ---------------------------------------------------------------- baselines
function readTyped() {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + truth[i] + A[i] + B[i] + C[i]) | 0;
  return s;
}
const classIndex = new Map(classes.map((c, j) => [c, j]));
function readLabels() {
  const t = labels.truth;
  const { A: a, B: b, C: c } = labels.preds;
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = (s + classIndex.get(t[i]) + classIndex.get(a[i]) + classIndex.get(b[i]) + classIndex.get(c[i])) | 0;
  }
  return s;
}
// Three columns (chainPaths reads the three versions) and two (crosstab: truth and A).
function readTyped3() {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + A[i] + B[i] + C[i]) | 0;
  return s;
}
function readLabels3() {
  const { A: a, B: b, C: c } = labels.preds;
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + classIndex.get(a[i]) + classIndex.get(b[i]) + classIndex.get(c[i])) | 0;
  return s;
}
function readTyped2() {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + truth[i] + A[i]) | 0;
  return s;
}
function readLabels2() {
  const t = labels.truth;
  const a = labels.preds.A;
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + classIndex.get(t[i]) + classIndex.get(a[i])) | 0;
  return s;
}

// Load on these shared machines drifts within seconds, so every timed call is paired
// with a read-twice baseline measured right before it, and the ratio is taken per pair.
async function paired(fn, readOnce, count, warmup = 3) {
  for (let w = 0; w < warmup; w++) {
    fn();
    readOnce();
  }
  const ms = [];
  const ratios = [];
  for (let r = 0; r < count; r++) {
    const t0 = performance.now();
    readOnce();
    readOnce();
    const t1 = performance.now();
    fn();
    const t2 = performance.now();
    ms.push(t2 - t1);
    ratios.push((t2 - t1) / (t1 - t0));
  }
  return { median: median(ms), ratio: median(ratios) };
}

const baseline = {
  typed: (await time(readTyped, { runs, warmup: 3 })).median,
  labels: (await time(readLabels, { runs, warmup: 3 })).median,
};

// ---------------------------------------------------------------- numpy peers
const dir = mkdtempSync(join(tmpdir(), 'classlens-bench-'));
for (const [name, a] of Object.entries({ truth, A, B, C }))
  writeFileSync(join(dir, `${name}.i32`), Buffer.from(a.buffer));
const py = runPython(`
import json, time, numpy as np
d = ${JSON.stringify(dir)}
t, A, B, C = (np.fromfile(f"{d}/{x}.i32", dtype=np.int32) for x in ("truth", "A", "B", "C"))
m = ${m}
def med(f, runs=${runs}):
    f()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter(); f(); ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts))
def filt():
    return np.flatnonzero((A == t) & (B != t))
def hier():
    code = (t.astype(np.int64) << 3) | ((A != t) << 2) | ((B != t) << 1) | (C != t)
    counts = np.bincount(code, minlength=m << 3)
    order = np.argsort(code, kind="stable")
    return counts, order
def chain():
    code = (A.astype(np.int64) * m + B) * m + C
    uniq, inv, counts = np.unique(code, return_inverse=True, return_counts=True)
    order = np.argsort(inv, kind="stable")
    return uniq, counts, order
def xtab():
    return np.bincount(t.astype(np.int64) * m + A, minlength=m * m).reshape(m, m)
print(json.dumps({"filterItems": med(filt), "metricsHierarchy": med(hier), "chainPaths": med(chain), "crosstab": med(xtab)}))
`);
rmSync(dir, { recursive: true, force: true });

// ---------------------------------------------------------------- d3-array peers
const items = Array.from({ length: n }, (_, i) => i);
const d3peers = {
  filterItems: () => items.filter((i) => A[i] === truth[i] && B[i] !== truth[i]),
  metricsHierarchy: () =>
    d3.group(
      items,
      (i) => truth[i],
      (i) => A[i] === truth[i],
      (i) => B[i] === truth[i],
      (i) => C[i] === truth[i],
    ),
  chainPaths: () => d3.groups(items, (i) => `${A[i]}|${B[i]}|${C[i]}`).sort((x, y) => y[1].length - x[1].length),
  crosstab: () =>
    d3.rollup(
      items,
      (v) => v.length,
      (i) => truth[i],
      (i) => A[i],
    ),
};

// ---------------------------------------------------------------- classlens
const query = { correct: { A: true, B: false } };
const ops = {
  filterItems: {
    typed: () => core.filterItems(typed.truth, typed.preds, query, { classes }),
    labels: () => core.filterItems(labels.truth, labels.preds, query),
    readTyped,
    readLabels,
  },
  metricsHierarchy: {
    typed: () => core.metricsHierarchy(typed.truth, typed.preds, { classes }),
    labels: () => core.metricsHierarchy(labels.truth, labels.preds),
    readTyped,
    readLabels,
  },
  chainPaths: {
    typed: () => core.chainPaths([A, B, C], { classes }),
    labels: () => core.chainPaths([labels.preds.A, labels.preds.B, labels.preds.C]),
    readTyped: readTyped3,
    readLabels: readLabels3,
  },
};
if (core.crosstab) {
  ops.crosstab = {
    typed: () => core.crosstab(truth, A),
    labels: () => core.crosstab(labels.truth, labels.preds.A),
    readTyped: readTyped2,
    readLabels: readLabels2,
  };
} else console.log('  (crosstab not exported by packages/core/dist: skipped)');

const ns = (ms) => (ms * 1e6) / n;
const results = {
  n,
  models: 3,
  classes: m,
  runs,
  baselineMs: baseline,
  note:
    'ratioToReadTwice = median over runs of (call time / time of reading the same input columns twice, measured ' +
    'just before the call); < 1 meets the target. ' +
    'typed = Int32Array class indices + classes; labels = string[] labels. ' +
    `d3-array peers: ${slowRuns} runs. Ratios to peers are peer / classlens (> 1: classlens faster).`,
  ops: {},
};
console.log(`  n = ${n}, 3 models, ${m} classes, medians of ${runs} runs (d3 peers: ${slowRuns})`);
console.log(
  `  read once, 4 columns: typed ${ns(baseline.typed).toFixed(2)} ns/item, labels ${ns(baseline.labels).toFixed(2)} ns/item`,
);
for (const [name, op] of Object.entries(ops)) {
  const t = await paired(op.typed, op.readTyped, runs);
  const l = await paired(op.labels, op.readLabels, Math.min(runs, 5), 1);
  const d = await time(d3peers[name], { runs: slowRuns });
  // Typed-array bytes one call allocates (results held, nothing collected in between):
  // the check behind "allocate O(items) at most once". JS arrays (chainPaths' number[]
  // indices) live on the heap and are not counted here.
  globalThis.gc?.();
  const before = process.memoryUsage().arrayBuffers;
  const held = op.typed();
  const allocated = process.memoryUsage().arrayBuffers - before;
  void held;
  const np = py ? py[name] : null;
  const row = {
    typed: {
      medianMs: t.median,
      nsPerItem: ns(t.median),
      ratioToReadTwice: t.ratio,
      typedArrayBytesPerItem: allocated / n,
    },
    labels: { medianMs: l.median, nsPerItem: ns(l.median), ratioToReadTwice: l.ratio },
    d3: { medianMs: d.median, nsPerItem: ns(d.median), ratio: d.median / t.median },
    numpy: np === null ? null : { medianMs: np, nsPerItem: ns(np), ratio: np / t.median },
  };
  results.ops[name] = row;
  console.log(`  ${name}`);
  console.log(
    `    typed   ${t.median.toFixed(1).padStart(8)} ms  ${row.typed.nsPerItem.toFixed(2).padStart(7)} ns/item  ` +
      `${t.ratio.toFixed(2)}× read-twice  ${(allocated / n).toFixed(2)} typed-array bytes/item allocated`,
  );
  console.log(
    `    labels  ${l.median.toFixed(1).padStart(8)} ms  ${row.labels.nsPerItem.toFixed(2).padStart(7)} ns/item  ` +
      `${l.ratio.toFixed(2)}× read-twice`,
  );
  console.log(`    d3-array${d.median.toFixed(1).padStart(8)} ms  (${row.d3.ratio.toFixed(1)}× classlens typed)`);
  if (np !== null)
    console.log(`    numpy   ${np.toFixed(1).padStart(8)} ms  (${row.numpy.ratio.toFixed(2)}× classlens typed)`);
}
writeResult('compare', results);
console.log(
  `  median of the typed ratios to read-twice: ${median(Object.values(results.ops).map((r) => r.typed.ratioToReadTwice)).toFixed(2)}`,
);
