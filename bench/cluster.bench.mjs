// Hierarchical clustering and fuzzy c-means against their peers, side by side in one run:
//   hclust (complete, …)        vs scipy.cluster.hierarchy.linkage (NN-chain / MST, C)
//   hclust (complete)           vs npm ml-hclust agnes (Θ(n³), rebuilds the matrix per merge)
//   optimal leaf ordering       vs scipy.cluster.hierarchy.optimal_leaf_ordering
//   copheneticCorrelation       vs scipy.cluster.hierarchy.cophenet
//   fuzzyCMeans                 vs the same update equations vectorised in numpy
// plus the bytes hclust allocates relative to one condensed matrix (n(n − 1)/2 × 8 bytes).
//
// Default: 5,000 classes for complete linkage (the row), 2,000 for the other
// linkages, ml-hclust at 1,000 (one run: it takes seconds). --full: every linkage at
// 5,000 and ml-hclust at 2,000 (the row; one run of ~20–60 s). --quick: small.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agnes } from 'ml-hclust';
import { copheneticCorrelation, fuzzyCMeans, hclust, optimalLeafOrdering } from '../packages/core/dist/index.js';
import { full, median, python, quick, report, rng, runPython, time, writeResult } from './lib.mjs';

const N_BIG = quick ? 800 : 5000;
const N_OTHER = quick ? 500 : full ? 5000 : 2000;
const N_ML = quick ? 300 : full ? 2000 : 1000;
const N_OLO = quick ? 200 : full ? 1500 : 800;
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'classlens-cluster-'));
const results = [];

/** Condensed Euclidean distances of n seeded random points in 20 dimensions. */
function distances(n, seed = 1, dim = 20) {
  const r = rng(seed);
  const X = new Float64Array(n * dim).map(() => r());
  const y = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < dim; c++) {
        const t = X[i * dim + c] - X[j * dim + c];
        s += t * t;
      }
      y[k++] = Math.sqrt(s);
    }
  }
  return y;
}

function save(name, array) {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  return path;
}

function ratioText(ours, peer) {
  if (!peer) return '';
  const r = peer / ours;
  return r >= 1 ? `${r.toFixed(2)}× faster than the peer` : `${(1 / r).toFixed(2)}× slower than the peer`;
}

/**
 * One timed scipy linkage on the condensed file (after one untimed run in the same
 * process, so page faults and imports are not timed); writes its Z for checking.
 */
function scipyLinkageOnce(path, method) {
  return runPython(`
import json, time, numpy as np
from scipy.cluster.hierarchy import linkage
y = np.fromfile(${JSON.stringify(path)}, dtype=np.float64)
linkage(y, ${JSON.stringify(method)})
t = time.perf_counter(); Z = linkage(y, ${JSON.stringify(method)}); ms = (time.perf_counter() - t) * 1000
Z.astype(np.float64).tofile(${JSON.stringify(path + '.' + method + '.Z')})
print(json.dumps({'ms': ms}))
`);
}

/**
 * Ours and scipy alternately, one run each per round, so that the load of this shared
 * machine drifts over both alike; returns both medians and the median paired ratio.
 */
async function alternate(ours, peer, rounds) {
  ours(); // warm-up (JIT)
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    ours();
    a.push(performance.now() - t0);
    const p = peer();
    if (p === null) continue;
    b.push(p.ms);
  }
  const ratios = b.map((v, i) => v / a[i]);
  return { ours: a, peer: b.length ? b : null, ratio: b.length ? median(ratios) : null };
}

function compareWithScipy(tree, path, method) {
  const Z = new Float64Array(readFileSync(`${path}.${method}.Z`).buffer.slice(0));
  let maxDiff = 0;
  let idsEqual = true;
  tree.merges.forEach((m, k) => {
    maxDiff = Math.max(maxDiff, Math.abs(m[2] - Z[4 * k + 2]));
    if (m[0] !== Z[4 * k] || m[1] !== Z[4 * k + 1] || m[3] !== Z[4 * k + 3]) idsEqual = false;
  });
  return { maxHeightDiff: maxDiff, idsEqual };
}

/**
 * Bytes of every typed array hclust allocates (an upper bound on its peak extra memory):
 * the typed-array constructors are swapped for counting subclasses during one call.
 * Plain JS arrays (the merges and order it returns, O(n)) are not counted.
 */
function allocatedBytes(fn) {
  const names = [
    'Float64Array',
    'Float32Array',
    'Int32Array',
    'Uint32Array',
    'Uint8Array',
    'Int8Array',
    'Uint16Array',
    'Int16Array',
  ];
  const saved = names.map((name) => globalThis[name]);
  let bytes = 0;
  names.forEach((name, i) => {
    globalThis[name] = class extends saved[i] {
      // Keep `x instanceof Float64Array` true for arrays made before the swap.
      static [Symbol.hasInstance](x) {
        return x instanceof saved[i];
      }
      constructor(...args) {
        super(...args);
        bytes += this.byteLength;
      }
    };
  });
  try {
    fn();
  } finally {
    names.forEach((name, i) => (globalThis[name] = saved[i]));
  }
  return bytes;
}

console.log(
  `cluster: hclust n=${N_BIG}/${N_OTHER}, ml-hclust n=${N_ML}, optimal ordering n=${N_OLO}${python ? '' : ' (no python: scipy peers skipped)'}`,
);

// 1. Linkages against scipy (and memory).
for (const [n, methods] of [
  [N_BIG, ['complete']],
  [N_OTHER, ['single', 'average', 'ward', ...(N_OTHER === N_BIG ? [] : ['complete'])]],
]) {
  const y = distances(n);
  const path = save(`y${n}.f64`, y);
  const condensedBytes = y.byteLength;
  for (const method of methods) {
    let tree;
    const run = await alternate(
      () => (tree = hclust(y, { linkage: method })),
      () => (python ? scipyLinkageOnce(path, method) : null),
      RUNS,
    );
    const ours = { median: median(run.ours), runs: run.ours };
    const scipyMs = run.peer ? median(run.peer) : null;
    const check = run.peer ? compareWithScipy(tree, path, method) : null;
    const allocated = allocatedBytes(() => hclust(y, { linkage: method }));
    report(
      `hclust ${method}, n=${n}`,
      ours.median,
      run.ratio ? ratioText(1, run.ratio) + ' (median of paired runs)' : '',
    );
    if (scipyMs !== null)
      report(
        `  scipy linkage ${method}, n=${n}`,
        scipyMs,
        `max |Δheight| ${check.maxHeightDiff}, ids equal: ${check.idsEqual}`,
      );
    console.log(
      `  memory: allocates ${(allocated / 1e6).toFixed(1)} MB = ${(allocated / condensedBytes).toFixed(4)} × one condensed matrix (${(condensedBytes / 1e6).toFixed(1)} MB)`,
    );
    results.push({
      task: `hclust ${method}`,
      n,
      oursMs: ours.median,
      oursRuns: ours.runs,
      peer: 'scipy.cluster.hierarchy.linkage',
      peerMs: scipyMs,
      peerRuns: run.peer,
      speedup: run.ratio,
      speedupNote: 'median of per-round scipy/ours ratios, ours and scipy alternating',
      maxHeightDiffVsScipy: check?.maxHeightDiff ?? null,
      mergeIdsEqualScipy: check?.idsEqual ?? null,
      allocatedBytes: allocated,
      condensedBytes,
      allocatedOverCondensed: allocated / condensedBytes,
    });
  }
}

// Start each section with a collected heap (run.mjs passes --expose-gc).
globalThis.gc?.();
// 2. Complete linkage against ml-hclust (Θ(n³)); one run at ≥ 1,000 classes.
{
  const n = N_ML;
  const y = distances(n, 2);
  const square = Array.from({ length: n }, () => new Array(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) square[i][j] = square[j][i] = y[k++];
  let tree;
  const ours = await time(() => (tree = hclust(square, { linkage: 'complete' })), { runs: RUNS });
  // The same distances as a Matrix (what pearsonSimilarity → similarityToDistance gives).
  const matrix = { rows: n, cols: n, data: new Float64Array(square.flat()) };
  const oursMatrix = await time(() => hclust(matrix, { linkage: 'complete' }), { runs: RUNS });
  const mlRuns = n >= 1000 ? 1 : 3;
  let root;
  const ml = await time(() => (root = agnes(square, { method: 'complete', isDistanceMatrix: true })), {
    runs: mlRuns,
    warmup: 0,
  });
  const same = Math.abs(root.height - tree.merges[n - 2][2]) <= 1e-9;
  report(`hclust complete (nested arrays), n=${n}`, ours.median, ratioText(ours.median, ml.median));
  report(
    `  ml-hclust agnes complete, n=${n} (${mlRuns} run${mlRuns > 1 ? 's' : ''})`,
    ml.median,
    `root height equal: ${same}`,
  );
  report(`hclust complete (Matrix), n=${n}`, oursMatrix.median, ratioText(oursMatrix.median, ml.median));
  results.push({
    task: 'hclust complete (number[][] input)',
    n,
    oursMs: ours.median,
    oursRuns: ours.runs,
    oursMatrixInputMs: oursMatrix.median,
    peer: 'ml-hclust agnes',
    peerMs: ml.median,
    peerRuns: ml.runs,
    speedup: ml.median / ours.median,
    rootHeightEqual: same,
  });
}

globalThis.gc?.();
// 3. Optimal leaf ordering against scipy.
{
  const n = N_OLO;
  const y = distances(n, 3);
  const path = save(`olo${n}.f64`, y);
  const tree = hclust(y, { linkage: 'average' });
  const exact = await time(() => optimalLeafOrdering(tree, y), { runs: 3 });
  const compat = await time(() => optimalLeafOrdering(tree, y, { method: 'scipy' }), { runs: 3 });
  const peer = runPython(`
import json, time, numpy as np
from scipy.cluster.hierarchy import linkage, optimal_leaf_ordering
y = np.fromfile(${JSON.stringify(path)}, dtype=np.float64)
Z = linkage(y, 'average')
ts = []
for _ in range(3):
    t = time.perf_counter(); optimal_leaf_ordering(Z, y); ts.append((time.perf_counter() - t) * 1000)
print(json.dumps({'ms': ts}))
`);
  const scipyMs = peer ? median(peer.ms) : null;
  report(`optimalLeafOrdering exact, n=${n} (3 runs)`, exact.median, ratioText(exact.median, scipyMs));
  report(`optimalLeafOrdering 'scipy', n=${n} (3 runs)`, compat.median, ratioText(compat.median, scipyMs));
  if (scipyMs !== null) report(`  scipy optimal_leaf_ordering, n=${n} (3 runs)`, scipyMs);
  results.push({
    task: 'optimalLeafOrdering exact (average tree)',
    n,
    oursMs: exact.median,
    peer: 'scipy optimal_leaf_ordering',
    peerMs: scipyMs,
    speedup: scipyMs ? scipyMs / exact.median : null,
  });
  results.push({
    task: "optimalLeafOrdering 'scipy' (average tree)",
    n,
    oursMs: compat.median,
    peer: 'scipy optimal_leaf_ordering',
    peerMs: scipyMs,
    speedup: scipyMs ? scipyMs / compat.median : null,
  });
}

globalThis.gc?.();
// 4. Cophenetic correlation against scipy.cophenet.
{
  const n = N_OTHER;
  const path = join(dir, `y${n}.f64`);
  const y = new Float64Array(readFileSync(path).buffer.slice(0));
  const tree = hclust(y, { linkage: 'average' });
  let r;
  const ours = await time(() => (r = copheneticCorrelation(tree, y)), { runs: RUNS });
  const peer = runPython(`
import json, time, numpy as np
from scipy.cluster.hierarchy import linkage, cophenet
y = np.fromfile(${JSON.stringify(path)}, dtype=np.float64)
Z = linkage(y, 'average')
ts = []
for _ in range(${RUNS}):
    t = time.perf_counter(); c, _ = cophenet(Z, y); ts.append((time.perf_counter() - t) * 1000)
print(json.dumps({'ms': ts, 'c': c}))
`);
  const scipyMs = peer ? median(peer.ms) : null;
  report(`copheneticCorrelation, n=${n}`, ours.median, ratioText(ours.median, scipyMs));
  if (peer) report(`  scipy cophenet, n=${n}`, scipyMs, `|Δr| = ${Math.abs(r - peer.c).toExponential(1)}`);
  results.push({
    task: 'copheneticCorrelation',
    n,
    oursMs: ours.median,
    peer: 'scipy cophenet',
    peerMs: scipyMs,
    speedup: scipyMs ? scipyMs / ours.median : null,
    absDiffR: peer ? Math.abs(r - peer.c) : null,
  });
}

globalThis.gc?.();
// 5. Fuzzy c-means: 50 rounds on similarity-matrix-like rows, same initial memberships.
{
  const n = quick ? 300 : 1000;
  const k = 10;
  const iters = 50;
  const r = rng(4);
  const rows = new Float64Array(n * n).map(() => r() * 2 - 1);
  const U0 = new Float64Array(n * k).map(() => r());
  const rowsPath = save(`rows${n}.f64`, rows);
  const uPath = save(`u${n}.f64`, U0);
  const matrix = { rows: n, cols: n, data: rows };
  const init = { rows: n, cols: k, data: U0 };
  let result;
  const ours = await time(
    () => (result = fuzzyCMeans(matrix, k, { initialMemberships: init, maxIterations: iters, tolerance: 0 })),
    { runs: RUNS },
  );
  const outPath = join(dir, 'fcm.U');
  const peer = runPython(`
import json, time, numpy as np
X = np.fromfile(${JSON.stringify(rowsPath)}).reshape(${n}, ${n})
U0 = np.fromfile(${JSON.stringify(uPath)}).reshape(${n}, ${k})
U0 = U0 / U0.sum(axis=1, keepdims=True)
m = 2.0
def fcm(U):
    for _ in range(${iters}):
        W = U ** m
        C = (W.T @ X) / W.sum(axis=0)[:, None]
        D2 = (X * X).sum(1)[:, None] - 2 * X @ C.T + (C * C).sum(1)[None, :]
        D2 = np.maximum(D2, 0)
        inv = D2 ** (-1.0 / (m - 1))
        U = inv / inv.sum(axis=1, keepdims=True)
    return U
ts = []
for _ in range(${RUNS} + 1):
    t = time.perf_counter(); U = fcm(U0); ts.append((time.perf_counter() - t) * 1000)
U.tofile(${JSON.stringify(outPath)})
print(json.dumps({'ms': ts[1:]}))
`);
  const peerMs = peer ? median(peer.ms) : null;
  let maxDiff = null;
  if (peer) {
    const U = new Float64Array(readFileSync(outPath).buffer.slice(0));
    maxDiff = 0;
    for (let i = 0; i < U.length; i++) maxDiff = Math.max(maxDiff, Math.abs(U[i] - result.memberships.data[i]));
  }
  report(`fuzzyCMeans n=${n}, d=${n}, k=${k}, ${iters} rounds`, ours.median, ratioText(ours.median, peerMs));
  if (peer) report(`  numpy (BLAS) same updates`, peerMs, `max |Δu| = ${maxDiff.toExponential(1)}`);
  results.push({
    task: `fuzzyCMeans k=${k}, ${iters} rounds`,
    n,
    d: n,
    oursMs: ours.median,
    peer: 'numpy (vectorised, BLAS) implementation',
    peerMs,
    speedup: peerMs ? peerMs / ours.median : null,
    maxMembershipDiff: maxDiff,
  });
}

rmSync(dir, { recursive: true, force: true });
writeResult('cluster', results);
