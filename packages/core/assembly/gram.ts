// AssemblyScript source of the WebAssembly SIMD Gram kernel behind pearsonSimilarity and
// spearmanSimilarity. Compiled by `node scripts/build-wasm.mjs` (asc --enable simd -O3)
// into packages/core/src/similarity/wasm/kernel.generated.ts. The scalar JavaScript
// kernel in src/similarity/internal/gram-js.ts computes the same sums and is the fallback.
//
// Layout: `z` holds m rows (classes) of `ld` float32 values (samples), class-major, each
// row already centred and scaled to unit norm by the caller, zero-padded so that m is a
// multiple of 4 and ld a multiple of 48. `c` is the packed lower triangle of an m × m
// float64 matrix, entry (i, j ≤ i) at i(i+1)/2 + j; gram() adds Σ_k z[i,k] z[j,k] over
// k in [k0, k1) into it.
//
// Precision (why float32 products are good enough): each f32x4 lane sums at most FLUSH
// products in float32 before the partial sum is widened to float64. With u = 2^-24 and
// Σ_k |z_ik z_jk| ≤ 1 (Cauchy–Schwarz on unit-norm rows), the standard bound for
// recursive summation (Higham, "Accuracy and Stability of Numerical Algorithms", §4.2)
// gives |error| ≤ (FLUSH − 1)u for the float32 partial sums, plus u for rounding the
// products and 2u for having rounded z to float32: (FLUSH + 2)u = 14u ≈ 8.3e-7 for
// FLUSH = 12, whatever n is. The float64 accumulation adds O(n/48 · 2^-53).
//
// Where the engine supports relaxed SIMD (Chrome ≥ 114, Node ≥ 22), a second build of this
// file (asc --enable relaxed-simd) uses f32x4.relaxed_madd, a fused multiply-add on CPUs
// with FMA: ~30% faster here, and the product rounding (the u above) disappears, so the
// bound only tightens. Which build runs is chosen at load time (wasm-kernel.ts).
//
// Speed: a 4 × 2 register tile (8 f32x4 accumulators + 8 f64x2 partial sums + 6 loads)
// keeps V8's 16 xmm registers busy without much spilling; it measured ~26 GFLOP/s on one
// core here versus ~16 for the best float64x2 tile. Blocking: KC samples at a time and JB
// rows of the right-hand side keep a JB × KC panel (384 KB) in L2 while 4 left rows
// (12 KB) stay in L1 (Goto & van de Geijn, "Anatomy of High-Performance Matrix
// Multiplication", 2008).

const FLUSH: i32 = 12; // float32 steps per lane before widening to float64
const KC: i32 = 768; // samples per cache block (a multiple of 4 · FLUSH)
const JB: i32 = 128; // right-hand rows per cache block (a multiple of 4)

/** c + a·b per float32 lane: fused where relaxed SIMD is compiled in, else multiply then add. */
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

@inline
function widen(d: v128, c: v128): v128 {
  // d + (c[0] + c[2], c[1] + c[3]) computed in float64.
  return f64x2.add(
    d,
    f64x2.add(f64x2.promote_low_f32x4(c), f64x2.promote_low_f32x4(v128.shuffle<u32>(c, c, 2, 3, 0, 1))),
  );
}

@inline
function addTo(c: usize, row: i32, col: i32, d: v128): void {
  if (col > row) return; // diagonal tiles also compute a few upper entries; drop them
  const p: usize = c + ((<usize>row * <usize>(row + 1)) / 2 + <usize>col) * 8;
  store<f64>(p, load<f64>(p) + (f64x2.extract_lane(d, 0) + f64x2.extract_lane(d, 1)));
}

function tile(z: usize, ld: i32, i: i32, j: i32, k0: i32, k1: i32, c: usize): void {
  const rs: usize = <usize>ld * 4;
  let pa0: usize = z + <usize>i * rs + <usize>k0 * 4;
  let pa1: usize = pa0 + rs;
  let pa2: usize = pa1 + rs;
  let pa3: usize = pa2 + rs;
  let pb0: usize = z + <usize>j * rs + <usize>k0 * 4;
  let pb1: usize = pb0 + rs;
  const end: usize = pa0 + <usize>(k1 - k0) * 4;
  let d00 = f64x2.splat(0), d01 = f64x2.splat(0), d10 = f64x2.splat(0), d11 = f64x2.splat(0);
  let d20 = f64x2.splat(0), d21 = f64x2.splat(0), d30 = f64x2.splat(0), d31 = f64x2.splat(0);
  while (pa0 < end) {
    let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
    let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
    for (let f = 0; f < FLUSH; f++) {
      const a0 = v128.load(pa0);
      const a1 = v128.load(pa1);
      const a2 = v128.load(pa2);
      const a3 = v128.load(pa3);
      const b0 = v128.load(pb0);
      c00 = madd(a0, b0, c00);
      c10 = madd(a1, b0, c10);
      c20 = madd(a2, b0, c20);
      c30 = madd(a3, b0, c30);
      const b1 = v128.load(pb1);
      c01 = madd(a0, b1, c01);
      c11 = madd(a1, b1, c11);
      c21 = madd(a2, b1, c21);
      c31 = madd(a3, b1, c31);
      pa0 += 16;
      pa1 += 16;
      pa2 += 16;
      pa3 += 16;
      pb0 += 16;
      pb1 += 16;
    }
    d00 = widen(d00, c00);
    d01 = widen(d01, c01);
    d10 = widen(d10, c10);
    d11 = widen(d11, c11);
    d20 = widen(d20, c20);
    d21 = widen(d21, c21);
    d30 = widen(d30, c30);
    d31 = widen(d31, c31);
  }
  addTo(c, i, j, d00);
  addTo(c, i, j + 1, d01);
  addTo(c, i + 1, j, d10);
  addTo(c, i + 1, j + 1, d11);
  addTo(c, i + 2, j, d20);
  addTo(c, i + 2, j + 1, d21);
  addTo(c, i + 3, j, d30);
  addTo(c, i + 3, j + 1, d31);
}

/**
 * Adds Σ_{k0 ≤ k < k1} z[i,k]·z[j,k] into the packed lower triangle `c` for every
 * 0 ≤ j ≤ i < m. Requires m % 4 == 0 and k0, k1 multiples of 48 (the caller pads).
 */
export function gram(z: usize, ld: i32, m: i32, k0: i32, k1: i32, c: usize): void {
  for (let kb = k0; kb < k1; kb += KC) {
    const ke = min(kb + KC, k1);
    for (let jb = 0; jb < m; jb += JB) {
      const je = min(jb + JB, m);
      // Tile rows i..i+3 meet columns [jb, je) in the lower triangle when i + 3 ≥ jb.
      for (let i = jb; i < m; i += 4) {
        const jmax = min(je, i + 4);
        for (let j = jb; j < jmax; j += 2) tile(z, ld, i, j, kb, ke, c);
      }
    }
  }
}
