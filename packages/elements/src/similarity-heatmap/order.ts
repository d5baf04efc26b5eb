import {
  ClasslensError,
  hclust,
  hclustAsync,
  pearsonSimilarity,
  similarityToDistance,
  type HclustTree,
  type Key,
  type Linkage,
  type Matrix,
  type SimilarityToDistanceMethod,
} from '@classlens/core';
import type { HeatmapValues } from './input.js';

/** How rows and columns are ordered. */
export type HeatmapOrderMode = 'cluster' | 'input' | 'groups';
/** Which axes of a rectangular matrix are clustered (a square class × class matrix has one order). */
export type ClusterAxes = 'none' | 'rows' | 'columns' | 'both';

/** What the order depends on. */
export interface OrderOptions {
  mode: HeatmapOrderMode;
  /** An explicit permutation of the rows (and of the columns when square): overrides `mode`. */
  permutation: readonly number[] | null;
  /** A group key per class, for `mode: 'groups'`. */
  groups: readonly Key[] | null;
  linkage: Linkage;
  distance: SimilarityToDistanceMethod;
  optimal: boolean;
  axes: ClusterAxes;
}

/** The display order and the trees behind it. */
export interface Ordering {
  /** `rows[r]` is the input row drawn at display row r (the element's `leafOrder`). */
  rows: number[];
  cols: number[];
  rowTree: HclustTree | null;
  colTree: HclustTree | null;
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Checks a permutation of 0 … n − 1. */
export function checkPermutation(p: readonly number[], n: number, name = 'order'): number[] {
  if (p.length !== n) throw new ClasslensError('LENGTH_MISMATCH', `${name}: ${p.length} indices for ${n} classes`);
  const seen = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = p[k];
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `${name}: ${String(i)} at position ${k} is not a new index in 0 … ${n - 1}`,
      );
    }
    seen[i] = 1;
  }
  return [...p];
}

/** Classes grouped by their group key (groups in order of first appearance), input order within. */
export function groupOrder(groups: readonly Key[], n: number): number[] {
  if (groups.length !== n)
    throw new ClasslensError('LENGTH_MISMATCH', `classGroups: ${groups.length} groups for ${n} classes`);
  const rank = new Map<Key, number>();
  for (const g of groups) if (!rank.has(g)) rank.set(g, rank.size);
  return identity(n).sort((a, b) => rank.get(groups[a])! - rank.get(groups[b])! || a - b);
}

function transpose(v: HeatmapValues): Matrix {
  const out = new Float64Array(v.rows * v.cols);
  for (let i = 0; i < v.rows; i++) for (let j = 0; j < v.cols; j++) out[j * v.rows + i] = v.data[i * v.cols + j];
  return { rows: v.cols, cols: v.rows, data: out };
}

/**
 * The distances the clustering of one axis uses (all through core):
 * - a symmetric correlation matrix: `similarityToDistance(values, distance)` — Blocks'
 *   1 − r by default, so anti-correlated classes lie far apart;
 * - another square class × class matrix (confusions, co-occurrences): classes that are
 *   often confused with each other are close — the symmetrised off-diagonal values
 *   scaled to [0, 1], s_ij = (v_ij + v_ji) / (2 · max), as 1 − s;
 * - a rectangular matrix: each row's (or column's) profile, by 1 − Pearson r between
 *   profiles (`pearsonSimilarity`).
 */
export function axisDistances(v: HeatmapValues, axis: 'rows' | 'cols', distance: SimilarityToDistanceMethod): Matrix {
  if (v.rows === v.cols && v.symmetric && v.correlation) {
    return similarityToDistance({ rows: v.rows, cols: v.cols, data: v.data }, { method: distance });
  }
  if (v.rows === v.cols) {
    const n = v.rows;
    const s = new Float64Array(n * n);
    let max = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = v.data[i * n + j];
        const b = v.data[j * n + i];
        const x = (a === a ? a : 0) + (b === b ? b : 0);
        s[i * n + j] = s[j * n + i] = x;
        if (Math.abs(x) > max) max = Math.abs(x);
      }
    }
    for (let q = 0; q < s.length; q++) s[q] = max > 0 ? s[q] / max : 0;
    for (let i = 0; i < n; i++) s[i * n + i] = 1;
    return similarityToDistance({ rows: n, cols: n, data: s }, { method: '1-r' });
  }
  // Profiles: columns of the matrix are correlated over its rows, and vice versa.
  const m: Matrix = axis === 'cols' ? { rows: v.rows, cols: v.cols, data: v.data } : transpose(v);
  return similarityToDistance(pearsonSimilarity(m), { method: distance });
}

function plan(v: HeatmapValues, o: OrderOptions) {
  const square = v.rows === v.cols;
  if (o.permutation) {
    const rows = checkPermutation(o.permutation, v.rows);
    return { fixed: { rows, cols: square ? rows : identity(v.cols) } as const, clusterRows: false, clusterCols: false };
  }
  if (o.mode === 'groups') {
    if (!o.groups) throw new ClasslensError('INVALID_ARGUMENT', 'order "groups" needs classGroups');
    const rows = groupOrder(o.groups, v.rows);
    return { fixed: { rows, cols: square ? rows : identity(v.cols) } as const, clusterRows: false, clusterCols: false };
  }
  if (o.mode === 'input' || v.rows <= 1)
    return {
      fixed: { rows: identity(v.rows), cols: identity(v.cols) } as const,
      clusterRows: false,
      clusterCols: false,
    };
  if (square) return { fixed: null, clusterRows: true, clusterCols: false };
  return {
    fixed: null,
    clusterRows: o.axes === 'rows' || o.axes === 'both',
    clusterCols: o.axes === 'columns' || o.axes === 'both',
  };
}

function treeOptions(o: OrderOptions) {
  return { linkage: o.linkage, nan: 'max' as const, optimalOrdering: o.optimal };
}

/** The order, synchronously (small matrices). */
export function computeOrdering(v: HeatmapValues, o: OrderOptions): Ordering {
  const p = plan(v, o);
  const square = v.rows === v.cols;
  const rowTree = p.clusterRows ? hclust(axisDistances(v, 'rows', o.distance), treeOptions(o)) : null;
  const colTree = p.clusterCols ? hclust(axisDistances(v, 'cols', o.distance), treeOptions(o)) : null;
  return finish(v, p, rowTree, colTree, square);
}

/** The order, yielding to the event loop (core's `hclustAsync`), abortable, with progress. */
export async function computeOrderingAsync(
  v: HeatmapValues,
  o: OrderOptions,
  signal: AbortSignal,
  onProgress: (f: number) => void,
): Promise<Ordering> {
  const p = plan(v, o);
  const square = v.rows === v.cols;
  const both = p.clusterRows && p.clusterCols;
  const rowTree = p.clusterRows
    ? await hclustAsync(axisDistances(v, 'rows', o.distance), {
        ...treeOptions(o),
        signal,
        onProgress: (f) => onProgress(both ? f / 2 : f),
      })
    : null;
  const colTree = p.clusterCols
    ? await hclustAsync(axisDistances(v, 'cols', o.distance), {
        ...treeOptions(o),
        signal,
        onProgress: (f) => onProgress(both ? 0.5 + f / 2 : f),
      })
    : null;
  return finish(v, p, rowTree, colTree, square);
}

function finish(
  v: HeatmapValues,
  p: ReturnType<typeof plan>,
  rowTree: HclustTree | null,
  colTree: HclustTree | null,
  square: boolean,
): Ordering {
  if (p.fixed) return { rows: p.fixed.rows, cols: p.fixed.cols, rowTree: null, colTree: null };
  const rows = rowTree ? rowTree.order : identity(v.rows);
  const cols = square ? rows : colTree ? colTree.order : identity(v.cols);
  return { rows, cols, rowTree, colTree: square ? rowTree : colTree };
}
