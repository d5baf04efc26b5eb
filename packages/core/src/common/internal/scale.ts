// Internal: exact rescaling by powers of two, so that algorithms that square their
// inputs (covariances, squared distances, Ward's update) work at any finite magnitude.
// Multiplying by 2^k changes only the exponent, so a scaled computation rounds exactly
// as the unscaled one would have, were it not for overflow (1e300² = Infinity) or
// underflow (1e-300² = 0). pearsonSimilarity does the same per column.

/** Largest |x| of `data` (0 for no data or all zeros); NaN entries are ignored. */
export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) {
    const v = Math.abs(data[k]);
    if (v > m) m = v;
  }
  return m;
}

/** `x · 2^k`, exact for any k (two steps, so that 2^k itself never over- or underflows). */
export function ldexp(x: number, k: number): number {
  const a = Math.trunc(k / 2);
  return x * 2 ** a * 2 ** (k - a);
}

/** The e with `x · 2^-e` in [1, 2), for finite x > 0 (subnormals included). */
export function binaryExponent(x: number): number {
  let e = Math.floor(Math.log2(x));
  // log2 can be off by one next to a power of two.
  if (ldexp(x, -e) >= 2) e++;
  else if (ldexp(x, -e) < 1) e--;
  return e;
}

/**
 * The power of two to divide data by so that its largest magnitude `m` lands in [1, 2),
 * or 0 (no scaling) when `m` already lies in [2^lo, 2^hi] or is 0. Callers pick a range
 * inside which their arithmetic cannot overflow or underflow, so that ordinary data is
 * left exactly as it was (and its results bit-identical to before).
 */
export function scaleExponent(m: number, lo: number, hi: number): number {
  if (!(m > 0) || m === Infinity) return 0;
  const e = binaryExponent(m);
  return e >= lo && e <= hi ? 0 : e;
}

/** A copy of `data` multiplied by 2^-e. */
export function scaledCopy(data: ArrayLike<number>, e: number): Float64Array {
  const out = new Float64Array(data.length);
  const a = 2 ** -Math.trunc(e / 2);
  const b = 2 ** -(e - Math.trunc(e / 2));
  for (let k = 0; k < data.length; k++) out[k] = data[k] * a * b;
  return out;
}

/** Multiplies `data` by 2^e in place. */
export function scaleInPlace(data: Float64Array, e: number): void {
  if (e === 0) return;
  const a = 2 ** Math.trunc(e / 2);
  const b = 2 ** (e - Math.trunc(e / 2));
  for (let k = 0; k < data.length; k++) data[k] = data[k] * a * b;
}
