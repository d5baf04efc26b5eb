// Derived inputs for the DeepCompare stories (cl-metrics-treemap, cl-agreement-table):
// a six-model set whose three extra models are SIMULATED deterministically from the real
// digits models' probabilities, a seeded 100,000-row table, and small edge cases.
import type { Digits } from './data.js';

/** Seeded PRNG (an LCG: deterministic stories). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const argmax = (row: ArrayLike<number>) => {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
};

/**
 * The three real digits models plus three SIMULATED ones, all deterministic:
 * `S3 · ensemble` = argmax of the mean of the three models' probabilities;
 * `S4 · noisy LR` = argmax of logistic regression's probabilities plus seeded uniform noise (±0.35);
 * `S5 · noisy MLP` = the same for the MLP with ±0.6.
 */
export function sixModels(d: Digits): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of d.models) out[m.id] = m.predNames;
  const n = d.truth.length;
  const [p0, p1, p2] = d.models.map((m) => m.probs);
  const r = lcg(2019);
  const ens: string[] = [];
  const lr: string[] = [];
  const mlp: string[] = [];
  for (let i = 0; i < n; i++) {
    ens.push(d.classes[argmax(p0[i].map((v, j) => (v + p1[i][j] + p2[i][j]) / 3))]);
    lr.push(d.classes[argmax(p1[i].map((v) => v + (r() - 0.5) * 0.7))]);
    mlp.push(d.classes[argmax(p2[i].map((v) => v + (r() - 0.5) * 1.2))]);
  }
  out['S3 · ensemble'] = ens;
  out['S4 · noisy LR'] = lr;
  out['S5 · noisy MLP'] = mlp;
  return out;
}

/** A seeded table of `n` items, `m` classes and three models of accuracy ~0.9, 0.8, 0.7, with a confidence column. */
export function syntheticRows(n: number, m: number, seed = 7) {
  const r = lcg(seed);
  const classes = Array.from({ length: m }, (_, c) => `class ${c}`);
  const truth = new Int32Array(n);
  const preds = { A: new Int32Array(n), B: new Int32Array(n), C: new Int32Array(n) };
  const confidence = new Float64Array(n);
  const acc = [0.9, 0.8, 0.7];
  for (let i = 0; i < n; i++) {
    const t = Math.floor(r() * m);
    truth[i] = t;
    (['A', 'B', 'C'] as const).forEach((k, j) => (preds[k][i] = r() < acc[j] ? t : Math.floor(r() * m)));
    confidence[i] = Math.round(r() * 1000) / 1000;
  }
  const items = Array.from({ length: n }, (_, i) => ({ id: `row-${String(i).padStart(6, '0')}` }));
  return { classes, truth, preds, confidence, items };
}

/** Texts and labels that must render as text: HTML, a javascript: URL, RTL and emoji, a very long text. */
export const htmlItems = {
  truth: ['<b>pos</b>', 'neg', '<b>pos</b>', 'neg', 'שלום'],
  predictions: {
    '<img src=x onerror=alert(1)>': ['<b>pos</b>', '<b>pos</b>', 'neg', 'neg', 'שלום'],
    B: ['<b>pos</b>', 'neg', '<b>pos</b>', '<b>pos</b>', 'neg'],
  },
  items: [
    { id: '<i>1</i>', text: '<img src=x onerror=alert(1)> a review with markup in it' },
    { id: 'two', text: 'javascript:alert(1) — a link that must not be one' },
    { id: 'three', text: 'שלום עולם, a right-to-left review 🐱 with emoji' },
    { id: 'four', text: 'a very long review '.repeat(40).trim() },
    { id: 'five', text: '<script>alert(1)</script>' },
  ],
};
