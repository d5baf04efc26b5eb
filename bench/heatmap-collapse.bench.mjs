// cl-similarity-heatmap: collapsing dendrogram subtrees (issue 11: "a dendrogram at the
// side, with collapsible subtrees"; collapsing at 1,000 classes should respond within a
// frame or two). Headless Chromium, software GL (the CPU raster draws). Five subtrees of
// 20–80 classes collapse and expand; the element's zoom frame in the same page is the
// yardstick, and `collapseView` (block maxima, dendrogram) alone the pure part.
//   npm run bench -- heatmap-collapse [--quick | --full] [--profile]
import { argv, full, quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const load0 = machineLoad();
console.log(`load ${load0.loadavg1} on ${load0.cpus} cpus`);
const sizes = quick ? [1000] : full ? [1000, 2000, 5000] : [1000, 2000];
const r = await runInBrowser('bench/elements/heatmap-collapse-page.ts', {
  width: 1100,
  height: 1000,
  timeout: 1_800_000,
  params: { sizes, runs: quick ? 3 : 7, profile: argv.has('--profile') },
  cpuProfile: argv.has('--profile'),
});
const ms = (v) => `${v.toFixed(1)} ms`;
console.log('\ncollapse five subtrees → pixels, medians');
for (const x of r.results) {
  console.log(
    `  ${String(x.n).padStart(5)}² → ${x.collapsedRows} rows (${x.renderer}): collapse ${ms(x.collapseMs)}, expand ${ms(x.expandMs)}, ` +
      `zoom frame ${ms(x.zoomFrameMs)} (collapse/zoom ${(x.collapseMs / x.zoomFrameMs).toFixed(2)}×), collapseView alone ${ms(x.pureMs)}`,
  );
}
for (const x of r.results) {
  if (x.profile) console.log(`\n${x.n}²: main-thread self time while collapsing and expanding (top 20)\n`, x.profile);
}
const load1 = machineLoad();
writeResult('heatmap-collapse', { load: [load0, load1], ...r });
