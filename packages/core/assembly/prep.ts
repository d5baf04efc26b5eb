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

const CB: i32 = 32; // columns per block: 32 write streams (pages) of z at a time

/**
 * Writes d = x[r, c]·mul[c] − sub[c] for `rows` row-major float64 rows at `x` as float32
 * to z[c·ld + k0 + r] (class-major) and adds d² (float64) to m2[c]. Works on 4 rows × 2
 * columns at a time: the 8 results are transposed in registers so that each column gets
 * one 16-byte store of 4 consecutive samples; blocks of 32 columns keep the number of
 * pages written at once small (each column of z is a separate page).
 */
export function center(x: usize, rows: i32, m: i32, k0: i32, z: usize, ld: i32, mul: usize, sub: usize, m2: usize): void {
  const mc = m & ~1;
  const rs: usize = <usize>m * 8;
  const zs: usize = <usize>ld * 4;
  const r4 = rows & ~3;
  for (let c0 = 0; c0 < mc; c0 += CB) {
    const c1 = min(mc, c0 + CB);
    for (let r = 0; r < r4; r += 4) {
      const row: usize = x + <usize>r * rs;
      const zr: usize = z + <usize>(k0 + r) * 4;
      for (let c = c0; c < c1; c += 2) {
        const o: usize = <usize>c * 8;
        const mu = v128.load(mul + o);
        const su = v128.load(sub + o);
        const d0 = f64x2.sub(f64x2.mul(v128.load(row + o), mu), su);
        const d1 = f64x2.sub(f64x2.mul(v128.load(row + rs + o), mu), su);
        const d2 = f64x2.sub(f64x2.mul(v128.load(row + 2 * rs + o), mu), su);
        const d3 = f64x2.sub(f64x2.mul(v128.load(row + 3 * rs + o), mu), su);
        const sq = f64x2.add(f64x2.add(f64x2.mul(d0, d0), f64x2.mul(d1, d1)), f64x2.add(f64x2.mul(d2, d2), f64x2.mul(d3, d3)));
        v128.store(m2 + o, f64x2.add(v128.load(m2 + o), sq));
        // (a_r, b_r) for rows r..r+3 → a0 a1 a2 a3 | b0 b1 b2 b3
        const f01 = v128.shuffle<u32>(f32x4.demote_f64x2_zero(d0), f32x4.demote_f64x2_zero(d1), 0, 1, 4, 5);
        const f23 = v128.shuffle<u32>(f32x4.demote_f64x2_zero(d2), f32x4.demote_f64x2_zero(d3), 0, 1, 4, 5);
        const q: usize = zr + <usize>c * zs;
        v128.store(q, v128.shuffle<u32>(f01, f23, 0, 2, 4, 6));
        v128.store(q + zs, v128.shuffle<u32>(f01, f23, 1, 3, 5, 7));
      }
    }
  }
  // Leftover rows (rows % 4) for every column, and the last column when m is odd.
  for (let r = 0; r < rows; r++) {
    const cFrom = r < r4 ? mc : 0;
    for (let c = cFrom; c < m; c++) {
      const o: usize = <usize>c * 8;
      const d = load<f64>(x + <usize>r * rs + o) * load<f64>(mul + o) - load<f64>(sub + o);
      store<f64>(m2 + o, load<f64>(m2 + o) + d * d);
      store<f32>(z + <usize>c * zs + <usize>(k0 + r) * 4, <f32>d);
    }
  }
}
