// trajectory area: sequenceStepDistances, stepDistances, findJumps, predictionChanges +
// confidenceChanges, topClassChanges, trajectories and stackSequences on row-stacked
// hidden states of many sequences, side by side with numpy (Debian python3; skipped when
// absent) on the same bytes, plus a "read the input once" baseline.
//
//   node bench/trajectory.bench.mjs            10^5 steps × 32 hidden, 10 classes (~30 s)
//   node bench/trajectory.bench.mjs --quick    10^4 steps
//   node bench/trajectory.bench.mjs --full     10^6 steps × 32 hidden
//
// Sequences are 5–40 steps long. The numpy peers are the obvious vectorised versions
// (np.diff + norm with the sequence starts masked, argmax, flatnonzero) and, unlike
// classlens, do not validate their input (classlens checks every value is finite first:
// one extra read). trajectories() builds one object per step while numpy's np.split only
// makes views, so that ratio compares different amounts of work (reported for scale).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { full, quick, report, rng, runPython, time, writeResult } from './lib.mjs';
import * as dist from '../packages/core/dist/index.js';

// Until the package root re-exports the trajectory area (the lead adds the line), bundle
// it from source with esbuild so the benchmark runs either way.
async function load() {
  if (typeof dist.stepDistances === 'function' && typeof dist.findJumps === 'function')
    return { core: dist, from: 'dist' };
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [new URL('../packages/core/src/trajectory/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  const code = out.outputFiles[0].text;
  return {
    core: await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`),
    from: 'src (esbuild)',
  };
}
const { core, from } = await load();

const rows = quick ? 10_000 : full ? 1_000_000 : 100_000;
const hidden = 32;
const m = 10;
const runs = full ? 5 : 7;
const random = rng(7);

// Sequence lengths 5–40 until `rows` steps are used.
const lengthsArr = [];
for (let left = rows; left > 0;) {
  const L = Math.min(left, 5 + Math.floor(random() * 36));
  lengthsArr.push(L);
  left -= L;
}
const lengths = Uint32Array.from(lengthsArr);
// Hidden states: a bounded random walk per sequence (tanh of a walk), like GRU/LSTM states.
const states = new Float64Array(rows * hidden);
const walk = new Float64Array(hidden);
let r = 0;
for (const L of lengthsArr) {
  walk.fill(0);
  for (let t = 0; t < L; t++, r++) {
    for (let j = 0; j < hidden; j++) {
      walk[j] += (random() - 0.5) * (random() < 0.1 ? 3 : 0.5);
      states[r * hidden + j] = Math.tanh(walk[j]);
    }
  }
}
// Expected predictions: softmax of a random linear read-out of the states.
const W = Float64Array.from({ length: hidden * m }, () => (random() - 0.5) * 2);
const expected = new Float64Array(rows * m);
for (let i = 0; i < rows; i++) {
  let mx = -Infinity;
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let j = 0; j < hidden; j++) s += states[i * hidden + j] * W[j * m + k];
    expected[i * m + k] = s;
    if (s > mx) mx = s;
  }
  let z = 0;
  for (let k = 0; k < m; k++) z += expected[i * m + k] = Math.exp(expected[i * m + k] - mx);
  for (let k = 0; k < m; k++) expected[i * m + k] /= z;
}
const points = new Float64Array(rows * 2);
for (let i = 0; i < points.length; i++) points[i] = random() * 100;
const S = { rows, cols: hidden, data: states };
const E = { rows, cols: m, data: expected };
const P = { rows, cols: 2, data: points };
const firstSeq = { rows: lengthsArr[0], cols: hidden, data: states.subarray(0, lengthsArr[0] * hidden) };
const parts = [];
for (let s = 0, o = 0; s < lengthsArr.length; o += lengthsArr[s++])
  parts.push(states.subarray(o * hidden, (o + lengthsArr[s]) * hidden));

console.log(`  ${rows} steps × ${hidden} hidden, ${m} classes, ${lengthsArr.length} sequences; classlens from ${from}`);

const loadBefore = loadavg()[0];
const distances = core.sequenceStepDistances(S, lengths);
const ours = {
  read: await time(
    () => {
      let s = 0;
      for (let i = 0; i < states.length; i++) s += states[i];
      return s;
    },
    { runs },
  ),
  sequenceStepDistances: await time(() => core.sequenceStepDistances(S, lengths), { runs }),
  stepDistances: await time(() => core.stepDistances(S), { runs }),
  findJumps: await time(() => core.findJumps(distances, { threshold: 0.4 }), { runs }),
  confidenceChanges: await time(() => core.confidenceChanges(E, { threshold: 0.3, lengths }), { runs }),
  topClassChanges: await time(() => core.topClassChanges(E, { lengths }), { runs }),
  expectedPrediction: await time(() => core.expectedPrediction(E), { runs }),
  trajectories: await time(() => core.trajectories(P, lengths), { runs }),
  stackSequences: await time(() => core.stackSequences(parts, hidden), { runs }),
};
// Sanity: one sequence's stepDistances equals the stacked version's slice.
const one = core.stepDistances(firstSeq);
for (let t = 0; t < one.length; t++)
  if (one[t] !== distances[t + 1]) throw new Error('stepDistances disagrees with sequenceStepDistances');

const dir = mkdtempSync(join(tmpdir(), 'classlens-trajectory-'));
writeFileSync(join(dir, 'states.f64'), states);
writeFileSync(join(dir, 'expected.f64'), expected);
writeFileSync(join(dir, 'points.f64'), points);
writeFileSync(join(dir, 'lengths.u32'), lengths);
const py = runPython(`
import json, time, numpy as np
d = ${JSON.stringify(dir)}
H = np.fromfile(f"{d}/states.f64").reshape(-1, ${hidden})
E = np.fromfile(f"{d}/expected.f64").reshape(-1, ${m})
P = np.fromfile(f"{d}/points.f64").reshape(-1, 2)
L = np.fromfile(f"{d}/lengths.u32", dtype=np.uint32).astype(np.int64)
starts = np.concatenate([[0], np.cumsum(L)[:-1]])
def med(f, runs=${runs}):
    f()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter(); f(); ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts))
def seqdist():
    out = np.empty(len(H)); out[0] = np.nan
    out[1:] = np.linalg.norm(np.diff(H, axis=0), axis=1)
    out[starts] = np.nan
    return out
def stepdist():
    return np.linalg.norm(np.diff(H, axis=0), axis=1)
D = seqdist()
def jumps():
    return np.flatnonzero(D / np.nanmax(D) > 0.4)
def conf():
    c = np.empty(len(E)); c[0] = np.nan
    c[1:] = np.abs(np.diff(E, axis=0)).max(axis=1)
    c[starts] = np.nan
    return np.flatnonzero(c > 0.3)
def top():
    a = np.argmax(E, axis=1)
    f = np.flatnonzero(a[1:] != a[:-1]) + 1
    return f[~np.isin(f, starts)]
def ep():
    return E.max(axis=1)
def traj():
    return np.split(P, np.cumsum(L)[:-1])
parts = np.split(H, np.cumsum(L)[:-1])
def stack():
    return np.concatenate(parts)
print(json.dumps({"sequenceStepDistances": med(seqdist), "stepDistances": med(stepdist), "findJumps": med(jumps),
  "confidenceChanges": med(conf), "topClassChanges": med(top), "expectedPrediction": med(ep),
  "trajectories": med(traj), "stackSequences": med(stack)}))
`);
rmSync(dir, { recursive: true, force: true });

const results = { rows, hidden, classes: m, sequences: lengthsArr.length, runs, classlensFrom: from, functions: {} };
report('read states once (baseline)', ours.read.median);
for (const [name, t] of Object.entries(ours)) {
  if (name === 'read') continue;
  const peer = py?.[name];
  const ratio = peer ? t.median / peer : null;
  report(
    `classlens ${name}`,
    t.median,
    ratio ? `(${ratio.toFixed(2)}× numpy ${peer.toFixed(1)} ms)` : '(numpy skipped)',
  );
  results.functions[name] = {
    classlens: t.median,
    numpy: peer ?? null,
    ratioToNumpy: ratio,
    ratioToRead: t.median / ours.read.median,
  };
}
results.readBaseline = ours.read.median;
// The machine is shared: the 1-minute load average says how much to trust absolute times.
results.loadAverage = { before: loadBefore, after: loadavg()[0] };
console.log(`  load average ${loadBefore.toFixed(1)} → ${results.loadAverage.after.toFixed(1)} (2 cores)`);
writeResult('trajectory', results);
