// cl-chain-sankey and cl-trend-grid in headless Chromium, against the targets:
//   chain: first frame at 10^6 items × 3 versions × 100 classes ≤ 300 ms, hover latency,
//          d3-sankey laying out the same graph directly as the peer;
//   trend grid: first frame at 1,000 classes × 10 versions ≤ 200 ms, hover latency,
//          scroll step and frame times, against the same grid with every cell rendered.
//   npm run bench -- chain-trend [--quick | --full]
import { writeResult, quick, full } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const load0 = machineLoad();
const items = quick ? [1e5] : full ? [1e5, 1e6] : [1e6];
const runs = quick ? 3 : 5;

const chain = await runInBrowser('bench/elements/chain-page.ts', {
  params: { items, runs },
  width: 1200,
  height: 800,
  threadTime: true,
});
console.log(
  'cl-chain-sankey, 3 versions × 100 classes, top-k 100 (medians; target: first frame ≤ 300 ms at 10^6 items)',
);
for (const r of chain) {
  const p = r.phasesMs;
  console.log(
    `  ${String(r.items).padStart(8)} items, only-changed ${r.onlyChanged ? 'on ' : 'off'} (${r.kept} kept, ${r.links} links, ${r.shadowElements} shadow elements): ` +
      `first frame ${r.firstFrameMs.toFixed(0)} ms (main-thread CPU ${r.firstFrameCpuMs.toFixed(0)} ms), hover ${r.hoverMs.toFixed(1)} ms (CPU ${r.hoverCpuMs.toFixed(1)} ms)`,
  );
  console.log(
    `           phases: flowGraph ${p.flowGraph.toFixed(0)} ms, shared order ${p.order.toFixed(0)} ms, layout ${p.layout.toFixed(0)} ms, labels ${p.labels.toFixed(1)} ms`,
  );
  console.log(
    `           d3-sankey on the same graph: layout ${r.d3.layoutMs.toFixed(0)} ms, layout + one SVG path per link ${r.d3.layoutAndSvgMs.toFixed(0)} ms ` +
      `(cl-chain-sankey first frame / d3 layout + SVG = ${(r.firstFrameMs / r.d3.layoutAndSvgMs).toFixed(2)})`,
  );
}

const trend = await runInBrowser('bench/elements/trend-page.ts', {
  params: { classes: quick ? 200 : 1000, versions: 10, perClass: 100, runs },
  width: 1200,
  height: 800,
  threadTime: true,
});
console.log(
  `\ncl-trend-grid, ${trend.classes} classes × ${trend.versions} versions (medians; target: first frame ≤ 200 ms at 1,000 classes)`,
);
const show = (name, r) =>
  console.log(
    `  ${name.padEnd(52)} first frame ${r.firstFrameMs.toFixed(0).padStart(4)} ms (CPU ${r.firstFrameCpuMs.toFixed(0).padStart(4)} ms), hover ${r.hoverMs.toFixed(1).padStart(5)} ms, ${r.cellsRendered} cells in the DOM`,
  );
show(`from truth + predictions (${trend.items.toLocaleString('en-US')} items)`, trend.fromPredictions);
show('from precomputed series', trend.fromSeries);
show('every cell rendered (reference: no virtualisation)', trend.allCellsRendered);
const s = trend.scroll;
console.log(
  `  scrolling top to bottom in ${s.steps} steps of 120 px: work per step median ${s.stepMedianMs.toFixed(1)} ms, p95 ${s.stepP95Ms.toFixed(1)} ms, max ${s.stepMaxMs.toFixed(1)} ms; ` +
    `frame interval median ${s.frameIntervalMedianMs.toFixed(1)} ms, p95 ${s.frameIntervalP95Ms.toFixed(1)} ms ` +
    `(idle page on this machine: ${s.idleFrameIntervalMedianMs.toFixed(1)} ms)`,
);
console.log(
  `  the same scroll loop over a plain ${'div'} of the grid's height: frame interval median ${trend.plainScroll.frameIntervalMedianMs.toFixed(1)} ms, p95 ${trend.plainScroll.frameIntervalP95Ms.toFixed(1)} ms`,
);
console.log(
  `  virtualised / all cells first frame: ${(trend.fromSeries.firstFrameMs / trend.allCellsRendered.firstFrameMs).toFixed(2)}`,
);

writeResult('chain-trend', { chain, trend, load: { before: load0, after: machineLoad() } });
