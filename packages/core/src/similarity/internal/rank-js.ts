/**
 * Average ranks of one column (ties get the mean of the ranks they span, 1-based:
 * scipy.stats.rankdata's 'average' method), in O(n) expected time.
 *
 * Values are first distributed into n equal-width buckets between the column's minimum
 * and maximum — one counting pass and one scatter, both on typed arrays — which for the
 * smooth distributions of scores leaves a handful of values per bucket to order by
 * insertion sort (distribution counting; Knuth, TAOCP vol. 3, §5.2.1, and bucket sort's
 * expected O(n), Cormen et al. §8.4). Buckets of 25–256 values are heapsorted; larger
 * ones — outliers squeeze everything else into few buckets — are sorted by an LSD radix
 * sort on the IEEE-754 bits (a float64 maps to an unsigned 64-bit key with the same order by
 * flipping the sign bit of non-negative values and every bit of negative ones; Herf,
 * "Radix Tricks", 2001), so the worst case stays O(n) too.
 */
export class RankScratch {
  readonly n: number;
  private readonly bucket: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly sv: Float64Array;
  private readonly si: Uint32Array;
  private readonly svBits: Uint32Array;
  private readonly tv: Float64Array;
  private readonly ti: Uint32Array;
  private readonly counts = new Uint32Array(2048);

  constructor(n: number) {
    this.n = n;
    this.bucket = new Uint32Array(n);
    this.ends = new Uint32Array(n);
    this.sv = new Float64Array(n);
    this.si = new Uint32Array(n);
    this.svBits = new Uint32Array(this.sv.buffer);
    this.tv = new Float64Array(n);
    this.ti = new Uint32Array(n);
  }

  /**
   * Ranks the n finite values `src[from .. from + n)` and writes the rank of value k,
   * minus `shift`, to `out[offset + k * stride]`.
   * Returns the sum of squared deviations of the ranks from their mean (n + 1) / 2
   * (0 exactly when every value ties), which Spearman needs and which is cheapest here.
   */
  rank(src: Float64Array, from: number, out: Float64Array, offset: number, stride: number, shift = 0): number {
    const { n, bucket, ends, sv, si } = this;
    if (n === 0) return 0;
    let min = src[from];
    let max = min;
    for (let k = 1; k < n; k++) {
      const v = src[from + k];
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    if (min === max) {
      const r = (n + 1) / 2 - shift;
      for (let k = 0; k < n; k++) out[offset + k * stride] = r;
      return 0;
    }
    const scale = (n - 1) / (max - min);
    if (Number.isFinite(scale) && scale > 0) {
      ends.fill(0);
      for (let k = 0; k < n; k++) {
        // Monotone in v (each rounding is), so buckets are ordered; ≤ n − 1 up to rounding.
        let b = ((src[from + k] - min) * scale) | 0;
        if (b >= n) b = n - 1;
        bucket[k] = b;
        ends[b]++;
      }
      let sum = 0;
      for (let b = 0; b < n; b++) {
        const c = ends[b];
        ends[b] = sum;
        sum += c;
      }
      for (let k = 0; k < n; k++) {
        const pos = ends[bucket[k]]++;
        sv[pos] = src[from + k];
        si[pos] = k;
      }
      for (let b = 0, s = 0; b < n; b++) {
        const e = ends[b];
        if (e - s > 256) this.radix(s, e);
        else if (e - s > 24) heapsort(sv, si, s, e);
        else if (e - s > 1) insertion(sv, si, s, e);
        s = e;
      }
    } else {
      // The range overflows (values near ±1.8e308) or is subnormal: radix sort everything.
      sv.set(src.subarray(from, from + n));
      for (let k = 0; k < n; k++) si[k] = k;
      this.radix(0, n);
    }
    // Average ranks over ties: sorted positions s..e-1 hold ranks s+1..e.
    const mid = (n + 1) / 2;
    let ss = 0;
    for (let s = 0; s < n;) {
      const v = sv[s];
      let e = s + 1;
      while (e < n && sv[e] === v) e++;
      const r = (s + 1 + e) / 2;
      const d = r - mid;
      ss += d * d * (e - s);
      const rs = r - shift;
      for (let q = s; q < e; q++) out[offset + si[q] * stride] = rs;
      s = e;
    }
    return ss;
  }

  /** Sorts sv/si on [s, e) by LSD radix on the order-preserving 64-bit keys of sv. */
  private radix(s: number, e: number): void {
    const { sv, si, svBits, tv, ti, counts } = this;
    const tBits = new Uint32Array(tv.buffer);
    const LO = LITTLE_ENDIAN ? 0 : 1;
    const HI = 1 - LO;
    // Keys are computed in place: -0 becomes +0 first so that it ties with 0.
    for (let k = s; k < e; k++) {
      sv[k] = sv[k] + 0;
      const hi = svBits[2 * k + HI];
      if (hi >>> 31) {
        svBits[2 * k + HI] = ~hi;
        svBits[2 * k + LO] = ~svBits[2 * k + LO];
      } else svBits[2 * k + HI] = hi | 0x80000000;
    }
    let a = svBits,
      ai = si,
      b = tBits,
      bi = ti;
    for (let p = 0; p < 6; p++) {
      const word = p < 3 ? LO : HI;
      const shift = (p % 3) * 11;
      counts.fill(0);
      for (let k = s; k < e; k++) counts[(a[2 * k + word] >>> shift) & 2047]++;
      let sum = s;
      let single = false;
      for (let d = 0; d < 2048; d++) {
        const c = counts[d];
        if (c === e - s) single = true;
        counts[d] = sum;
        sum += c;
      }
      if (single) continue;
      for (let k = s; k < e; k++) {
        const pos = counts[(a[2 * k + word] >>> shift) & 2047]++;
        b[2 * pos] = a[2 * k];
        b[2 * pos + 1] = a[2 * k + 1];
        bi[pos] = ai[k];
      }
      [a, b] = [b, a];
      [ai, bi] = [bi, ai];
    }
    if (a !== svBits) {
      svBits.set(a.subarray(2 * s, 2 * e), 2 * s);
      si.set(ai.subarray(s, e), s);
    }
    // Undo the key transform.
    for (let k = s; k < e; k++) {
      const hi = svBits[2 * k + HI];
      if (hi >>> 31) svBits[2 * k + HI] = hi & 0x7fffffff;
      else {
        svBits[2 * k + HI] = ~hi;
        svBits[2 * k + LO] = ~svBits[2 * k + LO];
      }
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function heapsort(v: Float64Array, ix: Uint32Array, s: number, e: number): void {
  const len = e - s;
  const sift = (root: number, end: number) => {
    let r = root;
    const x = v[s + r];
    const xi = ix[s + r];
    for (;;) {
      let c = 2 * r + 1;
      if (c >= end) break;
      if (c + 1 < end && v[s + c + 1] > v[s + c]) c++;
      if (v[s + c] <= x) break;
      v[s + r] = v[s + c];
      ix[s + r] = ix[s + c];
      r = c;
    }
    v[s + r] = x;
    ix[s + r] = xi;
  };
  for (let r = (len >> 1) - 1; r >= 0; r--) sift(r, len);
  for (let end = len - 1; end > 0; end--) {
    const t = v[s];
    v[s] = v[s + end];
    v[s + end] = t;
    const ti = ix[s];
    ix[s] = ix[s + end];
    ix[s + end] = ti;
    sift(0, end);
  }
}

function insertion(v: Float64Array, ix: Uint32Array, s: number, e: number): void {
  for (let k = s + 1; k < e; k++) {
    const x = v[k];
    const i = ix[k];
    let q = k - 1;
    while (q >= s && v[q] > x) {
      v[q + 1] = v[q];
      ix[q + 1] = ix[q];
      q--;
    }
    v[q + 1] = x;
    ix[q + 1] = i;
  }
}
