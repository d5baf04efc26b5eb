import type { AsyncOptions } from '../common/async.js';
import { ClasslensError, throwIfAborted } from '../common/errors.js';
import { checkLengths } from '../common/keys.js';
import { isMatrix, toMatrix, type Matrix, type MatrixLike } from '../common/matrix.js';
import { calibrateRow, symmetrize, type Csr } from './internal/affinities.js';
import { gradient, step, upperTriangle } from './internal/gradient.js';
import { BarnesHut } from './internal/barnes-hut.js';
import { runStepsAsync, type Steps } from '../common/internal/steps.js';
import { randomSource, type RandomSource } from '../common/random.js';
import { VpTree } from './internal/vp-tree.js';
import { scaleExponent } from '../common/internal/scale.js';
import {
  checkSize,
  describeValue,
  enumOption,
  functionOption,
  integerOption,
  numberOption,
  optionsOf,
  signalOption,
} from '../common/internal/validate.js';
import { pcaModel } from './pca-model.js';

/** Most iterations `tsne` runs (scikit-learn's default is 1000): more is `TOO_LARGE`. */
const MAX_ITERATIONS = 1_000_000;

/** Options of {@link tsne}. Defaults follow scikit-learn's `TSNE` (1.2+). */
export interface TsneOptions extends AsyncOptions {
  /**
   * Effective number of neighbours each point's Gaussian is calibrated to; must be
   * < n (scikit-learn's rule). Default 30, lowered to max(1, (n − 1) / 3) when n ≤ 91
   * so that small inputs work without tuning (openTSNE does the same).
   */
  perplexity?: number;
  /** Total gradient-descent iterations, including the early-exaggeration phase. Default 1000. */
  iterations?: number;
  /**
   * Barnes–Hut accuracy/speed trade-off (the "angle" of a summarised cell). Default 0.5;
   * 0 computes the repulsion exactly (O(n²) per iteration).
   */
  theta?: number;
  /** Seed for every random choice (the `'random'` initialisation, fallbacks). Default 42. */
  seed?: number;
  /** Factor on P during the first phase (van der Maaten & Hinton 2008, §3.4). Default 12. */
  earlyExaggeration?: number;
  /** Length of the early-exaggeration phase, in iterations. Default 250. */
  exaggerationIterations?: number;
  /** Step size, or `'auto'` = max(n / earlyExaggeration / 4, 50) (Belkina et al. 2019). Default `'auto'`. */
  learningRate?: number | 'auto';
  /**
   * Starting layout: `'pca'` (default; the first two principal components scaled so
   * that the first has standard deviation 1e-4, as scikit-learn does), `'random'`
   * (seeded Gaussian with standard deviation 1e-4), or an n × 2 matrix (used as is).
   */
  init?: 'pca' | 'random' | MatrixLike;
  /**
   * `'barnes-hut'`: affinities on the ⌊3·perplexity + 1⌋ nearest neighbours and
   * Barnes–Hut repulsion; `'exact'`: affinities over all pairs and exact repulsion,
   * O(n²) per iteration; `'auto'` (default): exact when n < 200, else Barnes–Hut.
   */
  method?: 'auto' | 'barnes-hut' | 'exact';
  /**
   * Called after every gradient-descent iteration with the current layout, interleaved
   * `[x0, y0, x1, y1, …]` (length 2n), and the iteration number (from 1) — so a view can
   * animate the layout in as it converges. The array is the optimiser's own buffer: read
   * it (or copy it) synchronously, never keep or write it. Not called for n < 4.
   */
  onLayout?: (layout: Float64Array, iteration: number) => void;
}

/** Below this many rows `method: 'auto'` uses exact t-SNE (cheap, and no approximation). */
const EXACT_BELOW = 200;
/** Share of the progress fraction given to the nearest-neighbour and affinity stage. */
const AFFINITY_SHARE = 0.1;

/**
 * t-distributed stochastic neighbour embedding of the rows of `data` into 2-D
 * (van der Maaten & Hinton 2008, "Visualizing data using t-SNE", JMLR 9), with the
 * Barnes–Hut approximation (van der Maaten 2014, "Accelerating t-SNE using tree-based
 * algorithms", JMLR 15) and the optimisation schedule of scikit-learn's `TSNE`:
 *
 * 1. **Affinities.** Exact k = ⌊3·perplexity + 1⌋ nearest neighbours (Euclidean) from a
 *    vantage-point tree; each row's Gaussian is calibrated to the perplexity by
 *    bisection; P = (P_{j|i} + P_{i|j}) / Σ. With `method: 'exact'`, all pairs.
 * 2. **Initialisation.** PCA scaled to a first-component standard deviation of 1e-4
 *    (Kobak & Linderman 2021, "Initialization is critical for preserving global data
 *    structure in both t-SNE and UMAP", Nat. Biotechnol. 39).
 * 3. **Gradient descent** on KL(P‖Q) with Student-t Q (one degree of freedom):
 *    early exaggeration 12 for 250 iterations with momentum 0.5, then momentum 0.8
 *    (update and gains reset between the phases, as scikit-learn does); per-coordinate
 *    gains (Jacobs 1988, "delta-bar-delta": +0.2 when the step changes sign, ×0.8
 *    otherwise, floor 0.01); learning rate max(n / 12 / 4, 50). The repulsion uses a
 *    quadtree rebuilt every iteration, with per-group interaction lists (Barnes 1990)
 *    so that each point still meets the θ criterion. All iterations run: there is no
 *    early stop, so the work is predictable.
 *
 * Runs in the calling thread: it yields to the event loop every few milliseconds,
 * checks `signal` every iteration (rejecting with an `AbortError` within one iteration
 * of an abort) and reports `onProgress(fraction)` after every iteration (the affinity
 * stage counts as the first 10 %), ending with 1.
 *
 * **Determinism.** Equal inputs, options and seed give bit-identical output on the
 * same JavaScript engine (no randomness besides the seeded generator; nearest-neighbour
 * ties are broken by row index).
 *
 * **Degenerate cases.** n = 0 gives a 0 × 2 matrix; n < 4, where t-SNE's
 * neighbourhoods are degenerate (with two points every layout is optimal), returns the
 * initial layout unoptimised and unscaled: the 2-D PCA scores (a missing component is
 * 0), the given `init`, or for `'random'` the seeded noise. With `'pca'`, data with no
 * variance (all rows equal, or no columns) falls back to the `'random'` start, and a
 * single varying direction gets seeded noise of standard deviation 1e-4 as its second
 * coordinate. Duplicate rows stay coincident.
 *
 * **Cost.** Affinities O(n log n · d) on data of low intrinsic dimension (VP-tree
 * queries degrade towards O(n² · d) on uniform high-dimensional noise); each iteration
 * O(n · (k + log n)); memory O(n · k).
 *
 * @param data n × d, rows are observations. `number[][]` is accepted; not modified.
 * @param options see {@link TsneOptions}.
 * @returns n × 2 embedding coordinates (a new `Float64Array`-backed matrix).
 * @throws {ClasslensError} (as a rejection) `NON_FINITE` naming the first NaN/±∞ entry,
 *   `INVALID_SHAPE` for ragged rows or an `init` that is not n × 2, `LENGTH_MISMATCH`
 *   when `init` has a different number of rows, `INVALID_ARGUMENT` for an option out of
 *   range or of the wrong type (perplexity must be > 0 and < n), `TOO_LARGE` for more
 *   than 10^6 iterations or more than 2^27 neighbour slots (n × ⌊3·perplexity + 1⌋, or
 *   n × (n − 1) when exact), `AbortError` (a `DOMException`) when `signal` aborts.
 *
 * **Magnitudes.** Data whose spread lies outside 2^±32 is shifted by its column minima
 * and scaled by an exact power of two before the affinities (t-SNE is invariant to both;
 * the precision search and squared distances are not), so data near 1e300 or 1e-300
 * embeds like the same data near 1.
 * @example
 * const controller = new AbortController();
 * const xy = await tsne(hiddenStates, {
 *   perplexity: 30,
 *   seed: 1,
 *   signal: controller.signal,
 *   onProgress: (f) => (bar.value = f),
 * });
 */
export async function tsne(data: MatrixLike, options: TsneOptions = {}): Promise<Matrix> {
  const raw = toMatrix(data, { name: 'data', finite: true });
  const X = normalizeScale(raw);
  const n = X.rows;
  const o = optionsOf(options);
  const opts = resolveOptions(o, n);
  const init = resolveInit(o.init ?? undefined, n);
  const signal = o.signal ?? undefined;
  throwIfAborted(signal);
  if (n === 0) {
    o.onProgress?.(1);
    return { rows: 0, cols: 2, data: new Float64Array(0) };
  }
  const rng = randomSource(opts.seed);
  if (n < 4) {
    const y = initialLayout(raw, init, rng, false);
    o.onProgress?.(1);
    return { rows: n, cols: 2, data: y };
  }
  const exact = opts.method === 'exact' || (opts.method === 'auto' && n < EXACT_BELOW);
  const k = exact ? n - 1 : Math.min(n - 1, Math.floor(3 * opts.perplexity + 1));
  // Three n × k arrays of neighbour indices, distances and conditionals.
  checkSize(`tsne: ${n} rows × ${k} neighbours`, n * k);
  return runStepsAsync(tsneSteps(X, k, init, rng, { ...opts, theta: exact ? 0 : opts.theta }), {
    signal,
    onProgress: o.onProgress ?? undefined,
  });
}

/** Affinities, start, optimisation: the whole run as one generator (see common/internal/steps.ts). */
function* tsneSteps(
  X: Matrix,
  k: number,
  init: 'pca' | 'random' | Matrix,
  rng: RandomSource,
  opts: Resolved,
): Steps<Matrix> {
  // Only the upper triangle of the symmetric P is kept for the iterations.
  const upper = upperTriangle(yield* affinities(X, k, opts.perplexity, opts.seed));
  const y = initialLayout(X, init, rng, true);
  yield* optimize(upper, y, opts);
  return { rows: X.rows, cols: 2, data: y };
}

interface Resolved {
  perplexity: number;
  iterations: number;
  theta: number;
  seed: number;
  earlyExaggeration: number;
  exaggerationIterations: number;
  learningRate: number;
  method: 'auto' | 'barnes-hut' | 'exact';
  onLayout: ((layout: Float64Array, iteration: number) => void) | undefined;
}

function bad(name: string, value: unknown, rule: string): ClasslensError {
  return new ClasslensError('INVALID_ARGUMENT', `${name}: ${describeValue(value)} ${rule}`, { [name]: value });
}

function resolveOptions(o: Partial<TsneOptions>, n: number): Resolved {
  let perplexity: number;
  if (o.perplexity == null) {
    perplexity = n > 91 ? 30 : Math.max(1, (n - 1) / 3);
  } else {
    perplexity = o.perplexity;
    if (typeof perplexity !== 'number' || !Number.isFinite(perplexity) || perplexity <= 0) {
      throw bad('perplexity', perplexity, 'must be a finite number > 0');
    }
    if (perplexity >= n) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `perplexity: ${perplexity} must be less than the number of rows (${n})`,
        {
          perplexity,
          n,
        },
      );
    }
  }
  const iterations = integerOption(o.iterations, 'iterations', 1000, 0, MAX_ITERATIONS);
  const exaggerationIterations = integerOption(
    o.exaggerationIterations,
    'exaggerationIterations',
    250,
    0,
    MAX_ITERATIONS,
  );
  const theta = numberOption(o.theta, 'theta', 0.5, { min: 0 });
  const seed = numberOption(o.seed, 'seed', 42);
  const earlyExaggeration = numberOption(o.earlyExaggeration, 'earlyExaggeration', 12, { min: 0, minExclusive: true });
  const lr = o.learningRate ?? 'auto';
  let learningRate: number;
  if (lr === 'auto') learningRate = Math.max(n / earlyExaggeration / 4, 50);
  else if (typeof lr === 'number' && Number.isFinite(lr) && lr > 0) learningRate = lr;
  else throw bad('learningRate', lr, "must be 'auto' or a finite number > 0");
  const method = enumOption(o.method, 'method', ['auto', 'barnes-hut', 'exact'] as const, 'auto');
  signalOption(o.signal);
  functionOption(o.onProgress, 'onProgress');
  const onLayout = functionOption<TsneOptions['onLayout']>(o.onLayout, 'onLayout');
  return {
    perplexity,
    iterations,
    theta,
    seed,
    earlyExaggeration,
    exaggerationIterations,
    learningRate,
    method,
    onLayout,
  };
}

function resolveInit(init: TsneOptions['init'], n: number): 'pca' | 'random' | Matrix {
  if (init === undefined || init === 'pca' || init === 'random') return init ?? 'pca';
  if (typeof init === 'string') throw bad('init', init, "must be 'pca', 'random' or an n × 2 matrix");
  const m = toMatrix(init, { name: 'init' });
  checkLengths({ data: { rows: n }, init: m });
  if (m.cols !== 2) {
    throw new ClasslensError('INVALID_SHAPE', `init: has ${m.cols} columns, expected 2`, { cols: m.cols });
  }
  return toMatrix(m, { name: 'init', finite: true });
}

/**
 * The data as the optimisation sees it. t-SNE is invariant to translation and scale (the
 * calibration adapts each Gaussian's precision, the initialisation is rescaled), but its
 * arithmetic is not: squared distances of data near 1e300 overflow, near 1e-300 underflow,
 * and the precision search (β from 1, doubled or halved, 100 steps, as scikit-learn does)
 * cannot reach beyond about 2^±60. Data whose spread lies outside 2^±32 is therefore
 * shifted by its column minima and scaled by an exact power of two; anything else is used
 * as is, so ordinary data gives bit-identical results.
 */
function normalizeScale(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  if (n === 0 || d === 0) return X;
  const lo = new Float64Array(d).fill(Infinity);
  const hi = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j];
      if (v < lo[j]) lo[j] = v;
      if (v > hi[j]) hi[j] = v;
    }
  }
  // Half-ranges, so that 1e308 − (−1e308) cannot overflow.
  let spread = 0;
  for (let j = 0; j < d; j++) spread = Math.max(spread, hi[j] / 2 - lo[j] / 2);
  const e = scaleExponent(spread, -32, 32);
  if (e === 0) return X;
  // (x − lo)/2 · 2^-e lands in [0, 2): shifted, then scaled by an exact power of two.
  const f1 = 2 ** -Math.trunc(e / 2);
  const f2 = 2 ** -(e - Math.trunc(e / 2));
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] / 2 - lo[j] / 2) * f1 * f2;
  }
  return { rows: n, cols: d, data: out };
}

/** k nearest neighbours → calibrated conditionals → symmetric P. */
function* affinities(X: Matrix, k: number, perplexity: number, seed: number): Steps<Csr> {
  const n = X.rows;
  // The tree's vantage points get their own stream (they change no neighbour: ties are
  // broken by index), so that the layout's draws do not depend on the tree's size.
  const tree = new VpTree(X.data, n, X.cols, randomSource(seed ^ 0x5bd1e995));
  const idx = new Int32Array(n * k);
  const d2 = new Float64Array(n * k);
  const cond = new Float64Array(n * k);
  const order = tree.order;
  // Query in tree order: consecutive queries walk similar paths (warm caches).
  for (let p = 0; p < n; p++) {
    const i = order[p];
    tree.queryPosition(p, k, idx, d2, i * k);
    calibrateRow(d2, i * k, k, perplexity, cond);
    if ((p & 255) === 255) yield (AFFINITY_SHARE * p) / n;
  }
  const P = symmetrize(n, k, idx, cond);
  yield AFFINITY_SHARE;
  return P;
}

/** The starting layout as an interleaved (x, y) array of length 2n. */
function initialLayout(X: Matrix, init: 'pca' | 'random' | Matrix, rng: RandomSource, scale: boolean): Float64Array {
  const n = X.rows;
  const y = new Float64Array(2 * n);
  if (isMatrix(init)) {
    for (let t = 0; t < 2 * n; t++) y[t] = init.data[t];
    return y;
  }
  const noise = (col: number): void => {
    for (let i = 0; i < n; i++) y[2 * i + col] = 1e-4 * rng.normal();
  };
  if (init === 'random') {
    for (let i = 0; i < n; i++) {
      y[2 * i] = 1e-4 * rng.normal();
      y[2 * i + 1] = 1e-4 * rng.normal();
    }
    return y;
  }
  const kk = Math.min(2, n, X.cols);
  if (kk === 0) {
    // No columns: all rows coincide, as with constant data below.
    if (scale) {
      noise(0);
      noise(1);
    }
    return y;
  }
  const m = pcaModel(X, kk);
  const s = m.scores.data;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += s[i * kk];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (s[i * kk] - mean) ** 2;
  const sd = Math.sqrt(v / n);
  if (!(sd > 0)) {
    // No variance to project. Unscaled (n < 4) the scores are simply 0; as a start
    // for the optimisation, seeded noise instead.
    if (scale) {
      noise(0);
      noise(1);
    }
    return y;
  }
  const f = scale ? 1e-4 / sd : 1;
  for (let i = 0; i < n; i++) {
    y[2 * i] = s[i * kk] * f;
    y[2 * i + 1] = kk > 1 ? s[i * kk + 1] * f : 0;
  }
  // A second component with (next to) no variance would pin every point to a line for
  // good, since the gradient along it stays 0: give it seeded noise of the same scale.
  const ev = m.explainedVariance;
  if (scale && (kk < 2 || ev[1] <= 1e-12 * ev[0])) noise(1);
  return y;
}

/** Gradient descent with momentum and gains (scikit-learn's `_gradient_descent`, two phases). */
function* optimize(upper: Csr, y: Float64Array, o: Resolved): Steps<void> {
  const n = upper.n;
  const bh = new BarnesHut(n);
  const rep = new Float64Array(2 * n);
  const grad = new Float64Array(2 * n);
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n);
  const exIters = Math.min(o.exaggerationIterations, o.iterations);
  for (let it = 0; it < o.iterations; it++) {
    const early = it < exIters;
    if (it === 0 || it === exIters) {
      // Each phase starts afresh, as scikit-learn's two `_gradient_descent` calls do.
      update.fill(0);
      gains.fill(1);
    }
    const z = bh.repulsion(y, o.theta, rep);
    gradient(upper, y, early ? o.earlyExaggeration : 1, rep, z > 0 ? 1 / z : 0, grad);
    step(y, grad, update, gains, early ? 0.5 : 0.8, o.learningRate);
    o.onLayout?.(y, it + 1);
    yield AFFINITY_SHARE + ((1 - AFFINITY_SHARE) * (it + 1)) / o.iterations;
  }
}
