// cl-trajectory-projection benchmarks in headless Chromium (software GL: SwiftShader):
//   1. a scatter of 10^6 points: first frame (data handed over → finished pixels) and pan
//      frame (view moved → finished pixels), side by side in one page with plain regl
//      points, a canvas ImageData raster, regl-scatterplot and deck.gl's ScatterplotLayer
//      (peers installed on demand under bench/peers, outside the workspace);
//   2. states → final layout (t-SNE in the element's worker) for 20,000 and 106,496 review-GRU
//      hidden states: total time, progress, intermediate layouts, main-thread long tasks.
// Targets (issue 12): first frame ≤ 50 ms, pan frame ≤ 50 ms; no main-thread task > 50 ms.
//   npm run bench -- trajectory-projection [--quick | --full] [--scatter-only | --projection-only]
//     [--states=20000,106496] [--iterations=1000] [--no-slow-peers]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { argv, benchDir, quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const root = join(benchDir, '..');
const peersDir = join(benchDir, 'peers');
let peersNote = 'installed';
// `--no-slow-peers`: leave out regl-scatterplot and deck.gl (minutes per run on software GL).
const slowPeers = !argv.has('--no-slow-peers');
if (!slowPeers) peersNote = 'regl-scatterplot and deck.gl left out (--no-slow-peers)';
else if (
  !existsSync(join(peersDir, 'node_modules/regl-scatterplot')) ||
  !existsSync(join(peersDir, 'node_modules/@deck.gl/layers'))
) {
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', peersDir], {
    cwd: root,
    stdio: 'inherit',
  });
  peersNote =
    r.status === 0 ? 'installed now' : `npm install failed (${r.status}): regl-scatterplot and deck.gl skipped`;
}
const havePeers = slowPeers && existsSync(join(peersDir, 'node_modules/regl-scatterplot'));
const peers = [
  'classlens-canvas',
  'classlens-webgl',
  'imagedata',
  'regl',
  ...(havePeers ? ['regl-scatterplot', 'deckgl'] : []),
];

const params = quick
  ? { points: 100_000, runs: 3, slowRuns: 1, pans: 5, slowPans: 2, peers, states: [5000], iterations: 300 }
  : {
      points: 1_000_000,
      runs: 5,
      slowRuns: 1,
      pans: 10,
      slowPans: 2,
      peers,
      states: [20_000, 106_496],
      iterations: 1000,
    };

// `--states=20000,106496` and `--iterations=300`: other projection sizes (shorter runs while iterating).
for (const arg of process.argv.slice(2)) {
  const [k, v] = arg.split('=');
  if (k === '--states' && v) params.states = v.split(',').map(Number);
  if (k === '--iterations' && v) params.iterations = Number(v);
}

const load0 = machineLoad();
console.log(
  `load ${load0.loadavg1} on ${load0.cpus} cpus; ${params.points.toLocaleString('en-US')} points; peers: ${peersNote}`,
);
// Two fresh pages: the projection must not pay for the scatter peers' garbage.
const options = {
  width: 1100,
  height: 800,
  timeout: 3_600_000,
  nodePaths: ['bench/peers/node_modules'],
  assets: { '/projection-worker.js': 'packages/elements/src/internal/projection/projection-worker.ts' },
};
const result = argv.has('--projection-only')
  ? { points: params.points, viewport: [], glRenderer: null, scatter: {} }
  : await runInBrowser('bench/elements/trajectory-projection-page.ts', {
      ...options,
      params: { ...params, part: 'scatter' },
    });
const loadMid = machineLoad();
// `--scatter-only`: skip the (minutes-long) projections; `--projection-only`: skip the scatter.
const { projection, controls } = argv.has('--scatter-only')
  ? { projection: [], controls: [] }
  : await runInBrowser('bench/elements/trajectory-projection-page.ts', {
      ...options,
      params: { ...params, part: 'project', profile: argv.has('--profile') },
      cpuProfile: argv.has('--profile'),
    });
result.projection = projection;
result.controls = controls;
const load1 = machineLoad();

const ms = (v) => (v == null ? '—' : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
console.log(
  `\nscatter of ${result.points.toLocaleString('en-US')} points, ${result.viewport.join(' × ')} px, GL: ${result.glRenderer}`,
);
const base = result.scatter['classlens-canvas'];
for (const [name, r] of Object.entries(result.scatter)) {
  if (r.error) {
    console.log(`  ${name.padEnd(18)} failed: ${r.error}`);
    continue;
  }
  const ratio = (a, b) => (a && b ? ` (${(a / b).toFixed(1)}× classlens)` : '');
  console.log(
    `  ${name.padEnd(18)} first frame ${ms(r.firstFrameMedianMs).padStart(9)}${ratio(r.firstFrameMedianMs, base?.firstFrameMedianMs)}` +
      `   pan ${ms(r.panMedianMs).padStart(9)}${ratio(r.panMedianMs, base?.panMedianMs)}` +
      (r.drawOnlyMs ? `   draw only ${ms(Math.min(...r.drawOnlyMs))}` : '') +
      (r.afterRenderMs ? `   (onAfterRender at ${ms(r.afterRenderMs[0])})` : '') +
      (r.drawnPixels != null ? `   ${r.drawnPixels.toLocaleString('en-US')} px drawn` : '') +
      (r.active ? `   [${r.active}]` : ''),
  );
}
console.log('\nstates → final layout (t-SNE in the worker)');
for (const p of result.projection) {
  console.log(
    `  ${String(p.states).padStart(7)} × ${p.dims}: ${(p.totalMs / 1000).toFixed(1)} s, first layout at ${(p.firstLayoutMs / 1000).toFixed(1)} s, ` +
      `${p.progressValues} progress values, ${p.layoutsDrawn} layouts drawn, long tasks: ${p.longTasks} (longest ${ms(p.longestTaskMs)}), ` +
      `longest frame gap ${ms(p.maxFrameGapMs)}${p.warnings.length ? `, warnings: ${p.warnings.join(', ')}` : ''}`,
  );
  for (const row of p.selfTimes ?? []) console.log(`    ${String(row.selfMs).padStart(9)} ms  ${row.key}`);
  if (p.longTaskAt?.length)
    console.log(`    long tasks at [ms after the states were set, duration]: ${JSON.stringify(p.longTaskAt)}`);
}
for (const c of controls) {
  console.log(
    `  control, ${c.draw ? 'a full-canvas putImageData every frame' : 'an idle page'} for ${c.ms / 1000} s: long tasks ${c.longTasks} (longest ${ms(c.longestTaskMs)})`,
  );
}
const partial = argv.has('--scatter-only') || argv.has('--projection-only');
writeResult(
  partial ? `trajectory-projection-${argv.has('--scatter-only') ? 'scatter' : 'states'}` : 'trajectory-projection',
  { params, ...result, load: { before: load0, between: loadMid, after: load1 } },
);
