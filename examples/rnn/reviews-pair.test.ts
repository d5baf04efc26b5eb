// Checks examples/data/reviews-pair.json (written by examples/rnn/make_review_pair.py):
// shapes, that each model's probabilities, logits and predictions agree, that the metadata
// matches the data, that it is the same GRU as trajectories-reviews.json, and that the two
// models really disagree — both ways, and where a bag of words should fail.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PairModel {
  id: string;
  label: string;
  accuracy: number;
  classAccuracy: number[];
  pred: number[];
  probs: number[][];
  logits: number[][];
}
interface PairFile {
  dataset: string;
  meta: { heldOut: number; trainSize: number };
  classes: string[];
  ids: string[];
  truth: number[];
  texts: string[];
  activationNames: string[];
  activations: number[][];
  models: PairModel[];
  bowWeights: [string, number][];
}
interface Trajectories {
  classes: string[];
  hiddenSize: number;
  sequences: {
    id: string;
    label: string;
    prediction: string;
    tokens: string[];
    states: number[];
    expected: number[];
  }[];
}

const url = new URL('../data/reviews-pair.json', import.meta.url);
const d = JSON.parse(readFileSync(url, 'utf8')) as PairFile;
const trajectories = JSON.parse(
  readFileSync(new URL('../data/trajectories-reviews.json', import.meta.url), 'utf8'),
) as Trajectories;
const n = d.truth.length;
const [gru, bow] = d.models;
const argmax = (row: number[]) => row.reduce((b, v, j) => (v > row[b] ? j : b), 0);

describe('examples/data/reviews-pair.json', () => {
  it('has 2,000 held-out reviews with text, truth and 32 GRU activations each, under 1.5 MB', () => {
    expect(statSync(url).size).toBeLessThan(1.5e6);
    expect(d.dataset).toBe('reviews-pair');
    expect(d.classes).toEqual(['negative', 'positive']);
    expect(n).toBe(2000);
    expect(d.meta.heldOut).toBe(n);
    for (const col of [d.ids, d.texts, d.activations]) expect(col).toHaveLength(n);
    expect(new Set(d.ids).size).toBe(n);
    expect(d.activationNames).toHaveLength(32);
    for (const row of d.activations) {
      expect(row).toHaveLength(32);
      for (const v of row) expect(Math.abs(v)).toBeLessThan(1); // tanh-bounded GRU state
    }
    for (const t of d.truth) expect(t === 0 || t === 1).toBe(true);
    for (const text of d.texts) expect(text.length).toBeGreaterThan(2);
  });

  it('models GRU and BoW: probability rows sum to 1, pred = argmax(probs) = argmax(logits), softmax(logits) ≈ probs', () => {
    expect(d.models.map((m) => m.id)).toEqual(['GRU', 'BoW']);
    for (const m of d.models) {
      expect(m.pred).toHaveLength(n);
      expect(m.probs).toHaveLength(n);
      expect(m.logits).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        const p = m.probs[i];
        expect(p).toHaveLength(2);
        expect(Math.abs(p[0] + p[1] - 1)).toBeLessThanOrEqual(2 * 0.5e-4 + 1e-12); // 4 decimals each
        expect(p[0]).not.toBe(p[1]); // no exact tie: argmax is unambiguous
        expect(m.pred[i], `${m.id} item ${i}`).toBe(argmax(p));
        expect(m.pred[i], `${m.id} item ${i}`).toBe(argmax(m.logits[i]));
        const z = m.logits[i];
        const s1 = 1 / (1 + Math.exp(z[0] - z[1]));
        expect(Math.abs(s1 - p[1])).toBeLessThan(1e-3); // logits rounded to 4 decimals too
      }
    }
  });

  it('accuracy and classAccuracy match the predictions', () => {
    for (const m of d.models) {
      const right = m.pred.filter((p, i) => p === d.truth[i]).length;
      expect(m.accuracy).toBeCloseTo(right / n, 6);
      d.classes.forEach((_, c) => {
        const items = d.truth.map((t, i) => (t === c ? i : -1)).filter((i) => i >= 0);
        const ok = items.filter((i) => m.pred[i] === c).length;
        expect(m.classAccuracy[c]).toBeCloseTo(ok / items.length, 6);
      });
    }
    expect(gru.accuracy).toBeGreaterThan(0.95);
    expect(bow.accuracy).toBeGreaterThan(0.7);
    expect(bow.accuracy).toBeLessThan(gru.accuracy);
  });

  it('review-0 … review-299 are trajectories-reviews.json: same text, truth, GRU answer and final state', () => {
    trajectories.sequences.forEach((s, k) => {
      expect(d.ids[k]).toBe(s.id);
      expect(d.texts[k]).toBe(s.tokens.join(' ').replaceAll(' .', '.'));
      expect(d.classes[d.truth[k]]).toBe(s.label);
      expect(d.classes[gru.pred[k]]).toBe(s.prediction);
      const T = s.tokens.length;
      expect(d.activations[k]).toEqual(s.states.slice((T - 1) * 32, T * 32));
      expect(gru.probs[k]).toEqual(s.expected.slice((T - 1) * 2, T * 2));
    });
  });

  it('the models disagree both ways, and the bag of words fails where word order matters', () => {
    const gruOnly: number[] = [];
    const bowOnly: number[] = [];
    for (let i = 0; i < n; i++) {
      const g = gru.pred[i] === d.truth[i];
      const b = bow.pred[i] === d.truth[i];
      if (g && !b) gruOnly.push(i);
      if (b && !g) bowOnly.push(i);
    }
    expect(gruOnly.length).toBeGreaterThan(300);
    expect(bowOnly.length).toBeGreaterThan(15);
    // Negations and "but" need word order: they are far more common where only the GRU is right.
    const orderWord = /\b(not|never|hardly|but)\b/;
    const share = (items: number[]) => items.filter((i) => orderWord.test(d.texts[i])).length / items.length;
    const all = d.texts.map((_, i) => i);
    expect(share(gruOnly)).toBeGreaterThan(share(all) + 0.15);
  });

  it('bowWeights lists the vocabulary by coefficient, praise first and blame last', () => {
    const w = d.bowWeights;
    for (let j = 1; j < w.length; j++) expect(w[j][1]).toBeLessThanOrEqual(w[j - 1][1]);
    const weight = new Map(w);
    expect(weight.get('superb')!).toBeGreaterThan(0.5);
    expect(weight.get('awful')!).toBeLessThan(-0.5);
    expect(new Set(w.map(([word]) => word)).size).toBe(w.length);
  });
});
