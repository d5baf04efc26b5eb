// AssemblyScript source of the WebAssembly passes that prepare scores for the Gram kernel
// (see gram.ts): per-column statistics of row-major float64 rows, then centring, scaling
// and transposing them into the class-major float32 layout the kernel reads. The JS
// fallbacks are in src/similarity/internal/prepare-js.ts.

/**
 * For `rows` row-major float64 rows of m values at `x`, adds each column's values into
 * sum[c] and folds them into mn[c] / mx[c] (float64 arrays of m; the caller initialises
 * them to 0, +∞ and −∞). Two columns per f64x2 operation.
 */
export function colstats(x: usize, rows: i32, m: i32, sum: usize, mn: usize, mx: usize): void {
  const m2 = m & ~1;
  for (let r = 0; r < rows; r++) {
    const row: usize = x + <usize>r * <usize>m * 8;
    for (let c = 0; c < m2; c += 2) {
      const o: usize = <usize>c * 8;
      const v = v128.load(row + o);
      v128.store(sum + o, f64x2.add(v128.load(sum + o), v));
      v128.store(mn + o, f64x2.min(v128.load(mn + o), v));
      v128.store(mx + o, f64x2.max(v128.load(mx + o), v));
    }
    if (m2 < m) {
      const o: usize = <usize>m2 * 8;
      const v = load<f64>(row + o);
      store<f64>(sum + o, load<f64>(sum + o) + v);
      store<f64>(mn + o, min(load<f64>(mn + o), v));
      store<f64>(mx + o, max(load<f64>(mx + o), v));
    }
  }
}

const RB: i32 = 16; // rows per tile: each column's 16 float32 results fill one cache line

/**
 * Writes d = x[r, c]·mul[c] − sub[c] for `rows` row-major float64 rows at `x` as float32
 * to z[c·ld + k0 + r] (class-major) and adds d² (float64) to m2[c]. Tiles of 16 rows keep
 * the reads of a tile in L1 and make each column's writes one contiguous cache line.
 */
export function center(x: usize, rows: i32, m: i32, k0: i32, z: usize, ld: i32, mul: usize, sub: usize, m2: usize): void {
  const m2c = m & ~1;
  const rs: usize = <usize>m * 8;
  const zs: usize = <usize>ld * 4;
  for (let rb = 0; rb < rows; rb += RB) {
    const re = min(rows, rb + RB);
    for (let c = 0; c < m2c; c += 2) {
      const o: usize = <usize>c * 8;
      const mu = v128.load(mul + o);
      const su = v128.load(sub + o);
      let acc = f64x2.splat(0);
      let p: usize = x + <usize>rb * rs + o;
      let q: usize = z + <usize>c * zs + <usize>(k0 + rb) * 4;
      for (let r = rb; r < re; r++) {
        const d = f64x2.sub(f64x2.mul(v128.load(p), mu), su);
        acc = f64x2.add(acc, f64x2.mul(d, d));
        const f = f32x4.demote_f64x2_zero(d);
        v128.store32_lane(q, f, 0);
        v128.store32_lane(q + zs, f, 1);
        p += rs;
        q += 4;
      }
      v128.store(m2 + o, f64x2.add(v128.load(m2 + o), acc));
    }
    if (m2c < m) {
      const o: usize = <usize>m2c * 8;
      const mu = load<f64>(mul + o);
      const su = load<f64>(sub + o);
      let acc: f64 = 0;
      for (let r = rb; r < re; r++) {
        const d = load<f64>(x + <usize>r * rs + o) * mu - su;
        acc += d * d;
        store<f32>(z + <usize>m2c * zs + <usize>(k0 + r) * 4, <f32>d);
      }
      store<f64>(m2 + o, load<f64>(m2 + o) + acc);
    }
  }
}
