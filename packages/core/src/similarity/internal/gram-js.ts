/**
 * Scalar JavaScript Gram kernel: the fallback for the WebAssembly SIMD kernel
 * (`packages/core/assembly/gram.ts`), with the same layout, blocking and tile shape but
 * float64 throughout. Adds Σ_{k0 ≤ k < k1} z[i,k]·z[j,k] into the packed lower triangle
 * `c` (entry (i, j ≤ i) at i(i+1)/2 + j) for 0 ≤ j ≤ i < m.
 *
 * `z` is class-major: row i (a class) holds `ld` samples. m must be a multiple of 4
 * (callers pad with zero rows). A 4 × 2 register tile (8 accumulators, 6 loads per step)
 * fits V8's 16 float registers; KC × JB blocking keeps the right-hand panel in L2.
 * Measured ≈ 4–5 GFLOP/s per core here.
 */
export function gramJs(z: Float64Array, ld: number, m: number, k0: number, k1: number, c: Float64Array): void {
  const KC = 512;
  const JB = 64;
  for (let kb = k0; kb < k1; kb += KC) {
    const ke = Math.min(kb + KC, k1);
    for (let jb = 0; jb < m; jb += JB) {
      const je = Math.min(jb + JB, m);
      for (let i = jb; i < m; i += 4) {
        const jmax = Math.min(je, i + 4);
        const a0 = i * ld;
        const a1 = a0 + ld;
        const a2 = a1 + ld;
        const a3 = a2 + ld;
        for (let j = jb; j < jmax; j += 2) {
          const b0 = j * ld;
          const b1 = b0 + ld;
          let s00 = 0,
            s01 = 0,
            s10 = 0,
            s11 = 0,
            s20 = 0,
            s21 = 0,
            s30 = 0,
            s31 = 0;
          for (let k = kb; k < ke; k++) {
            const x0 = z[a0 + k];
            const x1 = z[a1 + k];
            const x2 = z[a2 + k];
            const x3 = z[a3 + k];
            const y0 = z[b0 + k];
            const y1 = z[b1 + k];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s10 += x1 * y0;
            s11 += x1 * y1;
            s20 += x2 * y0;
            s21 += x2 * y1;
            s30 += x3 * y0;
            s31 += x3 * y1;
          }
          // Diagonal tiles also cover a few upper entries (j > i); those are dropped.
          const p0 = (i * (i + 1)) / 2;
          const p1 = p0 + i + 1;
          const p2 = p1 + i + 2;
          const p3 = p2 + i + 3;
          if (j <= i) c[p0 + j] += s00;
          if (j + 1 <= i) c[p0 + j + 1] += s01;
          if (j <= i + 1) c[p1 + j] += s10;
          if (j + 1 <= i + 1) c[p1 + j + 1] += s11;
          if (j <= i + 2) c[p2 + j] += s20;
          if (j + 1 <= i + 2) c[p2 + j + 1] += s21;
          c[p3 + j] += s30;
          c[p3 + j + 1] += s31;
        }
      }
    }
  }
}
