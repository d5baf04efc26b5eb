import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@classlens/core';
import fc from 'fast-check';
import { axisRanges, cellLevel, MAX_COUNT, MAX_SPAN } from '../src/internal/gl/cell-ranges.js';
import { byteValue, quantize } from '../src/internal/gl/color.js';
import { CellLayer, LineLayer, PointLayer } from '../src/internal/gl/layers.js';
import { pointGeometry, rasterPointLayer, roundHalfUp } from '../src/internal/gl/raster/points.js';
import { CellRaster, fillCells, cellGeometry } from '../src/internal/gl/raster/cells.js';
import { cellFrame } from '../src/internal/gl/cell-ranges.js';
import { chooseRenderer, normalizeRenderer, type RendererConditions } from '../src/internal/gl/renderer-choice.js';
import {
  constrainTransform,
  fitTransform,
  invertTransform,
  applyTransform,
  zoomAround,
} from '../src/internal/gl/transform.js';
import { pickCell, cellsUnderPixel } from '../src/internal/gl/picking/cells.js';
import { PointIndex } from '../src/internal/gl/picking/point-index.js';
import { SegmentIndex } from '../src/internal/gl/picking/segment-index.js';
import { metaForbidsEval } from '../src/internal/gl/page-state.js';

/** Seeded uniform [0, 1): core's one generator. */
const rng = mulberry32;

function randomLayer(rows: number, cols: number, seed = 1): CellLayer {
  const r = rng(seed);
  const cells = new Uint8Array(rows * cols);
  for (let q = 0; q < cells.length; q++) cells[q] = Math.floor(r() * 256);
  const lut = new Uint8Array(1024);
  for (let b = 0; b < 256; b++) lut.set([b, 255 - b, (b * 7) & 255, 255], 4 * b);
  return new CellLayer().setCells(rows, cols, cells).setLut(lut);
}

describe('axisRanges(cells, origin, pxPerCell, size)', () => {
  it('magnified: each pixel reads the cell under its centre', () => {
    const a = axisRanges(4, 10, 2.5, 24);
    expect(a.level).toBe(0);
    expect([...a.count.slice(0, 10)]).toEqual(Array(10).fill(0));
    // Pixel 10's centre 10.5 → cell 0 … pixel 19's centre 19.5 → cell 3; pixel 20 is outside.
    expect([...a.start.slice(10, 20)]).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 3]);
    expect(a.count[20]).toBe(0);
  });

  it('reduced: each pixel covers every cell it overlaps, at most MAX_COUNT, at the smallest level that allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.double({ min: 1e-4, max: 0.999, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (cells, px, origin) => {
          const a = axisRanges(cells, origin, px, 64);
          const f = 2 ** a.level;
          expect(1 / (px * f)).toBeLessThanOrEqual(MAX_SPAN);
          if (a.level > 0) expect(1 / (px * 2 ** (a.level - 1))).toBeGreaterThan(MAX_SPAN);
          for (let X = 0; X < 64; X++) {
            if (!a.count[X]) continue;
            expect(a.count[X]).toBeLessThanOrEqual(MAX_COUNT);
            const j0 = a.start[X];
            const j1 = j0 + a.count[X] - 1;
            // The pixel [X, X+1) overlaps cells j0 … j1 at this level, and no others.
            expect(origin + (j0 + 1) * px * f).toBeGreaterThan(X);
            expect(origin + j1 * px * f).toBeLessThan(X + 1);
            expect(j1).toBeLessThan(a.cells);
          }
        },
      ),
    );
  });
});

describe('cellLevel(layer, lx, ly)', () => {
  it('max-pools by powers of two per axis, ragged edges included', () => {
    const layer = randomLayer(37, 53, 3);
    const L = cellLevel(layer, 2, 1);
    const cl = Math.ceil(53 / 4);
    const rl = Math.ceil(37 / 2);
    expect(L.length).toBe(cl * rl);
    for (let I = 0; I < rl; I++)
      for (let J = 0; J < cl; J++) {
        let m = 0;
        for (let i = 2 * I; i < Math.min(37, 2 * I + 2); i++)
          for (let j = 4 * J; j < Math.min(53, 4 * J + 4); j++) m = Math.max(m, layer.cells[i * 53 + j]);
        expect(L[I * cl + J]).toBe(m);
      }
    expect(cellLevel(layer, 2, 1)).toBe(L); // cached
    layer.setCells(37, 53, layer.cells.slice());
    expect(cellLevel(layer, 2, 1)).not.toBe(L); // dropped with new cells
  });
});

describe('quantize(values, lo, hi)', () => {
  it('maps NaN to 0 and values monotonically onto 1…255', () => {
    const q = quantize([NaN, -1, 0, 0.5, 1, 2], 0, 1);
    expect([...q]).toEqual([0, 1, 1, 128, 255, 255]);
    expect(byteValue(1, 0, 1)).toBe(0);
    expect(byteValue(255, 0, 1)).toBe(1);
    expect(byteValue(0, 0, 1)).toBeNaN();
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2 }), (xs) => {
        const q2 = quantize(xs, -10, 10);
        for (let i = 0; i < xs.length; i++)
          for (let j = 0; j < xs.length; j++) if (xs[i] <= xs[j]) expect(q2[i]).toBeLessThanOrEqual(q2[j]);
      }),
    );
  });
});

/** The reference picture: every pixel computed from scratch by the rule. */
function reference(
  layer: CellLayer,
  t: { sx: number; sy: number; tx: number; ty: number },
  W: number,
  H: number,
  lut32: Uint32Array,
  bg: number,
) {
  const g = cellGeometry(layer, t, 1);
  const f = cellFrame(layer, g.originX, g.originY, g.pxX, g.pxY, W, H);
  const out = new Uint32Array(W * H);
  for (let Y = 0; Y < H; Y++)
    for (let X = 0; X < W; X++) {
      if (!f.x.count[X] || !f.y.count[Y]) {
        out[Y * W + X] = bg;
        continue;
      }
      let m = 0;
      for (let i = f.y.start[Y]; i < f.y.start[Y] + f.y.count[Y]; i++)
        for (let j = f.x.start[X]; j < f.x.start[X] + f.x.count[X]; j++) m = Math.max(m, f.data[i * f.x.cells + j]);
      out[Y * W + X] = lut32[m];
    }
  return out;
}

describe('CellRaster', () => {
  const lut32 = Uint32Array.from({ length: 256 }, (_, b) => 0xff000000 | b);
  it('draws the rule: each pixel the max of its cells (fillCells against a per-pixel reference)', () => {
    const layer = randomLayer(300, 200, 5);
    for (const t of [
      { sx: 0.23, sy: 0.31, tx: 3, ty: -2 },
      { sx: 3.7, sy: 2.2, tx: -40.5, ty: 7.25 },
      { sx: 0.01, sy: 0.02, tx: 0, ty: 0 },
    ]) {
      const out = new Uint32Array(60 * 50);
      const g = cellGeometry(layer, t, 1);
      fillCells(out, 60, cellFrame(layer, g.originX, g.originY, g.pxX, g.pxY, 60, 50), lut32, 7, 0, 60, 0, 50);
      expect(out).toEqual(reference(layer, t, 60, 50, lut32, 7));
    }
  });

  it('a pan by whole device pixels shifts the cached image and computes only the new strips — same picture as from scratch', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (scale, pans) => {
          const layer = randomLayer(120, 90, 9);
          const raster = new CellRaster();
          let t = { sx: scale, sy: scale * 1.3, tx: -5, ty: -9 };
          raster.draw(layer, t, 1, 40, 30, 7, lut32);
          for (const [dx, dy] of pans) {
            t = { ...t, tx: t.tx + dx, ty: t.ty + dy };
            const got = raster.draw(layer, t, 1, 40, 30, 7, lut32);
            expect(raster.lastComputed).toBeLessThanOrEqual(40 * 30);
            expect(got).toEqual(reference(layer, t, 40, 30, lut32, 7));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a small pan recomputes only the strip it reveals', () => {
    const layer = randomLayer(2000, 2000, 2);
    const raster = new CellRaster();
    const t = { sx: 0.4, sy: 0.4, tx: -100, ty: -100 };
    raster.draw(layer, t, 1, 400, 300, 7, lut32);
    expect(raster.lastComputed).toBe(400 * 300);
    raster.draw(layer, { ...t, tx: -103 }, 1, 400, 300, 7, lut32);
    expect(raster.lastComputed).toBe(3 * 300);
  });
});

describe('chooseRenderer(requested, conditions)', () => {
  const ok: RendererConditions = {
    webgl: true,
    evalAllowed: true,
    software: false,
    lost: false,
    contextAvailable: true,
  };
  it('auto takes WebGL on hardware GL and the CPU raster for each blocking condition, in order', () => {
    expect(chooseRenderer('auto', ok)).toEqual({ renderer: 'webgl', reason: null });
    expect(chooseRenderer('auto', { ...ok, webgl: false })).toEqual({ renderer: 'canvas', reason: 'unavailable' });
    expect(chooseRenderer('auto', { ...ok, evalAllowed: false })).toEqual({ renderer: 'canvas', reason: 'csp' });
    expect(chooseRenderer('auto', { ...ok, lost: true })).toEqual({ renderer: 'canvas', reason: 'context-lost' });
    expect(chooseRenderer('auto', { ...ok, contextAvailable: false })).toEqual({
      renderer: 'canvas',
      reason: 'context-limit',
    });
    expect(chooseRenderer('auto', { ...ok, software: true })).toEqual({ renderer: 'canvas', reason: 'software' });
  });
  it('webgl accepts software GL; canvas is always the CPU raster; unknown values read as auto', () => {
    expect(chooseRenderer('webgl', { ...ok, software: true }).renderer).toBe('webgl');
    expect(chooseRenderer('webgl', { ...ok, webgl: false }).reason).toBe('unavailable');
    expect(chooseRenderer('canvas', ok)).toEqual({ renderer: 'canvas', reason: 'requested' });
    expect(normalizeRenderer('WEBGL')).toBe('auto');
    expect(normalizeRenderer(null)).toBe('auto');
  });
});

describe('transforms', () => {
  it('zoomAround keeps the anchor; constrain keeps content in view and the scale within limits', () => {
    const content = { x0: 0, y0: 0, x1: 100, y1: 50 };
    const fit = fitTransform(content, 200, 100);
    expect(applyTransform(fit, 100, 50)).toEqual([200, 100]);
    const z = zoomAround(fit, 4, 37, 21);
    const [x, y] = invertTransform(fit, 37, 21);
    expect(applyTransform(z, x, y)[0]).toBeCloseTo(37, 9);
    expect(applyTransform(z, x, y)[1]).toBeCloseTo(21, 9);
    const c = constrainTransform({ ...z, tx: 500 }, content, 200, 100);
    expect(c.tx).toBeCloseTo(0, 12); // no gap on the left
    const out = constrainTransform(zoomAround(fit, 0.1, 0, 0), content, 200, 100);
    expect(out).toEqual(fit); // never smaller than the fit
  });
});

describe('picking', () => {
  it('pickCell and cellsUnderPixel by arithmetic', () => {
    const layer = randomLayer(10, 20);
    const t = { sx: 3, sy: 5, tx: 1, ty: 2 };
    expect(pickCell(layer, t, 1, 2)).toEqual({ row: 0, col: 0 });
    expect(pickCell(layer, t, 1 + 3 * 19.9, 2 + 5 * 9.9)).toEqual({ row: 9, col: 19 });
    expect(pickCell(layer, t, 0.9, 2)).toBeNull();
    const zoomedOut = { sx: 0.25, sy: 0.25, tx: 0, ty: 0 };
    expect(cellsUnderPixel(layer, zoomedOut, 1.5, 0.2)).toEqual({ row0: 0, row1: 3, col0: 4, col1: 7 });
  });

  it('PointIndex.nearest / inRect / inPolygon agree with brute force', () => {
    const r = rng(4);
    const n = 3000;
    const p = new Float32Array(2 * n);
    for (let k = 0; k < 2 * n; k++) p[k] = r() * 100 - 50;
    p[10] = NaN;
    const index = new PointIndex(p);
    const t = { sx: 4, sy: -3, tx: 200, ty: 150 };
    for (let q = 0; q < 200; q++) {
      const X = r() * 400;
      const Y = r() * 300;
      let best = -1;
      let bd = 8 * 8;
      for (let k = 0; k < n; k++) {
        const dx = p[2 * k] * t.sx + t.tx - X;
        const dy = p[2 * k + 1] * t.sy + t.ty - Y;
        const d = dx * dx + dy * dy;
        if (d < bd || (d === bd && k > best)) {
          bd = d;
          best = k;
        }
      }
      expect(index.nearest(t, X, Y, 8)).toBe(best);
    }
    const inRect = [...index.inRect(-10, -5, 20, 30)];
    const brute = [];
    for (let k = 0; k < n; k++)
      if (p[2 * k] >= -10 && p[2 * k] <= 20 && p[2 * k + 1] >= -5 && p[2 * k + 1] <= 30) brute.push(k);
    expect(inRect).toEqual(brute);
    // A square polygon is the same rectangle.
    expect([...index.inPolygon([-10, -5, 20, -5, 20, 30, -10, 30])].length).toBeGreaterThan(0.9 * brute.length);
  });

  it('SegmentIndex.nearest agrees with brute force', () => {
    const r = rng(8);
    const verts = new Float32Array(2 * 2000);
    for (let k = 0; k < verts.length; k++) verts[k] = r() * 100;
    const starts = Uint32Array.from({ length: 100 }, (_, l) => l * 20);
    const layer = new LineLayer().setLines(verts, starts);
    const index = new SegmentIndex(layer);
    const t = { sx: 2, sy: 2, tx: 0, ty: 0 };
    const s = layer.segments;
    for (let q = 0; q < 100; q++) {
      const X = r() * 200;
      const Y = r() * 200;
      let best = Infinity;
      for (let k = 0; k < s.length / 4; k++) {
        const ax = s[4 * k] * 2;
        const ay = s[4 * k + 1] * 2;
        const dx = s[4 * k + 2] * 2 - ax;
        const dy = s[4 * k + 3] * 2 - ay;
        const u = Math.min(1, Math.max(0, ((X - ax) * dx + (Y - ay) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + u * dx - X, ay + u * dy - Y));
      }
      const hit = index.nearest(t, X, Y, 6);
      if (best <= 6) expect(hit?.distance).toBeCloseTo(best, 9);
      else expect(hit).toBeNull();
    }
    expect(layer.segments.length / 4).toBe(100 * 19);
  });
});

describe('metaForbidsEval(doc)', () => {
  const doc = (content: string) =>
    ({
      querySelectorAll: () => [
        { getAttribute: (n: string) => (n === 'http-equiv' ? 'Content-Security-Policy' : content) },
      ],
    }) as unknown as Document;
  it("reads script-src, else default-src, for 'unsafe-eval'", () => {
    expect(metaForbidsEval(doc("default-src 'none'; script-src 'self'"))).toBe(true);
    expect(metaForbidsEval(doc("script-src 'self' 'unsafe-eval'"))).toBe(false);
    expect(metaForbidsEval(doc("default-src 'self'"))).toBe(true);
    expect(metaForbidsEval(doc("style-src 'self'"))).toBe(false);
  });
});

describe('rasterPointLayer: squares of side ≤ 2 device pixels (the integer loop of 10^6-point maps)', () => {
  it('draws the same pixels as the general loop: sizes 0.5–2, ratios, sub-pixel grids, translucent and clipped points', () => {
    const r = mulberry32(5);
    let integer = 0;
    for (let it = 0; it < 600; it++) {
      const W = 1 + Math.floor(r() * 40);
      const H = 1 + Math.floor(r() * 40);
      const n = 1 + Math.floor(r() * 150);
      const xy = new Float32Array(2 * n);
      const rgba = new Uint8Array(4 * n);
      for (let k = 0; k < n; k++) {
        // Some points off the frame, some on half-pixel centres (the tie rule's cases).
        xy[2 * k] = (r() * 1.4 - 0.2) * W;
        xy[2 * k + 1] = (r() * 1.4 - 0.2) * H;
        if (r() < 0.2) xy[2 * k] = Math.round(xy[2 * k] * 2) / 2;
        const a = r() < 0.7 ? 255 : r() < 0.5 ? 0 : Math.floor(r() * 255);
        rgba.set([Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256), a], 4 * k);
      }
      const layer = new PointLayer().setPoints(xy, rgba);
      layer.shape = 'square';
      layer.size = [1, 2, 1.5, 0.5, 2, 1.25, 1.75][it % 7];
      const ratio = [1, 1, 2, 1.5, 1][it % 5];
      const bits = [8, 8, 4, 1, 0, 8][it % 6];
      const t = { sx: 0.5 + r(), sy: -(0.5 + r()), tx: r() * 10 - 2, ty: H + r() * 10 - 5 };
      const g = pointGeometry(layer, t, ratio, bits);
      if (g.h % 1 === 0 && g.h <= g.q && bits > 0) integer++;
      const Wd = Math.ceil(W * ratio);
      const Hd = Math.ceil(H * ratio);
      const a = new Uint32Array(Wd * Hd).fill(0xff808080);
      const b = a.slice();
      // A `subset` of every point takes the general loop: the reference.
      const all = Uint32Array.from({ length: n }, (_, k) => k);
      expect(rasterPointLayer(a, Wd, Hd, layer, g)).toBe(rasterPointLayer(b, Wd, Hd, layer, g, null, all));
      let differ = 0;
      for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) differ++;
      expect(differ, `case ${it}: size ${layer.size}, ratio ${ratio}, ${bits} bits`).toBe(0);
    }
    expect(integer).toBeGreaterThan(250);
  });
});

describe('roundHalfUp(u)', () => {
  it('equals Math.round for every finite double: ties, the largest double below ½, integers past 2^52, −0', () => {
    const edges = [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 0, -0.3, 1e-320];
    edges.push(2 ** 52 + 1, -(2 ** 52) - 1, 2 ** 53 + 2, -(2 ** 53) - 2, 4503599627370495.5, -4503599627370495.5);
    edges.push(Number.MAX_VALUE, -Number.MAX_VALUE, 123456.49999999999, 123456.50000000001);
    for (const u of edges) expect(roundHalfUp(u) + 0, String(u)).toBe(Math.round(u) + 0);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (u) => roundHalfUp(u) + 0 === Math.round(u) + 0),
      { seed: 4, numRuns: 20_000 },
    );
    const r = mulberry32(8);
    for (let k = 0; k < 100_000; k++) {
      const u = Math.floor((r() - 0.5) * 2 ** 20) + [0.5, 0, 0.25, 0.75][k % 4] + (r() - 0.5) * 2 ** -30;
      expect(roundHalfUp(u)).toBe(Math.round(u));
    }
    expect(roundHalfUp(NaN)).toBeNaN();
  });
});
