// Collapsing dendrogram subtrees of cl-similarity-heatmap in headless Chromium (software
// GL: the CPU raster draws). Run by bench/heatmap-collapse.bench.mjs. For a clustered n × n
// matrix with nested blocks: the five largest disjoint subtrees of 20–80 classes collapse
// (`collapsed` set → next pixels read back), then expand; beside them, in the same page, a
// zoom frame of the same element (the yardstick "one frame of this element") and the pure
// `collapseView` (block maxima + dendrogram layout) alone.
import '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { HclustTree } from '@classlens/core';
import { collapseView } from '../../packages/elements/src/similarity-heatmap/collapse.js';
import { readMatrix } from '../../packages/elements/src/similarity-heatmap/input.js';
import { layoutDendrogram } from '../../packages/elements/src/similarity-heatmap/structure.js';
import { blockMatrix, frames, median, readPixel } from './page-helpers.js';

/** The `count` largest disjoint subtrees of `min` … `max` leaves (SciPy node ids). */
function bigSubtrees(tree: HclustTree, count: number, min: number, max: number): number[] {
  const n = tree.order.length;
  const L = layoutDendrogram(tree);
  const used = new Uint8Array(n);
  const out: number[] = [];
  const bySize = tree.merges
    .map((m, k) => [k, m[3]] as const)
    .filter(([, s]) => s >= min && s <= max)
    .sort((a, b) => b[1] - a[1]);
  for (const [k] of bySize) {
    let free = true;
    for (let p = L.lo[k]; p <= L.hi[k] && free; p++) free = !used[p];
    if (!free) continue;
    used.fill(1, L.lo[k], L.hi[k] + 1);
    out.push(n + k);
    if (out.length === count) break;
  }
  return out;
}

type Profiler = (start: boolean) => Promise<{ key: string; selfMs: number }[] | null>;
const profiler = () => (window as unknown as { __benchProfile?: Profiler }).__benchProfile;

async function run(n: number, runs: number, profile: boolean) {
  const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
  el.style.cssText = 'display:block;width:1000px;height:900px';
  document.body.append(el);
  const data = blockMatrix(n, 7);
  el.matrix = { rows: n, cols: n, data };
  await el.updateComplete;
  await frames(3);
  await el.updateComplete;
  const tree = el.tree!;
  const ids = bigSubtrees(tree, 5, 20, 80);
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const collapse: number[] = [];
  const expand: number[] = [];
  const zoom: number[] = [];
  const updateOnly: number[] = [];
  if (profile) await profiler()?.(true);
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    el.collapsed = ids;
    await el.updateComplete;
    const tu = performance.now();
    readPixel(canvas, 10, 10);
    collapse.push(performance.now() - t);
    updateOnly.push(tu - t);
    await frames(2);
    t = performance.now();
    el.collapsed = [];
    await el.updateComplete;
    readPixel(canvas, 10, 10);
    expand.push(performance.now() - t);
    await frames(2);
    t = performance.now();
    el.zoomBy(1.5);
    await el.updateComplete;
    readPixel(canvas, 10, 10);
    zoom.push(performance.now() - t);
    el.resetZoom();
    await el.updateComplete;
    await frames(2);
  }
  const top = profile ? ((await profiler()?.(false)) ?? []).slice(0, 20) : undefined;
  // The pure part: block maxima + the dendrogram on the display rows.
  const values = readMatrix({ rows: n, cols: n, data }, null, null);
  const ordering = { rows: tree.order, cols: tree.order, rowTree: tree, colTree: tree };
  const L = layoutDendrogram(tree);
  const pure: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    collapseView(values, ordering, L, ids);
    pure.push(performance.now() - t);
  }
  const rows = el.displayRows.length;
  el.remove();
  const collapsedRows = n - ids.reduce((s, id) => s + tree.merges[id - n][3] - 1, 0);
  return {
    n,
    subtrees: ids.length,
    collapsedRows,
    rowsAfterExpand: rows,
    renderer: el.activeRenderer,
    collapseMs: median(collapse),
    collapseUpdateMs: median(updateOnly),
    expandMs: median(expand),
    zoomFrameMs: median(zoom),
    pureMs: median(pure),
    runs,
    ...(top ? { profile: top } : {}),
  };
}

declare global {
  interface Window {
    bench: (p: Record<string, unknown>) => Promise<unknown>;
  }
}

window.bench = async (p: Record<string, unknown>) => {
  const out = [];
  for (const n of p.sizes as number[]) out.push(await run(n, p.runs as number, !!p.profile));
  return { results: out };
};
