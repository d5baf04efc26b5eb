import { describe, expect, it } from 'vitest';
import { pca, trustworthiness, tsne, type Matrix } from '../../src/index.js';
import { clusters, expectRejectCode, fixture, maxAbsDiff } from './helpers.js';

interface Digits {
  data: number[][];
  target: number[];
  sklearnTsne: { perplexity: number; trustworthiness10: number[] }[];
  pcaTrustworthiness10: number;
}
const digits = fixture<Digits>('digits.json');
const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

function std(m: Matrix, col: number): number {
  let mu = 0;
  for (let i = 0; i < m.rows; i++) mu += m.data[i * m.cols + col];
  mu /= m.rows;
  let v = 0;
  for (let i = 0; i < m.rows; i++) v += (m.data[i * m.cols + col] - mu) ** 2;
  return Math.sqrt(v / m.rows);
}

describe('tsne(data, opts) quality against scikit-learn', () => {
  // 500 sklearn digits (8×8 images, 64 dims). make_projection.py ran sklearn's TSNE
  // (Barnes–Hut, PCA init, learning_rate="auto") with seeds 0–2 and measured
  // trustworthiness (k = 10). Ours must be within 0.01 of sklearn's mean.
  for (const run of digits.sklearnTsne) {
    it(`keeps neighbourhoods like sklearn on 500 digits (perplexity ${run.perplexity})`, async () => {
      const y = await tsne(digits.data, { perplexity: run.perplexity, seed: 1 });
      expect(y.rows).toBe(500);
      expect(y.cols).toBe(2);
      const t = trustworthiness(digits.data, y, 10);
      expect(Math.abs(t - mean(run.trustworthiness10))).toBeLessThan(0.01);
      // And far better than the linear projection it starts from.
      expect(t).toBeGreaterThan(digits.pcaTrustworthiness10 + 0.1);
    });
  }

  it("with method 'exact' also matches sklearn's neighbourhood quality on 150 digits", async () => {
    const sub = digits.data.slice(0, 150);
    const yExact = await tsne(sub, { method: 'exact', perplexity: 20, iterations: 600 });
    const yBh = await tsne(sub, { method: 'barnes-hut', perplexity: 20, iterations: 600 });
    const tExact = trustworthiness(sub, yExact, 10);
    const tBh = trustworthiness(sub, yBh, 10);
    expect(tExact).toBeGreaterThan(0.95);
    expect(Math.abs(tExact - tBh)).toBeLessThan(0.02);
  });

  it('keeps well-separated clusters separated', async () => {
    const { X, label } = clusters([70, 70, 70, 70], 12, 14, 5);
    const y = await tsne(X, { seed: 3 });
    const n = X.rows;
    const cx = [0, 0, 0, 0];
    const cy = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      cx[label[i]] += y.data[2 * i] / 70;
      cy[label[i]] += y.data[2 * i + 1] / 70;
    }
    const radius = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const c = label[i];
      radius[c] = Math.max(radius[c], Math.hypot(y.data[2 * i] - cx[c], y.data[2 * i + 1] - cy[c]));
    }
    for (let a = 0; a < 4; a++) {
      for (let b = a + 1; b < 4; b++) {
        // Disjoint discs around the cluster centres.
        expect(Math.hypot(cx[a] - cx[b], cy[a] - cy[b])).toBeGreaterThan(radius[a] + radius[b]);
      }
    }
    // Every point's nearest embedded neighbour is from its own cluster.
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bd = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const d = (y.data[2 * i] - y.data[2 * j]) ** 2 + (y.data[2 * i + 1] - y.data[2 * j + 1]) ** 2;
        if (d < bd) {
          bd = d;
          best = j;
        }
      }
      expect(label[best]).toBe(label[i]);
    }
  });
});

describe('tsne(data, opts) determinism and inputs', () => {
  const small = digits.data.slice(0, 220);

  it('gives bit-identical output for equal inputs and seed', async () => {
    const a = await tsne(small, { seed: 7, iterations: 300 });
    const b = await tsne(small, { seed: 7, iterations: 300 });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    const r1 = await tsne(small, { seed: 7, iterations: 300, init: 'random' });
    const r2 = await tsne(small, { seed: 7, iterations: 300, init: 'random' });
    expect(Array.from(r2.data)).toEqual(Array.from(r1.data));
  });

  it('depends on the seed with a random start', async () => {
    const a = await tsne(small, { seed: 1, iterations: 50, init: 'random' });
    const b = await tsne(small, { seed: 2, iterations: 50, init: 'random' });
    expect(Array.from(b.data)).not.toEqual(Array.from(a.data));
  });

  it('accepts a Float32 Matrix and leaves it untouched', async () => {
    const data = Float32Array.from(small.flat());
    const copy = data.slice();
    const y = await tsne({ rows: 220, cols: 64, data }, { iterations: 100 });
    expect(Array.from(data)).toEqual(Array.from(copy));
    expect(y.data).toBeInstanceOf(Float64Array);
    expect(Array.from(y.data).every(Number.isFinite)).toBe(true);
  });

  it('starts from PCA scaled to a first-column standard deviation of 1e-4 (iterations: 0)', async () => {
    const y = await tsne(small, { iterations: 0 });
    expect(std(y, 0)).toBeCloseTo(1e-4, 12);
    // Same direction as pca(): a positive multiple of its scores.
    const p = pca(small, 2);
    const f = y.data[0] / p.data[0];
    expect(f).toBeGreaterThan(0);
    for (let i = 0; i < 220; i++) expect(y.data[2 * i + 1]).toBeCloseTo(p.data[2 * i + 1] * f, 12);
  });

  it('uses a given init as is, and learningRate "auto" = max(n / 48, 50)', async () => {
    const init = { rows: 220, cols: 2, data: new Float64Array(440).map((_, t) => Math.sin(t) * 1e-3) };
    const y0 = await tsne(small, { init, iterations: 0 });
    expect(Array.from(y0.data)).toEqual(Array.from(init.data));
    const a = await tsne(small, { init, iterations: 30 });
    const b = await tsne(small, { init, iterations: 30, learningRate: 50 });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it('handles n < 4 explicitly: empty, one point at the origin, PCA scores for 2–3 points', async () => {
    const e = await tsne([]);
    expect(e).toEqual({ rows: 0, cols: 2, data: new Float64Array(0) });
    const one = await tsne([[5, 6, 7]]);
    expect(Array.from(one.data)).toEqual([0, 0]);
    const two = await tsne([
      [0, 0, 0],
      [3, 4, 0],
    ]);
    // The second component has no variance: its scores are 0 up to rounding (1e-12).
    expect(maxAbsDiff(two.data, [-2.5, 0, 2.5, 0])).toBeLessThan(1e-12);
    const three = await tsne([
      [0, 0],
      [2, 0],
      [4, 1],
    ]);
    const p = pca(
      [
        [0, 0],
        [2, 0],
        [4, 1],
      ],
      2,
    );
    expect(Array.from(three.data)).toEqual(Array.from(p.data));
  });

  it('returns finite, non-degenerate layouts for constant data and for one-column data', async () => {
    const constant = Array.from({ length: 40 }, () => [1, 2, 3]);
    const yc = await tsne(constant, { iterations: 100 });
    expect(Array.from(yc.data).every(Number.isFinite)).toBe(true);
    const line = Array.from({ length: 60 }, (_, i) => [i % 3 === 0 ? i : i * 1.5]);
    const yl = await tsne(line, { iterations: 200 });
    expect(Array.from(yl.data).every(Number.isFinite)).toBe(true);
    // The second coordinate got seeded noise, so the layout is not stuck on a line.
    expect(std(yl, 1)).toBeGreaterThan(0);
  });

  it('lowers the default perplexity for small n (n = 10 works without options)', async () => {
    const { X } = clusters([5, 5], 4, 10, 2);
    const y = await tsne(X);
    expect(Array.from(y.data).every(Number.isFinite)).toBe(true);
  });
});

describe('tsne(data, { signal, onProgress })', () => {
  const data = digits.data.slice(0, 300);

  it('reports non-decreasing progress in [0, 1], after every iteration, ending with 1', async () => {
    const seen: number[] = [];
    await tsne(data, { iterations: 120, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(121);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[0]).toBeGreaterThanOrEqual(0);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('rejects with an AbortError within one iteration of an abort', async () => {
    const controller = new AbortController();
    let after = 0;
    let aborted = false;
    const p = tsne(data, {
      signal: controller.signal,
      onProgress: (f) => {
        if (aborted) after++;
        if (f > 0.3 && !aborted) {
          aborted = true;
          controller.abort();
        }
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(aborted).toBe(true);
    expect(after).toBe(0);
  });

  it('onLayout sees the layout after every iteration, the last equal to the result', async () => {
    const iterations: number[] = [];
    let last: Float64Array | null = null;
    const y = await tsne(data, {
      iterations: 60,
      seed: 3,
      onLayout: (layout, it) => {
        expect(layout.length).toBe(2 * data.length);
        iterations.push(it);
        last = layout.slice();
      },
    });
    expect(iterations).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(Array.from(last!)).toEqual(Array.from(y.data));
    // Watching does not change the result.
    const again = await tsne(data, { iterations: 60, seed: 3 });
    expect(Array.from(again.data)).toEqual(Array.from(y.data));
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await expect(tsne(data, { signal: controller.signal, onProgress: () => calls++ })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toBe(0);
  });

  it('stops when aborted from a timer while it runs (it yields to the event loop)', async () => {
    const controller = new AbortController();
    let last = 0;
    setTimeout(() => controller.abort(), 20);
    await expect(tsne(digits.data, { signal: controller.signal, onProgress: (f) => (last = f) })).rejects.toMatchObject(
      { name: 'AbortError' },
    );
    expect(last).toBeLessThan(1);
  });
});

describe('tsne(data, opts) errors', () => {
  const X = Array.from({ length: 12 }, (_, i) => [i, (i * 7) % 5, i % 2]);
  it('rejects NON_FINITE naming the first bad entry', async () => {
    const bad = X.map((r) => r.slice());
    bad[4][2] = NaN;
    await expectRejectCode(tsne(bad), 'NON_FINITE', /data: NaN at row 4, column 2/);
  });
  it('rejects INVALID_SHAPE for ragged rows', async () => {
    await expectRejectCode(tsne([[1, 2], [3]]), 'INVALID_SHAPE');
  });
  it('rejects a perplexity ≥ n (scikit-learn rule) or ≤ 0', async () => {
    await expectRejectCode(
      tsne(X, { perplexity: 12 }),
      'INVALID_ARGUMENT',
      /must be less than the number of rows \(12\)/,
    );
    await expectRejectCode(tsne(X, { perplexity: 0 }), 'INVALID_ARGUMENT');
    await expectRejectCode(tsne(X, { perplexity: NaN }), 'INVALID_ARGUMENT');
    await expectRejectCode(tsne([[1], [2]], { perplexity: 5 }), 'INVALID_ARGUMENT');
  });
  it('rejects options out of range', async () => {
    await expectRejectCode(tsne(X, { iterations: -1 }), 'INVALID_ARGUMENT', /iterations/);
    await expectRejectCode(tsne(X, { iterations: 2.5 }), 'INVALID_ARGUMENT', /iterations/);
    await expectRejectCode(tsne(X, { exaggerationIterations: -3 }), 'INVALID_ARGUMENT', /exaggerationIterations/);
    await expectRejectCode(tsne(X, { theta: -0.1 }), 'INVALID_ARGUMENT', /theta/);
    await expectRejectCode(tsne(X, { seed: NaN }), 'INVALID_ARGUMENT', /seed/);
    await expectRejectCode(tsne(X, { earlyExaggeration: 0 }), 'INVALID_ARGUMENT', /earlyExaggeration/);
    await expectRejectCode(tsne(X, { learningRate: 0 }), 'INVALID_ARGUMENT', /learningRate/);
    await expectRejectCode(tsne(X, { learningRate: 'fast' as 'auto' }), 'INVALID_ARGUMENT', /learningRate/);
    await expectRejectCode(tsne(X, { method: 'fft' as 'auto' }), 'INVALID_ARGUMENT', /method/);
    await expectRejectCode(tsne(X, { onProgress: 5 as unknown as () => void }), 'INVALID_ARGUMENT', /onProgress/);
    await expectRejectCode(tsne(X, { signal: {} as AbortSignal }), 'INVALID_ARGUMENT', /signal/);
    await expectRejectCode(tsne(X, { onLayout: 1 as unknown as () => void }), 'INVALID_ARGUMENT', /onLayout/);
    await expectRejectCode(tsne(X, 'fast' as unknown as object), 'INVALID_ARGUMENT', /options/);
  });
  it('rejects an init of the wrong shape or length', async () => {
    await expectRejectCode(tsne(X, { init: 'spectral' as 'pca' }), 'INVALID_ARGUMENT', /init/);
    await expectRejectCode(tsne(X, { init: X }), 'INVALID_SHAPE', /3 columns, expected 2/);
    await expectRejectCode(tsne(X, { init: X.slice(1).map((r) => r.slice(0, 2)) }), 'LENGTH_MISMATCH', /11.*12|12.*11/);
    const badInit = X.map((r) => r.slice(0, 2));
    badInit[0][0] = Infinity;
    await expectRejectCode(tsne(X, { init: badInit }), 'NON_FINITE', /init/);
  });
});
