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
  threadTime: true,
});
const load1 = machineLoad();

const ms = (v) => `${v.toFixed(1)} ms`;
const ok = (v, target) => (v <= target ? 'meets' : 'MISSES');
const row = (label, wall, cpu, target) =>
  console.log(
    `  ${label.padEnd(44)} wall ${ms(wall).padStart(10)}   main-thread CPU ${ms(cpu).padStart(9)}${target ? `   target ${target} ms: ${ok(cpu, target)} (CPU), ${ok(wall, target)} (wall)` : ''}`,
  );
console.log(
  `headless Chromium, load ${load0.loadavg1} → ${load1.loadavg1} on ${load0.cpus} cores (medians; CPU = the page main thread's own time)`,
);
const t = r.treemap;
console.log(
  `cl-metrics-treemap, ${t.items.toLocaleString('en')} items × ${t.models} models × ${t.classes} classes (${t.cells} cells)`,
);
row('first frame', t.firstFrameMs, t.cpuMs, 300);
row('  of which core metricsHierarchy alone', t.coreMs, t.coreCpuMs);
console.log(`    d3-hierarchy treemap of that tree alone ${ms(t.d3LayoutMs)}`);
row('peer: plain d3 (Map rollup, treemap, SVG)', t.d3Peer.firstFrameMs, t.d3Peer.cpuMs);
console.log(
  `    ratio classlens / plain d3: wall ${(t.firstFrameMs / t.d3Peer.firstFrameMs).toFixed(2)}, CPU ${(t.cpuMs / t.d3Peer.cpuMs).toFixed(2)}`,
);
const tb = r.table;
console.log(`cl-agreement-table, ${tb.rows.toLocaleString('en')} rows`);
row('first frame', tb.firstFrameMs, tb.cpuMs, 200);
row('peer: plain DOM table of every row (1 run)', tb.plainDomTable.firstFrameMs, tb.plainDomTable.cpuMs);
const s = r.scroll;
console.log(
  `  scroll, ${s.frames} frames each way: wall frame time p95 ${ms(s.p95FrameMs)} (median ${ms(s.medianFrameMs)}), unthrottled rAF; idle frames alone p95 ${ms(s.p95IdleFrameMs)}`,
);
console.log(
  `    main-thread CPU per frame, p95: flick (45 rows/frame) ${ms(s.cpuP95FlickMs)}, wheel (4 rows/frame) ${ms(s.cpuP95WheelMs)}, idle frame ${ms(s.cpuP95IdleFrameMs)}   target 16 ms: ${ok(s.cpuP95FlickMs, 16)} (CPU)`,
);
console.log(`    ${s.rerenders} re-renders in ${s.frames + 1} flick frames; ${s.rowsInDom} rows in the DOM`);
const f = r.refilter;
console.log(`  re-filter at ${f.items.toLocaleString('en')} items (query → rows laid out)`);
row('by item order', f.medianMs, f.cpuMedianMs, 50);
console.log(
  `    sorted by a column: wall ${ms(f.sortedMedianMs)}, CPU ${ms(f.cpuSortedMedianMs)}; core filterItems alone: wall ${ms(f.coreFilterItemsMs)}, CPU ${ms(f.coreFilterItemsCpuMs)}`,
);
if (r.pageErrors) console.log('page errors:', r.pageErrors);
writeResult('treemap-table', {
  ...r,
  params,
  targets: { treemapFirstFrameMs: 300, tableFirstFrameMs: 200, scrollP95Ms: 16, refilterMs: 50 },
  load: { before: load0, after: load1 },
});
