// DeepCompare elements in headless Chromium: cl-metrics-treemap's first frame at 10^6 items ×
// 3 models × 100 classes (target ≤ 300 ms; beside a plain d3 pipeline and d3-hierarchy's
// layout share), cl-agreement-table's first frame at 10^5 rows (≤ 200 ms; beside a plain DOM
// table), its scroll p95 frame time at 10^5 rows (≤ 16 ms) and its re-filter latency at
// 10^6 items (≤ 50 ms; beside core's filterItems share).
//   npm run bench -- treemap-table [--quick | --full]
import { quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const load0 = machineLoad();
const params = quick
  ? { runs: 3, treemapItems: 1e5, tableRows: 1e4, refilterItems: 1e5, scrollFrames: 60 }
  : { runs: 5, treemapItems: 1e6, tableRows: 1e5, refilterItems: 1e6, scrollFrames: 240 };
// Unthrottled frames, so a frame's time is its work rather than the 60 Hz vsync wait.
const r = await runInBrowser('bench/elements/treemap-table-page.ts', {
  params,
  width: 1200,
  height: 900,
  args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
const load1 = machineLoad();

const ms = (v) => `${v.toFixed(1)} ms`;
const ok = (v, target) => (v <= target ? 'meets' : 'MISSES');
console.log(`headless Chromium, load ${load0.loadavg1} → ${load1.loadavg1} on ${load0.cpus} cores (medians)`);
const t = r.treemap;
console.log(
  `cl-metrics-treemap, ${t.items.toLocaleString('en')} items × ${t.models} models × ${t.classes} classes (${t.cells} cells)`,
);
console.log(`  first frame            ${ms(t.firstFrameMs).padStart(10)}   target 300 ms: ${ok(t.firstFrameMs, 300)}`);
console.log(`    core metricsHierarchy ${ms(t.coreMs).padStart(9)}   d3-hierarchy treemap alone ${ms(t.d3LayoutMs)}`);
console.log(
  `  peer: plain d3 (Map rollup → hierarchy → treemap → SVG) ${ms(t.d3Peer.firstFrameMs)}  ratio ${(t.firstFrameMs / t.d3Peer.firstFrameMs).toFixed(2)}`,
);
const tb = r.table;
console.log(`cl-agreement-table, ${tb.rows.toLocaleString('en')} rows`);
console.log(
  `  first frame            ${ms(tb.firstFrameMs).padStart(10)}   target 200 ms: ${ok(tb.firstFrameMs, 200)}`,
);
console.log(
  `  peer: plain DOM table of every row (1 run) ${ms(tb.plainDomTable.firstFrameMs)}  ratio ${(tb.firstFrameMs / tb.plainDomTable.firstFrameMs).toFixed(3)}`,
);
const s = r.scroll;
console.log(
  `  scroll: p95 frame ${ms(s.p95FrameMs)} (median ${ms(s.medianFrameMs)}) over ${s.frames} frames   target 16 ms: ${ok(s.p95FrameMs, 16)}`,
);
console.log(
  `          p95 work per frame ${ms(s.p95WorkMs)} (scroll handler + render + layout); ${s.rerenders} re-renders; ${s.rowsInDom} rows in the DOM`,
);
const f = r.refilter;
console.log(
  `  re-filter at ${f.items.toLocaleString('en')} items: ${ms(f.medianMs)} (p95 ${ms(f.p95Ms)})   target 50 ms: ${ok(f.medianMs, 50)}`,
);
console.log(
  `          sorted by a column: ${ms(f.sortedMedianMs)} (p95 ${ms(f.sortedP95Ms)}); core filterItems alone ${ms(f.coreFilterItemsMs)}`,
);
if (r.pageErrors) console.log('page errors:', r.pageErrors);
writeResult('treemap-table', {
  ...r,
  params,
  targets: { treemapFirstFrameMs: 300, tableFirstFrameMs: 200, scrollP95Ms: 16, refilterMs: 50 },
  load: { before: load0, after: load1 },
});
