// Shared helpers of the similarity tests: fixtures, seeded data, matrix comparison.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Matrix } from '../../src/common/matrix.js';
import { mulberry32 } from '../../src/common/random.js';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'similarity');

/** A fixture written by test/fixtures/similarity/make_similarity.py. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
}

/** JSON null (NaN in the fixture) back to NaN. */
export function fromJson(a: (number | null)[][]): number[][] {
  return a.map((row) => row.map((v) => (v === null ? NaN : v)));
}

/** Seeded uniform [0, 1) generator: core's mulberry32. */
export const rng = mulberry32;

/** n × m logit-like matrix: a shared factor per sample makes columns correlate. */
export function logits(n: number, m: number, seed: number): Matrix {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const w = Array.from({ length: m }, gauss);
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const z = gauss();
    for (let j = 0; j < m; j++) data[i * m + j] = z * w[j] + 2 * gauss();
  }
  return { rows: n, cols: m, data };
}

/** Largest |a − b| over entries, with NaN required at the same places in both. */
export function maxAbsDiff(a: Matrix, b: Matrix | number[][]): number {
  const bm = Array.isArray(b) ? { rows: b.length, cols: b[0]?.length ?? 0, data: Float64Array.from(b.flat()) } : b;
  expect(a.rows).toBe(bm.rows);
  expect(a.cols).toBe(bm.cols);
  let d = 0;
  for (let k = 0; k < a.data.length; k++) {
    const x = a.data[k];
    const y = bm.data[k];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      expect([k, Number.isNaN(x)]).toEqual([k, Number.isNaN(y)]);
      continue;
    }
    d = Math.max(d, Math.abs(x - y));
  }
  return d;
}

/** Asserts `m` is symmetric (NaN pattern included) with diagonal 1 or NaN and entries in [-1, 1]. */
export function expectCorrelationShape(m: Matrix): void {
  expect(m.rows).toBe(m.cols);
  const k = m.rows;
  for (let i = 0; i < k; i++) {
    const dii = m.data[i * k + i];
    expect(Number.isNaN(dii) || dii === 1).toBe(true);
    for (let j = 0; j < k; j++) {
      const v = m.data[i * k + j];
      expect(Object.is(v, m.data[j * k + i]) || (Number.isNaN(v) && Number.isNaN(m.data[j * k + i]))).toBe(true);
      if (!Number.isNaN(v)) expect(Math.abs(v)).toBeLessThanOrEqual(1);
      // NaN exactly on the rows/columns of undefined (constant) classes.
      expect(Number.isNaN(v)).toBe(Number.isNaN(dii) || Number.isNaN(m.data[j * k + j]));
    }
  }
}

/** Rows of a Matrix as nested arrays. */
export function rowsOf(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
