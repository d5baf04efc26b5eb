import type { AsyncOptions } from '../common/async.js';
import { ClasslensError } from '../common/errors.js';
import type { Matrix, MatrixLike } from '../common/matrix.js';
import { toMatrix } from '../common/matrix.js';
import { mulberry32 } from '../common/random.js';
import { maxAbs, scaleExponent, scaledCopy, scaleInPlace } from '../common/internal/scale.js';
import { checkSize, describeValue, integerOption, numberOption, optionsOf } from '../common/internal/validate.js';

/** Most rounds {@link fuzzyCMeans} runs: more is `TOO_LARGE`. */
const MAX_ITERATIONS = 1_000_000;
import { runSteps, runStepsAsync, type Steps } from '../common/internal/steps.js';
import { asyncOptionsOf } from '../common/internal/validate.js';

/** Options of {@link fuzzyCMeans}. */
export interface FuzzyCMeansOptions {
  /** Fuzzifier m > 1 (default 2); larger values give softer memberships. */
  m?: number;
  /** Seed of the initial memberships (default 1), used as an unsigned 32-bit integer. */
  seed?: number;
  /** Most update rounds (default 300). */
  maxIterations?: number;
  /** Stop when no membership changes by more than this in one round (default 1e-6). */
  tolerance?: number;
  /**
   * Starting memberships (n × k, non-negative, every row and column with a positive
   * sum; rows are normalised to sum to 1). Replaces the seeded initialisation.
   */
  initialMemberships?: MatrixLike;
}

/** Options of {@link fuzzyCMeansAsync}. */
export interface FuzzyCMeansAsyncOptions extends FuzzyCMeansOptions, AsyncOptions {}

/** What {@link fuzzyCMeans} returns. */
export interface FuzzyCMeansResult {
  /** n × k: how much each row belongs to each cluster; rows sum to 1. */
  memberships: Matrix;
  /** k × d: the cluster centres that produced `memberships`. */
  centers: Matrix;
  /** Update rounds run. */
  iterations: number;
  /** Whether the tolerance was reached before `maxIterations`. */
  converged: boolean;
  /** Bezdek's objective J_m = Σ_i Σ_j u_ij^m ‖x_i − c_j‖² at the end. */
  objective: number;
}

/** ‖x[xo …] − c[co …]‖² over d coordinates; four accumulators so the adds overlap. */
function squaredDistance(x: Float32Array | Float64Array, xo: number, c: Float64Array, co: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let q = 0;
  for (; q + 3 < d; q += 4) {
    const t0 = x[xo + q] - c[co + q];
    const t1 = x[xo + q + 1] - c[co + q + 1];
    const t2 = x[xo + q + 2] - c[co + q + 2];
    const t3 = x[xo + q + 3] - c[co + q + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; q < d; q++) {
    const t = x[xo + q] - c[co + q];
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/** out[o …] += w · x[xo …] over d coordinates. */
function addScaled(
  out: Float64Array,
  o: number,
  x: Float32Array | Float64Array,
  xo: number,
  w: number,
  d: number,
): void {
  let q = 0;
  for (; q + 3 < d; q += 4) {
    out[o + q] += w * x[xo + q];
    out[o + q + 1] += w * x[xo + q + 1];
    out[o + q + 2] += w * x[xo + q + 2];
    out[o + q + 3] += w * x[xo + q + 3];
  }
  for (; q < d; q++) out[o + q] += w * x[xo + q];
}

/** State carried between rounds of {@link fcmRound}. */
interface RoundState {
  readonly x: Float32Array | Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly m: number;
  U: Float64Array;
  next: Float64Array;
  readonly C: Float64Array;
  readonly D2: Float64Array;
  objective: number;
}

/**
 * One round of Bezdek's alternating optimisation; returns the largest membership change.
 * A plain function (not inside the generator) so that V8 optimises it.
 */
function fcmRound(st: RoundState): number {
  const { x, n, d, k, m, C, D2 } = st;
  const U = st.U;
  const next = st.next;
  const p = 1 / (m - 1);
  const two = m === 2;
  // Bezdek (1981), eq. 11.3b: centres are the u^m-weighted means of the rows.
  const wsum = new Float64Array(k);
  const Cnew = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    for (let j = 0; j < k; j++) {
      const u = U[i * k + j];
      const wij = two ? u * u : Math.pow(u, m);
      if (wij === 0) continue;
      wsum[j] += wij;
      addScaled(Cnew, j * d, x, xo, wij, d);
    }
  }
  for (let j = 0; j < k; j++) {
    // A cluster nobody belongs to (only possible after exact coincidences) keeps its centre.
    if (wsum[j] > 0) for (let c = 0; c < d; c++) C[j * d + c] = Cnew[j * d + c] / wsum[j];
  }
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    for (let j = 0; j < k; j++) D2[i * k + j] = squaredDistance(x, xo, C, j * d, d);
  }
  // Eq. 11.3a: u_ij = 1 / Σ_l (d_ij / d_il)^(2/(m−1)), computed as weights relative to
  // the nearest centre so that nothing overflows; a row sitting exactly on one or more
  // centres splits its membership equally among them (the singular case of the paper).
  let delta = 0;
  let objective = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let dmin = Infinity;
    let zeros = 0;
    for (let j = 0; j < k; j++) {
      const v = D2[o + j];
      if (v < dmin) dmin = v;
      if (v === 0) zeros++;
    }
    let s = 0;
    for (let j = 0; j < k; j++) {
      const v = D2[o + j];
      const w = zeros > 0 ? (v === 0 ? 1 : 0) : v === dmin ? 1 : Math.pow(dmin / v, p);
      next[o + j] = w;
      s += w;
    }
    for (let j = 0; j < k; j++) {
      const u = next[o + j] / s;
      next[o + j] = u;
      const change = Math.abs(u - U[o + j]);
      if (change > delta) delta = change;
      objective += (two ? u * u : Math.pow(u, m)) * D2[o + j];
    }
  }
  st.U = next;
  st.next = U;
  st.objective = objective;
  return delta;
}

function* steps(
  rowsIn: MatrixLike,
  k: number,
  opts: FuzzyCMeansOptions,
  deadline: () => number,
): Steps<FuzzyCMeansResult> {
  const options = optionsOf(opts);
  const X = toMatrix(rowsIn, { name: 'rows', finite: true, allowEmpty: false });
  const n = X.rows;
  const d = X.cols;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw new ClasslensError('INVALID_ARGUMENT', `k: expected an integer in [1, ${n}], got ${describeValue(k)}`);
  }
  checkSize(`fuzzyCMeans: memberships (${n} rows × k = ${k})`, n * k);
  checkSize(`fuzzyCMeans: centres (k = ${k} × ${d} columns)`, k * d);
  const m = numberOption(options.m, 'm', 2, { min: 1, minExclusive: true });
  const maxIterations = integerOption(options.maxIterations, 'maxIterations', 300, 1, MAX_ITERATIONS);
  const tolerance = numberOption(options.tolerance, 'tolerance', 1e-6, { min: 0 });
  const seed = numberOption(options.seed, 'seed', 1);
  const U = new Float64Array(n * k);
  if (options.initialMemberships != null) {
    const U0 = toMatrix(options.initialMemberships, { name: 'initialMemberships', finite: true });
    if (U0.rows !== n || U0.cols !== k) {
      throw new ClasslensError('INVALID_SHAPE', `initialMemberships: ${U0.rows} × ${U0.cols}, expected ${n} × ${k}`);
    }
    const colSums = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) {
        const v = U0.data[i * k + j];
        if (v < 0) {
          throw new ClasslensError(
            'INVALID_ARGUMENT',
            `initialMemberships: negative value ${v} at row ${i}, column ${j}`,
            { row: i, col: j },
          );
        }
        s += v;
        colSums[j] += v;
      }
      if (!(s > 0)) throw new ClasslensError('INVALID_ARGUMENT', `initialMemberships: row ${i} sums to 0`, { row: i });
      for (let j = 0; j < k; j++) U[i * k + j] = U0.data[i * k + j] / s;
    }
    for (let j = 0; j < k; j++) {
      if (!(colSums[j] > 0))
        throw new ClasslensError('INVALID_ARGUMENT', `initialMemberships: column ${j} sums to 0`, { col: j });
    }
  } else {
    // Random memberships normalised per row (the usual FCM start, e.g. scikit-fuzzy's):
    // drawn row-major, n × k values from mulberry32(seed).
    const rand = mulberry32(seed);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += U[i * k + j] = rand();
      for (let j = 0; j < k; j++) U[i * k + j] /= s;
    }
  }
  // Rows beyond 2^±250 are scaled by an exact power of two, so that squared distances
  // neither overflow (1e300² = Infinity made every membership 1/k) nor underflow;
  // memberships are scale-invariant, centres and the objective are scaled back.
  const e = scaleExponent(maxAbs(X.data), -250, 250);
  const st: RoundState = {
    x: e === 0 ? X.data : scaledCopy(X.data, e),
    n,
    d,
    k,
    m,
    U,
    next: new Float64Array(n * k),
    C: new Float64Array(k * d),
    D2: new Float64Array(n * k),
    objective: NaN,
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const delta = fcmRound(st);
    if (delta < tolerance) {
      converged = true;
      break;
    }
    if (performance.now() > deadline()) yield iterations / maxIterations;
  }
  const memberships = st.U;
  const C = st.C;
  scaleInPlace(C, e);
  const objective = e === 0 ? st.objective : st.objective * 2 ** e * 2 ** e;
  return {
    memberships: { rows: n, cols: k, data: memberships },
    centers: { rows: k, cols: d, data: C },
    iterations,
    converged,
    objective,
  };
}

/**
 * Fuzzy c-means (Bezdek 1981, *Pattern Recognition with Fuzzy Objective Function
 * Algorithms*; Bezdek, Ehrlich & Full 1984, "FCM: the fuzzy c-means clustering
 * algorithm"): every row gets a membership in each of `k` clusters instead of one label,
 * so a class that sits between two groups — a "failed group" that a strict hierarchy
 * splits — shows up with substantial membership in both. Run it on the rows of a
 * similarity matrix (each class described by its similarity to every class).
 *
 * Alternating optimisation of J_m = Σ u_ij^m ‖x_i − c_j‖² from seeded random memberships:
 * centres ← u^m-weighted means, then u_ij ← 1 / Σ_l (‖x_i − c_j‖ / ‖x_i − c_l‖)^(2/(m−1)),
 * until no membership moves by `tolerance` or more (`converged`) or after
 * `maxIterations` rounds. The returned centres are those that produced the returned
 * memberships. J_m never increases from one round to the next.
 *
 * Degenerate cases: k = 1 → all memberships 1; a row equal to a centre belongs to it
 * (split equally among equal centres); zero columns → all memberships 1/k.
 *
 * Magnitudes: rows beyond 2^±250 are scaled by an exact power of two (memberships are
 * scale-invariant; centres are scaled back; `objective` may then over- or underflow).
 *
 * @throws `EMPTY` for zero rows; `NON_FINITE` for NaN/±Infinity in `rows`; `NOT_A_NUMBER`
 * for a cell that is not a number; `INVALID_ARGUMENT` for k outside [1, n], m ≤ 1, a bad
 * `maxIterations`, `tolerance`, `seed` or `initialMemberships`; `TOO_LARGE` for more than
 * 10^6 `maxIterations` or more than 2^27 memberships (n × k) or centre values (k × d);
 * `INVALID_SHAPE` for ragged rows or initial memberships that are not n × k. Time
 * O(n·k·d) per round, memory O((n + d)·k).
 *
 * @example
 * const { memberships } = fuzzyCMeans(pearsonSimilarity(logits), 5, { seed: 7 });
 * // classes with membership ≥ 0.3 in two clusters are the overlapping ones
 */
export function fuzzyCMeans(rows: MatrixLike, k: number, options: FuzzyCMeansOptions = {}): FuzzyCMeansResult {
  return runSteps((deadline) => steps(rows, k, options, deadline));
}

/**
 * {@link fuzzyCMeans} in slices of about 10 ms (whole rounds), with progress (rounds
 * run / `maxIterations`) and abort (rejects with an `AbortError`).
 *
 * @example
 * const result = await fuzzyCMeansAsync(rows, 5, { seed: 7, signal, onProgress });
 */
export function fuzzyCMeansAsync(
  rows: MatrixLike,
  k: number,
  options: FuzzyCMeansAsyncOptions = {},
): Promise<FuzzyCMeansResult> {
  return runStepsAsync((deadline) => steps(rows, k, options, deadline), asyncOptionsOf(options));
}
