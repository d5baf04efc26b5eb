// Shared test helpers for the cluster area: fixture loading and small independent
// reference implementations used by the property tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/common/random.js';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'cluster');

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
}

export type FixtureMerge = [number, number, number, number];

export interface HclustFixture {
  scipy: string;
  cases: {
    name: string;
    n: number;
    ties: boolean;
    condensed: number[];
    linkage: Record<
      string,
      {
        merges: FixtureMerge[];
        order: number[];
        cophenet?: number[];
        copheneticCorrelation: number | null;
        cutTree: Record<string, number[]>;
        fclusterMaxclust: Record<string, number[]>;
        optimal: { merges: FixtureMerge[]; order: number[] };
      }
    >;
  }[];
  olo: {
    name: string;
    method: string;
    condensed: number[];
    scipy: { merges: FixtureMerge[]; order: number[]; cost: number };
    optimalCost: number;
  }[];
}

/** Euclidean distances of points, condensed (row-major upper triangle). */
export function pdist(points: number[][]): Float64Array {
  const n = points.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0; c < points[i].length; c++) s += (points[i][c] - points[j][c]) ** 2;
      out[k++] = Math.sqrt(s);
    }
  }
  return out;
}

/** Square matrix (nested arrays) of a condensed array. */
export function square(c: ArrayLike<number>, n: number): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i][j] = m[j][i] = c[k++];
  return m;
}

export function at(c: ArrayLike<number>, n: number, i: number, j: number): number {
  if (i === j) return 0;
  if (i > j) [i, j] = [j, i];
  return c[n * i - (i * (i + 1)) / 2 + j - i - 1];
}

/** Sum of distances between neighbours in a leaf order. */
export function pathCost(c: ArrayLike<number>, n: number, order: number[]): number {
  let s = 0;
  for (let p = 0; p + 1 < order.length; p++) s += at(c, n, order[p], order[p + 1]);
  return s;
}

/**
 * Textbook O(n³) agglomerative clustering straight from the definitions on the points'
 * members (not Lance–Williams, not NN-chain): repeatedly merge the closest pair of
 * clusters. Returns the merge heights in merge order and the clusters' member lists.
 */
export function naiveLinkage(
  points: number[][],
  linkage: 'single' | 'complete' | 'average' | 'ward',
): { heights: number[]; partitions: number[][][] } {
  const d = (i: number, j: number): number => Math.sqrt(points[i].reduce((s, v, c) => s + (v - points[j][c]) ** 2, 0));
  const clusterDistance = (A: number[], B: number[]): number => {
    if (linkage === 'ward') {
      // Ward's increase in within-cluster variance, in scipy's scale: sqrt(2|A||B|/(|A|+|B|)) ‖c_A − c_B‖.
      const dim = points[0].length;
      const ca = new Array<number>(dim).fill(0);
      const cb = new Array<number>(dim).fill(0);
      for (const i of A) for (let c = 0; c < dim; c++) ca[c] += points[i][c] / A.length;
      for (const j of B) for (let c = 0; c < dim; c++) cb[c] += points[j][c] / B.length;
      const dist = Math.sqrt(ca.reduce((s, v, c) => s + (v - cb[c]) ** 2, 0));
      return Math.sqrt((2 * A.length * B.length) / (A.length + B.length)) * dist;
    }
    let acc = linkage === 'single' ? Infinity : linkage === 'complete' ? -Infinity : 0;
    for (const i of A) {
      for (const j of B) {
        const v = d(i, j);
        if (linkage === 'single') acc = Math.min(acc, v);
        else if (linkage === 'complete') acc = Math.max(acc, v);
        else acc += v;
      }
    }
    return linkage === 'average' ? acc / (A.length * B.length) : acc;
  };
  let clusters = points.map((_, i) => [i]);
  const heights: number[] = [];
  const partitions: number[][][] = [clusters.map((c) => [...c])];
  while (clusters.length > 1) {
    let best = Infinity;
    let bi = 0;
    let bj = 1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const v = clusterDistance(clusters[i], clusters[j]);
        if (v < best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    heights.push(best);
    const merged = [...clusters[bi], ...clusters[bj]].sort((a, b) => a - b);
    clusters = clusters.filter((_, i) => i !== bi && i !== bj);
    clusters.push(merged);
    partitions.push(clusters.map((c) => [...c]));
  }
  return { heights, partitions };
}

/** Canonical labels of a partition: clusters numbered by their smallest member. */
export function canonical(labels: ArrayLike<number>): number[] {
  const map = new Map<number, number>();
  return Array.from(labels, (l) => {
    if (!map.has(l)) map.set(l, map.size);
    return map.get(l) as number;
  });
}

export function partitionLabels(clusters: number[][], n: number): number[] {
  const labels = new Array<number>(n).fill(-1);
  clusters.forEach((c, k) => c.forEach((i) => (labels[i] = k)));
  return canonical(labels);
}

/** Seeded points with continuous coordinates (exact ties have probability ~0). */
export function randomPoints(seed: number, n: number, dim: number): number[][] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: dim }, () => rand() * 10 - 5));
}
