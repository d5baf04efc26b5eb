import type { Rgba } from '../internal/gl/index.js';
import { EP_LEVELS, type EpColors } from '../internal/trajectory/ep-colors.js';
import type { SequenceData } from '../internal/trajectory/sequence-data.js';

/** What the points are coloured by. */
export type ProjectionColorBy = 'ep' | 'truth' | 'correct' | 'value';

/** Everything the point colours depend on. */
export interface PointColorInput {
  data: SequenceData;
  colorBy: ProjectionColorBy;
  ep: EpColors;
  /** Concrete class colours, by class index. */
  classColors: readonly Rgba[];
  other: Rgba;
  right: Rgba;
  wrong: Rgba;
  /** Ramp of the `value` colouring, low → high, as RGBA (e.g. 32 steps). */
  valueRamp: readonly Rgba[];
  values: Float64Array | null;
  valueDomain: readonly [number, number];
  /** Alpha (0–1) of the points of correctly classified sequences; wrong ones are opaque. */
  rightOpacity: number;
  /** Alpha factor of points outside the emphasis. */
  dimOpacity: number;
  /** Per step: 1 when emphasised (selected sequence, highlight, lasso), or `null`. */
  emphasis: Uint8Array | null;
}

/**
 * RGBA bytes per point (`4 · total`), by the colouring rule:
 *
 * - `ep`: the expected prediction's colour (see `EpColors`: top-class hue greyed by
 *   uncertainty; binary: the diverging scale through grey), as Garcia, Munz & Weiskopf
 *   (2021) colour their projection;
 * - `truth`: the true class of the point's sequence; `correct`: right/wrong;
 * - `value`: a per-point number on a sequential ramp (e.g. a De-Confusion mismatch score).
 *
 * Opacity carries right/wrong (points of correctly classified sequences at
 * `rightOpacity`, errors opaque — except under `correct`, where colour says it) and the
 * fading of everything outside the emphasis (× `dimOpacity`). O(total).
 */
export function pointColors(p: PointColorInput, out: Uint8Array = new Uint8Array(p.data.total * 4)): Uint8Array {
  const { data } = p;
  const n = data.total;
  const { truth, predicted, sequenceOf } = data;
  // Alpha per sequence (right/wrong), then per point (emphasis): bytes, precomputed.
  const rightAlpha = Math.round((p.colorBy === 'correct' ? 1 : p.rightOpacity) * 255);
  const seqAlpha = new Uint8Array(data.n).fill(255);
  if (truth && predicted) for (let s = 0; s < data.n; s++) if (truth[s] === predicted[s]) seqAlpha[s] = rightAlpha;
  const emphasis = p.emphasis;
  const dim = p.dimOpacity;
  // Little-endian RGBA words, written whole.
  const words = new Uint32Array(out.buffer, out.byteOffset, n);
  const pack = (c: Rgba) => (c[0] | (c[1] << 8) | (c[2] << 16)) >>> 0;
  const word = (rgb: number, i: number) => {
    let a = seqAlpha[sequenceOf[i]];
    if (emphasis && !emphasis[i]) a = Math.round(a * dim);
    return (rgb | (a << 24)) >>> 0;
  };
  if (p.colorBy === 'ep' && data.binary) {
    // A binary EP kept as one number per step: its colour from a table over P(class 1).
    const lut = binaryLut(p.ep);
    const rgba = p.ep.rgba;
    if (!emphasis && !(truth && predicted)) {
      if (data.binary instanceof Float32Array) binaryOpaqueWords32(data.binary, lut, rgba, words);
      else binaryOpaqueWords64(data.binary, lut, rgba, words);
      return out;
    }
    const pb = data.binary;
    for (let i = 0; i < n; i++) {
      const v = pb[i];
      const x = v * LUT_BINS;
      let w = x >= 0 && x < LUT_BINS + 1 ? lut[x | 0] : 0;
      if (w === 0) w = binaryWord(v, rgba);
      words[i] = word(w & 0xffffff, i);
    }
    return out;
  }
  if (p.colorBy === 'ep' && data.probs && data.probs.cols === 2) {
    // Two classes: the top class and its probability straight from the two columns (core's
    // `topClasses` rule: the first largest, so a tie is class 0, at level 0 — grey).
    const pd = data.probs.data;
    const lut = p.ep.rgba;
    const top = EP_LEVELS - 1;
    if (!emphasis && !(truth && predicted)) {
      // Every point opaque (10^6-point maps): a word per point from the table, no calls.
      const opaque = new Uint32Array(lut.length);
      for (let c = 0; c < lut.length; c++) opaque[c] = ((lut[c] & 0xffffff) | 0xff000000) >>> 0;
      for (let i = 0; i < n; i++) {
        const p0 = pd[2 * i];
        const p1 = pd[2 * i + 1];
        const k = p1 > p0 ? 1 : 0;
        let level = Math.round(((k ? p1 : p0) - 0.5) * 2 * top);
        level = level < 0 ? 0 : level > top ? top : level;
        words[i] = opaque[k * EP_LEVELS + level];
      }
      return out;
    }
    for (let i = 0; i < n; i++) {
      const p0 = pd[2 * i];
      const p1 = pd[2 * i + 1];
      const k = p1 > p0 ? 1 : 0;
      let level = Math.round(((k ? p1 : p0) - 0.5) * 2 * top);
      level = level < 0 ? 0 : level > top ? top : level;
      words[i] = word(lut[k * EP_LEVELS + level] & 0xffffff, i);
    }
    return out;
  }
  if (p.colorBy === 'ep' && data.probs && data.top) {
    // Probabilities given as a matrix (read here; never a binary scalar, handled above).
    const pd = data.probs.data;
    const m = data.probs.cols;
    const top = data.top;
    const lut = p.ep.rgba;
    const inv = 1 / m;
    const scale = m > 1 ? (EP_LEVELS - 1) / (1 - inv) : EP_LEVELS - 1;
    for (let i = 0; i < n; i++) {
      const k = top[i];
      let level = Math.round((pd[i * m + k] - (m > 1 ? inv : 0)) * scale);
      level = level < 0 ? 0 : level > EP_LEVELS - 1 ? EP_LEVELS - 1 : level;
      words[i] = word(lut[k * EP_LEVELS + level] & 0xffffff, i);
    }
    return out;
  }
  const [lo, hi] = p.valueDomain;
  const span = hi > lo ? hi - lo : 1;
  const steps = p.valueRamp.length;
  const ramp = p.valueRamp.map(pack);
  const classes = p.classColors.map(pack);
  const other = pack(p.other);
  const right = pack(p.right);
  const wrong = pack(p.wrong);
  for (let i = 0; i < n; i++) {
    const s = sequenceOf[i];
    let rgb: number;
    if (p.colorBy === 'value' && p.values) {
      const v = p.values[i];
      rgb = v === v ? ramp[Math.round(Math.min(1, Math.max(0, (v - lo) / span)) * (steps - 1))] : other;
    } else if (p.colorBy === 'correct' && truth && predicted) {
      rgb = truth[s] === predicted[s] ? right : wrong;
    } else if (truth && truth[s] >= 0) {
      rgb = classes[truth[s]] ?? other;
    } else rgb = other;
    words[i] = word(rgb, i);
  }
  return out;
}

/**
 * Draw order: faded points first, then correctly classified ones, errors last (on top,
 * as in the paper, where misclassified sequences stand out); stable within each group.
 * Returns the permutation (draw position → step). O(total).
 */
export function drawOrder(p: Pick<PointColorInput, 'data' | 'emphasis'>): Uint32Array {
  const { data, emphasis } = p;
  const n = data.total;
  const { truth, predicted, sequenceOf } = data;
  const out = new Uint32Array(n);
  if (!emphasis && !(truth && predicted)) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const wrongSeq = new Uint8Array(data.n);
  if (truth && predicted) for (let s = 0; s < data.n; s++) wrongSeq[s] = truth[s] !== predicted[s] ? 1 : 0;
  const rank = new Uint8Array(n);
  const counts = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const r = emphasis && !emphasis[i] ? 0 : 1 + wrongSeq[sequenceOf[i]];
    rank[i] = r;
    counts[r]++;
  }
  const start = [0, counts[0], counts[0] + counts[1]];
  for (let i = 0; i < n; i++) out[start[rank[i]]++] = i;
  return out;
}

/** Bins of the binary EP table over P(class 1) ∈ [0, 1]: 16,385 words (64 kB). */
const LUT_BINS = 1 << 14;
const TOP_LEVEL = EP_LEVELS - 1;

/**
 * The EP ramp slot (`class · EP_LEVELS + level`) of a binary step with P(class 1) = `p1`,
 * exactly as the two columns `[1 − p1, p1]` give it: the top class (core's `topClasses`
 * rule, a tie is class 0) and the level of its probability above ½.
 */
function binarySlot(p1: number): number {
  const p0 = 1 - p1;
  const k = p1 > p0 ? 1 : 0;
  let level = Math.round(((k ? p1 : p0) - 0.5) * 2 * TOP_LEVEL);
  level = level < 0 ? 0 : level > TOP_LEVEL ? TOP_LEVEL : level;
  return k * EP_LEVELS + level;
}

/** The EP colour word (ramp `rgba`, see `EpColors`) of a binary step with P(class 1) = `p1`. */
export function binaryWord(p1: number, rgba: Uint32Array): number {
  return rgba[binarySlot(p1)];
}

const luts = new WeakMap<EpColors, Uint32Array>();

/**
 * {@link binaryWord} tabulated over P(class 1) in bins `[j, j + 1) / LUT_BINS` (bin
 * `LUT_BINS` is `[1, 1 + 1/LUT_BINS)`): the bin's word where both ends have the same
 * slot, else 0 (a ramp word has alpha 255, never 0). Exact: the class switches once as
 * `p1` grows, and within a class the level is monotone in `p1` (every floating-point
 * step of {@link binarySlot} is correctly rounded, hence monotone), so equal slots at
 * both ends mean that slot throughout. About 65 bins (the level and class boundaries)
 * are 0; the points in them, and any `p1` outside `[0, 1]`, take {@link binaryWord}.
 */
function binaryLut(ep: EpColors): Uint32Array {
  let lut = luts.get(ep);
  if (lut) return lut;
  lut = new Uint32Array(LUT_BINS + 1);
  let lo = binarySlot(0);
  for (let j = 0; j <= LUT_BINS; j++) {
    const hi = binarySlot((j + 1) / LUT_BINS);
    lut[j] = lo === hi ? ep.rgba[lo] : 0;
    lo = hi;
  }
  luts.set(ep, lut);
  return lut;
}

/**
 * Opaque EP words of every step (no emphasis, no right/wrong): one table read per point
 * in a loop of its own, one per array type (monomorphic, no calls but the ~0.4 % in
 * boundary bins). 10^6 points in 2–3 ms where the arithmetic per point (`Math.round`, two
 * branches) took ~20.
 */
function binaryOpaqueWords64(pb: Float64Array, lut: Uint32Array, rgba: Uint32Array, words: Uint32Array): void {
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const v = pb[i];
    const x = v * LUT_BINS;
    let w = x >= 0 && x < LUT_BINS + 1 ? lut[x | 0] : 0;
    if (w === 0) w = binaryWord(v, rgba);
    words[i] = w;
  }
}

function binaryOpaqueWords32(pb: Float32Array, lut: Uint32Array, rgba: Uint32Array, words: Uint32Array): void {
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const v = pb[i];
    const x = v * LUT_BINS;
    let w = x >= 0 && x < LUT_BINS + 1 ? lut[x | 0] : 0;
    if (w === 0) w = binaryWord(v, rgba);
    words[i] = w;
  }
}
