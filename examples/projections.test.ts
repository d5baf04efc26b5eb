// The precomputed layouts (examples/src/write-projections.ts) and the data they project:
// digits-item-map.json (De-Confusion item map) and reviews-steps* (every hidden state of
// the review GRU, 106,496 points, binary columns). Shapes, byte sizes, agreement with the
// files they derive from, and that the 2-D layouts keep the neighbourhoods of their data.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from './src/write-data.js';
import { TSNE_OPTIONS, pickRows, readStepStates, sampleRows, stepsHeaderText } from './src/write-projections.js';
import { mismatchScore, toMatrix, trustworthiness, type Matrix } from '../packages/core/src/index.js';

const json = (name: string) => JSON.parse(readFileSync(dataPath(name), 'utf8'));

describe('examples/data/digits-item-map.json', () => {
  const map = json('digits-item-map.json');
  const cv = json('digits-cv.json');
  const n = cv.truth.length as number;
  const xy: Matrix = {
    rows: n,
    cols: 2,
    data: Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 ? map.y[k >> 1] : map.x[k >> 1])),
  };

  it('has every digit of digits-cv.json with truth, M2 prediction, score, x, y and image, under 0.5 MB', () => {
    expect(statSync(dataPath('digits-item-map.json')).size).toBeLessThan(5e5);
    for (const col of ['ids', 'truth', 'pred', 'score', 'x', 'y', 'images']) expect(map[col], col).toHaveLength(n);
    expect(map.ids).toEqual(cv.ids);
    expect(map.truth).toEqual(cv.truth);
    expect(map.pred).toEqual(cv.models[2].pred);
    expect(map.images).toEqual(cv.images);
    expect(map.projection).toMatchObject({ method: 'tsne', ...TSNE_OPTIONS });
    for (const v of [...map.x, ...map.y]) expect(Number.isFinite(v)).toBe(true);
  });

  it('score is core mismatchScore of M2: 1/2 exactly where the label is predicted, above where it is not', () => {
    const expected = mismatchScore(toMatrix(cv.models[2].probs), cv.truth);
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      expect(Math.abs(map.score[i] - expected[i])).toBeLessThanOrEqual(5e-7 + 1e-12);
      if (map.pred[i] === map.truth[i]) expect(map.score[i]).toBe(0.5);
      else {
        wrong++;
        expect(map.score[i]).toBeGreaterThan(0.5);
      }
    }
    expect(wrong).toBeGreaterThan(20);
  });

  it('the layout keeps neighbourhoods (trustworthiness ≥ 0.95) and groups digits by class', () => {
    const pixels = toMatrix(cv.images.map((row: number[]) => row.map((v) => v / 16)));
    expect(trustworthiness(pixels, xy, 10)).toBeGreaterThan(0.95);
    // 10 nearest neighbours in the layout: mostly the same true digit.
    let same = 0;
    for (let i = 0; i < n; i++) {
      const d = Array.from({ length: n }, (_, j) => [(map.x[i] - map.x[j]) ** 2 + (map.y[i] - map.y[j]) ** 2, j]);
      d.sort((a, b) => a[0] - b[0]);
      for (let k = 1; k <= 10; k++) if (map.truth[d[k][1]] === map.truth[i]) same++;
    }
    expect(same / (10 * n)).toBeGreaterThan(0.9);
  });
});

describe('examples/data/reviews-steps*', () => {
  const header = json('reviews-steps.json');
  const n = header.points as number;
  const bytes = (key: string) => readFileSync(dataPath(header.files[key].path));
  const view = <T>(key: string, Type: new (b: ArrayBuffer, o: number, l: number) => T, size: number) => {
    const b = bytes(key);
    return new Type(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / size);
  };
  const expectedP = view('expected', Float32Array, 4);
  const sequence = view('sequence', Uint16Array, 2);
  const step = view('step', Uint8Array, 1);
  const token = view('token', Uint8Array, 1);
  const xyData = view('xy', Float32Array, 4);
  const { offsets, labels, predictions, count } = header.sequences;

  it('has 100,000+ points in little-endian columns whose sizes match the header, each file ≤ 5 MB', () => {
    expect(n).toBeGreaterThanOrEqual(100_000);
    const width: Record<string, number> = { int8: 1, uint8: 1, uint16: 2, float32: 4 };
    let total = statSync(dataPath('reviews-steps.json')).size;
    for (const [key, spec] of Object.entries(header.files) as [
      string,
      { path: string; dtype: string; shape: number[] },
    ][]) {
      const size = statSync(dataPath(spec.path)).size;
      expect(size, key).toBe(spec.shape.reduce((a, b) => a * b, 1) * width[spec.dtype]);
      expect(spec.shape[0], key).toBe(n);
      expect(size, key).toBeLessThanOrEqual(5e6);
      total += size;
    }
    expect(total).toBeLessThan(6e6);
    expect(header.byteOrder).toBe('little-endian');
  });

  it('the header and its text are what the scripts write; the projection belongs to these states', () => {
    const sha = createHash('sha256').update(bytes('states')).digest('hex');
    expect(header.statesSha256).toBe(sha);
    // A stale projection (states regenerated, t-SNE not rerun) fails here:
    // node scripts/run-ts.mjs examples/src/write-projections.ts steps
    expect(header.projection?.statesSha256).toBe(sha);
    expect(header.projection).toMatchObject({ method: 'tsne', ...TSNE_OPTIONS });
    expect(stepsHeaderText(header)).toBe(readFileSync(dataPath('reviews-steps.json'), 'utf8'));
  });

  it('sequence, step and token columns follow the offsets; labels and predictions match the accuracy', () => {
    expect(offsets).toHaveLength(count + 1);
    expect(offsets[0]).toBe(0);
    expect(offsets[count]).toBe(n);
    for (let k = 0; k < count; k++) {
      for (let i = offsets[k]; i < offsets[k + 1]; i++) {
        if (sequence[i] !== k || step[i] !== i - offsets[k]) throw new Error(`point ${i}: sequence/step mismatch`);
      }
      // The prediction is the last step's expected prediction (P(positive) > 1/2 → 1).
      expect(predictions[k], `review-${k}`).toBe(expectedP[offsets[k + 1] - 1] > 0.5 ? 1 : 0);
    }
    for (const t of token) expect(t).toBeLessThan(header.vocabulary.length);
    const right = labels.filter((l: number, k: number) => l === predictions[k]).length;
    expect(header.accuracy).toBeCloseTo(right / count, 6);
    for (const p of expectedP) expect(p >= 0 && p <= 1).toBe(true);
  });

  it('review-0 … review-299 are trajectories-reviews.json and review-0 … review-1999 reviews-pair.json', () => {
    const states = readStepStates(header).data;
    const trajectories = json('trajectories-reviews.json');
    trajectories.sequences.forEach(
      (s: { tokens: string[]; states: number[]; expected: number[]; label: string }, k: number) => {
        const at = offsets[k];
        expect(offsets[k + 1] - at).toBe(s.tokens.length);
        expect(s.tokens).toEqual(Array.from(token.subarray(at, at + s.tokens.length), (t) => header.vocabulary[t]));
        expect(header.classes[labels[k]]).toBe(s.label);
        for (let j = 0; j < s.states.length; j++) {
          // int8 quantisation (±0.5 / 127) plus the JSON's 4-decimal rounding.
          expect(Math.abs(states[at * 32 + j] - s.states[j])).toBeLessThanOrEqual(0.5 / 127 + 0.5e-4 + 1e-6);
        }
        for (let t = 0; t < s.tokens.length; t++) {
          expect(Math.abs(expectedP[at + t] - s.expected[2 * t + 1])).toBeLessThanOrEqual(0.5e-4 + 1e-6);
        }
      },
    );
    const pair = json('reviews-pair.json');
    for (let k = 0; k < 2000; k++) {
      expect(labels[k]).toBe(pair.truth[k]);
      expect(predictions[k]).toBe(pair.models[0].pred[k]);
      expect(Math.abs(expectedP[offsets[k + 1] - 1] - pair.models[0].probs[k][1])).toBeLessThanOrEqual(0.5e-4 + 1e-6);
    }
  });

  it('the t-SNE layout is finite and keeps neighbourhoods on a sample (trustworthiness ≥ 0.85)', () => {
    for (const v of xyData) if (!Number.isFinite(v)) throw new Error('non-finite coordinate');
    const states = readStepStates(header);
    const xy: Matrix = { rows: n, cols: 2, data: xyData };
    const sample = sampleRows(n, 2000, 11);
    expect(trustworthiness(pickRows(states, sample), pickRows(xy, sample), 10)).toBeGreaterThan(0.85);
  });
});
