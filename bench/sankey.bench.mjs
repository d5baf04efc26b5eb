// Sankey benchmarks: weighted crossings of the default node order against `key`, `value`
// and d3-sankey's relaxation order on the stories' data (Node), and, in headless Chromium,
// cl-flow-sankey's first frame, hover latency and <cl-linked> highlight latency.
//   npm run bench -- sankey [--quick | --full]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchDir, quick, full, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const root = join(benchDir, '..');
const run = spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), 'bench/elements/sankey-crossings.ts'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const crossings = JSON.parse(run.stdout.trim().split('\n').pop());
console.log('weighted crossings (lower is better)');
console.log(
  `  ${'view'.padEnd(58)} ${'auto'.padStart(10)} ${'key'.padStart(10)} ${'value'.padStart(10)} ${'d3-sankey'.padStart(10)}  auto/best fixed  fewer than value  order ms`,
);
for (const r of crossings) {
  const c = r.crossings;
  console.log(
    `  ${r.name.padEnd(58)} ${String(c.auto).padStart(10)} ${String(c.key).padStart(10)} ${String(c.value).padStart(10)} ${String(c.d3).padStart(10)}  ${r.autoOverBestFixed.toFixed(2).padStart(15)}  ${(r.fewerThanValue * 100).toFixed(0).padStart(15)}%  ${r.orderMs.toFixed(1).padStart(8)}`,
  );
}

const load0 = machineLoad();
const sizes = quick ? [1e5] : full ? [1e5, 1e6] : [1e5, 1e6];
const browser = await runInBrowser('bench/elements/sankey-page.ts', { params: { sizes, runs: quick ? 3 : 5 } });
console.log('\ncl-flow-sankey in headless Chromium (3 stages × 30 classes; medians)');
for (const r of browser) {
  console.log(
    `  ${String(r.items).padStart(8)} items: first frame ${r.firstFrameMs.toFixed(0)} ms, hover ${r.hoverMs.toFixed(1)} ms, linked highlight ${r.linkedHoverMs.toFixed(1)} ms`,
  );
}
writeResult('sankey', { crossings, browser, load: { before: load0, after: machineLoad() } });
