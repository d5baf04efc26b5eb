// flows area: flowGraph with many distinct keys per stage, and checkFlowGraph naming a
// cycle, side by side with d3-array's nested `group` (the usual way to count pairs in
// JavaScript) in the same run.
//
//   node bench/flows.bench.mjs                 K = 5k, 10k, 20k, 100k distinct keys
//   node bench/flows.bench.mjs --quick         K = 5k, 10k
//   node bench/flows.bench.mjs --core=PATH     time another build of core instead
//   node bench/flows.bench.mjs --before=PATH   also time another build (e.g. the dist/ of an
//                                              older commit) in the same run: before/after
//                                              ratios from one process, on one machine load
//   node bench/flows.bench.mjs --name=NAME     write bench/results/NAME.json
//
// Input (issue 8, defect 1): n = K items, stage 0 = item index, stage 1 = (7 · i) mod K,
// so both stages have K distinct keys and there are K links of one item each — the case
// where a pair code `source · K + target` outgrows 32 bits at K ≈ 46k.
// checkFlowGraph: a ring of V = 10^5 nodes (V links, one cycle through every node) must
// throw CYCLE; a chain of the same size (acyclic) is the reference.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as d3 from 'd3-array';
import { quick, time, writeResult } from './lib.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const corePath = arg('core');
const core = await import(corePath ? pathToFileURL(corePath).href : '../packages/core/dist/index.js');
const beforePath = arg('before');
const before = beforePath ? await import(pathToFileURL(beforePath).href) : null;
const resultName = arg('name') ?? 'flows';
// Slow builds (the quadratic one) get one timed run above this many keys.
const maxSeconds = Number(arg('max-seconds') ?? 900);

const sizes = quick ? [5_000, 10_000] : [5_000, 10_000, 20_000, 100_000];
const results = {
  core: corePath ?? 'packages/core/dist',
  loadavgAtStart: loadavg(),
  flowGraph: [],
  checkFlowGraph: {},
};
console.log(
  `load average at start: ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);

function stagesOf(K) {
  const a = new Int32Array(K);
  const b = new Int32Array(K);
  for (let i = 0; i < K; i++) {
    a[i] = i;
    b[i] = (i * 7) % K;
  }
  return [Array.from(a), Array.from(b)];
}

/** Links whose items really have the link's source and target keys; items covered. */
function verify(g, stages) {
  const byId = new Map(g.nodes.map((d) => [d.id, d]));
  let items = 0;
  let wrong = 0;
  for (const l of g.links) {
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    for (const i of l.indices) {
      items++;
      if (stages[s.stage][i] !== s.key || stages[t.stage][i] !== t.key) wrong++;
    }
  }
  return { links: g.links.length, itemsInLinks: items, wrongItems: wrong };
}

for (const K of sizes) {
  const stages = stagesOf(K);
  let last;
  const t0 = performance.now();
  last = core.flowGraph(stages);
  const first = performance.now() - t0;
  const runs = first > 10_000 ? 0 : first > 1_000 ? 2 : 5;
  const t = runs
    ? await time(() => (last = core.flowGraph(stages)), { runs, warmup: 0 })
    : { median: first, runs: [first] };
  const check = verify(last, stages);
  const peer = await time(
    () =>
      d3.rollup(
        d3.range(K),
        (v) => v.length,
        (i) => stages[0][i],
        (i) => stages[1][i],
      ),
    {
      runs: 5,
    },
  );
  const row = { keys: K, items: K, flowGraphMs: t.median, flowGraphRuns: t.runs, d3RollupMs: peer.median, ...check };
  if (before) {
    // The older build once (it took minutes at 10^5 keys), with its own link check.
    let g;
    const t1 = performance.now();
    g = before.flowGraph(stages);
    row.beforeMs = performance.now() - t1;
    const b = verify(g, stages);
    row.beforeItemsInLinks = b.itemsInLinks;
    row.beforeWrongItems = b.wrongItems;
    row.speedup = row.beforeMs / t.median;
    console.log(
      `    before: ${row.beforeMs.toFixed(1)} ms, items in links ${b.itemsInLinks}, wrong ${b.wrongItems}; ` +
        `after is ${row.speedup.toFixed(0)}× faster`,
    );
    g = null;
  }
  results.flowGraph.push(row);
  console.log(
    `  flowGraph K=${String(K).padStart(6)}: ${t.median.toFixed(1).padStart(10)} ms  (d3.rollup ${peer.median.toFixed(1)} ms, ` +
      `ratio ${(t.median / peer.median).toFixed(2)})  links ${check.links}, items in links ${check.itemsInLinks}, wrong ${check.wrongItems}`,
  );
  if (first / 1000 > maxSeconds) break;
}

const V = 100_000;
const nodes = Array.from({ length: V }, (_, i) => ({ id: `n${i}` }));
const ring = { nodes, links: nodes.map((_, i) => ({ source: `n${i}`, target: `n${(i + 1) % V}`, value: 1 })) };
const chain = { nodes, links: ring.links.slice(0, V - 1) };
const ringTimes = await time(
  () => {
    try {
      core.checkFlowGraph(ring);
    } catch (e) {
      if (e.code !== 'CYCLE') throw e;
      results.checkFlowGraph.ringMessage = e.message;
      return;
    }
    throw new Error('ring: no CYCLE error');
  },
  { runs: 3, warmup: 0 },
);
const chainTimes = await time(() => core.checkFlowGraph(chain), { runs: 5 });
if (before) {
  const t1 = performance.now();
  try {
    before.checkFlowGraph(ring);
  } catch (e) {
    if (e.code !== 'CYCLE') throw e;
  }
  results.checkFlowGraph.beforeRingMs = performance.now() - t1;
  console.log(`    before: ring ${results.checkFlowGraph.beforeRingMs.toFixed(1)} ms`);
}
results.checkFlowGraph.ringMs = ringTimes.median;
results.checkFlowGraph.chainMs = chainTimes.median;
results.checkFlowGraph.nodes = V;
console.log(
  `  checkFlowGraph ring V=${V}: ${ringTimes.median.toFixed(1)} ms (CYCLE); chain V=${V}: ${chainTimes.median.toFixed(1)} ms; ` +
    `ratio ${(ringTimes.median / chainTimes.median).toFixed(2)}`,
);
results.before = beforePath ?? null;
results.loadavgAtEnd = loadavg();
writeResult(resultName, results);
