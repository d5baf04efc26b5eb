/**
 * The one seeded generator of classlens: mulberry32 (Tommy Ettinger, public domain), a
 * 32-bit state generator with integer arithmetic only (`Math.imul`, shifts), so that
 * every JavaScript engine gives the same stream for the same seed. Small and fast; its
 * quality is ample for initialisations, example data and benchmarks (it is not a
 * cryptographic generator). Every random choice in core (fuzzyCMeans' initial
 * memberships, tsne's `'random'` start and fallback noise) draws from it, and the
 * examples, tests and benchmarks import it rather than a copy, so equal seeds give equal
 * streams everywhere.
 *
 * @param seed - any number; it is reduced to 32 bits as `seed >>> 0` (ToUint32: the
 *   integer part, modulo 2^32). Non-finite seeds give the stream of seed 0.
 * @returns a function giving the next number in [0, 1) on each call (multiples of 2^-32).
 * @remarks O(1) per call.
 * @example
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform, standard normal and integer draws from one {@link mulberry32} stream. @internal */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** A {@link RandomSource} on `mulberry32(seed)`. @internal */
export function randomSource(seed: number): RandomSource {
  const next = mulberry32(seed);
  let spare = NaN;
  return {
    next,
    normal() {
      if (spare === spare) {
        const s = spare;
        spare = NaN;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(next() * n);
    },
  };
}
