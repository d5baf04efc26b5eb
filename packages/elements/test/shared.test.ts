import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeLabels } from '../src/internal/label-placement.js';
import { deltaE, mixOklab, oklabToHex, parseHex, rgbToOklab, shiftLightness } from '../src/internal/color/oklab.js';
import { OTHER_COLOR, PALETTE, slotColor } from '../src/internal/color/palette.js';
import { ClassColorScale, explicitColor } from '../src/internal/color/class-colors.js';
import { sameArray, sameColumns, sameJson } from '../src/internal/same-data.js';
import { markKey } from '../src/internal/controllers/mark-interaction.js';

describe('placeLabels(requests, min, max)', () => {
  it('keeps labels in order, apart, inside the bounds, and at their spot when there is room', () => {
    const out = placeLabels(
      [30, 32, 34, 200].map((at) => ({ at, size: 10, priority: 1 })),
      0,
      300,
    );
    const ys = out.map((s) => s.at!);
    expect(ys[3]).toBe(200);
    for (let k = 1; k < 3; k++) expect(ys[k] - ys[k - 1]).toBeCloseTo(10, 9);
    // Least squares: the cluster of three stays centred on its wishes (mean 32).
    expect((ys[0] + ys[1] + ys[2]) / 3).toBeCloseTo(32, 9);
    // Against the bound, the cluster is pushed inside instead.
    const low = placeLabels(
      [0, 1, 2].map((at) => ({ at, size: 10, priority: 1 })),
      0,
      300,
    ).map((s) => s.at);
    expect(low).toEqual([5, 15, 25]);
  });

  it('never overlaps and stays in bounds, dropping lowest priority first (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.double({ min: -50, max: 350, noNaN: true }), priority: fc.nat(100) }), {
          maxLength: 40,
        }),
        (reqs) => {
          const size = 14;
          const out = placeLabels(
            reqs.map((r) => ({ ...r, size })),
            0,
            300,
          );
          const placed = out.map((s, i) => ({ ...s, i })).filter((s) => s.at !== null);
          expect(placed.length).toBe(Math.min(reqs.length, Math.floor(300 / size)));
          const ys = placed.map((s) => s.at!).sort((a, b) => a - b);
          for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(size - 1e-6);
          for (const y of ys) {
            expect(y - size / 2).toBeGreaterThanOrEqual(-1e-6);
            expect(y + size / 2).toBeLessThanOrEqual(300 + 1e-6);
          }
          const hidden = out.map((s, i) => ({ ...s, i })).filter((s) => s.at === null);
          if (hidden.length && placed.length) {
            expect(Math.max(...hidden.map((h) => reqs[h.i].priority))).toBeLessThanOrEqual(
              Math.min(...placed.map((p) => reqs[p.i].priority)),
            );
          }
        },
      ),
    );
  });
});

describe('colour', () => {
  it('OKLab round-trips sRGB hex', () => {
    for (const hex of [...PALETTE, '#000000', '#ffffff', '#808080']) {
      expect(oklabToHex(rgbToOklab(parseHex(hex)!))).toBe(hex);
    }
  });

  it('the 20 palette colours are distinct (ΔE_OK ≥ 0.09) and far from the "Other" grey', () => {
    for (let i = 0; i < PALETTE.length; i++) {
      expect(deltaE(PALETTE[i], OTHER_COLOR)).toBeGreaterThan(0.09);
      for (let j = i + 1; j < PALETTE.length; j++) expect(deltaE(PALETTE[i], PALETTE[j])).toBeGreaterThan(0.09);
    }
  });

  it('slots past 20 are new, non-grey colours of the same hues', () => {
    const all = Array.from({ length: 60 }, (_, i) => slotColor(i));
    expect(new Set(all).size).toBe(60);
    for (const c of all) {
      const lab = rgbToOklab(parseHex(c)!);
      expect(Math.hypot(lab.a, lab.b)).toBeGreaterThan(0.03);
    }
  });

  it('shiftLightness keeps unparseable colours, mixOklab reaches its target', () => {
    expect(shiftLightness('var(--x)', 0.1)).toBe('var(--x)');
    expect(mixOklab('#4269d0', '#ffffff', 1)).toBe('#ffffff');
    expect(mixOklab('#4269d0', '#ffffff', 0)).toBe('#4269d0');
  });

  it('ClassColorScale ranks the sorted domain, whatever the registration order, and fires change', () => {
    const a = new ClassColorScale(['c', 'a']);
    let changes = 0;
    a.addEventListener('change', () => changes++);
    expect(a.extend(['b', 'a'])).toBe(true);
    expect(a.extend(['a'])).toBe(false);
    expect(changes).toBe(1);
    const b = new ClassColorScale(['b', 'c', 'a']);
    for (const k of ['a', 'b', 'c']) expect(a.color(k)).toBe(b.color(k));
    expect(a.slot(1)).toBe(-1);
    expect(a.color('zzz')).toBe(OTHER_COLOR);
    expect(new ClassColorScale([1, '1']).domain).toHaveLength(1);
  });

  it('explicit colours: own properties only, Maps by key or string, functions', () => {
    expect(explicitColor({ Kept: '#0f0' }, 'Kept')).toBe('#0f0');
    expect(explicitColor({}, 'constructor')).toBeUndefined();
    expect(explicitColor({}, '__proto__')).toBeUndefined();
    expect(explicitColor(JSON.parse('{"__proto__":"#123"}'), '__proto__')).toBe('#123');
    expect(explicitColor(new Map([[1, '#abc']]), 1)).toBe('#abc');
    expect(explicitColor((k) => (k === 'x' ? '#fff' : null), 'y')).toBeUndefined();
  });
});

describe('same-data', () => {
  it('compares contents, not references', () => {
    expect(sameArray([1, 'a'], [1, 'a'])).toBe(true);
    expect(sameArray([1], ['1'])).toBe(false);
    expect(sameArray([NaN], [NaN])).toBe(true);
    expect(sameArray(null, undefined)).toBe(true);
    expect(sameColumns([[1], [2]], [[1], [2]])).toBe(true);
    expect(sameColumns([[1], [2]], [[1], [3]])).toBe(false);
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(sameJson(cyclic, { self: { self: {} } })).toBe(false);
  });

  it('markKey never collides for keys containing separators', () => {
    expect(markKey('link', 0, 'a>1:b', 1, 'c')).not.toBe(markKey('link', 0, 'a', 1, 'b>1:c'));
    expect(markKey('node', 0, 'x\u0000y')).not.toBe(markKey('node', 0, 'x', 'y'));
  });
});
