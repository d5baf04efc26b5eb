// The simulated product-type classifier chain (examples/src/catalogue-versions.ts): the
// taxonomy is well formed, the generator is deterministic and validates its options, and
// the committed data tells the stories it was made for — a split in V1, a merge in V2,
// errors that follow the taxonomy, and every trend kind of classifyTrend.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNIT_SPLIT, PARTS_MERGE, PRODUCT_TYPES, VERSIONS } from './src/catalogue-versions-taxonomy.js';
import { generateCatalogueVersions, type CatalogueVersions } from './src/catalogue-versions.js';
import { dataPath } from './src/write-data.js';
import { classAccuracyTrends, classifyTrend, type TrendKind } from '../packages/core/src/index.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';

const types = PRODUCT_TYPES.flatMap((d) => d.children.flatMap((c) => c.children.map((t) => ({ d, c, t }))));
const committed: CatalogueVersions = JSON.parse(readFileSync(dataPath('catalogue-versions.json'), 'utf8'));

function names(d: CatalogueVersions) {
  const name = (i: number) => d.classes[i].name;
  return { truth: d.truth.map(name), preds: d.versions.map((v) => v.pred.map(name)) };
}

/** Counts of `b[i]` over the items with `a[i] === key`. */
function flowsFrom(a: readonly string[], b: readonly string[], key: string): Map<string, number> {
  const out = new Map<string, number>();
  a.forEach((x, i) => {
    if (x === key) out.set(b[i], (out.get(b[i]) ?? 0) + 1);
  });
  return out;
}
const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);

describe('PRODUCT_TYPES', () => {
  it('PRODUCT_TYPES has unique type names, integer weights, accuracies in [0, 1] and valid near-references', () => {
    const all = new Set(types.map((x) => x.t.name));
    expect(all.size).toBe(types.length);
    expect(types.length).toBe(62);
    for (const { t } of types) {
      expect(Number.isInteger(t.weight) && t.weight > 0, t.name).toBe(true);
      expect(t.accuracy).toHaveLength(VERSIONS.length);
      for (const a of t.accuracy) expect(a >= 0 && a <= 1, t.name).toBe(true);
      expect(t.nouns.length).toBeGreaterThan(0);
      for (const n of t.near ?? []) expect(all.has(n), `${t.name} → ${n}`).toBe(true);
    }
    for (const e of [KNIT_SPLIT, PARTS_MERGE]) for (const n of [...e.from, ...e.into]) expect(all.has(n), n).toBe(true);
  });

  it('PRODUCT_TYPES accuracies cover every trend kind at least four times', () => {
    const count = new Map<TrendKind, number>();
    for (const { t } of types) {
      const k = classifyTrend([...t.accuracy]).kind;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const k of ['increasing', 'decreasing', 'non-decreasing', 'non-increasing', 'stable', 'mixed'] as const) {
      expect(count.get(k) ?? 0, k).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('generateCatalogueVersions(options)', () => {
  it('generateCatalogueVersions({ seed, items }) is deterministic and depends on the seed', () => {
    expect(generateCatalogueVersions({ seed: 3, items: 400 })).toEqual(
      generateCatalogueVersions({ seed: 3, items: 400 }),
    );
    expect(generateCatalogueVersions({ seed: 4, items: 400 }).truth).not.toEqual(
      generateCatalogueVersions({ seed: 3, items: 400 }).truth,
    );
  });

  it('generateCatalogueVersions({ seed, items }) gives valid columns for any seed and size', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 300 }), (seed, items) => {
        const d = generateCatalogueVersions({ seed, items });
        expect(d.truth).toHaveLength(items);
        expect(d.titles).toHaveLength(items);
        expect(d.versions.map((v) => v.id)).toEqual(['V0', 'V1', 'V2', 'V3']);
        for (const v of d.versions) {
          expect(v.pred).toHaveLength(items);
          expect(v.classAccuracy).toHaveLength(d.classes.length);
          for (const p of v.pred) expect(Number.isInteger(p) && p >= 0 && p < d.classes.length).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('generateCatalogueVersions({ items: 0 }) gives empty columns and zero accuracies', () => {
    const d = generateCatalogueVersions({ items: 0 });
    expect(d.truth).toEqual([]);
    expect(d.versions.every((v) => v.pred.length === 0 && v.accuracy === 0)).toBe(true);
  });

  it('generateCatalogueVersions(options) throws INVALID_ARGUMENT for a bad seed or size', () => {
    for (const options of [{ items: -1 }, { items: 2.5 }, { items: 2_000_001 }, { items: '10' }, { seed: 0.5 }]) {
      let error: unknown;
      try {
        generateCatalogueVersions(options as never);
      } catch (e) {
        error = e;
      }
      expect(isClasslensError(error, 'INVALID_ARGUMENT'), JSON.stringify(options)).toBe(true);
    }
  });

  it('generateCatalogueVersions() makes exactly round(accuracy × support) items right per type and version', () => {
    const d = generateCatalogueVersions({ seed: 9, items: 3000 });
    const support = d.classes.map((_, c) => d.truth.filter((t) => t === c).length);
    types.forEach(({ t }, c) => {
      d.versions.forEach((v, k) => {
        const right = d.truth.filter((x, i) => x === c && v.pred[i] === c).length;
        expect(right, `${t.name} ${v.id}`).toBe(Math.round(t.accuracy[k] * support[c]));
      });
    });
  });
});

describe('examples/data/catalogue-versions.json', () => {
  const { truth, preds } = names(committed);

  it('catalogue-versions.json: 20,000 items, 62 classes, 4 versions, metadata matching the predictions', () => {
    expect(committed.truth).toHaveLength(20_000);
    expect(committed.classes.map((c) => c.name)).toEqual(types.map((x) => x.t.name));
    expect(committed.versions.map((v) => v.label)).toEqual(VERSIONS.map((v) => v.label));
    for (const v of committed.versions) {
      const right = v.pred.filter((p, i) => p === committed.truth[i]).length;
      expect(v.accuracy).toBeCloseTo(right / 20_000, 6);
    }
    const trends = classAccuracyTrends(truth, preds);
    for (const t of trends) {
      const c = committed.classes.findIndex((x) => x.name === t.class);
      expect(t.values, String(t.class)).toEqual(committed.versions.map((v) => expect.closeTo(v.classAccuracy[c], 6)));
    }
  });

  it('catalogue-versions.json: every class shows the trend kind its accuracies were written with', () => {
    const trends = classAccuracyTrends(truth, preds);
    expect(Math.min(...committed.classes.map((_, c) => committed.truth.filter((t) => t === c).length))).toBeGreaterThan(
      100,
    );
    for (const t of trends) {
      const spec = types.find((x) => x.t.name === t.class)!.t;
      expect(t.trend.kind, String(t.class)).toBe(classifyTrend([...spec.accuracy]).kind);
    }
  });

  it('catalogue-versions.json: V1 splits "Knit Tops" into T-Shirts, Sweaters and Tank Tops', () => {
    const fine = KNIT_SPLIT.into;
    const fromKnit = flowsFrom(preds[0], preds[1], 'Knit Tops');
    const toFine = fine.reduce((s, k) => s + (fromKnit.get(k) ?? 0), 0);
    expect(toFine / total(fromKnit)).toBeGreaterThan(0.6);
    for (const k of fine) expect(fromKnit.get(k) ?? 0, k).toBeGreaterThan(150);
    // V0 calls most fine knitwear "Knit Tops"; V1 rarely does.
    const fineItems = truth.map((t, i) => (fine.includes(t) ? i : -1)).filter((i) => i >= 0);
    const share = (v: number) => fineItems.filter((i) => preds[v][i] === 'Knit Tops').length / fineItems.length;
    expect(share(0)).toBeGreaterThan(0.5);
    expect(share(1)).toBeLessThan(0.1);
  });

  it('catalogue-versions.json: V2 merges the four part types into "Parts & Accessories"', () => {
    for (const part of PARTS_MERGE.from) {
      const next = flowsFrom(preds[1], preds[2], part);
      expect((next.get('Parts & Accessories') ?? 0) / total(next), part).toBeGreaterThan(0.55);
    }
    const into = flowsFrom(preds[2], preds[1], 'Parts & Accessories');
    const fromParts = PARTS_MERGE.from.reduce((s, k) => s + (into.get(k) ?? 0), 0);
    // More than half of what V2 calls "Parts & Accessories", V1 called a specific part type.
    expect(fromParts / total(into)).toBeGreaterThan(0.5);
  });

  it('catalogue-versions.json: outside the split and the merge, at least 85 % of errors stay in the department', () => {
    const special = new Set([...KNIT_SPLIT.from, ...KNIT_SPLIT.into, ...PARTS_MERGE.from, ...PARTS_MERGE.into]);
    const where = new Map(committed.classes.map((c) => [c.name, c]));
    const nearOf = new Map(types.map((x) => [x.t.name, new Set(x.t.near ?? [])]));
    for (const pred of preds) {
      let errors = 0;
      let near = 0;
      pred.forEach((p, i) => {
        const t = truth[i];
        if (p === t || special.has(t) || special.has(p)) return;
        errors++;
        if (where.get(p)!.department === where.get(t)!.department || nearOf.get(t)!.has(p)) near++;
      });
      expect(near / errors).toBeGreaterThan(0.85);
    }
  });

  it('catalogue-versions.json: predictions change for thousands of items between versions, both ways', () => {
    for (let v = 1; v < preds.length; v++) {
      let fixed = 0;
      let broken = 0;
      preds[v].forEach((p, i) => {
        if (p === preds[v - 1][i]) return;
        if (p === truth[i]) fixed++;
        else if (preds[v - 1][i] === truth[i]) broken++;
      });
      expect(fixed, `V${v}`).toBeGreaterThan(200);
      expect(broken, `V${v}`).toBeGreaterThan(200);
    }
  });
});
