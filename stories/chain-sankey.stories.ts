import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import type { ClChainSankey } from '../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import { load, type Loaded } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<
  Pick<ClChainSankey, 'predictions' | 'truth' | 'stages' | 'stageNames' | 'highlight' | 'colors' | 'focusClasses'>
>;

type Args = Pick<
  ClChainSankey,
  | 'topK'
  | 'minValue'
  | 'onlyChanged'
  | 'nodeSort'
  | 'colorBy'
  | 'hideTruth'
  | 'showTable'
  | 'legend'
  | 'label'
  | 'heading'
> & { height?: number };

const meta: Meta<Args> = {
  title: 'Elements/Chain Sankey',
  component: 'cl-chain-sankey',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'How predictions move between classes across model versions (the chain Sankey of the Sankey-for-ML paper, Fig. 11). One column per version, optionally the truth at the left; a class keeps its vertical place in every column, so a straight band means "unchanged". Only items whose prediction changes are drawn by default. Hover a node or band to follow its items through every version; click to select them.',
      },
    },
  },
  argTypes: {
    topK: {
      control: { type: 'number', min: 1, max: 200, step: 1 },
      description: 'Classes kept per version; the rest merge into "Other".',
    },
    minValue: { control: { type: 'number', min: 0, step: 1 }, description: 'Hide bands with fewer items.' },
    onlyChanged: { control: 'boolean', description: 'Keep only items whose prediction changes somewhere.' },
    nodeSort: {
      control: 'inline-radio',
      options: ['auto', 'value', 'key', 'input'],
      description: 'One class order shared by every column.',
    },
    colorBy: { control: 'inline-radio', options: ['class', 'truth', 'correct'] },
    hideTruth: { control: 'boolean', description: 'Use truth for colour only, without its column.' },
    showTable: { control: 'boolean' },
    legend: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  args: {
    topK: 30,
    minValue: 0,
    onlyChanged: true,
    nodeSort: 'auto',
    colorBy: 'class',
    hideTruth: false,
    showTable: false,
    legend: true,
    label: '',
    heading: '',
    height: 560,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-chain-sankey
      style="height: ${a.height}px"
      top-k=${a.topK}
      min-value=${a.minValue}
      .onlyChanged=${a.onlyChanged}
      node-sort=${a.nodeSort}
      color-by=${a.colorBy}
      ?hide-truth=${a.hideTruth}
      ?show-table=${a.showTable}
      ?legend=${a.legend}
      label=${a.label}
      heading=${a.heading}
      .predictions=${p.predictions}
      .truth=${p.truth}
      .stages=${p.stages}
      .stageNames=${p.stageNames}
      .focusClasses=${p.focusClasses}
      .highlight=${p.highlight}
      .colors=${p.colors}
    ></cl-chain-sankey>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

/**
 * The paper's own case at its own scale: four versions of a product-type classifier over
 * 20,000 items (generated data). Only the predictions that change are drawn; the 16
 * classes with the most changes per version stay, the rest merge into "Other".
 */
export const CatalogueVersions: Story = on(
  ['catalogueVersions'],
  ({ catalogueVersions: c }) => ({ predictions: c!.predictions }),
  {
    label: 'Product-type classifier, V0 → V3',
    heading: 'Where predictions move between versions (changed items only)',
    topK: 16,
    height: 720,
  },
);

/**
 * V1 splits "Knit Tops" into T-Shirts, Sweaters and Tank Tops: the items that touch those
 * four classes, coloured by their class in V0 — the Knit Tops band fans out into three.
 */
export const KnitTopsSplit: Story = on(
  ['catalogueVersions'],
  ({ catalogueVersions: c }) => ({
    predictions: c!.predictions,
    focusClasses: ['Knit Tops', 'T-Shirts', 'Sweaters', 'Tank Tops'],
  }),
  { label: 'Knit Tops split in V1', heading: 'V1 splits “Knit Tops” into three classes', topK: 12, height: 560 },
);

/** V2 merges four part types into "Parts & Accessories": several bands converge on one class. */
export const PartsMerge: Story = on(
  ['catalogueVersions'],
  ({ catalogueVersions: c }) => ({
    predictions: c!.predictions,
    focusClasses: ['Bike Parts', 'Car Parts', 'Appliance Parts', 'Computer Parts', 'Parts & Accessories'],
  }),
  {
    label: 'Part types merged in V2',
    heading: 'V2 merges four part types into “Parts & Accessories”',
    topK: 12,
    height: 560,
  },
);

/**
 * Truth at the left, bands split by whether the version they flow into is right (blue) or
 * wrong (orange): the Knit Tops items V1 sends to the new classes become right.
 */
export const RightOrWrong: Story = on(
  ['catalogueVersions'],
  ({ catalogueVersions: c }) => ({
    predictions: c!.predictions,
    truth: c!.truth,
    focusClasses: ['Knit Tops', 'T-Shirts', 'Sweaters', 'Tank Tops'],
  }),
  {
    label: 'Knit Tops items, right or wrong',
    heading: 'Truth → V0 → V3, coloured by right or wrong',
    colorBy: 'correct',
    topK: 10,
    height: 600,
  },
);

/** The digits versions M0 → M1 → M2 (GaussianNB → LogisticRegression → MLP) on 540 held-out digits, with the truth. */
export const DigitsHeldOut: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    truth: d!.truth,
    predictions: Object.fromEntries(d!.models.map((m) => [m.label ?? m.id, m.predNames])),
  }),
  {
    label: 'Held-out digits, M0 → M2',
    heading: 'Digits whose prediction changes between versions (held-out)',
    colorBy: 'correct',
  },
);

/** The same versions, 5-fold cross-validated over all 1,797 digits, coloured by true digit. */
export const DigitsCrossValidated: Story = on(
  ['digitsAll'],
  ({ digitsAll: d }) => ({
    truth: d!.truth,
    predictions: Object.fromEntries(d!.models.map((m) => [m.label ?? m.id, m.predNames])),
  }),
  {
    label: 'Cross-validated digits, M0 → M2',
    heading: 'Digits whose prediction changes (5-fold CV), by true digit',
    colorBy: 'truth',
    hideTruth: true,
  },
);

/** Every item (only-changed off): the straight bands are the predictions that stay. */
export const AllItems: Story = on(
  ['digits'],
  ({ digits: d }) => ({ predictions: Object.fromEntries(d!.models.map((m) => [m.id, m.predNames])) }),
  {
    label: 'All held-out digits',
    heading: 'Every held-out digit across versions',
    onlyChanged: false,
    nodeSort: 'key',
  },
);

/** Items selected in another view (the MLP's mistakes) highlighted along their paths. */
export const HighlightFromAnotherView: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    predictions: Object.fromEntries(d!.models.map((m) => [m.id, m.predNames])),
    highlight: d!.truth.flatMap((t, i) => (d!.models[2].predNames[i] !== t ? [i] : [])),
  }),
  {
    label: 'Digits across versions, M2 errors highlighted',
    heading: 'The MLP’s mistakes, highlighted along their paths',
    onlyChanged: false,
    nodeSort: 'key',
  },
);

export const DarkTheme: Story = { ...CatalogueVersions, globals: { theme: 'dark' } };

export const WithDataTable: Story = { ...KnitTopsSplit, args: { ...KnitTopsSplit.args, showTable: true, height: 760 } };

// ——— edge cases ———

export const Empty: Story = on([], () => ({ predictions: { V0: [], V1: [] } }), { height: 220 });

/** One version: nothing to compare, so only-changed is ignored and every item is drawn. */
export const OneVersion: Story = on(['digits'], ({ digits: d }) => ({ predictions: { M0: d!.models[0].predNames } }), {
  height: 420,
});

/** Identical versions: no prediction changes, said in words. */
export const IdenticalVersions: Story = on(
  ['digits'],
  ({ digits: d }) => ({ predictions: { M1: d!.models[1].predNames, 'M1 again': d!.models[1].predNames } }),
  { height: 220 },
);

/** A class missing from one version: V1 never predicts "c", V2 brings it back. */
export const ClassMissingFromOneVersion: Story = on(
  [],
  () => {
    const v0: string[] = [];
    const v1: string[] = [];
    const v2: string[] = [];
    const add = (n: number, a: string, b: string, c: string) => {
      for (let i = 0; i < n; i++) {
        v0.push(a);
        v1.push(b);
        v2.push(c);
      }
    };
    add(60, 'a', 'a', 'a');
    add(40, 'b', 'b', 'b');
    add(30, 'c', 'a', 'c');
    add(20, 'c', 'b', 'c');
    add(10, 'a', 'b', 'a');
    add(8, 'b', 'a', 'c');
    return { predictions: { V0: v0, V1: v1, V2: v2 } };
  },
  { height: 360, onlyChanged: false },
);

const many = (() => {
  let s = 7;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const n = 30_000;
  const cls = () => `class ${Math.min(199, Math.floor(Math.exp(r() * Math.log(200))) - 1)}`;
  const v: string[][] = [[], [], []];
  for (let i = 0; i < n; i++) {
    const a = cls();
    const b = r() < 0.85 ? a : cls();
    v[0].push(a);
    v[1].push(b);
    v[2].push(r() < 0.85 ? b : cls());
  }
  return { V0: v[0], V1: v[1], V2: v[2] };
})();

/** 200 classes and 30,000 items: the 20 classes with the most changes per version stay, the rest merge into "Other". */
export const TwoHundredClasses: Story = on([], () => ({ predictions: many }), { topK: 20, height: 680 });

/** Labels are text, never HTML. */
export const HtmlInLabels: Story = on(
  [],
  () => ({
    predictions: {
      '<b>v0</b>': ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'שלום', '🐱 cat', '🐱 cat'],
      v1: ['🐱 cat', '<img src=x onerror=alert(1)>', 'שלום', 'שלום', '🐱 cat'],
    },
  }),
  { height: 300, onlyChanged: false },
);

/** Bad input: versions of different lengths give a readable, coded error (and `cl-error`). */
export const ErrorLengthMismatch: Story = on(
  ['digits'],
  ({ digits: d }) => ({ predictions: { M0: d!.models[0].predNames, M1: d!.models[1].predNames.slice(0, 500) } }),
  { height: 220 },
);
