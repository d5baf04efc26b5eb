import type { AsyncOptions } from '../common/async.js';
import { ClasslensError } from '../common/errors.js';
import type { Matrix } from '../common/matrix.js';
import { CopheneticRows } from './internal/cophenetic-pairs.js';
import type { DistanceInput, DistanceReadOptions } from './internal/distances.js';
import { checkReadOptions, distanceShape, readDistances } from './internal/distances.js';
import { runSteps, runStepsAsync, type Steps } from '../common/internal/steps.js';
import { asyncOptionsOf } from '../common/internal/validate.js';
import type { TreeLike } from './internal/tree.js';
import { checkTree } from './internal/tree.js';
import { maxAbs, scaleExponent } from '../common/internal/scale.js';

/** Options of {@link copheneticCorrelation}: how to read the distances (as in {@link hclust}). */
export type CopheneticCorrelationOptions = DistanceReadOptions;

/** Options of {@link copheneticCorrelationAsync}. */
export interface CopheneticCorrelationAsyncOptions extends CopheneticCorrelationOptions, AsyncOptions {}

function replaceNan(y: Float64Array, len: number, value: number): void {
  for (let j = 0; j < len; j++) if (y[j] !== y[j]) y[j] = value;
}

interface Sums {
  sy: number;
  sz: number;
  syz: number;
  syy: number;
  szz: number;
  my: number;
  mz: number;
}

// Row loops in plain functions: V8 does not optimise a running generator.
function addSums(acc: Sums, y: Float64Array, z: Float64Array, len: number): void {
  let sy = acc.sy;
  let sz = acc.sz;
  for (let j = 0; j < len; j++) {
    sy += y[j];
    sz += z[j];
  }
  acc.sy = sy;
  acc.sz = sz;
}

function addCentred(acc: Sums, y: Float64Array, z: Float64Array, len: number): void {
  const { my, mz } = acc;
  let syz = acc.syz;
  let syy = acc.syy;
  let szz = acc.szz;
  for (let j = 0; j < len; j++) {
    const a = y[j] - my;
    const b = z[j] - mz;
    syz += a * b;
    syy += a * a;
    szz += b * b;
  }
  acc.syz = syz;
  acc.syy = syy;
  acc.szz = szz;
}

function* steps(
  tree: TreeLike,
  distances: DistanceInput,
  options: CopheneticCorrelationOptions | undefined,
  deadline: () => number,
): Steps<number> {
  const t = checkTree(tree);
  const readOptions = checkReadOptions(options);
  const shape = distanceShape(distances, 'distances');
  if (shape.n !== t.n) {
    throw new ClasslensError('LENGTH_MISMATCH', `distances has ${shape.n} points but tree has ${t.n} leaves`, {
      distances: shape.n,
      tree: t.n,
    });
  }
  const reading = readDistances(shape, readOptions, deadline, null);
  let r = reading.next();
  while (!r.done) {
    yield r.value * 0.1;
    r = reading.next();
  }
  const n = t.n;
  const pairs = (n * (n - 1)) / 2;
  if (pairs === 0) return NaN;
  const src = r.value;
  const rows = new CopheneticRows(t);
  const z = new Float64Array(n);
  const y = new Float64Array(n);
  // The correlation is scale-invariant, its sums of squares are not: distances or
  // heights beyond 2^±250 are scaled by an exact power of two as they are read.
  const ey = scaleExponent(src.nanValue, -250, 250);
  const ez = scaleExponent(maxAbs(t.h), -250, 250);
  const fy = [2 ** -Math.trunc(ey / 2), 2 ** -(ey - Math.trunc(ey / 2))];
  const fz = [2 ** -Math.trunc(ez / 2), 2 ** -(ez - Math.trunc(ez / 2))];
  const rescale = (v: Float64Array, f: number[], len: number): void => {
    for (let j = 0; j < len; j++) v[j] = v[j] * f[0] * f[1];
  };
  // Row i of the upper triangle of the input, NaN replaced, into y[0 … n − i − 2].
  const readRow = (i: number): void => {
    const len = n - i - 1;
    if (src.condensed) {
      const start = (n * i - (i * (i + 1)) / 2) | 0;
      y.set(src.condensed.subarray(start, start + len));
    } else {
      const d = (src.square as Matrix).data;
      y.set(d.subarray(i * n + i + 1, (i + 1) * n));
    }
    if (src.hasNan) replaceNan(y, len, src.nanValue);
    if (ey !== 0) rescale(y, fy, len);
  };
  const heightsRow = (i: number): void => {
    rows.row(i, i + 1, n, z, 0);
    if (ez !== 0) rescale(z, fz, n - i - 1);
  };
  // Two passes (means, then centred sums) as scipy.cluster.hierarchy.cophenet does, so
  // that large offsets do not cancel.
  const acc: Sums = { sy: 0, sz: 0, syz: 0, syy: 0, szz: 0, my: 0, mz: 0 };
  for (let i = 0; i < n - 1; i++) {
    readRow(i);
    heightsRow(i);
    addSums(acc, y, z, n - i - 1);
    if (performance.now() > deadline()) yield 0.1 + (0.45 * (i + 1)) / n;
  }
  acc.my = acc.sy / pairs;
  acc.mz = acc.sz / pairs;
  for (let i = 0; i < n - 1; i++) {
    readRow(i);
    heightsRow(i);
    addCentred(acc, y, z, n - i - 1);
    if (performance.now() > deadline()) yield 0.55 + (0.45 * (i + 1)) / n;
  }
  return acc.syz / Math.sqrt(acc.syy * acc.szz);
}

/**
 * The cophenetic correlation coefficient (Sokal & Rohlf 1962): Pearson's r between the
 * input distances and the tree's cophenetic distances over all n(n − 1)/2 pairs — how
 * faithfully the dendrogram preserves the distances (1 = perfectly). Same value as the
 * first result of `scipy.cluster.hierarchy.cophenet(Z, y)`. Reads the input row by row and
 * allocates no n × n matrix (O(n log n) extra).
 *
 * Degenerate cases: fewer than 2 points, or constant input or cophenetic distances
 * (zero variance) → `NaN`.
 *
 * @throws `LENGTH_MISMATCH` when the distances and the tree have different numbers of
 * points; the distance errors of {@link hclust}; `INVALID_ARGUMENT` for a malformed tree.
 * Time O(n²).
 *
 * @example
 * copheneticCorrelation(hclust(d, { linkage: 'average' }), d); // e.g. 0.87
 */
export function copheneticCorrelation(
  tree: TreeLike,
  distances: DistanceInput,
  options?: CopheneticCorrelationOptions,
): number {
  return runSteps((deadline) => steps(tree, distances, options, deadline));
}

/**
 * {@link copheneticCorrelation} in slices of about 10 ms, with progress and abort.
 *
 * @example
 * const r = await copheneticCorrelationAsync(tree, d, { signal });
 */
export function copheneticCorrelationAsync(
  tree: TreeLike,
  distances: DistanceInput,
  options: CopheneticCorrelationAsyncOptions = {},
): Promise<number> {
  return runStepsAsync((deadline) => steps(tree, distances, options, deadline), asyncOptionsOf(options));
}
