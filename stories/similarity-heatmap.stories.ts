import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { HclustTree } from '@classlens/core';
import '../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import { load, type Loaded, type WordnetClasses } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<
  Pick<
    ClSimilarityHeatmap,
    | 'matrix'
    | 'labels'
    | 'columnLabels'
    | 'scores'
    | 'truth'
    | 'predictions'
    | 'classes'
    | 'classGroups'
    | 'order'
    | 'highlight'
    | 'domain'
  >
>;

type Args = Pick<
  ClSimilarityHeatmap,
  | 'measure'
  | 'linkage'
  | 'distance'
  | 'optimalOrder'
  | 'clusterAxes'
  | 'groups'
  | 'fuzzyGroups'
  | 'scale'
  | 'cutoff'
  | 'legend'
  | 'dendrogram'
  | 'brush'
  | 'showTable'
  | 'renderer'
  | 'label'
  | 'heading'
> & { height?: number };

const meta: Meta<Args> = {
  title: 'Elements/Similarity Heatmap',
  component: 'cl-similarity-heatmap',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Class × class similarity of thousands of classes, reordered by hierarchical clustering so that the groups a classifier learned show as blocks on the diagonal (Blocks, Alsallakh et al. 2018). Wheel to zoom, drag to pan, Shift+drag to brush a block, click a dendrogram bracket to collapse its subtree into one row (Shift+click selects its classes, double-click zooms).',
      },
    },
  },
  argTypes: {
    measure: { control: 'inline-radio', options: ['pearson', 'spearman'] },
    linkage: { control: 'inline-radio', options: ['complete', 'average', 'single', 'ward'] },
    distance: { control: 'inline-radio', options: ['1-r', 'sqrt(2(1-r))', '1-|r|'] },
    optimalOrder: { control: 'boolean' },
    clusterAxes: { control: 'inline-radio', options: ['none', 'rows', 'columns', 'both'] },
    groups: {
      control: { type: 'number', min: 0, max: 100, step: 1 },
      description: 'Cut the dendrogram into k groups.',
    },
    fuzzyGroups: {
      control: { type: 'number', min: 0, max: 8, step: 1 },
      description: 'Fuzzy c-means "failed" groups.',
    },
    scale: { control: 'inline-radio', options: ['auto', 'sequential', 'diverging'] },
    cutoff: { control: { type: 'number', step: 0.05 }, description: 'Fade values below.' },
    legend: { control: 'boolean' },
    dendrogram: { control: 'boolean' },
    brush: { control: 'boolean' },
    showTable: { control: 'boolean' },
    renderer: { control: 'inline-radio', options: ['auto', 'webgl', 'canvas'] },
    label: { control: 'text' },
    heading: { control: 'text' },
    height: { control: { type: 'range', min: 240, max: 1000, step: 20 } },
  },
  args: {
    measure: 'pearson',
    linkage: 'complete',
    distance: '1-r',
    optimalOrder: false,
    clusterAxes: 'none',
    groups: 0,
    fuzzyGroups: 0,
    scale: 'auto',
    cutoff: null,
    legend: true,
    dendrogram: true,
    brush: false,
    showTable: false,
    renderer: 'auto',
    label: '',
    heading: '',
    height: 620,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-similarity-heatmap
      style="height: ${a.height}px"
      measure=${a.measure}
      linkage=${a.linkage}
      distance=${a.distance}
      ?optimal-order=${a.optimalOrder}
      cluster-axes=${a.clusterAxes}
      groups=${a.groups}
      fuzzy-groups=${a.fuzzyGroups}
      scale=${a.scale}
      .cutoff=${a.cutoff}
      ?legend=${a.legend}
      ?dendrogram=${a.dendrogram}
      ?brush=${a.brush}
      ?show-table=${a.showTable}
      renderer=${a.renderer}
      label=${a.label}
      heading=${a.heading}
      .matrix=${p.matrix}
      .labels=${p.labels}
      .columnLabels=${p.columnLabels}
      .scores=${p.scores}
      .truth=${p.truth}
      .predictions=${p.predictions}
      .classes=${p.classes}
      .classGroups=${p.classGroups}
      .order=${p.order ?? 'cluster'}
      .highlight=${p.highlight}
      .domain=${p.domain}
    ></cl-similarity-heatmap>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}
function inline(props: () => DataProps, args: Partial<Args> = {}): Story {
  return { parameters: { props }, args };
}

// ——— the paper's scale: 1,000 WordNet classes, a simulated classifier ———

/** `simulateClassifier` of examples/src (docs/data-formats.md). */
interface Simulated {
  logits: { rows: number; cols: number; data: Float32Array };
}
type SimulateClassifier = (h: WordnetClasses, o: { samples: number; seed: number }) => Simulated;
// Loaded through Vite's glob import: a plain import would make the stories' type check
// compile core's sources under the DOM lib, where core's WebAssembly typing does not hold.
const generators = import.meta.glob<{ simulateClassifier: SimulateClassifier }>(
  '../examples/src/simulated-classifier.ts',
);
let simulateClassifier: SimulateClassifier | null = null;
const simulated = new Map<WordnetClasses, Simulated>();
/** Seeded simulated logits over the WordNet classes (docs/data-formats.md): NOT a trained model. */
function simulate(h: WordnetClasses): Simulated {
  let s = simulated.get(h);
  if (!s) simulated.set(h, (s = simulateClassifier!(h, { samples: 5000, seed: 1 })));
  return s;
}
/** Loads the WordNet classes and the classifier simulator. */
const loadWordnetSimulated = async (): Promise<Loaded> => {
  const [loaded, mod] = await Promise.all([load('wordnet')(), Object.values(generators)[0]()]);
  simulateClassifier = mod.simulateClassifier;
  return loaded;
};
function onWordnet(props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [loadWordnetSimulated], parameters: { props }, args };
}
const classNames = (h: WordnetClasses) => h.classes.map((node) => h.names[node]);
/** The WordNet category root (animal, artifact, food, …) of each class. */
function categoryOf(h: WordnetClasses): string[] {
  const roots = new Map(h.categories.map((c) => [h.ids.indexOf(c.id), c.name]));
  return h.classes.map((node) => {
    for (let v = node; v >= 0; v = h.parents[v]) if (roots.has(v)) return roots.get(v)!;
    return 'other';
  });
}

/**
 * Blocks' reading at the paper's scale: Pearson correlations of the logits of a simulated
 * 1,000-class classifier over real WordNet synsets, complete linkage on 1 − r. Sibling
 * blocks (terriers, snakes) sit inside blocks of blocks (dogs, carnivores, mammals); the
 * four simulated "failed" groups mix classes the tree keeps apart.
 */
export const WordnetBlocks: Story = onWordnet(
  ({ wordnet: h }) => ({ scores: simulate(h!).logits, labels: classNames(h!), classGroups: categoryOf(h!) }),
  {
    heading: '1,000 WordNet classes · Pearson r of simulated logits',
    label: 'Similarity of 1,000 WordNet classes (simulated classifier)',
    groups: 24,
    height: 680,
  },
);

/**
 * The `count` largest disjoint subtrees of `min` … `max` classes (SciPy node ids), to show
 * collapsing: big sibling blocks folded into single rows.
 */
function bigSubtrees(tree: HclustTree, count: number, min: number, max: number): number[] {
  const n = tree.order.length;
  const leaves = (id: number): number[] => {
    const out: number[] = [];
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      if (x < n) out.push(x);
      else stack.push(tree.merges[x - n][0], tree.merges[x - n][1]);
    }
    return out;
  };
  const used = new Uint8Array(n);
  const picked: number[] = [];
  const bySize = tree.merges
    .map((m, k) => [k, m[3]] as const)
    .filter(([, size]) => size >= min && size <= max)
    .sort((a, b) => b[1] - a[1]);
  for (const [k] of bySize) {
    const members = leaves(n + k);
    if (members.some((i) => used[i])) continue;
    for (const i of members) used[i] = 1;
    picked.push(n + k);
    if (picked.length === count) break;
  }
  return picked;
}

/**
 * Collapsed subtrees at the paper's scale: the five largest subtrees of 20–80 classes
 * each folded into one row and column (a click on a bracket does the same; a click on a
 * triangle expands). Each collapsed cell shows the largest value of its block, as a
 * zoomed-out pixel does; the band's label names its first class and how many more.
 */
export const WordnetCollapsed: Story = collapsing(
  onWordnet(
    ({ wordnet: h }) => ({ scores: simulate(h!).logits, labels: classNames(h!), classGroups: categoryOf(h!) }),
    {
      heading: '1,000 WordNet classes · five big subtrees collapsed',
      label: 'Similarity of 1,000 WordNet classes with collapsed subtrees (simulated classifier)',
      groups: 24,
      height: 680,
    },
  ),
  (tree) => bigSubtrees(tree, 5, 20, 80),
);

/** A story whose heatmap collapses the subtrees `pick` chooses once its tree is known (as a click would). */
function collapsing(story: Story, pick: (tree: HclustTree) => number[]): Story {
  return {
    ...story,
    render: (a, ctx) =>
      html`<div
        ${ref((div) => {
          // After this template's children are committed: then the heatmap exists.
          void Promise.resolve().then(async () => {
            const el = div?.querySelector('cl-similarity-heatmap');
            if (!el) return;
            await el.updateComplete;
            if (el.tree && !el.collapsed?.length) el.collapsed = pick(el.tree);
          });
        })}
      >
        ${meta.render!(a, ctx)}
      </div>`,
  };
}

/** The same classes in taxonomy order (WordNet's depth-first order): the tree's own blocks. */
export const WordnetTaxonomyOrder: Story = onWordnet(
  ({ wordnet: h }) => ({
    scores: simulate(h!).logits,
    labels: classNames(h!),
    classGroups: categoryOf(h!),
    order: h!.classes
      .map((node, c) => [node, c])
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => c),
  }),
  { heading: 'The same similarities in WordNet order', height: 680 },
);

/** Blocks' cut-off: values below 0.6 fade, the strongest blocks remain; fuzzy "failed" groups at the side. */
export const WordnetCutoff: Story = onWordnet(
  ({ wordnet: h }) => ({ scores: simulate(h!).logits, labels: classNames(h!) }),
  { heading: 'Values below r = 0.6 faded; 4 fuzzy groups', cutoff: 0.6, groups: 24, fuzzyGroups: 4, height: 680 },
);

/** Pearson on softmax probabilities instead of logits: blurrier blocks, and a warning (Blocks recommends logits). */
export const ProbabilitiesWarning: Story = on(
  ['digits'],
  ({ digits: d }) => ({ scores: d!.models[2].probs, labels: d!.classes }),
  { heading: 'Pearson on probabilities (warns: use logits)', height: 520 },
);

// ——— digits: confusion and similarity of three models ———

/** Confusion matrix of the GaussianNB digits model (rows: truth, columns: predicted), clustered. */
export const DigitsConfusion: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: d!.models[0].predNames, classes: d!.classes }),
  { heading: 'Digits · GaussianNB confusions', height: 520 },
);

/** Pearson r of the MLP's logits over 540 held-out digits. */
export const DigitsSimilarity: Story = on(
  ['digits'],
  ({ digits: d }) => ({ scores: d!.models[2].logits, labels: d!.classes }),
  { heading: 'Digits · MLP logit similarity', height: 520 },
);

/** Few classes, labels that fit: a collapsed subtree of 3–4 digits is one labelled row and column ("4 +2"). */
export const DigitsCollapsed: Story = collapsing(
  on(['digits'], ({ digits: d }) => ({ scores: d!.models[2].logits, labels: d!.classes }), {
    heading: 'Digits · one subtree collapsed',
    height: 520,
  }),
  (tree) => bigSubtrees(tree, 1, 3, 4),
);

/** Blocks' Spearman (each sample's scores ranked, then Pearson across samples) of the logistic regression's logits. */
export const DigitsSpearman: Story = on(
  ['digits'],
  ({ digits: d }) => ({ scores: d!.models[1].logits, labels: d!.classes }),
  { heading: 'Digits · logistic regression, Spearman ρ', measure: 'spearman', height: 520 },
);

/** A rectangular matrix (DeepCompare's weight view): mean pixel intensity of each digit, 10 digits × 64 pixels, both axes clustered. */
export const Rectangular: Story = on(
  ['digits'],
  ({ digits: d }) => {
    const sums = Array.from({ length: 10 }, () => new Array<number>(64).fill(0));
    const counts = new Array<number>(10).fill(0);
    d!.images.forEach((img, i) => {
      const t = d!.truthIndex[i];
      counts[t]++;
      img.forEach((v, p) => (sums[t][p] += v));
    });
    return {
      matrix: sums.map((row, t) => row.map((v) => v / counts[t])),
      labels: d!.classes,
      columnLabels: Array.from({ length: 64 }, (_, p) => `px ${Math.floor(p / 8)},${p % 8}`),
    };
  },
  { heading: 'Mean pixel intensity per digit (10 × 64), both axes clustered', clusterAxes: 'both', height: 460 },
);

// ——— edge cases ———

/** 10,000 classes (a seeded block-structured matrix, 10⁸ cells) in input order: each pixel shows its block's maximum. */
export const TenThousandClasses: Story = inline(() => blockMatrix(10000, 7), {
  heading: '10,000 classes (generated), visual boosting',
  height: 680,
});

export const OneClass: Story = inline(() => ({ matrix: [[1]], labels: ['only class'] }), {
  heading: 'One class',
  height: 320,
});

export const TwoClasses: Story = inline(
  () => ({
    matrix: [
      [1, -0.4],
      [-0.4, 1],
    ],
    labels: ['cat', 'dog'],
  }),
  {
    heading: 'Two classes',
    height: 360,
  },
);

/** A constant score column: its correlations are NaN, drawn as "no data" and clustered last. */
export const ConstantColumn: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    scores: d!.models[2].logits.map((row) => row.map((v, j) => (j === 3 ? 1.5 : v))),
    labels: d!.classes,
  }),
  { heading: 'Class 3 has constant scores (NaN similarity)', height: 520 },
);

export const Empty: Story = inline(() => ({ matrix: [], labels: [] }), { heading: 'Empty', height: 280 });

/** Bad input: 3 labels for a 4 × 4 matrix — a coded error, shown in place of the chart. */
export const BadInput: Story = inline(
  () => ({
    matrix: [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ],
    labels: ['a', 'b', 'c'],
  }),
  { heading: 'Bad input', height: 280 },
);

/** The dark theme (the toolbar's theme switch sets `theme` on every element of a story). */
export const DarkTheme: Story = {
  ...WordnetBlocks,
  args: { ...WordnetBlocks.args, heading: 'Dark theme' },
  globals: { theme: 'dark' },
};

/** The CPU raster, as drawn without WebGL, under a strict CSP, past the context budget, or on software GL. */
export const CanvasRenderer: Story = {
  ...DigitsConfusion,
  args: { ...DigitsConfusion.args, renderer: 'canvas', heading: 'CPU raster (canvas 2D)' },
};

/** WebGL forced (software GL here): the same picture as the CPU raster. */
export const WebglRenderer: Story = {
  ...DigitsConfusion,
  args: { ...DigitsConfusion.args, renderer: 'webgl', heading: 'WebGL (regl)' },
};

/** Seeded 10,000-class symmetric matrix with nested blocks of correlated classes (values in [−1, 1]). */
function blockMatrix(n: number, seed: number): DataProps {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Three levels of blocks: ~8 super-groups, ~60 groups, ~700 small blocks.
  const level = (count: number) => {
    const cuts = Array.from({ length: count - 1 }, () => Math.floor(rnd() * n)).sort((x, y) => x - y);
    const id = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      while (k < cuts.length && cuts[k] <= i) k++;
      id[i] = k;
    }
    return id;
  };
  const L1 = level(8);
  const L2 = level(60);
  const L3 = level(700);
  const data = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const base = L3[i] === L3[j] ? 0.85 : L2[i] === L2[j] ? 0.55 : L1[i] === L1[j] ? 0.25 : -0.05;
      const v = Math.max(-1, Math.min(1, base + (rnd() - 0.5) * 0.3));
      data[i * n + j] = data[j * n + i] = v;
    }
  }
  return {
    matrix: { rows: n, cols: n, data },
    labels: Array.from({ length: n }, (_, i) => `class ${i}`),
    order: 'input',
  };
}
