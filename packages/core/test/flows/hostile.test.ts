// Hostile input to the flows area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { checkFlowGraph, crosstab, flowGraph, type FlowGraph, type Key } from '../../src/index.js';
import { expectCode } from '../hostile.js';

/**
 * Items on links whose source key at stage s and target key at s + 1 are really theirs;
 * the count of those that are not. (Plain loops: one `expect` per item would dominate.)
 */
function linkItems(g: FlowGraph, stages: ArrayLike<Key>[]): { items: number; wrong: number } {
  const byId = new Map(g.nodes.map((d) => [d.id, d]));
  let items = 0;
  let wrong = 0;
  for (const l of g.links) {
    const s = byId.get(l.source)!;
    const t = byId.get(l.target)!;
    if (t.stage !== s.stage + 1) wrong++;
    for (const i of l.indices) {
      if (stages[s.stage][i] !== s.key || stages[t.stage][i] !== t.key) wrong++;
      items++;
    }
  }
  return { items, wrong };
}

describe('flowGraph(stages) with many distinct keys', () => {
  it(
    '10^5 distinct keys per stage: every item on its own correct link (pair codes past 2^31)',
    { timeout: 60_000 },
    () => {
      const K = 100_000;
      const a = Array.from({ length: K }, (_, i) => i);
      const b = a.map((i) => (i * 7) % K);
      const g = flowGraph([a, b]);
      expect(g.nodes.length).toBe(2 * K);
      expect(g.links.length).toBe(K);
      expect(linkItems(g, [a, b])).toEqual({ items: K, wrong: 0 });
      // Links come ordered by source node, then target node.
      const order = new Map(g.nodes.map((d, k) => [d.id, k]));
      let unordered = 0;
      for (let k = 1; k < g.links.length; k++) {
        const p = g.links[k - 1];
        const q = g.links[k];
        const c = order.get(p.source)! - order.get(q.source)! || order.get(p.target)! - order.get(q.target)!;
        if (!(c < 0)) unordered++;
      }
      expect(unordered).toBe(0);
    },
  );
  it('three stages of 60,000 string keys keep every item on its links', { timeout: 60_000 }, () => {
    const K = 60_000;
    const a = Array.from({ length: K }, (_, i) => `a${i}`);
    const b = Array.from({ length: K }, (_, i) => `b${(i * 13) % K}`);
    const c = Array.from({ length: K }, (_, i) => `c${(i * 7) % (K / 2)}`);
    const g = flowGraph([a, b, c]);
    expect(linkItems(g, [a, b, c])).toEqual({ items: 2 * K, wrong: 0 });
  });
});

describe('flowGraph(stages, options) validates options as data', () => {
  const s = [
    ['a', 'b'],
    ['b', 'b'],
  ];
  it('topK must be an integer ≥ 1 (or Infinity)', () => {
    for (const topK of [1.5, '2', 0, -1, NaN, true]) {
      expectCode(() => flowGraph(s, { topK: topK as number }), 'INVALID_ARGUMENT', /topK/);
    }
    expect(flowGraph(s, { topK: Infinity }).nodes.length).toBe(3);
    expect(flowGraph(s, { topK: 1e9 }).nodes.length).toBe(3);
  });
  it('changedOnly must be a boolean', () => {
    expectCode(() => flowGraph(s, { changedOnly: 'yes' as unknown as boolean }), 'INVALID_ARGUMENT', /changedOnly/);
    expectCode(() => flowGraph(s, { changedOnly: 1 as unknown as boolean }), 'INVALID_ARGUMENT', /changedOnly/);
  });
  it('minValue must be a finite number ≥ 0', () => {
    for (const minValue of ['1', NaN, -1, Infinity]) {
      expectCode(() => flowGraph(s, { minValue: minValue as number }), 'INVALID_ARGUMENT', /minValue/);
    }
  });
  it('otherLabel must be a key; stageNames an array of strings', () => {
    expectCode(() => flowGraph(s, { otherLabel: NaN }), 'NON_FINITE', /otherLabel/);
    expectCode(() => flowGraph(s, { otherLabel: {} as unknown as Key }), 'INVALID_ARGUMENT', /otherLabel/);
    expectCode(() => flowGraph(s, { stageNames: 'ab' as unknown as string[] }), 'INVALID_ARGUMENT', /stageNames/);
    expectCode(() => flowGraph(s, { stageNames: ['x', 5 as unknown as string] }), 'INVALID_ARGUMENT', /stageNames/);
    expectCode(() => flowGraph(s, 'all' as unknown as object), 'INVALID_ARGUMENT', /options/);
  });
  it('stage names __proto__ or repeated names still check every length', () => {
    expectCode(() => flowGraph([['a'], ['a', 'b']], { stageNames: ['__proto__', 'y'] }), 'LENGTH_MISMATCH');
    expectCode(() => flowGraph([['a'], ['a', 'b']], { stageNames: ['x', 'x'] }), 'LENGTH_MISMATCH');
    const g = flowGraph([['a'], ['b']], { stageNames: ['__proto__', 'constructor'] });
    expect(g.stageNames).toEqual(['__proto__', 'constructor']);
  });
  it('changedOnly across stages that spell one key 1 and "1" is DUPLICATE_KEY, not a change', () => {
    expectCode(
      () =>
        flowGraph(
          [
            [1, 2],
            ['1', '2'],
          ],
          { changedOnly: true },
        ),
      'DUPLICATE_KEY',
      /1.*"1"/,
    );
  });
});

describe('checkFlowGraph(graph) on adversarial graphs', () => {
  const V = 100_000;
  const nodes = Array.from({ length: V }, (_, i) => ({ id: `n${i}` }));
  it('names a link on a 10^5-node ring in linear time', { timeout: 5_000 }, () => {
    const links = nodes.map((_, i) => ({ source: `n${i}`, target: `n${(i + 1) % V}`, value: 1 }));
    expectCode(() => checkFlowGraph({ nodes, links }), 'CYCLE', /link "n\d+" → "n\d+" is on a cycle/);
  });
  it('names a link on the cycle, not on the long path leaving it', { timeout: 5_000 }, () => {
    // A 2-cycle n0 ⇄ n1 feeding a long tail n1 → n2 → … → n(V−1): every tail node keeps an
    // incoming link after Kahn's pass, so a walk back has to cross the tail first.
    const links = nodes.slice(1).map((_, i) => ({ source: `n${i}`, target: `n${i + 1}`, value: 1 }));
    links.push({ source: 'n1', target: 'n0', value: 1 });
    links.reverse();
    const e = expectCode(() => checkFlowGraph({ nodes: [...nodes].reverse(), links }), 'CYCLE');
    expect(e.message).toMatch(/^graph: link ("n0" → "n1"|"n1" → "n0") is on a cycle$/);
  });
  it(
    'refuses stage 1e9 (and other stages a graph of V nodes cannot need) before allocating',
    { timeout: 5_000 },
    () => {
      const g = (stage: unknown) => ({ nodes: [{ id: 'a', stage: stage as number }, { id: 'b' }], links: [] });
      expectCode(() => checkFlowGraph(g(1e9)), 'TOO_LARGE', /stage 1000000000/);
      expectCode(() => checkFlowGraph(g(2)), 'TOO_LARGE', /stage 2/);
      expect(checkFlowGraph(g(1)).stageNames).toEqual(['Stage 1', 'Stage 2']);
      expectCode(() => checkFlowGraph(g('1')), 'INVALID_ARGUMENT', /stage string "1"/);
      expectCode(() => checkFlowGraph(g(1.5)), 'INVALID_ARGUMENT', /stage 1.5/);
      // Given stage names allow as many stages as they name.
      const named = checkFlowGraph({ ...g(3), stageNames: ['p', 'q', 'r', 's'] });
      expect(named.nodes.map((d) => d.stage)).toEqual([3, 0]);
    },
  );
  it('a link value that is not a number is NOT_A_NUMBER, naming the link and the value', () => {
    const two = [{ id: 'a' }, { id: 'b' }];
    expectCode(
      () => checkFlowGraph({ nodes: two, links: [{ source: 'a', target: 'b', value: '5' as unknown as number }] }),
      'NOT_A_NUMBER',
      /link "a" → "b" has value string "5", expected a number/,
    );
    expectCode(
      () => checkFlowGraph({ nodes: two, links: [{ source: 'a', target: 'b', value: null as unknown as number }] }),
      'NOT_A_NUMBER',
    );
    expectCode(
      () => checkFlowGraph({ nodes: two, links: [{ source: 'a', target: 'b', value: Infinity }] }),
      'NON_FINITE',
    );
  });
  it('node ids such as __proto__ and constructor are data', () => {
    const g = checkFlowGraph({
      nodes: [{ id: '__proto__' }, { id: 'constructor' }, { id: 'toString' }],
      links: [
        { source: '__proto__', target: 'constructor', value: 2 },
        { source: 'constructor', target: 'toString', value: 2 },
      ],
    });
    expect(g.nodes.map((d) => [d.id, d.stage])).toEqual([
      ['__proto__', 0],
      ['constructor', 1],
      ['toString', 2],
    ]);
  });
  it('a stageNames that is not an array of strings is INVALID_ARGUMENT', () => {
    expectCode(
      () => checkFlowGraph({ nodes: [{ id: 'a' }], links: [], stageNames: 'ab' as unknown as string[] }),
      'INVALID_ARGUMENT',
      /stageNames/,
    );
  });
});

describe('crosstab(source, target, options) validates options as data', () => {
  it('a string as a key list is INVALID_ARGUMENT, not read letter by letter', () => {
    expectCode(() => crosstab(['a'], ['b'], { sources: 'ab' as unknown as string[] }), 'INVALID_ARGUMENT', /sources/);
  });
  it('a key list mixing 1 and "1" is DUPLICATE_KEY', () => {
    expectCode(() => crosstab([1], [1], { sources: [1, '1'] }), 'DUPLICATE_KEY');
  });
});
