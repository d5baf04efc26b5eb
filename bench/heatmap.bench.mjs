// cl-similarity-heatmap benchmarks in headless Chromium, where only software GL exists
// (SwiftShader). Targets (issue 11):
//   - first frame of a 2,000² matrix ≤ 50 ms, side by side with regl alone, a plain canvas
//     putImageData, Plotly's heatmap and ECharts' heatmap (peers installed on demand under
//     bench/peers, outside the workspace);
//   - 10,000² first frame ≤ 300 ms, pan frame ≤ 35 ms (block maxima on load and zoom, the
//     cached reduced image re-blitted on pan);
//   - scores → first ordered frame (similarity in workers + hclust) at 1,000 and 10,000 classes.
// The WebGL path's numbers here are software GL; on a real GPU they are pending.
//   npm run bench -- heatmap [--quick | --full]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchDir, quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const root = join(benchDir, '..');
const peersDir = join(benchDir, 'peers');
let peersNote = 'installed';
if (
  !existsSync(join(peersDir, 'node_modules/plotly.js-dist-min')) ||
  !existsSync(join(peersDir, 'node_modules/echarts'))
) {
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', peersDir], {
    cwd: root,
    stdio: 'inherit',
  });
  peersNote = r.status === 0 ? 'installed now' : `npm install failed (${r.status}): Plotly and ECharts skipped`;
}
const peers = [
  ...(existsSync(join(peersDir, 'node_modules/plotly.js-dist-min')) ? ['plotly'] : []),
  ...(existsSync(join(peersDir, 'node_modules/echarts')) ? ['echarts'] : []),
];

const options = {
  width: 1100,
  height: 1000,
  timeout: 3_600_000,
  nodePaths: ['bench/peers/node_modules'],
  // Core's worker pool: its entry module, served where the page bundle (/bench.js) finds it
  // (`new URL('../../worker.js', import.meta.url)` → /worker.js).
  assets: { '/worker.js': 'packages/core/src/worker.ts' },
};
const ms = (v) => (v == null ? '—' : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const load0 = machineLoad();
console.log(`load ${load0.loadavg1} on ${load0.cpus} cpus; peers: ${peersNote} (${peers.join(', ') || 'none'})`);

// 1. First frame at 2,000², all contenders in one page.
const first = await runInBrowser('bench/elements/heatmap-page.ts', {
  ...options,
  params: { part: 'first-frame', n: 2000, runs: quick ? 3 : 5, slowRuns: quick ? 1 : 3, peers: quick ? [] : peers },
});
console.log(`\nfirst frame, 2,000² matrix → pixels on a ${first.plotPx}² canvas (GL: ${first.gl}); medians`);
const base = first['classlens-auto']?.medianMs;
for (const [name, r] of Object.entries(first)) {
  if (typeof r !== 'object' || r === null || !('medianMs' in r || 'error' in r)) continue;
  if (r.error) {
    console.log(`  ${name.padEnd(22)} failed: ${r.error}`);
    continue;
  }
  const ratio = base && name !== 'classlens-auto' ? `  ${(r.medianMs / base).toFixed(1)}× classlens-auto` : '';
  console.log(
    `  ${name.padEnd(22)} ${ms(r.medianMs).padStart(9)} (${r.runsMs.length} runs)${r.active ? ` [${r.active}]` : ''}${ratio}` +
      (r.orderedMs != null ? `; clustered frame ${ms(r.orderedMs)}` : ''),
  );
}
const loadA = machineLoad();

// 2. Zoom and pan frames at 2,000² and 10,000² (one fresh page each size: 10⁸ cells are 400 MB).
const pan = [];
for (const n of quick ? [2000] : [2000, 10000]) {
  const r = await runInBrowser('bench/elements/heatmap-page.ts', {
    ...options,
    params: { part: 'pan', sizes: [n], pans: quick ? 10 : 30 },
  });
  pan.push(...r.pan);
}
if (!quick) {
  const r = await runInBrowser('bench/elements/heatmap-page.ts', {
    ...options,
    params: { part: 'pan', sizes: [10000], pans: 10, renderer: 'webgl' },
  });
  pan.push(...r.pan);
}
console.log('\nfirst frame, zoom frame and pan frame of the element (medians)');
for (const r of pan) {
  if (r.error) {
    console.log(`  failed: ${r.error}`);
    continue;
  }
  console.log(
    `  ${`${r.n.toLocaleString('en-US')}² [${r.renderer}]`.padEnd(22)} first ${ms(r.firstFrameMs).padStart(9)} (cold page ${ms(r.coldFirstFrameMs)})   zoom ${ms(r.zoomFrameMedianMs).padStart(9)}   pan ${ms(r.panFrameMedianMs).padStart(8)} (p90 ${ms(r.panFrameP90Ms)})`,
  );
}
const loadB = machineLoad();

// 3. Scores → first ordered frame.
const scores = await runInBrowser('bench/elements/heatmap-page.ts', {
  ...options,
  params: {
    part: 'scores',
    sizes: quick
      ? [{ classes: 1000, samples: 5000 }]
      : [
          { classes: 1000, samples: 5000 },
          { classes: 10000, samples: 1000 },
        ],
  },
});
console.log('\nscores → first ordered frame (Pearson in workers, complete linkage on 1 − r)');
for (const r of scores.scores) {
  if (r.error) {
    console.log(`  failed: ${r.error}`);
    continue;
  }
  console.log(
    `  ${`${r.classes.toLocaleString('en-US')} classes × ${r.samples.toLocaleString('en-US')} samples`.padEnd(34)} ${ms(r.ms).padStart(9)}` +
      `   (core alone: similarity ${ms(r.coreSimilarityMs)}, hclust ${ms(r.coreHclustMs)}; ${r.progressValues} progress values; ${r.source})`,
  );
}
writeResult('heatmap', {
  targets: { firstFrame2000Ms: 50, firstFrame10000Ms: 300, pan10000Ms: 35 },
  note: 'Headless Chromium with SwiftShader (software GL); the WebGL path on a real GPU is not measured here.',
  peers: peersNote,
  firstFrame: first,
  pan,
  scores: scores.scores,
  load: { before: load0, afterFirstFrame: loadA, afterPan: loadB, after: machineLoad() },
});
