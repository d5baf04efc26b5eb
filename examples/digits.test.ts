// Checks the committed model outputs written by examples/make_digits.py: shapes, that the
// exported logits, probabilities and predictions agree with each other, that the metadata
// (accuracy per model and per class) matches the data, and that the version chain tells
// the story the stories rely on (better overall, mixed per class).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from './src/write-data.js';

interface ModelOutput {
  id: string;
  name: string;
  label: string;
  accuracy: number;
  classAccuracy: number[];
  logitsKind: string;
  pred: number[];
  probs: number[][];
  logits: number[][];
}
interface DigitsFile {
  dataset: string;
  meta: { split: { kind: string; test: number }; seed: number };
  classes: string[];
  ids: number[];
  truth: number[];
  fold?: number[];
  images: number[][];
  models: ModelOutput[];
}

const load = (name: string): DigitsFile => JSON.parse(readFileSync(dataPath(name), 'utf8'));
const files = { 'digits.json': load('digits.json'), 'digits-cv.json': load('digits-cv.json') };

function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function trendKind(v: readonly number[]): string {
  const steps = v.slice(1).map((x, i) => Math.sign(x - v[i]));
  if (steps.every((s) => s === 0)) return 'stable';
  if (steps.every((s) => s > 0)) return 'increasing';
  if (steps.every((s) => s < 0)) return 'decreasing';
  if (steps.every((s) => s >= 0)) return 'non-decreasing';
  if (steps.every((s) => s <= 0)) return 'non-increasing';
  return 'mixed';
}

for (const [name, d] of Object.entries(files)) {
  describe(`examples/data/${name}`, () => {
    const n = d.truth.length;
    const k = d.classes.length;

    it(`${name}: columns have one entry per item and images are 8×8 ints in 0–16`, () => {
      expect(d.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(n).toBe(d.meta.split.test);
      expect(d.ids).toHaveLength(n);
      expect(new Set(d.ids).size).toBe(n);
      expect(d.ids.every((id) => Number.isInteger(id) && id >= 0 && id < 1797)).toBe(true);
      expect(d.truth.every((t) => Number.isInteger(t) && t >= 0 && t < k)).toBe(true);
      expect(d.images).toHaveLength(n);
      for (const im of d.images) {
        expect(im).toHaveLength(64);
        expect(im.every((p) => Number.isInteger(p) && p >= 0 && p <= 16)).toBe(true);
      }
      // Stratified: every class holds about a tenth of the items.
      const counts = Array.from({ length: k }, (_, c) => d.truth.filter((t) => t === c).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.ceil(n * 0.02) + 2);
    });

    it(`${name}: three models M0 → M1 → M2 with algorithm names and a logits description`, () => {
      expect(d.models.map((m) => m.id)).toEqual(['M0', 'M1', 'M2']);
      expect(d.models.map((m) => m.name)).toEqual(['GaussianNB', 'LogisticRegression', 'MLPClassifier']);
      for (const m of d.models) {
        expect(m.label).toBe(`${m.id} · ${m.name}`);
        expect(m.logitsKind.length).toBeGreaterThan(10);
      }
    });

    it(`${name}: per model, pred/probs/logits have n rows of 10 finite numbers`, () => {
      for (const m of d.models) {
        expect(m.pred).toHaveLength(n);
        expect(m.probs).toHaveLength(n);
        expect(m.logits).toHaveLength(n);
        for (let i = 0; i < n; i++) {
          expect(m.probs[i]).toHaveLength(k);
          expect(m.logits[i]).toHaveLength(k);
          expect(m.probs[i].every((p) => Number.isFinite(p) && p >= 0 && p <= 1)).toBe(true);
          expect(m.logits[i].every(Number.isFinite)).toBe(true);
        }
      }
    });

    it(`${name}: probabilities sum to 1 (±5e-4, 4 significant digits), pred is their argmax, softmax(logits) ≈ probs (±5e-3)`, () => {
      for (const m of d.models) {
        let worstSum = 0;
        let worstSoftmax = 0;
        for (let i = 0; i < n; i++) {
          const p = m.probs[i];
          worstSum = Math.max(worstSum, Math.abs(p.reduce((a, b) => a + b, 0) - 1));
          expect(p[m.pred[i]], `${m.id} item ${i}`).toBe(Math.max(...p));
          const q = softmax(m.logits[i]);
          for (let c = 0; c < k; c++) worstSoftmax = Math.max(worstSoftmax, Math.abs(q[c] - p[c]));
          // logits have the same argmax as the prediction
          expect(m.logits[i][m.pred[i]], `${m.id} item ${i}`).toBe(Math.max(...m.logits[i]));
        }
        expect(worstSum, m.id).toBeLessThan(5e-4);
        expect(worstSoftmax, m.id).toBeLessThan(5e-3);
      }
    });

    it(`${name}: accuracy and classAccuracy in the metadata match pred vs truth`, () => {
      for (const m of d.models) {
        const correct = m.pred.filter((p, i) => p === d.truth[i]).length;
        expect(m.accuracy).toBeCloseTo(correct / n, 6);
        for (let c = 0; c < k; c++) {
          const idx = d.truth.map((t, i) => (t === c ? i : -1)).filter((i) => i >= 0);
          const acc = idx.filter((i) => m.pred[i] === c).length / idx.length;
          expect(m.classAccuracy[c]).toBeCloseTo(acc, 6);
        }
      }
    });

    it(`${name}: overall accuracy rises M0 < M1 < M2, all well above chance`, () => {
      const acc = d.models.map((m) => m.accuracy);
      expect(acc[0]).toBeGreaterThan(0.8);
      expect(acc[0]).toBeLessThan(acc[1]);
      expect(acc[1]).toBeLessThan(acc[2]);
    });

    it(`${name}: per-class trends vary (strictly up, flat steps and drops all occur)`, () => {
      const kinds = d.classes.map((_, c) => trendKind(d.models.map((m) => m.classAccuracy[c])));
      expect(kinds).toContain('increasing');
      expect(kinds.some((t) => t === 'non-decreasing' || t === 'non-increasing' || t === 'stable')).toBe(true);
      // at least one class gets worse at some step
      const drops = d.classes.filter((_, c) =>
        d.models.some((m, j) => j > 0 && m.classAccuracy[c] < d.models[j - 1].classAccuracy[c]),
      );
      expect(drops.length).toBeGreaterThanOrEqual(2);
      expect(new Set(kinds).size).toBeGreaterThanOrEqual(3);
    });

    it(`${name}: misclassified items exist for each model and models disagree on some items`, () => {
      for (const m of d.models) expect(m.pred.some((p, i) => p !== d.truth[i])).toBe(true);
      const changed = d.models[0].pred.filter((p, i) => p !== d.models[2].pred[i]).length;
      expect(changed).toBeGreaterThan(n * 0.03);
    });
  });
}

describe('digits.json and digits-cv.json together', () => {
  it('the held-out items appear in digits-cv.json with the same image and truth', () => {
    const ho = files['digits.json'];
    const cv = files['digits-cv.json'];
    expect(cv.ids).toEqual(Array.from({ length: 1797 }, (_, i) => i));
    ho.ids.forEach((id, i) => {
      expect(cv.images[id]).toEqual(ho.images[i]);
      expect(cv.truth[id]).toBe(ho.truth[i]);
    });
  });

  it('digits-cv.json assigns every item to one of 5 stratified folds', () => {
    const cv = files['digits-cv.json'];
    expect(cv.fold).toHaveLength(1797);
    const sizes = [0, 0, 0, 0, 0];
    for (const f of cv.fold!) sizes[f]++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('both files stay compact (< 4 MB)', () => {
    for (const name of Object.keys(files)) expect(statSync(dataPath(name)).size).toBeLessThan(4e6);
  });
});
