import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TAXONOMY, type LeafCategory } from './src/catalogue-taxonomy.js';
import { generateCatalogue, sourceErrorRates, type Catalogue, type LabelSource } from './src/catalogue.js';
import { dataPath } from './src/write-data.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';

const leaves = TAXONOMY.flatMap((d) => d.children.flatMap((c) => c.children.map((l) => ({ d, c, l }))));
const leafByName = new Map(leaves.map((x) => [x.l.name, x]));
const committed: Catalogue = JSON.parse(readFileSync(dataPath('catalogue.json'), 'utf8'));

function negativeRate(items: Catalogue['items'], source: LabelSource): { n: number; rate: number } {
  const mine = items.filter((p) => p.source === source);
  return { n: mine.length, rate: mine.filter((p) => p.decision === 'negative').length / mine.length };
}

function checkValid(cat: Catalogue): void {
  cat.items.forEach((p, i) => {
    expect(p.id).toBe(`P${String(i + 1).padStart(5, '0')}`);
    const where = leafByName.get(p.subcategory);
    expect(where, p.subcategory).toBeDefined();
    expect([where!.d.name, where!.c.name]).toEqual([p.department, p.category]);
    expect(cat.sources).toContain(p.source);
    expect(cat.decisions).toContain(p.decision);
    expect(cat.decisions).toContain(p.truth);
    expect(p.title.length).toBeGreaterThan(5);
  });
}

describe('TAXONOMY', () => {
  it('TAXONOMY has three levels, unique leaf names and valid near-references', () => {
    expect(leaves.length).toBe(84);
    expect(new Set(leaves.map((x) => x.l.name)).size).toBe(leaves.length);
    // No level-3 name reuses a level-1 or level-2 name either.
    const upper = new Set(TAXONOMY.flatMap((d) => [d.name, ...d.children.map((c) => c.name)]));
    for (const { l } of leaves) expect(upper.has(l.name), l.name).toBe(false);
    for (const { l } of leaves) for (const n of l.near ?? []) expect(leafByName.has(n), `${l.name} → ${n}`).toBe(true);
  });

  it('TAXONOMY weights are positive integers, misfile rates in [0, 0.5], every leaf has nouns', () => {
    for (const { l } of leaves) {
      expect(Number.isInteger(l.weight) && l.weight > 0, l.name).toBe(true);
      expect(l.misfile >= 0 && l.misfile <= 0.5, l.name).toBe(true);
      expect(l.nouns.length).toBeGreaterThan(0);
    }
    for (const d of TAXONOMY) {
      expect(d.sourceWeights.every((w) => Number.isInteger(w) && w > 0)).toBe(true);
      expect(d.brands.length).toBeGreaterThan(0);
    }
  });

  it('TAXONOMY sizes are skewed: the largest leaf is over 50 times the smallest', () => {
    const w = leaves.map((x) => x.l.weight);
    expect(Math.max(...w) / Math.min(...w)).toBeGreaterThan(50);
  });
});

describe('sourceErrorRates(source, leaf)', () => {
  const leaf = (rule: LeafCategory['rule'], misfile = 0.05): LeafCategory => ({
    name: 'x',
    weight: 1,
    misfile,
    rule,
    nouns: ['x'],
  });

  it('sourceErrorRates(source, leaf) follows the rule kind and confusability', () => {
    expect(sourceErrorRates('rule', leaf('permissive'))).toEqual({ falseNegative: 0.02, falsePositive: 0.85 });
    expect(sourceErrorRates('rule', leaf('strict'))).toEqual({ falseNegative: 0.35, falsePositive: 0.05 });
    expect(sourceErrorRates('rule', leaf('keyword'))).toEqual({ falseNegative: 0.04, falsePositive: 0.2 });
    expect(sourceErrorRates('crowd', leaf('keyword', 0.3)).falsePositive).toBeGreaterThan(
      sourceErrorRates('crowd', leaf('keyword', 0.05)).falsePositive,
    );
  });

  it('sourceErrorRates(source, leaf) makes experts the most accurate source in every leaf', () => {
    for (const { l } of leaves) {
      const e = sourceErrorRates('expert', l);
      for (const s of ['crowd', 'rule'] as const) {
        const o = sourceErrorRates(s, l);
        expect(e.falseNegative + e.falsePositive).toBeLessThan(o.falseNegative + o.falsePositive);
      }
    }
  });
});

describe('generateCatalogue(options)', () => {
  it('generateCatalogue() makes 2,000 valid products with unique ids', () => {
    const cat = generateCatalogue();
    expect(cat.items).toHaveLength(2000);
    expect(cat.levels).toEqual(['department', 'category', 'subcategory']);
    checkValid(cat);
  });

  it('generateCatalogue({ seed }) is deterministic and depends on the seed', () => {
    expect(generateCatalogue({ seed: 3, items: 300 })).toEqual(generateCatalogue({ seed: 3, items: 300 }));
    expect(generateCatalogue({ seed: 4, items: 300 }).items).not.toEqual(
      generateCatalogue({ seed: 3, items: 300 }).items,
    );
    // A longer catalogue extends a shorter one with the same seed: one stream, drawn in order.
    expect(generateCatalogue({ seed: 3, items: 500 }).items.slice(0, 300)).toEqual(
      generateCatalogue({ seed: 3, items: 300 }).items,
    );
  });

  it('generateCatalogue({ seed, items }) gives valid products for any seed and size', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 200 }), (seed, items) => {
        const cat = generateCatalogue({ seed, items });
        expect(cat.items).toHaveLength(items);
        expect(cat.seed).toBe(seed);
        checkValid(cat);
      }),
      { numRuns: 30 },
    );
  });

  it('generateCatalogue({ items: 0 }) returns an empty item list', () => {
    expect(generateCatalogue({ items: 0 }).items).toEqual([]);
  });

  it('generateCatalogue(options) throws INVALID_ARGUMENT for bad seed or items', () => {
    const bad: unknown[] = [
      { items: -1 },
      { items: 2.5 },
      { items: 1_000_001 },
      { items: '10' },
      { seed: 0.5 },
      { seed: NaN },
    ];
    for (const options of bad) {
      let error: unknown;
      try {
        generateCatalogue(options as never);
      } catch (e) {
        error = e;
      }
      expect(isClasslensError(error, 'INVALID_ARGUMENT'), JSON.stringify(options)).toBe(true);
    }
  });

  it('generateCatalogue(options) follows its documented model: negative rate per (leaf, source) within 4 sd', () => {
    const { items } = generateCatalogue({ seed: 11, items: 60_000 });
    let cells = 0;
    for (const { l } of leaves) {
      const inLeaf = items.filter((p) => p.subcategory === l.name);
      // misfile rate of the leaf
      if (inLeaf.length >= 200) {
        const p = l.misfile;
        const observed = inLeaf.filter((x) => x.truth === 'negative').length / inLeaf.length;
        expect(Math.abs(observed - p), l.name).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / inLeaf.length) + 1e-9);
      }
      for (const source of ['expert', 'crowd', 'rule'] as const) {
        const { n, rate } = negativeRate(inLeaf, source);
        if (n < 150) continue;
        const r = sourceErrorRates(source, l);
        const expected = l.misfile * (1 - r.falsePositive) + (1 - l.misfile) * r.falseNegative;
        const sd = Math.sqrt((expected * (1 - expected)) / n);
        expect(Math.abs(rate - expected), `${l.name} / ${source}`).toBeLessThan(4 * sd + 1e-9);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(60);
  });

  it('generateCatalogue() titles of misfiled products name a product of another leaf', () => {
    const nounsOf = (name: string) => leafByName.get(name)!.l.nouns;
    let misfiled = 0;
    for (const p of committed.items) {
      const own = nounsOf(p.subcategory).some((n) => p.title.endsWith(` ${n}`));
      if (p.truth === 'positive') expect(own, p.title).toBe(true);
      else {
        misfiled++;
        const other = leaves.some(
          ({ l }) => l.name !== p.subcategory && l.nouns.some((n) => p.title.endsWith(` ${n}`)),
        );
        expect(other, p.title).toBe(true);
      }
    }
    expect(misfiled).toBeGreaterThan(100);
  });
});

describe('examples/data/catalogue.json', () => {
  it('catalogue.json: label source → decision differs between sources within one subcategory', () => {
    // The story's claim: for Phone Cases, experts reject far more listings than the rule.
    const cases = committed.items.filter((p) => p.subcategory === 'Phone Cases');
    const expert = negativeRate(cases, 'expert');
    const crowd = negativeRate(cases, 'crowd');
    const rule = negativeRate(cases, 'rule');
    expect(Math.min(expert.n, crowd.n, rule.n)).toBeGreaterThanOrEqual(15);
    expect(expert.rate - rule.rate).toBeGreaterThan(0.1);
    expect(crowd.rate).toBeGreaterThan(rule.rate);
    // …and in Tops, the strict rule rejects more than the crowd.
    const tops = committed.items.filter((p) => p.subcategory === 'Tops');
    expect(negativeRate(tops, 'rule').rate - negativeRate(tops, 'crowd').rate).toBeGreaterThan(0.1);
  });

  it('catalogue.json has a long tail: the biggest subcategory holds 50+ products, several hold under 10', () => {
    const counts = new Map<string, number>();
    for (const p of committed.items) counts.set(p.subcategory, (counts.get(p.subcategory) ?? 0) + 1);
    const sizes = [...counts.values()].sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThan(50);
    expect(sizes.filter((s) => s < 10).length).toBeGreaterThan(5);
    expect(new Set(committed.items.map((p) => p.department)).size).toBe(TAXONOMY.length);
  });
});
