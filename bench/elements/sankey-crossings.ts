// Weighted link crossings of cl-flow-sankey's default node order (`auto`: barycentre sweeps
// + adjacent exchanges) against the fixed `key` and `value` orders and against d3-sankey's
// own order (its relaxation heuristic, nodeSort undefined), on the stories' data. Prints
// one JSON line. Run through scripts/run-ts.mjs by bench/sankey.bench.mjs.
import { readFileSync } from 'node:fs';
import { flowGraph, type FlowGraph, type Key } from '@classlens/core';
import { sankey } from 'd3-sankey';
import {
  fixedOrder,
  sankeyCrossings,
  sankeyOrder,
  stageCount,
} from '../../packages/elements/src/internal/sankey/layout.js';

const data = (f: string) => JSON.parse(readFileSync(new URL(`../../examples/data/${f}`, import.meta.url), 'utf8'));
const digits = data('digits.json');
const cv = data('digits-cv.json');
const catalogue = data('catalogue.json').items as Record<string, string>[];
const movies = data('movies.json').items as Record<string, string>[];

function d3Order(g: FlowGraph): number[][] {
  const index = new Map(g.nodes.map((d, i) => [d.id, i]));
  const S = stageCount(g);
  const layout = sankey<{ i: number; stage: number }, { source: number; target: number; value: number }>()
    .nodeId((d) => d.i)
    .nodeAlign((d) => (d as unknown as { stage: number }).stage)
    .extent([
      [0, 0],
      [900, 600],
    ]);
  const out = layout({
    nodes: g.nodes.map((d, i) => ({ i, stage: d.stage })),
    links: g.links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value })),
  } as never);
  const cols: { i: number; y: number }[][] = Array.from({ length: S }, () => []);
  for (const n of out.nodes as unknown as { i: number; stage: number; y0: number }[])
    cols[n.stage].push({ i: n.i, y: n.y0 });
  return cols.map((c) => c.sort((a, b) => a.y - b.y).map((d) => d.i));
}

const cases: [string, ArrayLike<Key>[], { changedOnly?: boolean; topK?: number }][] = [];
for (const [name, d] of [
  ['held-out', digits],
  ['5-fold CV', cv],
] as const) {
  for (const m of d.models)
    cases.push([`digits ${name}, ${m.name}, misclassified`, [d.truth, m.pred], { changedOnly: true }]);
}
cases.push([
  'digits CV, truth → GaussianNB → MLP, misclassified',
  [cv.truth, cv.models[0].pred, cv.models[2].pred],
  { changedOnly: true },
]);
cases.push([
  'catalogue department → category → subcategory (top 36)',
  ['department', 'category', 'subcategory'].map((k) => catalogue.map((d) => d[k])),
  { topK: 36 },
]);
cases.push([
  'movies director → genre (top 14)',
  ['director', 'genre'].map((k) => movies.map((d) => d[k])),
  { topK: 14 },
]);
cases.push(['movies colour → genre', ['colour', 'genre'].map((k) => movies.map((d) => d[k])), {}]);

const rows = cases.map(([name, stages, opts]) => {
  const g = flowGraph(stages, opts);
  const t0 = performance.now();
  const auto = sankeyOrder(g, 'auto');
  const ms = performance.now() - t0;
  const c = {
    auto: sankeyCrossings(g, auto),
    key: sankeyCrossings(g, fixedOrder(g, 'key')),
    value: sankeyCrossings(g, fixedOrder(g, 'value')),
    d3: sankeyCrossings(g, d3Order(g)),
  };
  const best = Math.min(c.key, c.value);
  return {
    name,
    nodes: g.nodes.length,
    links: g.links.length,
    crossings: c,
    autoOverBestFixed: best > 0 ? c.auto / best : c.auto === 0 ? 0 : Infinity,
    fewerThanValue: c.value > 0 ? 1 - c.auto / c.value : 0,
    fewerThanD3: c.d3 > 0 ? 1 - c.auto / c.d3 : 0,
    orderMs: ms,
  };
});
console.log(JSON.stringify(rows));
