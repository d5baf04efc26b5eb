// AssemblyScript source of the elements' block-maximum kernel: per pixel row of a cell
// layer's first frame, each column's maximum over the pixel row's cell rows (NaN skipped:
// `pmax(a, b)` is `a < b ? b : a`, so a NaN b keeps a), and the smallest value and NaN
// count of the rows not seen before. Four float32 (or two float64) values per instruction.
// The JavaScript fallback and the caller are in src/internal/gl/raster/cell-maxima.ts;
// build with scripts/build-block-max-wasm.mjs.
//
// Accumulators at `acc` (64 bytes): float32: min f32x4 at 0, NaN counts i32x4 at 16, the
// scalar tail's min f32 at 32 and count i32 at 36; float64: min f64x2 at 0, NaN counts
// i64x2 at 16, tail min f64 at 32, tail count i32 at 40.

/**
 * colMax[j] ← max over `k` row-major rows of `n` float32 values at `rows` (−∞ where all are
 * NaN), and the smallest value and NaN count of rows [s, k) folded into `acc`.
 */
export function blockF32(rows: usize, k: i32, n: i32, colMax: usize, acc: usize, s: i32): void {
  const n4 = n & ~3;
  const stride: usize = <usize>n << 2;
  const ninf = f32x4.splat(-Infinity);
  for (let j = 0; j < n4; j += 4) v128.store(colMax + (<usize>j << 2), ninf);
  for (let j = n4; j < n; j++) store<f32>(colMax + (<usize>j << 2), -Infinity);
  let mn = v128.load(acc);
  let nan = v128.load(acc, 16);
  let smin = load<f32>(acc, 32);
  let snan = load<i32>(acc, 36);
  for (let r = 0; r < k; r++) {
    const row: usize = rows + <usize>r * stride;
    if (r < s) {
      for (let j = 0; j < n4; j += 4) {
        const o: usize = <usize>j << 2;
        v128.store(colMax + o, f32x4.pmax(v128.load(colMax + o), v128.load(row + o)));
      }
      for (let j = n4; j < n; j++) {
        const o: usize = <usize>j << 2;
        const v = load<f32>(row + o);
        if (v > load<f32>(colMax + o)) store<f32>(colMax + o, v);
      }
    } else {
      for (let j = 0; j < n4; j += 4) {
        const o: usize = <usize>j << 2;
        const v = v128.load(row + o);
        v128.store(colMax + o, f32x4.pmax(v128.load(colMax + o), v));
        mn = f32x4.pmin(mn, v);
        nan = i32x4.sub(nan, f32x4.ne(v, v));
      }
      for (let j = n4; j < n; j++) {
        const o: usize = <usize>j << 2;
        const v = load<f32>(row + o);
        if (v > load<f32>(colMax + o)) store<f32>(colMax + o, v);
        if (v < smin) smin = v;
        if (v != v) snan++;
      }
    }
  }
  v128.store(acc, mn);
  v128.store(acc, nan, 16);
  store<f32>(acc, smin, 32);
  store<i32>(acc, snan, 36);
}

/** {@link blockF32} for float64 values. */
export function blockF64(rows: usize, k: i32, n: i32, colMax: usize, acc: usize, s: i32): void {
  const n2 = n & ~1;
  const stride: usize = <usize>n << 3;
  const ninf = f64x2.splat(-Infinity);
  for (let j = 0; j < n2; j += 2) v128.store(colMax + (<usize>j << 3), ninf);
  for (let j = n2; j < n; j++) store<f64>(colMax + (<usize>j << 3), -Infinity);
  let mn = v128.load(acc);
  let nan = v128.load(acc, 16);
  let smin = load<f64>(acc, 32);
  let snan = load<i32>(acc, 40);
  for (let r = 0; r < k; r++) {
    const row: usize = rows + <usize>r * stride;
    if (r < s) {
      for (let j = 0; j < n2; j += 2) {
        const o: usize = <usize>j << 3;
        v128.store(colMax + o, f64x2.pmax(v128.load(colMax + o), v128.load(row + o)));
      }
      for (let j = n2; j < n; j++) {
        const o: usize = <usize>j << 3;
        const v = load<f64>(row + o);
        if (v > load<f64>(colMax + o)) store<f64>(colMax + o, v);
      }
    } else {
      for (let j = 0; j < n2; j += 2) {
        const o: usize = <usize>j << 3;
        const v = v128.load(row + o);
        v128.store(colMax + o, f64x2.pmax(v128.load(colMax + o), v));
        mn = f64x2.pmin(mn, v);
        nan = i64x2.sub(nan, f64x2.ne(v, v));
      }
      for (let j = n2; j < n; j++) {
        const o: usize = <usize>j << 3;
        const v = load<f64>(row + o);
        if (v > load<f64>(colMax + o)) store<f64>(colMax + o, v);
        if (v < smin) smin = v;
        if (v != v) snan++;
      }
    }
  }
  v128.store(acc, mn);
  v128.store(acc, nan, 16);
  store<f64>(acc, smin, 32);
  store<i32>(acc, snan, 40);
}

/**
 * out[X] ← max of colMax[from[X] … to[X] − 1] (float32; −∞ for an empty range) for `w`
 * pixels, with from/to as i32 pairs at `ranges`.
 */
export function pixelsF32(colMax: usize, ranges: usize, w: i32, out: usize): void {
  for (let X = 0; X < w; X++) {
    const a = load<i32>(ranges + (<usize>X << 3));
    const b = load<i32>(ranges + (<usize>X << 3), 4);
    let m: f32 = -Infinity;
    for (let j = a; j < b; j++) {
      const v = load<f32>(colMax + (<usize>j << 2));
      if (v > m) m = v;
    }
    store<f32>(out + (<usize>X << 2), m);
  }
}

/** {@link pixelsF32} for float64. */
export function pixelsF64(colMax: usize, ranges: usize, w: i32, out: usize): void {
  for (let X = 0; X < w; X++) {
    const a = load<i32>(ranges + (<usize>X << 3));
    const b = load<i32>(ranges + (<usize>X << 3), 4);
    let m: f64 = -Infinity;
    for (let j = a; j < b; j++) {
      const v = load<f64>(colMax + (<usize>j << 3));
      if (v > m) m = v;
    }
    store<f64>(out + (<usize>X << 3), m);
  }
}

/**
 * out[j] ← the cell byte of src[j] for `n` float32 values, exactly as `quantize` (color.ts)
 * computes it: x = v·k + off in float64; NaN → 0, else trunc(x) clamped to 1 … 255.
 */
export function quantizeF32(src: usize, n: i32, k: f64, off: f64, out: usize): void {
  const kv = f64x2.splat(k);
  const ov = f64x2.splat(off);
  const one = i32x4.splat(1);
  const top = i32x4.splat(255);
  const n4 = n & ~3;
  for (let j = 0; j < n4; j += 4) {
    const v = v128.load(src + (<usize>j << 2));
    const a = f64x2.add(f64x2.mul(f64x2.promote_low_f32x4(v), kv), ov);
    const b = f64x2.add(f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<i32>(v, v, 2, 3, 2, 3)), kv), ov);
    let t = v128.shuffle<i32>(i32x4.trunc_sat_f64x2_s_zero(a), i32x4.trunc_sat_f64x2_s_zero(b), 0, 1, 4, 5);
    t = v128.and(i32x4.min_s(i32x4.max_s(t, one), top), f32x4.eq(v, v));
    const h = i16x8.narrow_i32x4_u(t, t);
    v128.store32_lane(out + <usize>j, i8x16.narrow_i16x8_u(h, h), 0);
  }
  for (let j = n4; j < n; j++) {
    const x = <f64>load<f32>(src + (<usize>j << 2)) * k + off;
    store<u8>(out + <usize>j, <u8>(x >= 255 ? 255 : x >= 1 ? <i32>x : x == x ? 1 : 0));
  }
}

/** {@link quantizeF32} for float64 values. */
export function quantizeF64(src: usize, n: i32, k: f64, off: f64, out: usize): void {
  const kv = f64x2.splat(k);
  const ov = f64x2.splat(off);
  const one = i32x4.splat(1);
  const top = i32x4.splat(255);
  const n4 = n & ~3;
  for (let j = 0; j < n4; j += 4) {
    const va = v128.load(src + (<usize>j << 3));
    const vb = v128.load(src + (<usize>j << 3), 16);
    const a = f64x2.add(f64x2.mul(va, kv), ov);
    const b = f64x2.add(f64x2.mul(vb, kv), ov);
    let t = v128.shuffle<i32>(i32x4.trunc_sat_f64x2_s_zero(a), i32x4.trunc_sat_f64x2_s_zero(b), 0, 1, 4, 5);
    const num = v128.shuffle<i32>(f64x2.eq(va, va), f64x2.eq(vb, vb), 0, 2, 4, 6);
    t = v128.and(i32x4.min_s(i32x4.max_s(t, one), top), num);
    const h = i16x8.narrow_i32x4_u(t, t);
    v128.store32_lane(out + <usize>j, i8x16.narrow_i16x8_u(h, h), 0);
  }
  for (let j = n4; j < n; j++) {
    const x = load<f64>(src + (<usize>j << 3)) * k + off;
    store<u8>(out + <usize>j, <u8>(x >= 255 ? 255 : x >= 1 ? <i32>x : x == x ? 1 : 0));
  }
}
