// AssemblyScript source of the WebAssembly ranking kernel behind rankColumns and
// spearmanSimilarity. The JavaScript fallback (src/similarity/internal/rank.ts) ranks by
// bucket distribution instead; both give identical ranks, which the tests check.
//
// Method: LSD radix sort (Knuth, TAOCP vol. 3, §5.2.5) of 64-bit entries
// (high 32 bits of the value's order-preserving key) << 32 | index, three stable counting
// passes of 11 bits over the key half, one 8-byte scatter per entry per pass, no
// comparisons, so no branch mispredictions and no sensitivity to the distribution
// (outliers, heavy tails). A float64 maps to an unsigned 64-bit key with the same order by
// flipping the sign bit of non-negative values and every bit of negative ones (Herf,
// "Radix Tricks", 2001). Runs of equal high words — rare for continuous data, common for
// ties — are then ordered by the low word of the key, and runs of equal values get the
// mean of the ranks they span.

@inline
function sortable(x: f64): u64 {
  const b = reinterpret<u64>(x + 0.0); // + 0.0 turns -0 into +0, which then ties with 0
  return b >> 63 ? ~b : b | 0x8000000000000000;
}

@inline
function bump(p: usize): void {
  store<u32>(p, load<u32>(p) + 1);
}

/** Exclusive prefix sums of 2048 counts starting from `base`; false when one bucket holds all `len`. */
function prefix(counts: usize, base: u32, len: u32): bool {
  let sum = base;
  let spread = true;
  for (let d = 0; d < 2048; d++) {
    const q = counts + (<usize>d << 2);
    const c = load<u32>(q);
    if (c == len) spread = false;
    store<u32>(q, sum);
    sum += c;
  }
  return spread;
}

/** One stable counting pass of src[s..e) → dst[s..e) by 11 bits at `shift`; counts already prefixed. */
function scatter(src: usize, dst: usize, counts: usize, s: i32, e: i32, shift: u64): void {
  for (let k = s; k < e; k++) {
    const x = load<u64>(src + (<usize>k << 3));
    const q = counts + (<usize>((x >> shift) & 2047) << 2);
    const pos = load<u32>(q);
    store<u32>(q, pos + 1);
    store<u64>(dst + (<usize>pos << 3), x);
  }
}

/** Sorts a[s..e) by bits 32..63 (three 11-bit passes), using t[s..e) as scratch. */
function sortHigh(a: usize, t: usize, counts: usize, s: i32, e: i32): void {
  let src = a;
  let dst = t;
  for (let p = 0; p < 3; p++) {
    const shift = <u64>(32 + 11 * p);
    memory.fill(counts, 0, 2048 * 4);
    for (let k = s; k < e; k++) bump(counts + (<usize>((load<u64>(src + (<usize>k << 3)) >> shift) & 2047) << 2));
    if (!prefix(counts, <u32>s, <u32>(e - s))) continue;
    scatter(src, dst, counts, s, e, shift);
    const tmp = src;
    src = dst;
    dst = tmp;
  }
  if (src != a) memory.copy(a + (<usize>s << 3), src + (<usize>s << 3), <usize>(e - s) << 3);
}

/**
 * Stores rank r of value `idx`: float64 r at out + idx·stride, or, when `centred`, float32
 * r − mid (exact: ranks are multiples of ½ and float32 holds those exactly below 2²²).
 */
@inline
function put(out: usize, idx: u64, stride: usize, r: f64, mid: f64, centred: bool): void {
  if (centred) store<f32>(out + <usize>idx * stride, <f32>(r - mid));
  else store<f64>(out + <usize>idx * stride, r);
}

/** Assigns average ranks to runs of equal high words in sorted a[s..e); returns Σ (rank − mid)². */
function assign(a: usize, s0: i32, e0: i32, out: usize, stride: usize, mid: f64, centred: bool): f64 {
  let ss: f64 = 0;
  let s = s0;
  while (s < e0) {
    const h = load<u64>(a + (<usize>s << 3)) >> 32;
    let e = s + 1;
    while (e < e0 && load<u64>(a + (<usize>e << 3)) >> 32 == h) e++;
    const r = (<f64>(s + 1) + <f64>e) / 2;
    const d = r - mid;
    ss += d * d * <f64>(e - s);
    for (let q = s; q < e; q++) put(out, load<u64>(a + (<usize>q << 3)) & 0xffffffff, stride, r, mid, centred);
    s = e;
  }
  return ss;
}

/**
 * Average ranks (1-based, ties averaged) of the n finite float64 values at `v`, written
 * for value k at out + k·stride bytes: as float64, or with `centred` ≠ 0 as float32
 * rank − (n+1)/2 (what Spearman's Gram kernel reads). `w` is 16·n + 8192 bytes of
 * scratch. Returns Σ (rank − (n+1)/2)², 0 exactly when every value ties.
 */
export function rank(v: usize, n: i32, w: usize, out: usize, stride: i32, centred: i32): f64 {
  if (n <= 0) return 0;
  const A: usize = w; // u64[n]
  const B: usize = A + (<usize>n << 3); // u64[n]
  const counts: usize = B + (<usize>n << 3); // u32[2048]
  for (let k = 0; k < n; k++) store<u64>(A + (<usize>k << 3), ((sortable(load<f64>(v + (<usize>k << 3))) >> 32) << 32) | <u64>k);
  sortHigh(A, B, counts, 0, n);
  const mid = (<f64>n + 1) / 2;
  const os: usize = <usize>stride;
  let ss: f64 = 0;
  let i = 0;
  while (i < n) {
    const x = load<u64>(A + (<usize>i << 3));
    const h = x >> 32;
    let j = i + 1;
    while (j < n && load<u64>(A + (<usize>j << 3)) >> 32 == h) j++;
    if (j - i == 1) {
      const r = <f64>(i + 1);
      const d = r - mid;
      ss += d * d;
      put(out, x & 0xffffffff, os, r, mid, centred != 0);
    } else {
      // A run of equal high words: re-key as (low word << 32 | index) in B and sort by it.
      for (let q = i; q < j; q++) {
        const idx = load<u64>(A + (<usize>q << 3)) & 0xffffffff;
        const lo = sortable(load<f64>(v + (<usize>idx << 3))) & 0xffffffff;
        store<u64>(B + (<usize>q << 3), (lo << 32) | idx);
      }
      if (j - i <= 16) {
        for (let q = i + 1; q < j; q++) {
          const y = load<u64>(B + (<usize>q << 3));
          let p = q - 1;
          while (p >= i && load<u64>(B + (<usize>p << 3)) > y) {
            store<u64>(B + (<usize>(p + 1) << 3), load<u64>(B + (<usize>p << 3)));
            p--;
          }
          store<u64>(B + (<usize>(p + 1) << 3), y);
        }
      } else sortHigh(B, A, counts, i, j);
      ss += assign(B, i, j, out, os, mid, centred != 0);
    }
    i = j;
  }
  return ss;
}
