import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeLabels2d, type Label2dRequest } from '../src/internal/label-placement-2d.js';
import { ViewportController, type ViewportDelegate } from '../src/internal/controllers/viewport-controller.js';
import { drawOrder, pointColors, type PointColorInput } from '../src/trajectory-projection/point-colors.js';
import { EpColors, EP_LEVELS } from '../src/internal/trajectory/ep-colors.js';
import { probAt, readSequences } from '../src/internal/trajectory/sequence-data.js';
import { readPoints } from '../src/trajectory-projection/read-points.js';

const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeLabels2d(requests, bounds)', () => {
  it('places a lone label right of its point, centred vertically', () => {
    const [slot] = placeLabels2d([{ x: 50, y: 50, width: 30, height: 10, priority: 1 }], {
      x0: 0,
      y0: 0,
      x1: 200,
      y1: 200,
    });
    expect(slot).toEqual({ x: 54, y: 45, side: 'right' });
  });

  it('moves a label to the left at the right edge, and drops one that fits nowhere', () => {
    const out = placeLabels2d(
      [
        { x: 195, y: 50, width: 30, height: 10, priority: 1 },
        { x: 5, y: 5, width: 500, height: 10, priority: 1 },
      ],
      { x0: 0, y0: 0, x1: 200, y1: 200 },
    );
    expect(out[0]!.side).toBe('left');
    expect(out[1]).toBe(null);
  });

  it('higher priority wins the contested spot', () => {
    const out = placeLabels2d(
      [
        { x: 100, y: 100, width: 40, height: 10, priority: 1 },
        { x: 100, y: 100, width: 40, height: 10, priority: 5 },
      ],
      { x0: 0, y0: 0, x1: 300, y1: 300 },
    );
    expect(out[1]!.side).toBe('right');
    expect(out[0]!.side).not.toBe('right');
  });

  it('never overlaps kept labels, keeps them inside the bounds, and avoids obstacles (property)', () => {
    const req = fc.record({
      x: fc.integer({ min: 0, max: 300 }),
      y: fc.integer({ min: 0, max: 200 }),
      width: fc.integer({ min: 5, max: 80 }),
      height: fc.integer({ min: 8, max: 16 }),
      priority: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 60 }), (requests: Label2dRequest[]) => {
        const obstacle = [140, 90, 20, 20] as const;
        const out = placeLabels2d(requests, { x0: 0, y0: 0, x1: 300, y1: 200 }, { obstacles: [obstacle], gap: 0 });
        const boxes = out.flatMap((s, i) =>
          s ? [{ x: s.x, y: s.y, w: requests[i].width, h: requests[i].height }] : [],
        );
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(300);
          expect(b.y + b.h).toBeLessThanOrEqual(200);
          expect(overlaps(b, { x: obstacle[0], y: obstacle[1], w: obstacle[2], h: obstacle[3] })).toBe(false);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ViewportController', () => {
  const host = { addController() {}, requestUpdate() {} } as unknown as ConstructorParameters<
    typeof ViewportController
  >[0];
  const make = (content = { x0: 0, y0: 0, x1: 10, y1: 5 }, size = { width: 228, height: 128 }) => {
    let views = 0;
    const d: ViewportDelegate = {
      content: () => content,
      size: () => size,
      lassoMode: () => false,
      onView: () => views++,
      onClick: () => {},
      onLasso: () => {},
      onLassoPath: () => {},
    };
    return { v: new ViewportController(host, d), views: () => views };
  };

  it('at rest centres the bounding box with one scale for x and y (y up), inside the padding', () => {
    const { v } = make();
    const t = v.transform()!;
    // (228 − 28) / 10 = 20, (128 − 28) / 5 = 20: both fit at 20 px per unit.
    expect(t).toEqual({ sx: 20, sy: -20, tx: 114 - 5 * 20, ty: 64 + 2.5 * 20 });
  });

  it('zoomBy keeps the data point under the pointer in place; zoom never goes below the fit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.01, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 228 }),
        fc.integer({ min: 0, max: 128 }),
        (k, X, Y) => {
          const { v } = make();
          const t0 = v.transform()!;
          const x = (X - t0.tx) / t0.sx;
          const y = (Y - t0.ty) / t0.sy;
          v.zoomBy(k, X, Y);
          const t1 = v.transform()!;
          expect(t1.sx).toBeCloseTo(t0.sx * k, 6);
          expect(t1.sx * x + t1.tx).toBeCloseTo(X, 6);
          expect(t1.sy * y + t1.ty).toBeCloseTo(Y, 6);
          v.zoomBy(1 / (k * k), X, Y);
          expect(v.zoom).toBe(1);
        },
      ),
    );
  });

  it('panBy moves the content by exactly that many pixels; reset returns to rest', () => {
    const { v, views } = make();
    const t0 = v.transform()!;
    v.zoomBy(2, 50, 50);
    const t1 = v.transform()!;
    v.panBy(13, -7);
    const t2 = v.transform()!;
    expect(t2.tx - t1.tx).toBeCloseTo(13, 9);
    expect(t2.ty - t1.ty).toBeCloseTo(-7, 9);
    v.reset();
    expect(v.transform()).toEqual(t0);
    expect(views()).toBe(3);
  });

  it('a single point or a line of points still has a finite view', () => {
    const { v } = make({ x0: 2, y0: 2, x1: 2, y1: 2 });
    const t = v.transform()!;
    expect([t.sx, t.sy, t.tx, t.ty].every(Number.isFinite)).toBe(true);
  });
});

describe('pointColors / drawOrder', () => {
  const data = readSequences({
    rows: 5,
    offsets: [0, 3],
    expected: [0.5, 1, 0, 0.75, 0.25],
    truth: [1, 1],
    predicted: [1, 0],
    classes: [0, 1],
  })!;
  const ep = new EpColors(['#4269d0', '#efb118'], '#8c959f');
  const input: PointColorInput = {
    data,
    colorBy: 'ep',
    ep,
    classColors: [
      [66, 105, 208, 255],
      [239, 177, 24, 255],
    ],
    other: [140, 149, 159, 255],
    right: [0, 128, 0, 255],
    wrong: [200, 0, 0, 255],
    valueRamp: [
      [0, 0, 0, 255],
      [255, 255, 255, 255],
    ],
    values: null,
    valueDomain: [0, 1],
    rightOpacity: 0.5,
    dimOpacity: 0.2,
    emphasis: null,
  };

  it('ep: the EP ramp of the top class; right answers at rightOpacity, errors opaque', () => {
    const c = pointColors(input);
    expect(Array.from(c.subarray(0, 4))).toEqual([140, 149, 159, 128]); // p = 0.5: grey, sequence 0 right
    expect(Array.from(c.subarray(4, 8))).toEqual([239, 177, 24, 128]); // p = 1: the positive colour
    expect(Array.from(c.subarray(8, 12))).toEqual([66, 105, 208, 128]); // p = 0: the negative colour
    const slot = ep.slot(data, 3);
    const packed = ep.rgba[slot];
    expect(Array.from(c.subarray(12, 16))).toEqual([packed & 255, (packed >>> 8) & 255, (packed >>> 16) & 255, 255]);
    expect(slot).toBe(1 * EP_LEVELS + Math.round(0.5 * (EP_LEVELS - 1)));
  });

  it('correct, truth and value colourings; emphasis fades the rest', () => {
    const correct = pointColors({ ...input, colorBy: 'correct' });
    expect(Array.from(correct.subarray(0, 4))).toEqual([0, 128, 0, 255]);
    expect(Array.from(correct.subarray(12, 16))).toEqual([200, 0, 0, 255]);
    const value = pointColors({ ...input, colorBy: 'value', values: Float64Array.of(0, 1, NaN, 0.2, 0.9) });
    expect(Array.from(value.subarray(4, 8))).toEqual([255, 255, 255, 128]);
    expect(Array.from(value.subarray(8, 12))).toEqual([140, 149, 159, 128]);
    const faded = pointColors({ ...input, emphasis: Uint8Array.of(0, 1, 0, 0, 0) });
    expect(faded[3]).toBe(Math.round(128 * 0.2));
    expect(faded[7]).toBe(128);
    expect(faded[15]).toBe(Math.round(255 * 0.2));
  });

  it('drawOrder: faded first, then right, errors last; a permutation, stable within groups', () => {
    expect(Array.from(drawOrder({ data, emphasis: null }))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(drawOrder({ data, emphasis: Uint8Array.of(1, 0, 0, 1, 0) }))).toEqual([1, 2, 4, 0, 3]);
    const swapped = readSequences({ rows: 4, offsets: [0, 2], truth: [0, 0], predicted: [1, 0], classes: [0, 1] })!;
    expect(Array.from(drawOrder({ data: swapped, emphasis: null }))).toEqual([2, 3, 0, 1]);
  });
});

describe('pointColors on two classes', () => {
  it('colours each point as core’s topClasses and the EP ramp would (ties → class 0, grey)', async () => {
    const { topClasses } = await import('@classlens/core');
    const probs = [0.5, 0, 1, 0.25, 0.75, 0.499, 0.501, 0.9];
    const data = readSequences({ rows: probs.length, expected: probs })!;
    const ep = new EpColors(['#4269d0', '#efb118'], '#8c959f');
    const base: PointColorInput = {
      data,
      colorBy: 'ep',
      ep,
      classColors: [],
      other: [0, 0, 0, 255],
      right: [0, 0, 0, 255],
      wrong: [0, 0, 0, 255],
      valueRamp: [[0, 0, 0, 255]],
      values: null,
      valueDomain: [0, 1],
      rightOpacity: 1,
      dimOpacity: 1,
      emphasis: null,
    };
    const c = new Uint32Array(pointColors(base).buffer);
    const top = topClasses(data.probs!);
    for (let i = 0; i < probs.length; i++) {
      expect(top[i]).toBe(data.top![i]);
      expect(c[i] & 0xffffff).toBe(ep.rgba[ep.slot(data, i)] & 0xffffff);
    }
  });
});

describe('a binary EP kept as one number per step', () => {
  // P(class 1) values on every side of the ramp's level and class boundaries (and of the
  // colour table's bins), the ends, ties, and values outside [0, 1] (not rejected: finite).
  const edges = (): number[] => {
    const v = [0, 1, 0.5, 0.5 - 1e-17, 0.5 + 1e-16, 1e-300, 1 - 1e-16, -0.25, 1.5, -1e-300, 2 ** -14, 1 + 2 ** -14];
    for (let l = 0; l < EP_LEVELS; l++) {
      for (const c of [0.5 + (l + 0.5) / 62, 0.5 - (l + 0.5) / 62]) {
        v.push(c, c - 1e-15, c + 1e-15, Math.fround(c), c - 2 ** -53, c + 2 ** -53);
      }
    }
    for (let j = 0; j <= 64; j++) v.push(j / 64, (j * 256 + 1) / 2 ** 14);
    return v;
  };
  const rng = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const random = (n: number, seed: number) => {
    const r = rng(seed);
    return Array.from({ length: n }, () => r());
  };
  const ep = new EpColors(['#4269d0', '#efb118'], '#8c959f');
  const input = (data: ReturnType<typeof readSequences>): PointColorInput => ({
    data: data!,
    colorBy: 'ep',
    ep,
    classColors: [],
    other: [0, 0, 0, 255],
    right: [0, 0, 0, 255],
    wrong: [0, 0, 0, 255],
    valueRamp: [[0, 0, 0, 255]],
    values: null,
    valueDomain: [0, 1],
    rightOpacity: 0.5,
    dimOpacity: 0.3,
    emphasis: null,
  });
  /** The same steps given as the two columns `[1 − p, p]` (the path every binary EP took before). */
  const twoColumns = (p: readonly number[]) => ({
    rows: p.length,
    cols: 2,
    data: Float64Array.from(p.flatMap((v) => [1 - v, v])),
  });
  /** `data` whose `probs` throws when read: proves a path never builds the two columns. */
  const guarded = <T extends object>(data: T): T =>
    Object.create(data, {
      probs: {
        get: () => {
          throw new Error('probs read');
        },
      },
    }) as T;

  it('readSequences keeps the scalar; probs, ep and top equal the two-column input’s', () => {
    const p = [...edges(), ...random(500, 3)];
    const one = readSequences({ rows: p.length, expected: Float32Array.from(p) })!;
    const two = readSequences({ rows: p.length, expected: twoColumns(Array.from(Float32Array.from(p))) })!;
    expect(one.binary).toBeInstanceOf(Float32Array); // kept 32-bit, as given
    expect(one.ep).toBeInstanceOf(Float64Array);
    expect(two.binary).toBe(null);
    expect(one.probCols).toBe(2);
    expect(two.probCols).toBe(2);
    expect(Array.from(one.ep!)).toEqual(Array.from(two.ep!));
    expect(Array.from(one.top!)).toEqual(Array.from(two.top!));
    expect(Array.from(one.probs!.data)).toEqual(Array.from(two.probs!.data));
    expect(one.classes).toEqual([0, 1]);
    for (let i = 0; i < p.length; i++) {
      for (const k of [0, 1]) expect(probAt(one, i, k)).toBe(two.probs!.data[2 * i + k]);
    }
    // number[], a one-column matrix and records give the same scalar.
    const arr = readSequences({ rows: p.length, expected: p })!;
    const col = readSequences({ rows: p.length, expected: { rows: p.length, cols: 1, data: Float64Array.from(p) } })!;
    expect(Array.from(arr.binary!)).toEqual(p);
    expect(Array.from(col.binary!)).toEqual(p);
    const rec = readSequences({ sequences: [{ tokens: ['a', 'b'], expected: [0.25, 0.75] }] })!;
    expect(Array.from(rec.binary!)).toEqual([0.25, 0.75]);
    expect(Array.from(rec.probs!.data)).toEqual([0.75, 0.25, 0.25, 0.75]);
  });

  it('pointColors from the table equals the two-column colours, opaque and with alpha, without reading probs', () => {
    for (const seed of [1, 2, 3]) {
      const p = [...edges(), ...random(20_000, seed)];
      const one = readSequences({ rows: p.length, expected: Float64Array.from(p) })!;
      const two = readSequences({ rows: p.length, expected: twoColumns(p) })!;
      const a = new Uint32Array(pointColors(input(guarded(one))).buffer);
      const b = new Uint32Array(pointColors(input(two)).buffer);
      expect(Array.from(a)).toEqual(Array.from(b));
      for (let i = 0; i < p.length; i++) expect(a[i] & 0xffffff).toBe(ep.rgba[ep.slot(two, i)] & 0xffffff);
      // A Float32Array EP is kept 32-bit and takes its own loop: the colours of its values.
      const p32 = Array.from(Float32Array.from(p));
      const one32 = readSequences({ rows: p.length, expected: Float32Array.from(p) })!;
      const two32 = readSequences({ rows: p.length, expected: twoColumns(p32) })!;
      expect(one32.binary).toBeInstanceOf(Float32Array);
      expect(Array.from(pointColors(input(guarded(one32))))).toEqual(Array.from(pointColors(input(two32))));
      // Emphasis and right/wrong (alpha per point) take the same table.
      const emphasis = Uint8Array.from(p, (_, i) => i % 3);
      const fa = pointColors({ ...input(guarded(one)), emphasis });
      const fb = pointColors({ ...input(two), emphasis });
      expect(Array.from(fa)).toEqual(Array.from(fb));
      const offsets = [0, p.length >> 1];
      const seqs = { rows: p.length, offsets, truth: [0, 1], predicted: [0, 0], classes: [0, 1] };
      const ra = readSequences({ ...seqs, expected: Float64Array.from(p) })!;
      const rb = readSequences({ ...seqs, expected: twoColumns(p) })!;
      expect(Array.from(pointColors(input(guarded(ra))))).toEqual(Array.from(pointColors(input(rb))));
    }
  });

  it('property: the table gives the arithmetic’s colour for any double in [-0.1, 1.1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 1, maxLength: 200 }), (p) => {
        const one = readSequences({ rows: p.length, expected: Float64Array.from(p) })!;
        const two = readSequences({ rows: p.length, expected: twoColumns(p) })!;
        const a = new Uint32Array(pointColors(input(one)).buffer);
        const b = new Uint32Array(pointColors(input(two)).buffer);
        for (let i = 0; i < p.length; i++) expect(a[i]).toBe(b[i]);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('EpColors.slot (word chips, tooltips) reads the scalar: the same slots, probs never built', () => {
    const p = [...edges(), ...random(2000, 9)];
    const one = guarded(readSequences({ rows: p.length, expected: p })!);
    const two = readSequences({ rows: p.length, expected: twoColumns(p) })!;
    for (let i = 0; i < p.length; i++) expect(ep.slot(one, i)).toBe(ep.slot(two, i));
  });
});

describe('readPoints(points) and typed binary EP: one pass checks and measures', () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
    return 'no error';
  };
  it('returns a copy and its bounds; names the first non-finite entry (Float32 and Float64)', () => {
    for (const T of [Float32Array, Float64Array]) {
      const data = T.from([1, -2, 3.5, 4, -0.5, 9]);
      const p = readPoints({ rows: 3, cols: 2, data });
      expect(p.xy).not.toBe(data);
      expect(p.xy).toBeInstanceOf(T);
      expect(Array.from(p.xy)).toEqual(Array.from(data));
      expect(p.bounds).toEqual([-0.5, -2, 3.5, 9]);
      for (const bad of [NaN, Infinity, -Infinity]) {
        const d = T.from([1, 2, 3, 4, 5, 6]);
        d[3] = bad;
        expect(err(() => readPoints({ rows: 3, cols: 2, data: d }))).toBe(
          `NON_FINITE: points: ${bad} at row 1, column 1`,
        );
      }
    }
    expect(readPoints({ rows: 0, cols: 2, data: new Float32Array(0) }).bounds).toEqual([
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
    ]);
    expect(readPoints([[1, 2]]).bounds).toEqual([1, 2, 1, 2]);
  });
  it('a typed binary EP with NaN or ±Infinity: NON_FINITE naming the first bad step', () => {
    for (const T of [Float32Array, Float64Array]) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const e = T.from([0.1, 0.2, bad, 0.4, bad]);
        expect(err(() => readSequences({ rows: 5, expected: e }))).toBe(`NON_FINITE: expected: ${bad} at step 2`);
      }
    }
  });
});
