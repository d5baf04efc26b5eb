// Exact powers of two and binary exponents, used to rescale columns without rounding:
// multiplying by 2^k changes no significand bit (unless the result leaves the normal
// range), so scaled statistics are the unscaled ones, just safe from overflow.

const view = new DataView(new ArrayBuffer(8));

/** 2^k, exactly, for integer k in [-1074, 1023]. */
export function pow2(k: number): number {
  if (k < -1022) return pow2(k + 64) * 5.421010862427522e-20; // 2^-64, exact
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/**
 * The smallest integer e with |x| < 2^e, i.e. x·2^-e lies in [0.5, 1) in magnitude.
 * 0 for x = 0.
 */
export function exponentOf(x: number): number {
  if (x === 0) return 0;
  view.setFloat64(0, x);
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  if (biased === 0) return exponentOf(x * 18446744073709551616) - 64; // subnormal
  return biased - 1022;
}
