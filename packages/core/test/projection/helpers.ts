import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ClasslensError, mulberry32, type ErrorCode, type Matrix } from '../../src/index.js';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'projection');

/** Reads a fixture written by test/fixtures/projection/make_projection.py. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
}

/** Row-major Float64 matrix from nested arrays. */
export function mat(rows: number[][]): Matrix {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  const data = new Float64Array(r * c);
  rows.forEach((row, i) => row.forEach((v, j) => (data[i * c + j] = v)));
  return { rows: r, cols: c, data };
}

/** max |a − b| over two equal-length sequences. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Asserts that `fn` throws (or `promise` rejects with) a ClasslensError with `code`, message matching `re`. */
export function expectCode(fn: () => unknown, code: ErrorCode, re?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ClasslensError);
    expect((e as ClasslensError).code).toBe(code);
    if (re) expect((e as Error).message).toMatch(re);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

export async function expectRejectCode(p: Promise<unknown>, code: ErrorCode, re?: RegExp): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ClasslensError);
    expect((e as ClasslensError).code).toBe(code);
    if (re) expect((e as Error).message).toMatch(re);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

/** Seeded Gaussian clusters: `sizes[c]` points around centre c·spread on every axis. */
export function clusters(sizes: number[], dim: number, spread: number, seed = 1): { X: Matrix; label: Int32Array } {
  const u = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const n = sizes.reduce((s, v) => s + v, 0);
  const data = new Float64Array(n * dim);
  const label = new Int32Array(n);
  let i = 0;
  sizes.forEach((size, c) => {
    for (let m = 0; m < size; m++, i++) {
      label[i] = c;
      for (let j = 0; j < dim; j++) data[i * dim + j] = (j % sizes.length === c ? spread : 0) + gauss();
    }
  });
  return { X: { rows: n, cols: dim, data }, label };
}
