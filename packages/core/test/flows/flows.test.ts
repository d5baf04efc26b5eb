import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, checkFlowGraph, conditional, crosstab, flowGraph, type Key } from '../../src/index.js';

const fx = JSON.parse(readFileSync(new URL('../data/flows/flows.json', import.meta.url), 'utf8')) as {
  labels: string[];
  truth: string[];
  m1: string[];
  m2: string[];
  crosstab: { sources: string[]; targets: string[]; counts: number[][] };
  givenSource: (number | null)[][];
  givenTarget: (number | null)[][];
  changedCount: number;
  changedLinks: { source: string; target: string; value: number }[];
  top3: string[];
  otherValue: number;
};
const TOL = 1e-12;

function code(e: unknown): string | undefined {
  return e instanceof ClasslensError ? e.code : undefined;
}
function thrown(f: () => unknown): ClasslensError {
  try {
    f();
  } catch (e) {
    return e as ClasslensError;
  }
  throw new Error('expected a throw');
}

describe('crosstab(source, target)', () => {
  it('matches numpy on a 400-item fixture', () => {
    expect(crosstab(fx.truth, fx.m1)).toEqual(fx.crosstab);
  });
  it('orders numbers before strings and keeps explicit key order with zero rows', () => {
    const t = crosstab([2, 1, 1], ['b', 'a', 'a'], { sources: [3, 1, 2], targets: ['a', 'b'] });
    expect(t.sources).toEqual([3, 1, 2]);
    expect(t.counts).toEqual([
      [0, 0],
      [2, 0],
      [0, 1],
    ]);
  });
  it('throws UNKNOWN_CLASS for a value outside explicit keys, or buckets it with otherLabel', () => {
    const e = thrown(() => crosstab(['a', 'z'], ['a', 'a'], { sources: ['a'] }));
    expect(e.code).toBe('UNKNOWN_CLASS');
    expect(e.message).toBe('source: unknown key "z"');
    const t = crosstab(['a', 'z'], ['a', 'a'], { sources: ['a'], otherLabel: 'Other' });
    expect(t.sources).toEqual(['a', 'Other']);
    expect(t.counts).toEqual([[1], [1]]);
  });
  it('throws LENGTH_MISMATCH naming both lengths', () => {
    const e = thrown(() => crosstab(['a', 'b'], ['a']));
    expect(e.code).toBe('LENGTH_MISMATCH');
    expect(e.message).toBe('target has length 1 but source has length 2');
  });
  it('throws NON_FINITE / INVALID_ARGUMENT for values that are not keys', () => {
    expect(code(thrown(() => crosstab([1, NaN], [1, 2])))).toBe('NON_FINITE');
    expect(code(thrown(() => crosstab([1, null as unknown as Key], [1, 2])))).toBe('INVALID_ARGUMENT');
  });
  it('throws DUPLICATE_KEY when a column mixes 1 and "1", or a key list repeats', () => {
    expect(code(thrown(() => crosstab([1, '1'], [0, 0])))).toBe('DUPLICATE_KEY');
    expect(code(thrown(() => crosstab([1], [0], { sources: [1, 1] })))).toBe('DUPLICATE_KEY');
  });
  it('returns an empty table for empty input', () => {
    expect(crosstab([], [])).toEqual({ sources: [], targets: [], counts: [] });
  });
  it('does not modify its inputs', () => {
    const a = Object.freeze(['x', 'y']);
    const b = Object.freeze(['y', 'y']);
    expect(() => crosstab(a, b)).not.toThrow();
  });
});

describe('conditional(table, given)', () => {
  const t = crosstab(fx.truth, fx.m1);
  const close = (got: number[][], want: (number | null)[][]) => {
    got.forEach((r, i) =>
      r.forEach((v, j) => {
        const w = want[i][j];
        if (w === null) expect(v).toBeNaN();
        else expect(Math.abs(v - w)).toBeLessThan(TOL);
      }),
    );
  };
  it("given 'source' matches numpy row normalisation", () => close(conditional(t, 'source'), fx.givenSource));
  it("given 'target' matches numpy column normalisation", () => close(conditional(t, 'target'), fx.givenTarget));
  it('gives NaN for a row with no items', () => {
    expect(
      conditional(
        {
          counts: [
            [0, 0],
            [1, 3],
          ],
        },
        'source',
      ),
    ).toEqual([
      [NaN, NaN],
      [0.25, 0.75],
    ]);
  });
  it('rejects an unknown given and ragged counts', () => {
    expect(code(thrown(() => conditional(t, 'both' as 'source')))).toBe('INVALID_ARGUMENT');
    expect(code(thrown(() => conditional({ counts: [[1, 2], [3]] }, 'source')))).toBe('INVALID_SHAPE');
  });
  it('rows (given source) and columns (given target) sum to 1 — property', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })), { minLength: 1 }),
        (pairs) => {
          const tt = crosstab(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          for (const r of conditional(tt, 'source'))
            expect(Math.abs(r.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
          const c = conditional(tt, 'target');
          for (let j = 0; j < tt.targets.length; j++) {
            expect(Math.abs(c.reduce((a, r) => a + r[j], 0) - 1)).toBeLessThan(1e-9);
          }
        },
      ),
    );
  });
});

describe('flowGraph(stages, opts)', () => {
  it('changedOnly chain truth → m1 → m2 matches numpy links', () => {
    const g = flowGraph([fx.truth, fx.m1, fx.m2], { changedOnly: true });
    expect(g.kept).toBe(fx.changedCount);
    const got = g.links.map(({ source, target, value }) => ({ source, target, value }));
    const key = (l: { source: string; target: string }) => `${l.source}>${l.target}`;
    expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...fx.changedLinks].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
  it('one node per stage × key, so a chain over the same labels has no cycle', () => {
    const g = flowGraph([
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
    ]);
    expect(g.nodes.map((d) => d.id)).toEqual(['0:a', '0:b', '1:a', '1:b', '2:a', '2:b']);
    for (const l of g.links) expect(Number(l.target.split(':')[0])).toBe(Number(l.source.split(':')[0]) + 1);
  });
  it('links carry the indices of their items', () => {
    const g = flowGraph([
      ['x', 'y', 'x', 'x'],
      ['p', 'p', 'q', 'p'],
    ]);
    const l = g.links.find((d) => d.source === '0:x' && d.target === '1:p');
    expect(Array.from(l!.indices)).toEqual([0, 3]);
    expect(Array.from(g.nodes.find((d) => d.id === '1:p')!.indices)).toEqual([0, 1, 3]);
  });
  it('topK keeps the most frequent keys and merges the rest into Other (numpy)', () => {
    const g = flowGraph([fx.truth, fx.m1], { topK: 3 });
    const stage0 = g.nodes.filter((d) => d.stage === 0);
    expect(stage0.map((d) => d.key)).toEqual([...fx.top3, 'Other']);
    const other = stage0[3];
    expect(other.other).toBe(true);
    expect(other.value).toBe(fx.otherValue);
    expect(other.members.length).toBe(fx.labels.length - 3);
  });
  it('topK with a custom otherLabel that equals a kept key throws DUPLICATE_KEY', () => {
    expect(code(thrown(() => flowGraph([fx.truth], { topK: 2, otherLabel: fx.top3[0] })))).toBe('DUPLICATE_KEY');
  });
  it('minValue hides thin links, reports them, and keeps node values', () => {
    const all = flowGraph([fx.truth, fx.m1]);
    const g = flowGraph([fx.truth, fx.m1], { minValue: 5 });
    const thin = all.links.filter((l) => l.value < 5);
    expect(g.hiddenLinks).toBe(thin.length);
    expect(g.hiddenItems).toBe(thin.reduce((a, l) => a + l.value, 0));
    expect(g.links.every((l) => l.value >= 5)).toBe(true);
    expect(g.nodes.map((d) => d.value)).toEqual(all.nodes.map((d) => d.value));
  });
  it('empty inputs give an empty graph; one stage gives nodes without links', () => {
    expect(flowGraph([]).nodes).toEqual([]);
    expect(flowGraph([[], []]).links).toEqual([]);
    const g = flowGraph([['a', 'a', 'b']]);
    expect(g.nodes.map((d) => [d.key, d.value])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(g.links).toEqual([]);
  });
  it('validates options and lengths', () => {
    expect(code(thrown(() => flowGraph([['a'], ['a', 'b']])))).toBe('LENGTH_MISMATCH');
    expect(code(thrown(() => flowGraph([['a']], { topK: 0 })))).toBe('INVALID_ARGUMENT');
    expect(code(thrown(() => flowGraph([['a']], { minValue: -1 })))).toBe('INVALID_ARGUMENT');
    expect(code(thrown(() => flowGraph([['a']], { stageNames: ['x', 'y'] })))).toBe('INVALID_ARGUMENT');
  });
  it('handles 10,000 distinct keys per stage (sparse link grouping)', () => {
    const n = 20_000;
    const a = Array.from({ length: n }, (_, i) => `k${i % 10_000}`);
    const b = Array.from({ length: n }, (_, i) => `k${(i * 7) % 10_000}`);
    const g = flowGraph([a, b], { topK: 30 });
    expect(g.nodes.filter((d) => d.stage === 0).length).toBe(31);
    expect(g.links.reduce((s, l) => s + l.value, 0)).toBe(n);
  });

  const chain = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 60 })).chain(([S, n]) =>
    fc.array(fc.array(fc.constantFrom<Key>('a', 'b', 'c', 1, 2), { minLength: n, maxLength: n }), {
      minLength: S,
      maxLength: S,
    }),
  );

  it('conserves flow: every stage pair carries all kept items, node values match — property', () => {
    fc.assert(
      fc.property(chain, fc.boolean(), fc.integer({ min: 1, max: 6 }), (stages, changedOnly, topK) => {
        const g = flowGraph(stages, { changedOnly, topK });
        for (let s = 0; s < stages.length; s++) {
          const nodeSum = g.nodes.filter((d) => d.stage === s).reduce((a, d) => a + d.value, 0);
          expect(nodeSum).toBe(g.kept);
        }
        for (let s = 0; s + 1 < stages.length; s++) {
          const out = g.links.filter((l) => l.source.startsWith(`${s}:`));
          expect(out.reduce((a, l) => a + l.value, 0)).toBe(g.kept);
        }
        for (const d of g.nodes) {
          const outSum = g.links.filter((l) => l.source === d.id).reduce((a, l) => a + l.value, 0);
          if (d.stage + 1 < stages.length) expect(outSum).toBe(d.value);
        }
      }),
    );
  });
  it('shuffling items does not change the graph (only the indices) — property', () => {
    fc.assert(
      fc.property(chain, fc.integer(), (stages, seed) => {
        const n = stages[0].length;
        const perm = Array.from({ length: n }, (_, i) => i);
        let x = seed >>> 0 || 1;
        for (let i = n - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) >>> 0;
          const j = x % (i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        const shuffled = stages.map((col) => perm.map((p) => col[p]));
        const strip = (g: ReturnType<typeof flowGraph>) => ({
          nodes: g.nodes.map(({ indices: _i, ...d }) => d),
          links: g.links.map(({ indices: _i, ...l }) => l),
        });
        const a = flowGraph(stages, { changedOnly: true, topK: 3 });
        const b = flowGraph(shuffled, { changedOnly: true, topK: 3 });
        expect(strip(b)).toEqual(strip(a));
        // Indices map back through the permutation.
        a.links.forEach((l, k) => {
          expect(Array.from(b.links[k].indices, (i) => perm[i]).sort((u, v) => u - v)).toEqual(Array.from(l.indices));
        });
      }),
    );
  });
});

describe('checkFlowGraph(graph)', () => {
  const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('assigns stages by longest path and values as max(in, out)', () => {
    const g = checkFlowGraph({
      nodes,
      links: [
        { source: 'a', target: 'b', value: 3 },
        { source: 'b', target: 'c', value: 2 },
        { source: 'a', target: 'c', value: 1 },
      ],
    });
    expect(g.nodes.map((d) => [d.id, d.stage, d.value])).toEqual([
      ['a', 0, 4],
      ['b', 1, 3],
      ['c', 2, 3],
    ]);
  });
  it('throws DUPLICATE_KEY naming the id', () => {
    const e = thrown(() => checkFlowGraph({ nodes: [{ id: 'a' }, { id: 'a' }], links: [] }));
    expect([e.code, e.message]).toEqual(['DUPLICATE_KEY', 'graph: duplicate node id "a"']);
  });
  it('throws MISSING_KEY naming the link', () => {
    const e = thrown(() => checkFlowGraph({ nodes, links: [{ source: 'a', target: 'zz', value: 1 }] }));
    expect([e.code, e.message]).toEqual(['MISSING_KEY', 'graph: link "a" → "zz" names missing node "zz"']);
  });
  it('throws CYCLE naming a link on the cycle, without hanging', () => {
    const e = thrown(() =>
      checkFlowGraph({
        nodes: [...nodes, { id: 'd' }],
        links: [
          { source: 'd', target: 'a', value: 1 },
          { source: 'a', target: 'b', value: 1 },
          { source: 'b', target: 'c', value: 1 },
          { source: 'c', target: 'a', value: 1 },
        ],
      }),
    );
    expect(e.code).toBe('CYCLE');
    expect(e.message).toMatch(/link "(a" → "b|b" → "c|c" → "a)" is on a cycle/);
  });
  it('rejects self-links, non-finite and non-positive values', () => {
    expect(code(thrown(() => checkFlowGraph({ nodes, links: [{ source: 'a', target: 'a', value: 1 }] })))).toBe(
      'CYCLE',
    );
    expect(code(thrown(() => checkFlowGraph({ nodes, links: [{ source: 'a', target: 'b', value: NaN }] })))).toBe(
      'NON_FINITE',
    );
    expect(code(thrown(() => checkFlowGraph({ nodes, links: [{ source: 'a', target: 'b', value: 0 }] })))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('crosstab(classIndices, classIndices) — dense integer path', () => {
  it('gives the same table for Int32Array, number[] and string keys — property', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: 0, max: 9 })), { minLength: 1 }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const typed = crosstab(Int32Array.from(a), Uint8Array.from(b) as unknown as number[]);
          const plain = crosstab(a, b);
          expect(typed).toEqual(plain);
          // Against a naive reference: sorted distinct keys, counted pair by pair.
          const sources = [...new Set(a)].sort((x, y) => x - y);
          const targets = [...new Set(b)].sort((x, y) => x - y);
          const counts = sources.map(() => targets.map(() => 0));
          pairs.forEach(([x, y]) => counts[sources.indexOf(x)][targets.indexOf(y)]++);
          expect(plain).toEqual({ sources, targets, counts });
        },
      ),
    );
  });
  it('falls back to the general path for fractions, strings and huge ranges', () => {
    expect(crosstab([0.5, 1, 0.5], ['x', 'y', 'x']).sources).toEqual([0.5, 1]);
    expect(crosstab([1, 'b', 1], [0, 0, 0]).sources).toEqual([1, 'b']);
    expect(crosstab([0, 2 ** 30], [0, 0]).sources).toEqual([0, 2 ** 30]);
    expect(code(thrown(() => crosstab([1, NaN], [0, 0])))).toBe('NON_FINITE');
  });
});
