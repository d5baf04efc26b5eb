import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClFlowSankey } from '../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import { catalogue, digits, digitsAll, movies } from './data.js';

type Args = Pick<
  ClFlowSankey,
  'topK' | 'minValue' | 'onlyChanged' | 'nodeSort' | 'normalizeBy' | 'showTable' | 'label' | 'otherLabel'
> & {
  stages?: ClFlowSankey['stages'];
  stageNames?: ClFlowSankey['stageNames'];
  data?: ClFlowSankey['data'];
  levels?: ClFlowSankey['levels'];
  graph?: ClFlowSankey['graph'];
  highlight?: ClFlowSankey['highlight'];
  height?: number;
};

const meta: Meta<Args> = {
  title: 'Elements/Flow Sankey',
  component: 'cl-flow-sankey',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Conditional flows between labellings: true → predicted, category → sub-category, label source → decision, feature value → label. Hover a node or link to follow its items through every stage; click (or Enter) to select them.',
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
    nodeSort: { control: 'inline-radio', options: ['value', 'key', 'input'] },
    normalizeBy: {
      name: 'normalize',
      control: 'inline-radio',
      options: ['none', 'source', 'target'],
      description: 'Link widths: counts, P(target | source), or P(source | target).',
    },
    showTable: { control: 'boolean' },
    label: { control: 'text' },
    otherLabel: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
    stages: { control: false },
    stageNames: { control: 'object' },
    data: { control: false },
    levels: { control: false },
    graph: { control: false },
    highlight: { control: false },
  },
  args: {
    topK: 30,
    minValue: 0,
    onlyChanged: false,
    nodeSort: 'value',
    normalizeBy: 'none',
    showTable: false,
    label: '',
    otherLabel: 'Other',
    height: 460,
  },
  render: (a) =>
    html`<cl-flow-sankey
      style="height: ${a.height}px"
      top-k=${a.topK}
      min-value=${a.minValue}
      ?only-changed=${a.onlyChanged}
      node-sort=${a.nodeSort}
      normalize=${a.normalizeBy}
      ?show-table=${a.showTable}
      label=${a.label}
      other-label=${a.otherLabel}
      .stages=${a.stages}
      .stageNames=${a.stageNames}
      .data=${a.data}
      .levels=${a.levels}
      .graph=${a.graph}
      .highlight=${a.highlight}
    ></cl-flow-sankey>`,
};
export default meta;
type Story = StoryObj<Args>;

const m0 = digitsAll.models[0];
const m2 = digitsAll.models[2];

/** The seed paper's Figure 9: only the misclassified digits, true → predicted (GaussianNB, 5-fold CV). */
export const MisclassifiedDigits: Story = {
  args: {
    label: `Misclassified digits, ${m0.name}`,
    stages: [digitsAll.truth, m0.predNames],
    stageNames: ['true digit', `predicted by ${m0.name}`],
    onlyChanged: true,
    nodeSort: 'key',
  },
};

/** All held-out digits, true → predicted, with link widths as P(predicted | true). */
export const ConditionalShares: Story = {
  args: {
    label: `Held-out digits, ${digits.models[1].name}`,
    stages: [digits.truth, digits.models[1].predNames],
    stageNames: ['true digit', 'predicted'],
    normalizeBy: 'source',
    nodeSort: 'key',
  },
};

/** Where one model's errors go in the next: true → GaussianNB → MLP, misclassified by either. */
export const ErrorsAcrossModels: Story = {
  args: {
    label: 'Digits misclassified by GaussianNB or MLP',
    stages: [digitsAll.truth, m0.predNames, m2.predNames],
    stageNames: ['true digit', m0.name, m2.name],
    onlyChanged: true,
    nodeSort: 'key',
    height: 520,
  },
};

/** Linked views: items selected elsewhere (the MLP's mistakes) are highlighted in the GaussianNB flow. */
export const HighlightFromAnotherView: Story = {
  args: {
    label: 'GaussianNB flows, MLP errors highlighted',
    stages: [digitsAll.truth, m0.predNames],
    stageNames: ['true digit', m0.name],
    nodeSort: 'key',
    highlight: digitsAll.truth.flatMap((t, i) => (m2.predNames[i] !== t ? [i] : [])),
  },
};

/** The seed paper's Figure 4: a 3-level category hierarchy (department → category → subcategory). */
export const CategoryHierarchy: Story = {
  args: {
    label: 'Product catalogue',
    data: catalogue,
    levels: ['department', 'category', 'subcategory'],
    stageNames: ['department', 'category', 'subcategory'],
    topK: 32,
    height: 860,
  },
};

const phoneCases = catalogue.filter((d) => d.subcategory === 'Phone Cases');

/**
 * The seed paper's Figure 5: label source → decision for one category (Phone Cases), as
 * P(decision | source) — the rule accepts far more listings than experts do — then the
 * audited truth.
 */
export const LabelSourceToDecision: Story = {
  args: {
    label: 'Phone Cases: who labelled, what they decided, what was true',
    data: phoneCases,
    levels: ['source', 'decision', 'truth'],
    stageNames: ['label source', 'decision', 'audited truth'],
    normalizeBy: 'source',
    height: 380,
  },
};

/** The seed paper's Figures 7–8: a categorical feature → the label (director → genre, top 14 directors). */
export const FeatureToLabel: Story = {
  args: {
    label: 'Films: director → genre',
    data: movies,
    levels: ['director', 'genre'],
    stageNames: ['director', 'genre'],
    topK: 14,
    height: 560,
  },
};

/** Colour → genre, as P(genre | colour): black-and-white films are mostly noir and drama. */
export const ColourToGenre: Story = {
  args: {
    label: 'Films: colour → genre',
    data: movies,
    levels: ['colour', 'genre'],
    stageNames: ['colour', 'genre'],
    normalizeBy: 'source',
    height: 460,
  },
};

/** The dark theme (the toolbar's theme switch sets `theme` on every element of a story). */
export const DarkTheme: Story = {
  args: { ...MisclassifiedDigits.args },
  globals: { theme: 'dark' },
};

export const WithDataTable: Story = {
  args: { ...MisclassifiedDigits.args, showTable: true, height: 640 },
};

// ——— edge cases ———

export const Empty: Story = { args: { stages: [[], []], stageNames: ['truth', 'predicted'], height: 220 } };

export const OneClass: Story = {
  args: { stages: [Array(40).fill('cat'), Array(40).fill('cat')], stageNames: ['truth', 'predicted'], height: 220 },
};

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

/** 200 classes and 20,000 items: the 15 largest per stage stay, the rest merge into "Other". */
export const TwoHundredClassesTopK: Story = {
  args: {
    stages: [many.truth, many.pred],
    stageNames: ['truth', 'predicted'],
    topK: 15,
    onlyChanged: true,
    height: 560,
  },
};

/** Labels are text, never HTML: this label must show literally and run nothing. */
export const HtmlInLabels: Story = {
  args: {
    stages: [
      ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'שלום', '🐱 cat', '🐱 cat'],
      ['🐱 cat', '<img src=x onerror=alert(1)>', 'שלום', 'שלום', '🐱 cat'],
    ],
    stageNames: ['<b>truth</b>', 'predicted'],
    height: 300,
  },
};

/** Bad input shows a readable error in place of the chart (and fires `cl-error`). */
export const ErrorLengthMismatch: Story = {
  args: {
    stages: [digits.truth, digits.models[0].predNames.slice(0, 500)],
    stageNames: ['truth', 'predicted'],
    height: 220,
  },
};

/** A precomputed graph with a cycle is rejected before layout. */
export const ErrorCycle: Story = {
  args: {
    graph: {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      links: [
        { source: 'a', target: 'b', value: 3 },
        { source: 'b', target: 'c', value: 2 },
        { source: 'c', target: 'a', value: 1 },
      ],
    },
    height: 220,
  },
};

/** A precomputed graph (e.g. aggregated server-side) instead of raw items. */
export const PrecomputedGraph: Story = {
  args: {
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
    height: 360,
  },
};
