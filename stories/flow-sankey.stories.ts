import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClFlowSankey } from '../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import { load, type Loaded } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<
  Pick<ClFlowSankey, 'stages' | 'stageNames' | 'data' | 'levels' | 'graph' | 'highlight' | 'colors'>
>;

type Args = Pick<
  ClFlowSankey,
  | 'topK'
  | 'minValue'
  | 'onlyChanged'
  | 'nodeSort'
  | 'normalizeBy'
  | 'colorBy'
  | 'showTable'
  | 'legend'
  | 'label'
  | 'heading'
  | 'otherLabel'
> & { height?: number };

const meta: Meta<Args> = {
  title: 'Elements/Flow Sankey',
  component: 'cl-flow-sankey',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Conditional flows between labellings: true → predicted, category → sub-category, label source → decision, feature value → label. Hover a node or link to follow its items through every stage; click (or Enter) to select them. Node order minimises link crossings by default.',
      },
    },
  },
  argTypes: {
    topK: {
      control: { type: 'number', min: 1, max: 200, step: 1 },
      description: 'Keys kept per stage; the rest merge into "Other".',
    },
    minValue: { control: { type: 'number', min: 0, step: 1 }, description: 'Hide links with fewer items.' },
    onlyChanged: { control: 'boolean', description: 'Keep only items whose key changes between stages.' },
    nodeSort: { control: 'inline-radio', options: ['auto', 'value', 'key', 'input'] },
    normalizeBy: {
      name: 'normalize',
      control: 'inline-radio',
      options: ['none', 'source', 'target'],
      description: 'Link widths: counts, P(target | source), or P(source | target).',
    },
    colorBy: { control: 'inline-radio', options: ['auto', 'key', 'ancestor'] },
    showTable: { control: 'boolean' },
    legend: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    otherLabel: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  args: {
    topK: 30,
    minValue: 0,
    onlyChanged: false,
    nodeSort: 'auto',
    normalizeBy: 'none',
    colorBy: 'auto',
    showTable: false,
    legend: false,
    label: '',
    heading: '',
    otherLabel: 'Other',
    height: 460,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-flow-sankey
      style="height: ${a.height}px"
      top-k=${a.topK}
      min-value=${a.minValue}
      ?only-changed=${a.onlyChanged}
      node-sort=${a.nodeSort}
      normalize=${a.normalizeBy}
      color-by=${a.colorBy}
      ?show-table=${a.showTable}
      ?legend=${a.legend}
      label=${a.label}
      heading=${a.heading}
      other-label=${a.otherLabel}
      .stages=${p.stages}
      .stageNames=${p.stageNames}
      .data=${p.data}
      .levels=${p.levels}
      .graph=${p.graph}
      .highlight=${p.highlight}
      .colors=${p.colors}
    ></cl-flow-sankey>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A story on loaded data: `props` maps the loaded datasets to the element's data properties. */
function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

/** The seed paper's Figure 9: only the misclassified digits, true → predicted (GaussianNB, 5-fold CV). */
export const MisclassifiedDigits: Story = on(
  ['digitsAll'],
  ({ digitsAll: d }) => ({
    stages: [d!.truth, d!.models[0].predNames],
    stageNames: ['true digit', `predicted by ${d!.models[0].name}`],
  }),
  { label: 'Misclassified digits, GaussianNB', heading: 'Where GaussianNB’s mistakes go', onlyChanged: true },
);

/** The same mistakes with the fixed `value` order, for comparison: many more crossings. */
export const MisclassifiedDigitsValueOrder: Story = {
  ...MisclassifiedDigits,
  args: { ...MisclassifiedDigits.args, nodeSort: 'value', heading: 'The same, ordered by size' },
};

/** The README's CDN example: the MLP's mistakes on the 540 held-out digits, top 20. */
export const ReadmeExample: Story = on(
  ['digits'],
  ({ digits: d }) => ({ stages: [d!.truth, d!.models[0].predNames], stageNames: ['true digit', 'predicted'] }),
  { label: 'Misclassified digits', onlyChanged: true, topK: 20, height: 480 },
);

/** All held-out digits, true → predicted, with link widths as P(predicted | true). */
export const ConditionalShares: Story = on(
  ['digits'],
  ({ digits: d }) => ({ stages: [d!.truth, d!.models[1].predNames], stageNames: ['true digit', 'predicted'] }),
  { label: 'Held-out digits, LogisticRegression', normalizeBy: 'source', nodeSort: 'key' },
);

/** Where one model's errors go in the next: true → GaussianNB → MLP, misclassified by either. */
export const ErrorsAcrossModels: Story = on(
  ['digitsAll'],
  ({ digitsAll: d }) => ({
    stages: [d!.truth, d!.models[0].predNames, d!.models[2].predNames],
    stageNames: ['true digit', d!.models[0].name, d!.models[2].name],
  }),
  { label: 'Digits misclassified by GaussianNB or MLP', onlyChanged: true, height: 560 },
);

/** Linked views: items selected elsewhere (the MLP's mistakes) are highlighted in the GaussianNB flow. */
export const HighlightFromAnotherView: Story = on(
  ['digitsAll'],
  ({ digitsAll: d }) => ({
    stages: [d!.truth, d!.models[0].predNames],
    stageNames: ['true digit', d!.models[0].name],
    highlight: d!.truth.flatMap((t, i) => (d!.models[2].predNames[i] !== t ? [i] : [])),
  }),
  {
    label: 'GaussianNB flows, MLP errors highlighted',
    heading: 'GaussianNB flows; the MLP’s mistakes highlighted',
    nodeSort: 'key',
  },
);

/** The seed paper's Figure 4: a 3-level category hierarchy, children grouped under their parent. */
export const CategoryHierarchy: Story = on(
  ['catalogue'],
  ({ catalogue }) => ({
    data: catalogue,
    levels: ['department', 'category', 'subcategory'],
    stageNames: ['department', 'category', 'subcategory'],
  }),
  { label: 'Product catalogue', topK: 36, height: 680 },
);

/**
 * The seed paper's Figure 5: label source → decision for one category (Phone Cases), as
 * P(decision | source) — the rule accepts far more listings than experts do — then the
 * audited truth. Colours carry the meaning: positive is green, negative red.
 */
export const LabelSourceToDecision: Story = on(
  ['catalogue'],
  ({ catalogue }) => ({
    data: catalogue!.filter((d) => d.subcategory === 'Phone Cases'),
    levels: ['source', 'decision', 'truth'],
    stageNames: ['label source', 'decision', 'audited truth'],
    colors: { positive: '#3ca951', negative: '#d1242f', expert: '#4269d0', crowd: '#a463f2', rule: '#efb118' },
  }),
  {
    label: 'Phone Cases: who labelled, what they decided, what was true',
    normalizeBy: 'source',
    height: 380,
    legend: true,
  },
);

/** The seed paper's Figures 7–8: a categorical feature → the label (director → genre, top 14 directors). */
export const FeatureToLabel: Story = on(
  ['movies'],
  ({ movies }) => ({ data: movies, levels: ['director', 'genre'], stageNames: ['director', 'genre'] }),
  { label: 'Films: director → genre', topK: 14, height: 560 },
);

/** Colour → genre, as P(genre | colour): black-and-white films are mostly noir and drama. */
export const ColourToGenre: Story = on(
  ['movies'],
  ({ movies }) => ({ data: movies, levels: ['colour', 'genre'], stageNames: ['colour', 'genre'] }),
  { label: 'Films: colour → genre', normalizeBy: 'source', height: 460 },
);

/** The dark theme (the toolbar's theme switch sets `theme` on every element of a story). */
export const DarkTheme: Story = { ...MisclassifiedDigits, globals: { theme: 'dark' } };

export const WithDataTable: Story = {
  ...MisclassifiedDigits,
  args: { ...MisclassifiedDigits.args, showTable: true, height: 640 },
};

// ——— edge cases ———

export const Empty: Story = on([], () => ({ stages: [[], []], stageNames: ['truth', 'predicted'] }), { height: 220 });

export const OneClass: Story = on(
  [],
  () => ({ stages: [Array(40).fill('cat'), Array(40).fill('cat')], stageNames: ['truth', 'predicted'] }),
  { height: 220 },
);

const many = (() => {
  let s = 42;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const n = 20_000;
  const zipf = () => Math.min(199, Math.floor(Math.exp(r() * Math.log(200))) - 1 + Math.floor(r() * 2));
  const truth: string[] = [];
  const pred: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = zipf();
    truth.push(`class ${t}`);
    pred.push(r() < 0.8 ? `class ${t}` : `class ${zipf()}`);
  }
  return { truth, pred };
})();

/** 200 classes and 20,000 items: the 15 largest per stage stay, the rest merge into "Other" (changes within Other are noted, not drawn). */
export const TwoHundredClassesTopK: Story = on(
  [],
  () => ({ stages: [many.truth, many.pred], stageNames: ['truth', 'predicted'] }),
  { topK: 15, onlyChanged: true, height: 560 },
);

/** 25 classes: every class keeps a distinct colour (20 palette colours, then variations); none is the "Other" grey. */
export const TwentyFiveClasses: Story = on(
  [],
  () => {
    const t: string[] = [];
    const p: string[] = [];
    for (let c = 0; c < 25; c++) {
      for (let i = 0; i < 30 - c; i++) {
        t.push(`class ${c}`);
        p.push(`class ${i % 4 === 0 ? (c + 1) % 25 : c}`);
      }
    }
    return { stages: [t, p], stageNames: ['truth', 'predicted'] };
  },
  { nodeSort: 'key', height: 600 },
);

/** Labels are text, never HTML: this label must show literally and run nothing. */
export const HtmlInLabels: Story = on(
  [],
  () => ({
    stages: [
      ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'שלום', '🐱 cat', '🐱 cat'],
      ['🐱 cat', '<img src=x onerror=alert(1)>', 'שלום', 'שלום', '🐱 cat'],
    ],
    stageNames: ['<b>truth</b>', 'predicted'],
  }),
  { height: 300 },
);

/** Bad input shows a readable error in place of the chart (and fires `cl-error`). */
export const ErrorLengthMismatch: Story = on(
  ['digits'],
  ({ digits: d }) => ({ stages: [d!.truth, d!.models[0].predNames.slice(0, 500)], stageNames: ['truth', 'predicted'] }),
  { height: 220 },
);

/** A precomputed graph with a cycle is rejected before layout. */
export const ErrorCycle: Story = on(
  [],
  () => ({
    graph: {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      links: [
        { source: 'a', target: 'b', value: 3 },
        { source: 'b', target: 'c', value: 2 },
        { source: 'c', target: 'a', value: 1 },
      ],
    },
  }),
  { height: 220 },
);

/** A precomputed graph whose stages run backwards cannot be drawn left to right: a coded error. */
export const ErrorBackwardStages: Story = on(
  [],
  () => ({
    graph: {
      nodes: [
        { id: 'a', stage: 1 },
        { id: 'b', stage: 0 },
      ],
      links: [{ source: 'a', target: 'b', value: 3 }],
    },
  }),
  { height: 220 },
);

/** A precomputed graph (e.g. aggregated server-side) instead of raw items; colours carry meaning. */
export const PrecomputedGraph: Story = on(
  [],
  () => ({
    graph: {
      nodes: [
        { id: 'all', label: 'All reviews' },
        { id: 'pos', label: 'Positive' },
        { id: 'neg', label: 'Negative' },
        { id: 'ok', label: 'Kept' },
        { id: 'flag', label: 'Flagged' },
      ],
      links: [
        { source: 'all', target: 'pos', value: 620 },
        { source: 'all', target: 'neg', value: 380 },
        { source: 'pos', target: 'ok', value: 590 },
        { source: 'pos', target: 'flag', value: 30 },
        { source: 'neg', target: 'ok', value: 300 },
        { source: 'neg', target: 'flag', value: 80 },
      ],
      stageNames: ['input', 'sentiment', 'moderation'],
    },
    colors: { 'All reviews': '#6e7781', Positive: '#4269d0', Negative: '#ff725c', Kept: '#3ca951', Flagged: '#d1242f' },
  }),
  { height: 360, colorBy: 'key' },
);
