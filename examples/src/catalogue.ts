import { TAXONOMY, type Department, type LeafCategory, type MidCategory } from './catalogue-taxonomy.js';
import { checkInteger, mulberry32, pick, weightedIndex } from './random.js';

/** Who decided whether a listing is correctly categorised. */
export type LabelSource = 'expert' | 'crowd' | 'rule';

/** A yes/no verdict on "is this listing in the right category?": `positive` = yes. */
export type Decision = 'positive' | 'negative';

/** One product listing of the example catalogue. */
export interface Product {
  /** `P00001`, `P00002`, … in generation order. */
  readonly id: string;
  /** Brand, qualifier and product noun, e.g. `Auralis Pro over-ear headphones`. */
  readonly title: string;
  /** Level 1 of the category the product is listed under, e.g. `Electronics`. */
  readonly department: string;
  /** Level 2, e.g. `Audio`. */
  readonly category: string;
  /** Level 3 (a leaf; names are unique across the taxonomy), e.g. `Headphones`. */
  readonly subcategory: string;
  /** Who judged the listing. */
  readonly source: LabelSource;
  /** The source's verdict: `positive` = "correctly categorised". */
  readonly decision: Decision;
  /** The audited answer the source tried to give (`negative` = the product is misfiled). */
  readonly truth: Decision;
}

/** The generated catalogue: metadata plus one record per product. */
export interface Catalogue {
  readonly dataset: 'catalogue';
  readonly generator: string;
  readonly seed: number;
  /** Field names of the three hierarchy levels, top first (a Sankey's `levels`). */
  readonly levels: readonly ['department', 'category', 'subcategory'];
  readonly sources: readonly LabelSource[];
  readonly decisions: readonly Decision[];
  readonly items: readonly Product[];
}

/** Options of {@link generateCatalogue}. */
export interface CatalogueOptions {
  /** Seed of the mulberry32 stream (any integer). Default 42, the committed data's. */
  seed?: number;
  /** Number of products, an integer in [0, 1,000,000]. Default 2,000. */
  items?: number;
}

/** Error rates of a label source: P(negative | truth positive) and P(positive | truth negative). */
export interface ErrorRates {
  readonly falseNegative: number;
  readonly falsePositive: number;
}

const SOURCES: readonly LabelSource[] = ['expert', 'crowd', 'rule'];
const QUALIFIERS = ['Classic', 'Essential', 'Premium', 'Compact', 'Everyday', 'Pro', 'Eco', 'Signature'];
/** Leaves at or above this misfile rate hold products that look like they belong there. */
const CONFUSABLE = 0.2;

/**
 * Error rates of a label source in one leaf category. Experts are accurate everywhere;
 * crowd workers tend to accept listings, more so where misfiled products look plausible;
 * the rule's behaviour depends on the leaf's `rule` (`RuleKind`): `keyword` rules are good,
 * `permissive` ones accept almost everything, `strict` ones reject many correct listings.
 *
 * @param source - `expert`, `crowd` or `rule`.
 * @param leaf - the leaf category the product is listed under.
 * @returns `{ falseNegative, falsePositive }`, probabilities in [0, 1].
 * Complexity: O(1).
 * @example
 * sourceErrorRates('rule', { name: 'Phone Cases', weight: 1, misfile: 0.3, rule: 'permissive', nouns: ['case'] });
 * // { falseNegative: 0.02, falsePositive: 0.85 }
 */
export function sourceErrorRates(source: LabelSource, leaf: LeafCategory): ErrorRates {
  const confusable = leaf.misfile >= CONFUSABLE;
  switch (source) {
    case 'expert':
      return { falseNegative: 0.02, falsePositive: confusable ? 0.08 : 0.05 };
    case 'crowd':
      return { falseNegative: 0.08, falsePositive: confusable ? 0.45 : 0.3 };
    case 'rule':
      if (leaf.rule === 'permissive') return { falseNegative: 0.02, falsePositive: 0.85 };
      if (leaf.rule === 'strict') return { falseNegative: 0.35, falsePositive: 0.05 };
      return { falseNegative: 0.04, falsePositive: 0.2 };
  }
}

interface FlatLeaf {
  readonly department: Department;
  readonly category: MidCategory;
  readonly leaf: LeafCategory;
}

function flatten(taxonomy: readonly Department[]): FlatLeaf[] {
  const out: FlatLeaf[] = [];
  for (const department of taxonomy)
    for (const category of department.children)
      for (const leaf of category.children) out.push({ department, category, leaf });
  return out;
}

/**
 * Generates the example e-commerce catalogue: products in a three-level category hierarchy
 * (department → category → subcategory, skewed sizes with a long tail), each judged by one
 * label source (expert, crowd or rule) with a positive/negative decision on "is this
 * listing correctly categorised?", plus the audited truth.
 *
 * The generative story, per product, in this order: draw a leaf by its weight; draw the
 * source by its department's `sourceWeights`; the product is misfiled (truth `negative`)
 * with the leaf's `misfile` rate, and then its title names a product of a neighbouring leaf
 * (`near`, or a sibling); the decision flips the truth with the rates of
 * {@link sourceErrorRates}. So within one subcategory the sources differ for real: in
 * `Phone Cases` (30 % misfiled) experts are expected to reject 29 % of listings, crowd
 * workers 22 % and the permissive rule 6 %; in `Tops` the strict rule rejects the most.
 *
 * Deterministic: integer-seeded mulberry32 and only exact arithmetic on the draws, so the
 * same options give the same catalogue on every engine (the committed
 * `examples/data/catalogue.json` is `generateCatalogue()` and a test checks that).
 * `items: 0` gives an empty `items` array.
 *
 * @param options - `{ seed = 42, items = 2000 }`.
 * @returns a new {@link Catalogue}; nothing is shared with other calls.
 * @throws ClasslensError `INVALID_ARGUMENT` when `seed` is not an integer or `items` is not
 * an integer in [0, 1,000,000].
 * Complexity: O(items × leaves) time (84 leaves), O(items) memory.
 * @example
 * const { items } = generateCatalogue({ seed: 1, items: 500 });
 * const cases = items.filter((p) => p.subcategory === 'Phone Cases');
 * // a label-source → decision Sankey of `cases`: stages [cases.map(p => p.source), cases.map(p => p.decision)]
 */
export function generateCatalogue(options: CatalogueOptions = {}): Catalogue {
  const { seed = 42, items = 2000 } = options ?? {};
  checkInteger('seed', seed, -(2 ** 53), 2 ** 53);
  checkInteger('items', items, 0, 1_000_000);

  const leaves = flatten(TAXONOMY);
  const byName = new Map(leaves.map((l) => [l.leaf.name, l]));
  const weights = leaves.map((l) => l.leaf.weight);
  const rand = mulberry32(seed);
  const products: Product[] = [];

  for (let i = 0; i < items; i++) {
    const listed = leaves[weightedIndex(rand, weights)];
    const source = SOURCES[weightedIndex(rand, listed.department.sourceWeights)];
    const misfiled = rand() < listed.leaf.misfile;
    let actual = listed;
    if (misfiled) {
      const near =
        listed.leaf.near ?? listed.category.children.map((c) => c.name).filter((n) => n !== listed.leaf.name);
      actual = byName.get(pick(rand, near)) ?? listed;
    }
    const title = `${pick(rand, actual.department.brands)} ${pick(rand, QUALIFIERS)} ${pick(rand, actual.leaf.nouns)}`;
    const truth: Decision = misfiled ? 'negative' : 'positive';
    const rates = sourceErrorRates(source, listed.leaf);
    const flip = rand() < (misfiled ? rates.falsePositive : rates.falseNegative);
    const decision: Decision = flip === misfiled ? 'positive' : 'negative';
    products.push({
      id: `P${String(i + 1).padStart(5, '0')}`,
      title,
      department: listed.department.name,
      category: listed.category.name,
      subcategory: listed.leaf.name,
      source,
      decision,
      truth,
    });
  }

  return {
    dataset: 'catalogue',
    generator: 'examples/src/catalogue.ts',
    seed,
    levels: ['department', 'category', 'subcategory'],
    sources: [...SOURCES],
    decisions: ['positive', 'negative'],
    items: products,
  };
}
