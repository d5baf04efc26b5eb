// JavaScript versions of the passes in packages/core/assembly/prep.ts: per-column
// statistics of row-major rows, and centring + transposing into class-major order.
// Plain functions (not generator bodies), so that V8 optimises their loops fully.

/**
 * Adds rows [r0, r1) of row-major `data` (m columns) into sum[c] and folds them into
 * mn[c] / mx[c] (initialised by the caller to 0, +∞, −∞).
 */
export function columnStatsJs(
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
  sum: Float64Array,
  mn: Float64Array,
  mx: Float64Array,
): void {
  for (let r = r0; r < r1; r++) {
    const off = r * m;
    for (let c = 0; c < m; c++) {
      const x = data[off + c];
      sum[c] += x;
      if (x < mn[c]) mn[c] = x;
      if (x > mx[c]) mx[c] = x;
    }
  }
}

/**
 * Writes d = data[r, c]·mul[c] − sub[c] for rows [r0, r1) into z[c·ld + k0 + (r − r0)]
 * and adds d² to m2[c]. Tiles of 16 rows × 64 columns: each column's 16 results are contiguous,
 * and a tile's reads stay in L1.
 */
export function centerJs(
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
  z: Float32Array | Float64Array,
  ld: number,
  k0: number,
  mul: Float64Array,
  sub: Float64Array,
  m2: Float64Array,
): void {
  const CB = 64;
  const RB = 16;
  for (let c0 = 0; c0 < m; c0 += CB) {
    const c1 = Math.min(m, c0 + CB);
    for (let rb = r0; rb < r1; rb += RB) {
      const re = Math.min(r1, rb + RB);
      for (let c = c0; c < c1; c++) {
        const mu = mul[c];
        const su = sub[c];
        const zo = c * ld + k0 - r0;
        let s2 = 0;
        for (let r = rb; r < re; r++) {
          const d = data[r * m + c] * mu - su;
          z[zo + r] = d;
          s2 += d * d;
        }
        m2[c] += s2;
      }
    }
  }
}
