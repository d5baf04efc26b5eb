import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedPrediction, findJumps, sequenceStepDistances } from '@classlens/core';
import { readOffsets, readSequences } from '../src/internal/trajectory/sequence-data.js';
import { markSteps, stepMeasures } from '../src/internal/trajectory/step-marks.js';
import { contrast, EP_LEVELS, EpColors, readableChip } from '../src/internal/trajectory/ep-colors.js';
import { parseHex } from '../src/internal/color/oklab.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('readOffsets(offsets, total)', () => {
  it('reads n starts or n + 1 cumulative offsets, defaulting to one sequence', () => {
    expect(Array.from(readOffsets([0, 3], 5))).toEqual([0, 3, 5]);
    expect(Array.from(readOffsets([0, 3, 5], 5))).toEqual([0, 3, 5]);
    expect(Array.from(readOffsets(null, 4))).toEqual([0, 4]);
    expect(Array.from(readOffsets([0, 0, 2], 2))).toEqual([0, 0, 2]); // an empty first sequence
    expect(Array.from(readOffsets([], 0))).toEqual([0]);
  });
  it('rejects offsets that do not start at 0, go back, pass the end or are not integers', () => {
    expect(code(() => readOffsets([1, 3], 5))).toBe('INVALID_ARGUMENT');
    expect(code(() => readOffsets([0, 3, 2], 5))).toBe('INVALID_ARGUMENT');
    expect(code(() => readOffsets([0, 9], 5))).toBe('INVALID_ARGUMENT');
    expect(code(() => readOffsets([0, 1.5], 5))).toBe('INVALID_ARGUMENT');
    expect(code(() => readOffsets([0, NaN], 5))).toBe('NON_FINITE');
    expect(code(() => readOffsets([0, '2' as unknown as number], 5))).toBe('INVALID_ARGUMENT');
    expect(code(() => readOffsets([], 3))).toBe('LENGTH_MISMATCH');
  });
});

describe('readSequences(input)', () => {
  const records = [
    { id: 'x', label: 'a', tokens: ['p', 'q'], states: [0, 0, 1, 1], expected: [0.9, 0.1, 0.3, 0.7] },
    { id: 'y', label: 'b', tokens: ['r'], states: [2, 2], expected: [0.2, 0.8] },
  ];

  it('stacks records, derives EP and top classes through core, and predicted from the last step', () => {
    const d = readSequences({ sequences: records, classes: ['a', 'b'] })!;
    expect(d.n).toBe(2);
    expect(d.total).toBe(3);
    expect(Array.from(d.offsets)).toEqual([0, 2, 3]);
    expect(Array.from(d.sequenceOf)).toEqual([0, 0, 1]);
    expect(d.tokens).toEqual(['p', 'q', 'r']);
    expect(Array.from(d.ep!)).toEqual(
      Array.from(
        expectedPrediction([
          [0.9, 0.1],
          [0.3, 0.7],
          [0.2, 0.8],
        ]),
      ),
    );
    expect(Array.from(d.top!)).toEqual([0, 1, 1]);
    expect(Array.from(d.truth!)).toEqual([0, 1]);
    expect(Array.from(d.predicted!)).toEqual([1, 1]);
    expect(d.ids).toEqual(['x', 'y']);
  });

  it('columns: a scalar EP becomes [1 − p, p]; nested tokens; classes default to 0 … m − 1', () => {
    const d = readSequences({
      states: [[0], [1], [2]],
      offsets: [0, 2],
      expected: [0.25, 0.5, 1],
      tokens: [['a', 'b'], ['c']],
    })!;
    expect(Array.from(d.probs!.data)).toEqual([0.75, 0.25, 0.5, 0.5, 0, 1]);
    expect(d.classes).toEqual([0, 1]);
    expect(d.truth).toBe(null);
  });

  it('returns null without input and an empty set for no records', () => {
    expect(readSequences({})).toBe(null);
    expect(readSequences({ sequences: [] })!.n).toBe(0);
  });

  it('codes bad input before doing work', () => {
    expect(code(() => readSequences({ states: [[0], [NaN]] }))).toBe('NON_FINITE');
    expect(code(() => readSequences({ states: [[0], [1]], truth: ['a', 'b'] }))).toBe('LENGTH_MISMATCH');
    expect(code(() => readSequences({ states: [[0], [1]], tokens: ['a'] }))).toBe('LENGTH_MISMATCH');
    expect(code(() => readSequences({ states: [[0], [1]], tokens: ['a', null as unknown as string] }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(code(() => readSequences({ states: [[0], [1]], expected: [0.1, Infinity] }))).toBe('NON_FINITE');
    expect(
      code(() =>
        readSequences({
          states: [[0], [1]],
          expected: [
            [0.1, 0.9],
            [0.5, 0.5],
          ],
          classes: ['a', 'b', 'c'],
        }),
      ),
    ).toBe('LENGTH_MISMATCH');
    expect(code(() => readSequences({ sequences: records, classes: ['a', 'a'] }))).toBe('DUPLICATE_KEY');
    expect(code(() => readSequences({ sequences: records, classes: ['a', 'c'] }))).toBe('UNKNOWN_CLASS');
    expect(code(() => readSequences({ sequences: [{ ...records[0], states: [0, 0, 1] }] }))).toBe('INVALID_SHAPE');
    expect(
      code(() => readSequences({ sequences: [records[0], { ...records[1], id: 'x' }], classes: ['a', 'b'] })),
    ).toBe('DUPLICATE_KEY');
    expect(code(() => readSequences({ sequences: [null as never] }))).toBe('INVALID_ARGUMENT');
  });

  it('keeps __proto__ and constructor as keys (no prototype lookups)', () => {
    const d = readSequences({
      states: [[0], [1]],
      offsets: [0, 1],
      truth: ['__proto__', 'constructor'],
      ids: ['toString', '__proto__'],
    })!;
    expect(d.classes).toEqual(['__proto__', 'constructor']);
    expect(Array.from(d.truth!)).toEqual([0, 1]);
  });
});

describe('stepMeasures / markSteps', () => {
  it('marks exactly core’s jumps for any states and threshold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (lengths, threshold, seed) => {
          const total = lengths.reduce((a, b) => a + b, 0);
          let x = seed;
          const rnd = () => ((x = (x * 16807) % 2147483647) / 2147483647) * 2 - 1;
          const states = Array.from({ length: total }, () => [rnd(), rnd(), rnd()]);
          const offsets = [0];
          for (const l of lengths.slice(0, -1)) offsets.push(offsets[offsets.length - 1] + l);
          const d = readSequences({ states, offsets })!;
          const m = stepMeasures(d);
          const marks = markSteps(d, m, threshold, 0.3);
          const dist = sequenceStepDistances(states, lengths);
          const want = new Set(m.max > 0 ? findJumps(dist, { threshold }) : []);
          for (let r = 0; r < total; r++) expect(marks.jump[r]).toBe(want.has(r) ? 1 : 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('validates precomputed distances', () => {
    const d = readSequences({ rows: 3 })!;
    expect(stepMeasures(d, [NaN, 1, 2]).max).toBe(2);
    expect(code(() => stepMeasures(d, [NaN, 1]))).toBe('LENGTH_MISMATCH');
    expect(code(() => stepMeasures(d, [NaN, -1, 2]))).toBe('INVALID_ARGUMENT');
    expect(code(() => stepMeasures(d, [NaN, Infinity, 2]))).toBe('NON_FINITE');
  });
});

describe('EpColors', () => {
  const colors = new EpColors(['#4269d0', '#efb118'], '#8c959f');

  it('runs from the neutral grey (level 0) to the class colour (last level)', () => {
    expect(colors.css[0]).toBe('#8c959f');
    expect(colors.css[EP_LEVELS - 1]).toBe('#4269d0');
    expect(colors.css[2 * EP_LEVELS - 1]).toBe('#efb118');
    const [r, g, b] = parseHex('#efb118')!;
    expect(colors.rgba[2 * EP_LEVELS - 1]).toBe((r | (g << 8) | (b << 16) | (255 << 24)) >>> 0);
  });

  it('a binary p = 0.5 is grey, p → 1 is the positive colour, p → 0 the negative one', () => {
    const d = readSequences({ rows: 3, expected: [0.5, 1, 0] })!;
    expect(colors.color(d, 0, '')).toBe('#8c959f');
    expect(colors.color(d, 1, '')).toBe('#efb118');
    expect(colors.color(d, 2, '')).toBe('#4269d0');
  });

  it('readableChip keeps AA contrast (4.5:1) for every palette colour on light and dark backgrounds', () => {
    const themes = [
      ['#ffffff', '#1f2328'],
      ['#0d1117', '#e6edf3'],
    ];
    for (const c of colors.css) {
      for (const [bg, fg] of themes) {
        const chip = readableChip(c, bg, fg);
        expect(contrast(parseHex(chip.fill)!, parseHex(chip.text)!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
