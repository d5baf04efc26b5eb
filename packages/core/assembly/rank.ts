// AssemblyScript source of the WebAssembly ranking kernel behind rankColumns and
// spearmanSimilarity; src/similarity/internal/rank.ts is the JavaScript fallback and
// computes the same ranks. See that file for the method; in short: distribute the values
// into n equal-width buckets between min and max (one counting pass, one scatter), sort
// each bucket (insertion sort when small, heapsort when an uneven distribution piles many
// values into one), then assign average ranks to runs of ties.

@inline
function siftDown(sv: usize, si: usize, s: i32, root: i32, end: i32): void {
  // Max-heap over sv[s .. s+end), carrying si.
  let r = root;
  const x = load<f64>(sv + (<usize>(s + r) << 3));
  const xi = load<u32>(si + (<usize>(s + r) << 2));
  for (;;) {
    let c = 2 * r + 1;
    if (c >= end) break;
    let cv = load<f64>(sv + (<usize>(s + c) << 3));
    if (c + 1 < end) {
      const c2 = load<f64>(sv + (<usize>(s + c + 1) << 3));
      if (c2 > cv) {
        c++;
        cv = c2;
      }
    }
    if (cv <= x) break;
    store<f64>(sv + (<usize>(s + r) << 3), cv);
    store<u32>(si + (<usize>(s + r) << 2), load<u32>(si + (<usize>(s + c) << 2)));
    r = c;
  }
  store<f64>(sv + (<usize>(s + r) << 3), x);
  store<u32>(si + (<usize>(s + r) << 2), xi);
}

function heapsort(sv: usize, si: usize, s: i32, e: i32): void {
  const len = e - s;
  for (let r = (len >> 1) - 1; r >= 0; r--) siftDown(sv, si, s, r, len);
  for (let end = len - 1; end > 0; end--) {
    const pa = sv + (<usize>s << 3);
    const pb = sv + (<usize>(s + end) << 3);
    const t = load<f64>(pa);
    store<f64>(pa, load<f64>(pb));
    store<f64>(pb, t);
    const qa = si + (<usize>s << 2);
    const qb = si + (<usize>(s + end) << 2);
    const ti = load<u32>(qa);
    store<u32>(qa, load<u32>(qb));
    store<u32>(qb, ti);
    siftDown(sv, si, s, 0, end);
  }
}


/**
 * LSD radix sort of sv/si on [s, e) by 8-bit digits of the order-preserving 64-bit key of
 * each float64 (flip the sign bit of non-negative values, every bit of negative ones;
 * Herf, "Radix Tricks", 2001). Passes whose digit is the same for every key are skipped.
 */
function radix(sv: usize, si: usize, tv: usize, ti: usize, counts: usize, s: i32, e: i32): void {
  for (let k = s; k < e; k++) {
    const p = sv + (<usize>k << 3);
    const b = reinterpret<u64>(load<f64>(p) + 0.0); // + 0.0 turns -0 into +0
    store<u64>(p, b >> 63 ? ~b : b | 0x8000000000000000);
  }
  let a = sv, ai = si, b = tv, bi = ti;
  const len = e - s;
  for (let pass = 0; pass < 8; pass++) {
    const shift = <u64>(pass * 8);
    memory.fill(counts, 0, 256 * 4);
    for (let k = s; k < e; k++) {
      const d = <usize>((load<u64>(a + (<usize>k << 3)) >> shift) & 255);
      const p = counts + (d << 2);
      store<u32>(p, load<u32>(p) + 1);
    }
    let sum: u32 = <u32>s;
    let single = false;
    for (let d = 0; d < 256; d++) {
      const p = counts + (<usize>d << 2);
      const c = load<u32>(p);
      if (c == <u32>len) single = true;
      store<u32>(p, sum);
      sum += c;
    }
    if (single) continue;
    for (let k = s; k < e; k++) {
      const key = load<u64>(a + (<usize>k << 3));
      const p = counts + (<usize>((key >> shift) & 255) << 2);
      const pos = load<u32>(p);
      store<u32>(p, pos + 1);
      store<u64>(b + (<usize>pos << 3), key);
      store<u32>(bi + (<usize>pos << 2), load<u32>(ai + (<usize>k << 2)));
    }
    const t = a;
    a = b;
    b = t;
    const tt = ai;
    ai = bi;
    bi = tt;
  }
  for (let k = s; k < e; k++) {
    const key = load<u64>(a + (<usize>k << 3));
    store<u64>(sv + (<usize>k << 3), key >> 63 ? key & 0x7fffffffffffffff : ~key);
    if (ai != si) store<u32>(si + (<usize>k << 2), load<u32>(ai + (<usize>k << 2)));
  }
}

function insertion(sv: usize, si: usize, s: i32, e: i32): void {
  for (let k = s + 1; k < e; k++) {
    const x = load<f64>(sv + (<usize>k << 3));
    const xi = load<u32>(si + (<usize>k << 2));
    let q = k - 1;
    while (q >= s) {
      const y = load<f64>(sv + (<usize>q << 3));
      if (y <= x) break;
      store<f64>(sv + (<usize>(q + 1) << 3), y);
      store<u32>(si + (<usize>(q + 1) << 2), load<u32>(si + (<usize>q << 2)));
      q--;
    }
    store<f64>(sv + (<usize>(q + 1) << 3), x);
    store<u32>(si + (<usize>(q + 1) << 2), xi);
  }
}

/**
 * Average ranks (1-based, ties averaged) of the n finite float64 values at `v`, written
 * as float64 to out + k·stride bytes for value k. `w` is 32·n + 1024 bytes
 * of scratch. Returns Σ (rank − (n+1)/2)², 0 exactly when every value ties.
 */
export function rank(v: usize, n: i32, w: usize, out: usize, stride: i32): f64 {
  if (n <= 0) return 0;
  const sv: usize = w; // f64[n]
  const si: usize = sv + (<usize>n << 3); // u32[n]
  const bucket: usize = si + (<usize>n << 2); // u32[n]
  const ends: usize = bucket + (<usize>n << 2); // u32[n]
  const tv: usize = ends + (<usize>n << 2); // f64[n]
  const ti: usize = tv + (<usize>n << 3); // u32[n]
  const counts: usize = ti + (<usize>n << 2); // u32[256]
  let mn = load<f64>(v);
  let mx = mn;
  for (let k = 1; k < n; k++) {
    const x = load<f64>(v + (<usize>k << 3));
    mn = min(mn, x);
    mx = max(mx, x);
  }
  const mid = (<f64>n + 1) / 2;
  if (mn == mx) {
    for (let k = 0; k < n; k++) store<f64>(out + <usize>k * <usize>stride, mid);
    return 0;
  }
  const scale = (<f64>n - 1) / (mx - mn);
  if (isFinite(scale) && scale > 0) {
    memory.fill(ends, 0, <usize>n << 2);
    for (let k = 0; k < n; k++) {
      let b = <i32>((load<f64>(v + (<usize>k << 3)) - mn) * scale);
      if (b >= n) b = n - 1;
      store<u32>(bucket + (<usize>k << 2), b);
      const p = ends + (<usize>b << 2);
      store<u32>(p, load<u32>(p) + 1);
    }
    let sum: u32 = 0;
    for (let b = 0; b < n; b++) {
      const p = ends + (<usize>b << 2);
      const c = load<u32>(p);
      store<u32>(p, sum);
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const p = ends + (<usize>load<u32>(bucket + (<usize>k << 2)) << 2);
      const pos = load<u32>(p);
      store<u32>(p, pos + 1);
      store<f64>(sv + (<usize>pos << 3), load<f64>(v + (<usize>k << 3)));
      store<u32>(si + (<usize>pos << 2), k);
    }
    let s = 0;
    for (let b = 0; b < n; b++) {
      const e = <i32>load<u32>(ends + (<usize>b << 2));
      const len = e - s;
      if (len > 256) radix(sv, si, tv, ti, counts, s, e);
      else if (len > 24) heapsort(sv, si, s, e);
      else if (len > 1) insertion(sv, si, s, e);
      s = e;
    }
  } else {
    // The range overflows or is subnormal: radix sort everything.
    for (let k = 0; k < n; k++) {
      store<f64>(sv + (<usize>k << 3), load<f64>(v + (<usize>k << 3)));
      store<u32>(si + (<usize>k << 2), k);
    }
    radix(sv, si, tv, ti, counts, 0, n);
  }
  let ss: f64 = 0;
  let s = 0;
  while (s < n) {
    const x = load<f64>(sv + (<usize>s << 3));
    let e = s + 1;
    while (e < n && load<f64>(sv + (<usize>e << 3)) == x) e++;
    const r = (<f64>(s + 1) + <f64>e) / 2;
    const d = r - mid;
    ss += d * d * <f64>(e - s);
    for (let q = s; q < e; q++) store<f64>(out + <usize>load<u32>(si + (<usize>q << 2)) * <usize>stride, r);
    s = e;
  }
  return ss;
}
