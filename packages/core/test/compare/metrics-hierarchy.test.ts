import { hierarchy, treemap } from 'd3-hierarchy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsHierarchy, type MetricsNode } from '../../src/compare/index.js';
import { expectCode, load } from './fixtures.js';

interface Leaf {
  path: number[];
  count: number;
  indices: number[];
}
const g = load<{
  classes: string[];
  truth: string[];
  preds: Record<string, string[]>;
  hierarchy: Record<'correct-truth-first' | 'correct-models-first' | 'predicted-truth-first', Leaf[]>;
}>('models.json');

/** Leaves in depth-first order with the path of nodes above them. */
function leavesOf(root: MetricsNode): { path: MetricsNode[]; leaf: MetricsNode }[] {
  const out: { path: MetricsNode[]; leaf: MetricsNode }[] = [];
  const walk = (node: MetricsNode, path: MetricsNode[]) => {
    if (!node.children) out.push({ path, leaf: node });
    else for (const c of node.children) walk(c, [...path, c]);
  };
  walk(root, []);
  return out;
}

describe('metricsHierarchy(truth, preds, opts?)', () => {
  it('matches numpy leaf counts and indices: truth → A ✓/✗ → B → C', () => {
    const root = metricsHierarchy(g.truth, g.preds);
    const leaves = leavesOf(root);
    const expected = g.hierarchy['correct-truth-first'];
    expect(leaves).toHaveLength(expected.length);
    leaves.forEach(({ path, leaf }, k) => {
      const e = expected[k];
      expect(path.map((n) => n.level)).toEqual(['truth', 'correct', 'correct', 'correct']);
      expect(path[0].key).toBe(g.classes[e.path[0]]);
      expect(path.slice(1).map((n) => n.correct)).toEqual(e.path.slice(1).map((w) => w === 0));
      expect(path.slice(1).map((n) => n.model)).toEqual(['A', 'B', 'C']);
      expect(leaf.value).toBe(e.count);
      expect(Array.from(leaf.indices!)).toEqual(e.indices);
    });
  });
  it('puts the correctness levels first with order: models-first', () => {
    const root = metricsHierarchy(g.truth, g.preds, { order: 'models-first' });
    const leaves = leavesOf(root);
    const expected = g.hierarchy['correct-models-first'];
    expect(leaves).toHaveLength(expected.length);
    leaves.forEach(({ path, leaf }, k) => {
      const e = expected[k];
      expect(path.map((n) => n.level)).toEqual(['correct', 'correct', 'correct', 'truth']);
      expect(path.slice(0, 3).map((n) => n.correct)).toEqual(e.path.slice(0, 3).map((w) => w === 0));
      expect(path[3].key).toBe(g.classes[e.path[3]]);
      expect(leaf.value).toBe(e.count);
      expect(Array.from(leaf.indices!)).toEqual(e.indices);
    });
  });
  it('groups by predicted class with by: predicted', () => {
    const root = metricsHierarchy(g.truth, g.preds, { by: 'predicted' });
    const leaves = leavesOf(root);
    const expected = g.hierarchy['predicted-truth-first'];
    expect(leaves).toHaveLength(expected.length);
    leaves.forEach(({ path, leaf }, k) => {
      const e = expected[k];
      expect(path.map((n) => n.key)).toEqual(e.path.map((j) => g.classes[j]));
      expect(path.slice(1).map((n) => n.correct)).toEqual(e.path.slice(1).map((j) => j === e.path[0]));
      expect(path[1].name).toBe(`A: ${g.classes[e.path[1]]}`);
      expect(leaf.value).toBe(e.count);
      expect(Array.from(leaf.indices!)).toEqual(e.indices);
    });
  });
  it('names nodes readably and carries structured fields', () => {
    const root = metricsHierarchy(['cat', 'cat'], { A: ['cat', 'dog'] });
    expect(root).toMatchObject({ name: 'all', level: 'root', count: 2 });
    const cat = root.children![0];
    expect(cat).toMatchObject({ name: 'cat', level: 'truth', key: 'cat', count: 2 });
    expect(cat.value).toBeUndefined();
    expect(cat.children!.map((c) => [c.name, c.model, c.correct, c.value])).toEqual([
      ['A ✓', 'A', true, 1],
      ['A ✗', 'A', false, 1],
    ]);
  });
  it('feeds d3-hierarchy: sum(d => d.value) counts every item once and treemap lays it out', () => {
    const root = metricsHierarchy(g.truth, g.preds);
    const h = hierarchy<MetricsNode>(root).sum((d) => d.value ?? 0);
    expect(h.value).toBe(g.truth.length);
    h.each((node) => expect(node.value).toBe(node.data.count));
    const laid = treemap<MetricsNode>().size([100, 100])(h);
    const area = laid.leaves().reduce((a, l) => a + (l.x1 - l.x0) * (l.y1 - l.y0), 0);
    expect(area).toBeCloseTo(10000, 6);
  });
  it('skips indices with indices: false, and returns the same counts', () => {
    const a = metricsHierarchy(g.truth, g.preds);
    const b = metricsHierarchy(g.truth, g.preds, { indices: false });
    expect(leavesOf(b).every(({ leaf }) => leaf.indices === undefined)).toBe(true);
    expect(leavesOf(b).map(({ leaf }) => leaf.value)).toEqual(leavesOf(a).map(({ leaf }) => leaf.value));
  });
  it('partitions the items among the leaves for any number of models (property)', () => {
    const arb = fc
      .integer({ min: 0, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
          fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { maxLength: 6 }),
          fc.constantFrom('correct', 'predicted') as fc.Arbitrary<'correct' | 'predicted'>,
          fc.constantFrom('truth-first', 'models-first') as fc.Arbitrary<'truth-first' | 'models-first'>,
        ),
      );
    fc.assert(
      fc.property(arb, ([truth, preds, by, order]) => {
        const named = Object.fromEntries(preds.map((p, k) => [`m${k}`, Int32Array.from(p)]));
        const root = metricsHierarchy(Int32Array.from(truth), named, { classes: [0, 1, 2, 3], by, order });
        expect(root.count).toBe(truth.length);
        const seen = new Set<number>();
        for (const { path, leaf } of leavesOf(root)) {
          expect(leaf.value).toBeGreaterThan(0);
          expect(leaf.indices!.length).toBe(leaf.value);
          for (const i of leaf.indices!) {
            expect(seen.has(i)).toBe(false);
            seen.add(i);
            // Every node on the path describes item i.
            for (const node of path) {
              if (node.level === 'truth') expect(node.key).toBe(truth[i]);
              else if (node.level === 'correct') expect(node.correct).toBe(named[node.model!][i] === truth[i]);
              else expect(node.key).toBe(named[node.model!][i]);
            }
          }
        }
        expect(seen.size).toBe(truth.length);
      }),
      { numRuns: 60 },
    );
  });
  it('gives a root with no children for no items', () => {
    expect(metricsHierarchy([], { A: [] })).toEqual({ name: 'all', level: 'root', count: 0, children: [] });
  });
  it('throws INVALID_ARGUMENT for an unknown option value, MISSING_KEY for an unknown model', () => {
    expectCode(() => metricsHierarchy(['a'], { A: ['a'] }, { by: 'x' as never }), 'INVALID_ARGUMENT', /by:/);
    expectCode(() => metricsHierarchy(['a'], { A: ['a'] }, { order: 'x' as never }), 'INVALID_ARGUMENT', /order:/);
    expectCode(() => metricsHierarchy(['a'], { A: ['a'] }, { models: ['B'] }), 'MISSING_KEY');
    expectCode(() => metricsHierarchy(['a', 'b'], { A: ['a'] }), 'LENGTH_MISMATCH');
  });
});
