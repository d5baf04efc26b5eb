// Checks the committed trajectory example data against its documented format
// (docs/examples-trajectories.md) and the accuracy targets of issue #4.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Sequence {
  id: string;
  label: string | number;
  prediction: string | number;
  tokens: string[];
  states: number[];
  expected: number[];
}
interface TrajectoryData {
  name: string;
  classes: (string | number)[];
  hiddenSize: number;
  accuracy: number;
  heldOut: number;
  sequences: Sequence[];
}

const files = [
  { file: 'trajectories-digits.json', name: 'digits', classes: 10, minAccuracy: 0.85, steps: [8, 8] },
  { file: 'trajectories-reviews.json', name: 'reviews', classes: 2, minAccuracy: 0.8, steps: [1, 60] },
];

describe.each(files)('examples/data/$file', ({ file, name, classes, minAccuracy, steps }) => {
  const url = new URL(`../data/${file}`, import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as TrajectoryData;

  it('is under 3 MB and names itself', () => {
    expect(statSync(url).size).toBeLessThan(3e6);
    expect(data.name).toBe(name);
    expect(data.classes).toHaveLength(classes);
    expect(data.hiddenSize).toBe(32);
  });

  it('has about 300 held-out sequences with unique ids and known labels', () => {
    expect(data.sequences).toHaveLength(data.heldOut);
    expect(data.heldOut).toBeGreaterThanOrEqual(250);
    expect(new Set(data.sequences.map((s) => s.id)).size).toBe(data.sequences.length);
    for (const s of data.sequences) {
      expect(data.classes).toContain(s.label);
      expect(data.classes).toContain(s.prediction);
    }
  });

  it('stores steps × hiddenSize states and steps × classes softmax rows per sequence', () => {
    let maxAbsState = 0;
    let minProb = Infinity;
    let worstRowSum = 0;
    for (const s of data.sequences) {
      const T = s.tokens.length;
      expect(T).toBeGreaterThanOrEqual(steps[0]);
      expect(T).toBeLessThanOrEqual(steps[1]);
      expect(s.states).toHaveLength(T * data.hiddenSize);
      expect(s.expected).toHaveLength(T * classes);
      for (const v of s.states) maxAbsState = Math.max(maxAbsState, Math.abs(v));
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let k = 0; k < classes; k++) {
          const p = s.expected[t * classes + k];
          minProb = Math.min(minProb, p);
          sum += p;
        }
        worstRowSum = Math.max(worstRowSum, Math.abs(sum - 1));
      }
    }
    expect(maxAbsState).toBeLessThanOrEqual(1); // GRU states are tanh-bounded
    expect(minProb).toBeGreaterThanOrEqual(0);
    // Rounded to 4 decimals: each row sums to 1 within classes × 0.5e-4.
    expect(worstRowSum).toBeLessThanOrEqual(classes * 0.5e-4 + 1e-12);
  });

  it('reports a held-out accuracy that matches its predictions and beats the target', () => {
    let correct = 0;
    for (const s of data.sequences) {
      // `prediction` is the argmax of the last step's expected prediction (up to rounding ties).
      const T = s.tokens.length;
      const last = s.expected.slice((T - 1) * classes, T * classes);
      const best = Math.max(...last);
      expect(last[data.classes.indexOf(s.prediction)]).toBeCloseTo(best, 3);
      if (s.prediction === s.label) correct++;
    }
    expect(data.accuracy).toBeCloseTo(correct / data.sequences.length, 4);
    expect(data.accuracy).toBeGreaterThanOrEqual(minAccuracy);
  });
});
