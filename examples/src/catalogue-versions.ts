import {
  KNIT_SPLIT,
  PARTS_MERGE,
  PRODUCT_TYPES,
  VERSIONS,
  type ProductType,
  type VersionEvent,
} from './catalogue-versions-taxonomy.js';
import { checkInteger, mulberry32, pick, weightedIndex, type Random } from './random.js';

/** A class of the simulated product-type classifier, with its place in the taxonomy. */
export interface ProductClass {
  readonly name: string;
  readonly department: string;
  readonly category: string;
}

/** One version's predictions over all items. */
export interface ClassifierVersion {
  /** `V0` … `V3`, oldest first. */
  readonly id: string;
  readonly label: string;
  readonly note: string;
  /** mean(pred == truth), 6 decimals. */
  readonly accuracy: number;
  /** Per class (in `classes` order): correct / support, 6 decimals; 0 for a class without items. */
  readonly classAccuracy: readonly number[];
  /** Predicted class of each item, as an index into `classes`. */
  readonly pred: readonly number[];
}

/** A split or merge between versions, with version ids instead of indices. */
export interface VersionChange {
  /** The version where the change first shows (its predecessor is the stage before). */
  readonly version: string;
  readonly kind: 'split' | 'merge';
  readonly from: readonly string[];
  readonly into: readonly string[];
}

/** The generated chain: items with their true type and each version's predicted type. */
export interface CatalogueVersions {
  readonly dataset: 'catalogue-versions';
  readonly generator: string;
  readonly seed: number;
  /** Says that the data is simulated. */
  readonly note: string;
  /** Field names of the taxonomy levels of `classes`, top first. */
  readonly levels: readonly ['department', 'category', 'name'];
  readonly changes: readonly VersionChange[];
  readonly classes: readonly ProductClass[];
  /** True class of each item (index into `classes`); the same for every version. */
  readonly truth: readonly number[];
  /** A product title per item (brand, qualifier, noun of the true type). */
  readonly titles: readonly string[];
  readonly versions: readonly ClassifierVersion[];
}

/** Options of {@link generateCatalogueVersions}. */
export interface CatalogueVersionsOptions {
  /** Seed of the mulberry32 stream (any integer). Default 42, the committed data's. */
  seed?: number;
  /** Number of items, an integer in [0, 2,000,000]. Default 20,000. */
  items?: number;
}

const QUALIFIERS = ['Classic', 'Essential', 'Premium', 'Compact', 'Everyday', 'Pro', 'Eco', 'Signature'];
/** Weight of each item's persistent difficulty against per-version noise when ranking. */
const NOISE = 0.35;
/** Probability that a wrong item keeps its own confuser (so errors persist across versions). */
const KEEP_CONFUSER = 0.8;
/** Where a confusion goes (Chaudhuri's observation: mostly nearby in the taxonomy). */
const SIBLING = 0.7;
const COUSIN = 0.22; // same department, other category; the rest (0.08) goes anywhere

interface Flat {
  readonly type: ProductType;
  readonly department: number;
  readonly category: number;
  readonly brands: readonly string[];
}

interface Neighbours {
  readonly near: number[];
  readonly siblings: number[];
  readonly cousins: number[];
  readonly others: number[];
}

function flatten(): { flat: Flat[]; classes: ProductClass[] } {
  const flat: Flat[] = [];
  const classes: ProductClass[] = [];
  let category = 0;
  PRODUCT_TYPES.forEach((d, department) => {
    for (const c of d.children) {
      for (const type of c.children) {
        flat.push({ type, department, category, brands: d.brands });
        classes.push({ name: type.name, department: d.name, category: c.name });
      }
      category++;
    }
  });
  return { flat, classes };
}

function neighbours(flat: readonly Flat[]): Neighbours[] {
  const index = new Map(flat.map((f, i) => [f.type.name, i]));
  return flat.map((f, i) => {
    const near = (f.type.near ?? []).map((n) => index.get(n)!);
    const siblings: number[] = [];
    const cousins: number[] = [];
    const others: number[] = [];
    flat.forEach((g, j) => {
      if (j === i || near.includes(j)) return;
      if (g.category === f.category) siblings.push(j);
      else if (g.department === f.department) cousins.push(j);
      else others.push(j);
    });
    return { near, siblings, cousins, others };
  });
}

/**
 * A wrong prediction for an item of class `c` that follows the taxonomy: half of the errors
 * of a type with `near` types go there; otherwise 70 % to a sibling type, 22 % to a cousin
 * (same department) and 8 % anywhere, each chosen in proportion to the types' weights (big
 * classes absorb more errors). Always consumes exactly two draws, so the stream stays
 * aligned whatever the taxonomy.
 */
function drawConfuser(rand: Random, n: Neighbours, weights: readonly number[]): number {
  let r = rand();
  const s = rand();
  let pool: number[];
  if (n.near.length > 0 && r < 0.5) pool = n.near;
  else {
    if (n.near.length > 0) r = (r - 0.5) * 2;
    pool = r < SIBLING ? n.siblings : r < SIBLING + COUSIN ? n.cousins : n.others;
    if (pool.length === 0) pool = n.cousins.length > 0 ? n.cousins : n.others;
  }
  const w = pool.map((j) => weights[j]);
  return pool[weightedIndex(() => s, w)];
}

/**
 * Generates the product-type classifier chain: items of a three-level product taxonomy
 * (62 types, department → category → type, skewed sizes), each with its true type, a
 * title, and the predictions of four versions of a simulated classifier, V0 → V3.
 * **Simulated**: no model is trained. It reproduces what Chaudhuri (2019, Figs. 10–11)
 * reads off a chain Sankey and a trend grid:
 *
 * - **Errors follow the taxonomy.** A wrong item is predicted as a sibling type (70 %), a
 *   cousin in the same department (22 %) or anything (8 %), or as one of its declared
 *   `near` types (half of the errors, where given). Each item keeps one confuser across
 *   versions with probability 0.8, so errors persist and bands stay straight.
 * - **Per-class accuracy is exact.** In version v exactly `round(accuracy[v] × support)`
 *   items of a type are right: the easiest ones by a per-item difficulty plus per-version
 *   noise (weight 0.35), so some items flip both ways even where accuracy is flat.
 * - **V1 splits** the catch-all "Knit Tops" ({@link KNIT_SPLIT}): in V0, 90 % of the wrong
 *   T-shirts, sweaters and tank tops are predicted "Knit Tops"; from V1 on those types are
 *   mostly right, and 90 % of the wrong "Knit Tops" go to one of the three.
 * - **V2 merges** four part types into "Parts & Accessories" ({@link PARTS_MERGE}): 95 %
 *   of their wrong items go to the generic class in V2, 80 % in V3.
 *
 * Deterministic: integer-seeded mulberry32 and exact arithmetic on the draws, so the same
 * options give the same data on every engine (the committed
 * `examples/data/catalogue-versions.json` is `generateCatalogueVersions()`). Every item
 * consumes 31 draws in order; the correct items are chosen per class over all items, so
 * a longer chain does not extend a shorter one.
 *
 * @param options - `{ seed = 42, items = 20000 }`.
 * @returns a new {@link CatalogueVersions}.
 * @throws ClasslensError `INVALID_ARGUMENT` when `seed` is not an integer or `items` is not
 * an integer in [0, 2,000,000].
 * Complexity: O(items · log items) time (a sort per class and version), O(items) memory.
 * @example
 * const d = generateCatalogueVersions({ items: 5000 });
 * const name = (i: number) => d.classes[i].name;
 * const stages = [d.truth.map(name), ...d.versions.map((v) => v.pred.map(name))];
 * // flowGraph(stages, { stageNames: ['truth', ...d.versions.map((v) => v.label)] })
 */
export function generateCatalogueVersions(options: CatalogueVersionsOptions = {}): CatalogueVersions {
  const { seed = 42, items = 20_000 } = options ?? {};
  checkInteger('seed', seed, -(2 ** 53), 2 ** 53);
  checkInteger('items', items, 0, 2_000_000);

  const { flat, classes } = flatten();
  const m = flat.length;
  const V = VERSIONS.length;
  const weights = flat.map((f) => f.type.weight);
  const around = neighbours(flat);
  const index = new Map(classes.map((c, i) => [c.name, i]));
  const knitFrom = index.get(KNIT_SPLIT.from[0])!;
  const knitInto = KNIT_SPLIT.into.map((n) => index.get(n)!);
  const partsFrom = new Set(PARTS_MERGE.from.map((n) => index.get(n)!));
  const partsInto = index.get(PARTS_MERGE.into[0])!;

  const rand = mulberry32(seed);
  const truth = new Array<number>(items);
  const titles = new Array<string>(items);
  const rank = new Float64Array(items * V); // per-version ranking score (lower = easier)
  const wrong = new Int32Array(items * V); // the prediction if wrong in that version

  for (let i = 0; i < items; i++) {
    const c = weightedIndex(rand, weights);
    const f = flat[c];
    truth[i] = c;
    titles[i] = `${pick(rand, f.brands)} ${pick(rand, QUALIFIERS)} ${pick(rand, f.type.nouns)}`;
    const difficulty = rand();
    const own = drawConfuser(rand, around[c], weights);
    for (let v = 0; v < V; v++) {
      rank[i * V + v] = difficulty + NOISE * (rand() - 0.5);
      const keep = rand() < KEEP_CONFUSER;
      const fresh = drawConfuser(rand, around[c], weights);
      const special = rand();
      const which = rand();
      let p = keep ? own : fresh;
      if (v < KNIT_SPLIT.version && knitInto.includes(c) && special < 0.9) p = knitFrom;
      else if (v >= KNIT_SPLIT.version && c === knitFrom && special < 0.9) p = knitInto[Math.floor(which * 3)];
      else if (v >= PARTS_MERGE.version && partsFrom.has(c) && special < (v === PARTS_MERGE.version ? 0.95 : 0.8)) {
        p = partsInto;
      }
      wrong[i * V + v] = p;
    }
  }

  // Exactly round(accuracy × support) correct items per class and version: the easiest.
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < items; i++) members[truth[i]].push(i);
  const preds = Array.from({ length: V }, () => new Array<number>(items));
  for (let v = 0; v < V; v++) {
    for (let c = 0; c < m; c++) {
      const list = members[c].slice().sort((a, b) => rank[a * V + v] - rank[b * V + v] || a - b);
      const k = Math.round(flat[c].type.accuracy[v] * list.length);
      list.forEach((i, r) => (preds[v][i] = r < k ? c : wrong[i * V + v]));
    }
  }

  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const versions = VERSIONS.map((spec, v) => {
    const pred = preds[v];
    let correct = 0;
    const perClass = new Array<number>(m).fill(0);
    for (let i = 0; i < items; i++) {
      if (pred[i] === truth[i]) {
        correct++;
        perClass[truth[i]]++;
      }
    }
    return {
      id: spec.id,
      label: spec.label,
      note: spec.note,
      accuracy: items ? round6(correct / items) : 0,
      classAccuracy: perClass.map((k, c) => (members[c].length ? round6(k / members[c].length) : 0)),
      pred,
    };
  });

  const change = (e: VersionEvent): VersionChange => ({
    version: VERSIONS[e.version].id,
    kind: e.kind,
    from: [...e.from],
    into: [...e.into],
  });
  return {
    dataset: 'catalogue-versions',
    generator: 'examples/src/catalogue-versions.ts',
    seed,
    note: 'Generated: a simulated product-type classifier (no model is trained). Errors follow the taxonomy; V1 splits "Knit Tops", V2 merges part types into "Parts & Accessories".',
    levels: ['department', 'category', 'name'],
    changes: [change(KNIT_SPLIT), change(PARTS_MERGE)],
    classes,
    truth,
    titles,
    versions,
  };
}
