import { maxAbs, scaleExponent, scaledCopy } from '../common/internal/scale.js';
import { describeValue } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import { checkLengths } from '../common/keys.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';

/**
 * How well an embedding keeps neighbourhoods: the trustworthiness of Venna & Kaski
 * (2001, "Neighborhood preservation in nonlinear projection methods: an experimental
 * study", ICANN), with the definition and normalisation of
 * `sklearn.manifold.trustworthiness(high, low, n_neighbors=k)` (Euclidean):
 *
 *   T(k) = 1 − 2 / (n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Nᵏᵢ(low)} max(0, r(i, j) − k)
 *
 * where Nᵏᵢ(low) are the k nearest neighbours of row i in `low` and r(i, j) is the
 * rank of j among the neighbours of i in `high` (1 = nearest). 1 means every embedded
 * neighbourhood is a true one; values fall as points that are far apart in `high`
 * intrude into each other's neighbourhoods in `low`.
 *
 * Ties in distance are broken by the smaller row index (scikit-learn's `argsort` leaves
 * their order unspecified, so results may differ from it only on tied distances).
 *
 * **Cost.** scikit-learn builds the full n × n distance and rank matrices; this
 * version keeps O(n) memory: for each row it finds the k embedded neighbours, then
 * counts the rows of `high` closer than each of them, abandoning a distance sum as soon
 * as it passes the largest one needed. Worst case O(n² · (d + k)) time, typically close
 * to O(n² · (d_low + log k)) plus a few coordinates of `high` per pair.
 *
 * @param high n × d, the original data. `number[][]` is accepted.
 * @param low n × d′, the embedding (e.g. from {@link tsne} or {@link pca}).
 * @param k neighbourhood size, an integer with 1 ≤ k < n / 2 (scikit-learn's rule).
 *   Default 5, as in scikit-learn.
 * @returns a number in [0, 1] (it can dip slightly below 0 only for adversarial
 *   embeddings).
 * @throws {ClasslensError} `EMPTY` with no rows, `LENGTH_MISMATCH` when the row counts
 *   differ, `NON_FINITE` naming the first NaN/±∞ entry, `INVALID_SHAPE` for ragged
 *   rows, `INVALID_ARGUMENT` for a k outside [1, n / 2).
 * @example
 * const t = trustworthiness(data, await tsne(data), 10); // e.g. 0.97
 */
export function trustworthiness(high: MatrixLike, low: MatrixLike, k = 5): number {
  const H = toMatrix(high, { name: 'high', allowEmpty: false });
  const L = toMatrix(low, { name: 'low', allowEmpty: false });
  const n = checkLengths({ high: H, low: L });
  toMatrix(H, { name: 'high', finite: true });
  toMatrix(L, { name: 'low', finite: true });
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k >= n / 2) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `k: ${describeValue(k)} must be an integer with 1 ≤ k < n / 2 = ${n / 2}`,
      {
        k,
        n,
      },
    );
  }
  const dh = H.cols;
  const dl = L.cols;
  // Only the order of distances matters: data beyond 2^±250, whose squared distances
  // would overflow or underflow into ties, is scaled by an exact power of two first.
  const eh = scaleExponent(maxAbs(H.data), -250, 250);
  const el = scaleExponent(maxAbs(L.data), -250, 250);
  const hx = eh === 0 ? H.data : scaledCopy(H.data, eh);
  const lx = el === 0 ? L.data : scaledCopy(L.data, el);

  // Max-heap of the k nearest embedded neighbours (by distance, then index).
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  const nbr = new Int32Array(k);
  const thr = new Float64Array(k);
  const candD = new Float64Array(n);
  const candI = new Int32Array(n);
  const sorted = new Float64Array(n);
  let penalty = 0;

  for (let i = 0; i < n; i++) {
    // 1. k nearest neighbours of i in `low`.
    let size = 0;
    const li = i * dl;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      const lj = j * dl;
      for (let c = 0; c < dl; c++) {
        const t = lx[li + c] - lx[lj + c];
        s += t * t;
      }
      if (size < k) {
        size = heapPush(heapD, heapI, size, s, j);
      } else if (s < heapD[0] || (s === heapD[0] && j < heapI[0])) {
        size = heapPop(heapD, heapI, size);
        size = heapPush(heapD, heapI, size, s, j);
      }
    }
    // 2. Their squared distances to i in `high`.
    const hi = i * dh;
    let T = 0;
    for (let m = 0; m < k; m++) {
      const j = heapI[m];
      nbr[m] = j;
      const s = sqDist(hx, hi, j * dh, dh, Infinity);
      thr[m] = s;
      if (s > T) T = s;
    }
    // 3. Every row of `high` at most T from i (the only ones that can outrank a neighbour).
    let nc = 0;
    for (let l = 0; l < n; l++) {
      if (l === i) continue;
      const s = sqDist(hx, hi, l * dh, dh, T);
      if (s > T) continue;
      candD[nc] = s;
      candI[nc] = l;
      nc++;
    }
    // 4. rank(j) = 1 + #rows strictly closer + #rows at the same distance with a smaller index.
    const few = nc <= 4 * k;
    if (!few) {
      sorted.set(candD.subarray(0, nc));
      sorted.subarray(0, nc).sort();
    }
    for (let m = 0; m < k; m++) {
      const t = thr[m];
      const j = nbr[m];
      let less = 0;
      let tiesBefore = 0;
      if (few) {
        for (let a = 0; a < nc; a++) {
          const v = candD[a];
          if (v < t || (v === t && candI[a] < j)) less++;
        }
      } else {
        less = lowerBound(sorted, nc, t);
        if (less < nc && sorted[less] === t) {
          for (let a = 0; a < nc; a++) if (candD[a] === t && candI[a] < j) tiesBefore++;
        }
      }
      const rank = 1 + less + tiesBefore;
      if (rank > k) penalty += rank - k;
    }
  }
  return 1 - (penalty * 2) / (n * k * (2 * n - 3 * k - 1));
}

/**
 * Squared distance between rows at offsets a and b, summed in the same order whatever
 * `bound`, so that a neighbour's distance compares equal to itself; the sum is abandoned
 * (returning a value > bound) once it passes `bound`.
 */
function sqDist(x: ArrayLike<number>, a: number, b: number, d: number, bound: number): number {
  let s = 0;
  let c = 0;
  for (; c + 4 <= d; c += 4) {
    const p = x[a + c] - x[b + c];
    const q = x[a + c + 1] - x[b + c + 1];
    const r = x[a + c + 2] - x[b + c + 2];
    const t = x[a + c + 3] - x[b + c + 3];
    s += p * p + q * q + r * r + t * t;
    if (s > bound) return s;
  }
  for (; c < d; c++) {
    const p = x[a + c] - x[b + c];
    s += p * p;
  }
  return s;
}

function lowerBound(a: Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function heapPush(hd: Float64Array, hi: Int32Array, size: number, d: number, i: number): number {
  let c = size;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (hd[p] > d || (hd[p] === d && hi[p] > i)) break;
    hd[c] = hd[p];
    hi[c] = hi[p];
    c = p;
  }
  hd[c] = d;
  hi[c] = i;
  return size + 1;
}

function heapPop(hd: Float64Array, hi: Int32Array, size: number): number {
  const last = size - 1;
  const d = hd[last];
  const i = hi[last];
  let c = 0;
  for (;;) {
    let m = 2 * c + 1;
    if (m >= last) break;
    if (m + 1 < last && (hd[m + 1] > hd[m] || (hd[m + 1] === hd[m] && hi[m + 1] > hi[m]))) m++;
    if (hd[m] < d || (hd[m] === d && hi[m] < i)) break;
    hd[c] = hd[m];
    hi[c] = hi[m];
    c = m;
  }
  hd[c] = d;
  hi[c] = i;
  return last;
}
