// Tests of the projection area's internal building blocks (not exported from the
// package, imported from their modules): nearest neighbours, affinities, the
// Barnes–Hut repulsion, the gradient and the symmetric eigen-solver.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateRow, symmetrize, type Csr } from '../../src/projection/internal/affinities.js';
import { BarnesHut } from '../../src/projection/internal/barnes-hut.js';
import { gradient, step, upperTriangle } from '../../src/projection/internal/gradient.js';
import { randomSource as createRng } from '../../src/common/random.js';
import { symmetricEigen } from '../../src/projection/internal/symmetric-eigen.js';
import { VpTree } from '../../src/projection/internal/vp-tree.js';
import { fixture, maxAbsDiff } from './helpers.js';

/** Brute-force k nearest neighbours with the same tie rule (distance, then index). */
function bruteKnn(x: ArrayLike<number>, n: number, d: number, k: number): { idx: number[][]; d2: number[][] } {
  const idx: number[][] = [];
  const d2: number[][] = [];
  for (let i = 0; i < n; i++) {
    const all: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < d; c++) s += (x[i * d + c] - x[j * d + c]) ** 2;
      all.push([s, j]);
    }
    all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    idx.push(all.slice(0, k).map((a) => a[1]));
    d2.push(all.slice(0, k).map((a) => a[0]));
  }
  return { idx, d2 };
}

function knnAll(
  x: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  seed = 1,
): { idx: Int32Array; d2: Float64Array } {
  const tree = new VpTree(x, n, d, createRng(seed));
  const idx = new Int32Array(n * k);
  const d2 = new Float64Array(n * k);
  for (let p = 0; p < n; p++) tree.queryPosition(p, k, idx, d2, tree.order[p] * k);
  return { idx, d2 };
}

describe('VpTree.queryPosition(p, k) (vantage-point kNN)', () => {
  const A = fixture<{ data: number[][]; k: number; neighbors: number[][]; distances: number[][] }>('affinities.json');

  it('finds the same neighbours as sklearn NearestNeighbors', () => {
    const n = A.data.length;
    const d = A.data[0].length;
    const { idx, d2 } = knnAll(A.data.flat(), n, d, A.k);
    for (let i = 0; i < n; i++) {
      expect(Array.from(idx.subarray(i * A.k, (i + 1) * A.k))).toEqual(A.neighbors[i]);
      // Squared distances, to 1e-12 of sklearn's (which it computes as a Euclidean distance).
      const ours = Array.from(d2.subarray(i * A.k, (i + 1) * A.k), Math.sqrt);
      expect(maxAbsDiff(ours, A.distances[i])).toBeLessThan(1e-12);
    }
  });

  it('equals brute force, ties and duplicates included, whatever the seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 70 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, d, kRaw, seed, vseed) => {
          const k = Math.min(kRaw, n - 1);
          // Small integer coordinates: plenty of exact ties and duplicate rows.
          const r = createRng(vseed);
          const x = Array.from({ length: n * d }, () => r.int(4));
          const want = bruteKnn(x, n, d, k);
          const got = knnAll(x, n, d, k, seed);
          for (let i = 0; i < n; i++) {
            expect(Array.from(got.idx.subarray(i * k, (i + 1) * k))).toEqual(want.idx[i]);
            expect(Array.from(got.d2.subarray(i * k, (i + 1) * k))).toEqual(want.d2[i]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('calibrateRow and symmetrize (t-SNE affinities)', () => {
  const A = fixture<{
    data: number[][];
    perplexity: number;
    k: number;
    P: { rows: number[]; cols: number[]; vals: number[] };
  }>('affinities.json');

  it('reproduce sklearn _joint_probabilities_nn on the same kNN graph', () => {
    const n = A.data.length;
    const k = A.k;
    const { idx, d2 } = knnAll(A.data.flat(), n, A.data[0].length, k);
    const cond = new Float64Array(n * k);
    for (let i = 0; i < n; i++) calibrateRow(d2, i * k, k, A.perplexity, cond);
    const P = symmetrize(n, k, idx, cond);
    const dense = new Map<string, number>();
    for (let i = 0; i < n; i++)
      for (let a = P.rowPtr[i]; a < P.rowPtr[i + 1]; a++) dense.set(`${i},${P.cols[a]}`, P.vals[a]);
    expect(dense.size).toBe(A.P.vals.length);
    let worst = 0;
    A.P.rows.forEach((i, t) => {
      const ours = dense.get(`${i},${A.P.cols[t]}`);
      expect(ours).toBeDefined();
      worst = Math.max(worst, Math.abs((ours as number) - A.P.vals[t]) / A.P.vals[t]);
    });
    // sklearn calibrates in float32: agreement to 1e-4 relative on every entry.
    expect(worst).toBeLessThan(1e-4);
  });

  it('calibrateRow(d2, …, perplexity) reaches the perplexity (2^H) and sums to 1', () => {
    fc.assert(
      fc.property(
        // Distances on a 0.1 grid: distinct values are at least 0.1 apart, so every
        // perplexity below k / 2 is reachable within the 100 bisection steps.
        fc.array(
          fc.integer({ min: 0, max: 100000 }).map((v) => v / 10),
          { minLength: 8, maxLength: 60 },
        ),
        fc.double({ min: 1.5, max: 5, noNaN: true }),
        (d2, perp) => {
          // Only perplexities that k distinct-enough distances can reach.
          const k = d2.length;
          const distinct = new Set(d2).size;
          fc.pre(distinct === k && perp < k / 2);
          const out = new Float64Array(k);
          calibrateRow(Float64Array.from(d2), 0, k, perp, out);
          let sum = 0;
          let h = 0;
          for (const p of out) {
            sum += p;
            if (p > 0) h -= p * Math.log(p);
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          expect(Math.abs(h - Math.log(perp))).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('calibrateRow keeps far rows finite where exp() of the raw distances underflows', () => {
    const d2 = Float64Array.from([1e6, 1e6 + 1, 1e6 + 2, 1e6 + 3]);
    const out = new Float64Array(4);
    calibrateRow(d2, 0, 4, 2, out);
    expect(out.every((v) => Number.isFinite(v))).toBe(true);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('symmetrize gives a symmetric P with sorted rows summing to 1 overall', () => {
    const n = 30;
    const k = 5;
    const r = createRng(3);
    const x = Array.from({ length: n * 3 }, () => r.normal());
    const { idx, d2 } = knnAll(x, n, 3, k);
    const cond = new Float64Array(n * k);
    for (let i = 0; i < n; i++) calibrateRow(d2, i * k, k, 3, cond);
    const P = symmetrize(n, k, idx, cond);
    const get = (i: number, j: number): number => {
      for (let a = P.rowPtr[i]; a < P.rowPtr[i + 1]; a++) if (P.cols[a] === j) return P.vals[a];
      return 0;
    };
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let a = P.rowPtr[i]; a < P.rowPtr[i + 1]; a++) {
        total += P.vals[a];
        expect(P.cols[a]).not.toBe(i);
        if (a > P.rowPtr[i]) expect(P.cols[a]).toBeGreaterThan(P.cols[a - 1]);
        expect(get(P.cols[a], i)).toBe(P.vals[a]);
      }
    }
    expect(total).toBeCloseTo(1, 12);
  });
});

/** Exact O(n²) repulsion, the definition Barnes–Hut approximates. */
function bruteRepulsion(y: Float64Array): { f: Float64Array; z: number } {
  const n = y.length / 2;
  const f = new Float64Array(2 * n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = y[2 * i] - y[2 * j];
      const dy = y[2 * i + 1] - y[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy);
      z += q;
      f[2 * i] += q * q * dx;
      f[2 * i + 1] += q * q * dy;
    }
  }
  return { f, z };
}

function relErr(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

describe('BarnesHut.repulsion(y, theta)', () => {
  const layout = (n: number, seed: number, spread = 20): Float64Array => {
    const r = createRng(seed);
    const y = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const c = i % 5;
      y[2 * i] = c * spread + r.normal() * 3;
      y[2 * i + 1] = (c % 2) * spread + r.normal() * 3;
    }
    return y;
  };

  it('is exact with theta = 0 (to rounding)', () => {
    const y = layout(300, 1);
    const out = new Float64Array(600);
    const z = new BarnesHut(300).repulsion(y, 0, out);
    const ref = bruteRepulsion(y);
    expect(relErr(out, ref.f)).toBeLessThan(1e-12);
    expect(Math.abs(z - ref.z) / ref.z).toBeLessThan(1e-12);
  });

  it('stays within 3% of the exact forces and 1% of Z with theta = 0.5, and gets closer as theta falls', () => {
    const y = layout(2000, 2);
    const ref = bruteRepulsion(y);
    const bh = new BarnesHut(2000);
    const errs = [0.8, 0.5, 0.25].map((theta) => {
      const out = new Float64Array(4000);
      const z = bh.repulsion(y, theta, out);
      return { f: relErr(out, ref.f), z: Math.abs(z - ref.z) / ref.z };
    });
    expect(errs[1].f).toBeLessThan(0.03);
    expect(errs[1].z).toBeLessThan(0.01);
    expect(errs[2].f).toBeLessThan(errs[1].f);
    expect(errs[1].f).toBeLessThan(errs[0].f);
  });

  it('handles coincident points: all at one place, and a crowd of duplicates', () => {
    const same = new Float64Array(20).fill(3);
    const out = new Float64Array(20);
    expect(new BarnesHut(10).repulsion(same, 0.5, out)).toBe(90);
    expect(Array.from(out).every((v) => v === 0)).toBe(true);
    // 40 duplicates (more than a leaf holds) plus 20 spread points.
    const y = new Float64Array(120);
    for (let i = 40; i < 60; i++) {
      y[2 * i] = i - 40;
      y[2 * i + 1] = (i * 7) % 5;
    }
    const got = new Float64Array(120);
    const z = new BarnesHut(60).repulsion(y, 0, got);
    const ref = bruteRepulsion(y);
    expect(relErr(got, ref.f)).toBeLessThan(1e-9);
    expect(Math.abs(z - ref.z) / ref.z).toBeLessThan(1e-9);
  });

  it('returns 0 and no force for fewer than two points', () => {
    const out = new Float64Array(2).fill(5);
    expect(new BarnesHut(1).repulsion(new Float64Array([1, 2]), 0.5, out)).toBe(0);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});

describe('gradient(P, y, …) (exact t-SNE gradient)', () => {
  const G = fixture<{ P: number[][]; Y: number[][]; kl: number; grad: number[][] }>('gradient.json');

  it('matches sklearn _kl_divergence with exact repulsion', () => {
    const n = G.P.length;
    const rowPtr = new Int32Array(n + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j) {
          cols.push(j);
          vals.push(G.P[i][j]);
        }
      }
      rowPtr[i + 1] = cols.length;
    }
    const P: Csr = { n, rowPtr, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
    const y = Float64Array.from(G.Y.flat());
    const rep = new Float64Array(2 * n);
    const z = new BarnesHut(n).repulsion(y, 0, rep);
    const grad = new Float64Array(2 * n);
    gradient(upperTriangle(P), y, 1, rep, 1 / z, grad);
    expect(maxAbsDiff(grad, G.grad.flat())).toBeLessThan(1e-12);
  });

  it('step(y, grad, …) applies momentum and scikit-learn gains (+0.2 on sign change, ×0.8 else, floor 0.01)', () => {
    const y = Float64Array.from([0, 0, 0]);
    const grad = Float64Array.from([1, -1, 1]);
    const update = Float64Array.from([1, -1, 0]);
    const gains = Float64Array.from([1, 1, 0.011]);
    step(y, grad, update, gains, 0.5, 10);
    // Coordinate 0: update·grad > 0 → gain 0.8; step = 0.5·1 − 10·0.8·1 = −7.5.
    // Coordinate 1: same signs again → gain 0.8; step = −0.5 + 8 = 7.5.
    // Coordinate 2: update 0 → gain max(0.011·0.8, 0.01) = 0.01; step = −0.1.
    expect(Array.from(gains)).toEqual([0.8, 0.8, 0.01]);
    expect(Array.from(update)).toEqual([-7.5, 7.5, -0.1]);
    expect(Array.from(y)).toEqual([-7.5, 7.5, -0.1]);
    const g2 = Float64Array.from([1, 1, 1]);
    step(y, g2, update, gains, 0.5, 10);
    // Coordinate 0: update −7.5 · grad 1 < 0 → gain 1.0.
    expect(gains[0]).toBeCloseTo(1.0, 15);
  });
});

describe('symmetricEigen(a, m)', () => {
  it('satisfies A·V = V·Λ with orthonormal V, eigenvalues ascending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((m) =>
          fc.record({
            m: fc.constant(m),
            v: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: m * m, maxLength: m * m }),
          }),
        ),
        ({ m, v }) => {
          const a = new Float64Array(m * m);
          for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) a[i * m + j] = (v[i * m + j] + v[j * m + i]) / 2;
          const { values, vectors } = symmetricEigen(a, m);
          const scale = Math.max(1, ...Array.from(a, Math.abs));
          for (let c = 1; c < m; c++) expect(values[c]).toBeGreaterThanOrEqual(values[c - 1]);
          for (let c = 0; c < m; c++) {
            for (let i = 0; i < m; i++) {
              let av = 0;
              for (let j = 0; j < m; j++) av += a[i * m + j] * vectors[j * m + c];
              expect(Math.abs(av - values[c] * vectors[i * m + c])).toBeLessThan(1e-9 * scale);
            }
            for (let c2 = 0; c2 < m; c2++) {
              let dot = 0;
              for (let i = 0; i < m; i++) dot += vectors[i * m + c] * vectors[i * m + c2];
              expect(Math.abs(dot - (c === c2 ? 1 : 0))).toBeLessThan(1e-10);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it('handles subnormal entries without NaN', () => {
    const { values } = symmetricEigen([0, 5e-324, 5e-324, 0.5], 2);
    expect(Array.from(values)).toEqual([0, 0.5]);
  });
});
