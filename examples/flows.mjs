// Per-class recall and the largest confusions of the three digits models, from Node.
// Run after `npm run build`:  node examples/flows.mjs
import { readFileSync } from 'node:fs';
import { conditional, crosstab, flowGraph } from '@classlens/core';

const d = JSON.parse(readFileSync(new URL('./data/digits.json', import.meta.url), 'utf8'));
const name = (i) => d.classes[i];
for (const m of d.models) {
  const t = crosstab(d.truth.map(name), m.pred.map(name));
  const recall = conditional(t, 'source').map((row, i) => row[i]);
  const g = flowGraph([d.truth.map(name), m.pred.map(name)], { changedOnly: true });
  const worst = [...g.links].sort((a, b) => b.value - a.value).slice(0, 3);
  console.log(
    `${m.id} ${m.name.padEnd(20)} accuracy ${(m.accuracy * 100).toFixed(1)}%  ` +
      `lowest recall: ${t.sources[recall.indexOf(Math.min(...recall))]} (${(Math.min(...recall) * 100).toFixed(1)}%)  ` +
      `top confusions: ${worst.map((l) => `${l.source.slice(2)}→${l.target.slice(2)} ×${l.value}`).join(', ')}`,
  );
}
