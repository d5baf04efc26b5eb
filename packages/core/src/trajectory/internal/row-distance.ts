// Internal: the Euclidean distance between two rows, safe at any magnitude.

/**
 * Euclidean distance between rows starting at `a` and `b` of a flat row-major array.
 * The plain sum of squares is exact enough for hidden states; only when it under- or
 * overflows (differences below ~1e-150 or above ~1e150) is it redone with the
 * differences scaled by their largest magnitude, as LAPACK's dnrm2 does.
 */
export function rowDistance(data: ArrayLike<number>, a: number, b: number, cols: number): number {
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const d = data[b + j] - data[a + j];
    s += d * d;
  }
  if (s > 1e-280 && s !== Infinity) return Math.sqrt(s);
  let scale = 0;
  for (let j = 0; j < cols; j++) {
    const d = Math.abs(data[b + j] - data[a + j]);
    if (d > scale) scale = d;
  }
  if (scale === 0 || scale === Infinity) return scale;
  s = 0;
  for (let j = 0; j < cols; j++) {
    const d = (data[b + j] - data[a + j]) / scale;
    s += d * d;
  }
  return scale * Math.sqrt(s);
}
