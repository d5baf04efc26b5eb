import { ClasslensError, applyAccessor, type Accessor } from '../common/index.js';
import { badNumber, describeValue, isArrayLike, numberOption, optionsOf } from '../common/internal/validate.js';

/**
 * Most bins {@link histogram} makes: 10^6 (each bin is an object). More is `TOO_LARGE`,
 * decided before allocating: `bins: 1e9` once aborted the whole process (V8 out of memory).
 */
export const MAX_BINS = 1_000_000;

/** One bin of {@link histogram}: values in [x0, x1) — the last bin also includes x1. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/** Options for {@link histogram}. */
export interface HistogramOptions<T = unknown> {
  /** Approximate number of bins: uniform "nice" thresholds (d3's `thresholds(count)`). Default: Sturges' rule. */
  bins?: number;
  /** Explicit ascending thresholds between bins (d3's `thresholds(array)`); excludes `bins`. */
  thresholds?: ArrayLike<number>;
  /** [min, max] of the binned range; values outside are not counted. Default: the data's extent, niced. */
  domain?: readonly [number, number];
  /** Reads each value from a record (field name or `(d, i, data) => number`). */
  value?: Accessor<T, unknown>;
}

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

// d3-array's tickIncrement, nice and ticks (ISC, Mike Bostock), so bins land on the same
// thresholds as d3.bin: a step of 1, 2 or 5 × 10^k, negative when it is 1/(…).
function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log(step) / Math.LN10);
  const error = step / Math.pow(10, power);
  const f = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  return power >= 0 ? f * Math.pow(10, power) : -Math.pow(10, -power) / f;
}

function nice(start: number, stop: number, count: number): [number, number] {
  let prestep: number | undefined;
  for (;;) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep || step === 0 || !Number.isFinite(step)) return [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    }
    prestep = step;
  }
}

function ticks(start: number, stop: number, count: number): number[] {
  if (start === stop && count > 0) return [start];
  const step = tickIncrement(start, stop, count);
  if (step === 0 || !Number.isFinite(step)) return [];
  const out: number[] = [];
  if (step > 0) {
    let r0 = Math.round(start / step);
    let r1 = Math.round(stop / step);
    if (r0 * step < start) ++r0;
    if (r1 * step > stop) --r1;
    // (r0 + i), as d3 writes it, turns a -0 from Math.round into +0.
    for (let i = 0; r0 + i <= r1; i++) out.push((r0 + i) * step);
  } else {
    const inv = -step;
    let r0 = Math.round(start * inv);
    let r1 = Math.round(stop * inv);
    if (r0 / inv < start) ++r0;
    if (r1 / inv > stop) --r1;
    for (let i = 0; r0 + i <= r1; i++) out.push((r0 + i) / inv);
  }
  return out;
}

/** Index of the first threshold greater than x (d3's bisectRight). */
function bisectRight(a: number[], x: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Counts values into bins following d3-array's `bin()` conventions: without options, a
 * "nice" domain around the data's extent split at uniform nice thresholds, about
 * Sturges' ⌈log₂ n⌉ + 1 bins; `bins` asks for about that many nice bins; `thresholds`
 * gives the cut points; `domain` fixes the range (values outside are dropped; the domain
 * is then not niced). Every bin is [x0, x1) except the last, which includes x1.
 *
 * Degenerate cases: null, undefined, NaN and ±Infinity are skipped (d3 skips null and
 * NaN; ±Infinity are skipped here too, so the default domain stays finite). With no
 * finite value and no `domain`, returns `[]` (d3 returns one bin with undefined bounds).
 * Equal values give one zero-width bin [v, v].
 *
 * @param values - numbers, or records with `value`.
 * @param options - `bins` | `thresholds`, `domain`, `value`.
 * @returns the bins in ascending order.
 * @throws `NOT_A_NUMBER` for a value that is neither a number nor null/undefined;
 *   `INVALID_ARGUMENT` for both `bins` and `thresholds`, a `bins` that is not a positive
 *   number, non-finite or descending `thresholds`, or a `domain` that is not two finite
 *   ascending numbers; `TOO_LARGE` for more than {@link MAX_BINS} bins.
 * @remarks O(n log b) for n values and b bins.
 * @example
 * histogram([1, 2, 2, 3, 7], { bins: 3 })
 * // → [{ x0: 0, x1: 2, count: 1 }, { x0: 2, x1: 4, count: 3 }, { x0: 4, x1: 6, count: 0 }, { x0: 6, x1: 8, count: 1 }]
 */
export function histogram<T = unknown>(values: ArrayLike<T>, opts: HistogramOptions<T> = {}): HistogramBin[] {
  if (!isArrayLike(values)) throw new ClasslensError('INVALID_ARGUMENT', 'values: expected an array');
  const options = optionsOf(opts);
  if (options.bins != null && options.thresholds != null) {
    throw new ClasslensError('INVALID_ARGUMENT', 'histogram: give bins or thresholds, not both');
  }
  const binCount =
    options.bins == null ? undefined : numberOption(options.bins, 'bins', 0, { min: 0, minExclusive: true });
  if (binCount !== undefined && binCount > MAX_BINS) {
    throw new ClasslensError('TOO_LARGE', `bins: ${binCount} is more than the ${MAX_BINS} bins allowed`, {
      bins: binCount,
      max: MAX_BINS,
    });
  }
  let explicit: number[] | undefined;
  if (options.thresholds != null) {
    if (!isArrayLike(options.thresholds)) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `thresholds: expected an array, got ${describeValue(options.thresholds)}`,
      );
    }
    if (options.thresholds.length >= MAX_BINS) {
      throw new ClasslensError(
        'TOO_LARGE',
        `thresholds: ${options.thresholds.length} thresholds is more than the ${MAX_BINS} bins allowed`,
      );
    }
    explicit = Array.from(options.thresholds);
    for (let i = 0; i < explicit.length; i++) {
      if (
        typeof explicit[i] !== 'number' ||
        !Number.isFinite(explicit[i]) ||
        (i > 0 && explicit[i] < explicit[i - 1])
      ) {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `thresholds: ${describeValue(explicit[i])} at index ${i} is not finite and ascending`,
          { index: i },
        );
      }
    }
  }
  const domain = options.domain;
  if (
    domain != null &&
    !(domain.length === 2 && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) && domain[0] <= domain[1])
  ) {
    throw new ClasslensError('INVALID_ARGUMENT', 'domain: expected [min, max] with finite min ≤ max');
  }

  const raw: ArrayLike<unknown> =
    options.value != null ? applyAccessor(Array.from(values), options.value, 'value') : values;
  const xs: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v == null) continue;
    if (typeof v !== 'number') throw badNumber('values', v, `at index ${i}`, { index: i });
    if (!Number.isFinite(v)) continue;
    xs.push(v);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let x0: number;
  let x1: number;
  if (domain != null) [x0, x1] = [domain[0], domain[1]];
  else if (xs.length === 0) return [];
  else [x0, x1] = [lo, hi];

  let tz: number[];
  if (explicit) tz = explicit;
  else {
    const count = binCount ?? Math.ceil(Math.log(xs.length) / Math.LN2) + 1;
    if (domain == null) {
      [x0, x1] = nice(x0, x1, count);
      // Niceing can round the lower bound past the data where a value underflows:
      // -5e-324 / step is -0, so d3's domain starts at -0 and drops that value. Every
      // finite value is counted here. (The upper bound is extended by d3's rule below.)
      if (x0 > lo) x0 = lo;
    }
    tz = ticks(x0, x1, count);
    // As d3: a last threshold on the upper bound would leave a zero-width last bin; with
    // the default domain, extend the domain by one step to keep bins uniform, else drop it.
    if (tz.length > 0 && tz[tz.length - 1] >= x1) {
      if (hi >= x1 && domain == null) {
        const step = tickIncrement(x0, x1, count);
        if (Number.isFinite(step)) {
          if (step > 0) x1 = (Math.floor(x1 / step) + 1) * step;
          else if (step < 0) x1 = (Math.ceil(x1 * -step) + 1) / -step;
        }
      } else tz.pop();
    }
  }
  let a = 0;
  let b = tz.length;
  while (a < b && tz[a] <= x0) a++;
  while (b > a && tz[b - 1] > x1) b--;
  tz = tz.slice(a, b);
  const m = tz.length;
  const bins: HistogramBin[] = [];
  for (let i = 0; i <= m; i++) bins.push({ x0: i > 0 ? tz[i - 1] : x0, x1: i < m ? tz[i] : x1, count: 0 });
  for (const x of xs) if (x0 <= x && x <= x1) bins[bisectRight(tz, x, m)].count++;
  return bins;
}
