import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import type { ClMetricsTreemap } from '../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import { load, type Loaded } from './data.js';
import { htmlItems, sixModels, syntheticRows } from './compare-data.js';

/** Data-bound properties a story derives from its loaded data. */
type DataProps = Partial<
  Pick<ClMetricsTreemap, 'truth' | 'predictions' | 'classes' | 'models' | 'hierarchy' | 'highlight'>
>;

type Args = Pick<ClMetricsTreemap, 'by' | 'tile' | 'legend' | 'showTable' | 'label' | 'heading'> & {
  zoom?: string;
  height?: number;
};

const meta: Meta<Args> = {
  title: 'Elements/Metrics Treemap',
  component: 'cl-metrics-treemap',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'DeepCompare’s overview (Fig. 4): items nested by true class, then by whether each model got them right. A class keeps its hue; cells get lighter the more models are wrong. Click a cell to select its items (the event carries the filter query), a class header to zoom in, the breadcrumb to zoom out.',
      },
    },
  },
  argTypes: {
    by: {
      control: 'inline-radio',
      options: ['correct', 'predicted'],
      description: 'Model levels split on right/wrong or on the predicted class.',
    },
    tile: { control: 'inline-radio', options: ['squarify', 'binary'] },
    legend: { control: 'boolean' },
    showTable: { control: 'boolean' },
    zoom: { control: 'text', description: 'The class zoomed into.' },
    label: { control: 'text' },
    heading: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  args: { by: 'correct', tile: 'squarify', legend: true, showTable: false, label: '', heading: '', height: 480 },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-metrics-treemap
      style="height: ${a.height}px"
      by=${a.by}
      tile=${a.tile}
      ?legend=${a.legend}
      ?show-table=${a.showTable}
      zoom=${a.zoom ?? ''}
      label=${a.label}
      heading=${a.heading}
      .truth=${p.truth}
      .predictions=${p.predictions}
      .classes=${p.classes}
      .models=${p.models}
      .hierarchy=${p.hierarchy}
      .highlight=${p.highlight}
    ></cl-metrics-treemap>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

const digitsPreds = (d: NonNullable<Loaded['digits']>, ids = ['M0', 'M1', 'M2']) =>
  Object.fromEntries(d.models.filter((m) => ids.includes(m.id)).map((m) => [m.id, m.predNames]));

/** The seed paper's Fig. 4 with two models: true digit → GaussianNB (M0) right? → MLP (M2) right? */
export const TwoModels: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: digitsPreds(d!, ['M0', 'M2']) }),
  {
    heading: 'Digits: GaussianNB (M0) then MLP (M2), right or wrong',
  },
);

/** Three real models as three levels: M0 → M1 → M2 (GaussianNB, logistic regression, MLP). */
export const ThreeModels: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: digitsPreds(d!) }),
  {
    heading: 'Digits: three models, right or wrong',
  },
);

/** Zoomed into digit 8 (the class GaussianNB gets wrong most): the breadcrumb leads back. */
export const ZoomedIntoAClass: Story = {
  ...ThreeModels,
  args: { ...ThreeModels.args, zoom: '8', heading: 'Digit 8 under three models' },
};

/** `tile="binary"`: balanced splits instead of squarified rows. */
export const BinaryTiling: Story = {
  ...TwoModels,
  args: { ...TwoModels.args, tile: 'binary', heading: 'Binary tiling' },
};

/** `by="predicted"`: the model level splits on the class the model predicted (one model, GaussianNB). */
export const ByPredictedClass: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: digitsPreds(d!, ['M0']) }),
  {
    by: 'predicted',
    heading: 'What GaussianNB predicts, per true digit',
  },
);

/** The paper's text case: a GRU against a bag of words on 2,000 held-out reviews. */
export const ReviewsGruVsBagOfWords: Story = on(
  ['reviewsPair'],
  ({ reviewsPair: r }) => ({
    truth: r!.truth,
    predictions: Object.fromEntries(r!.models.map((m) => [m.id, m.predNames])),
  }),
  { heading: 'Reviews: GRU then bag of words, right or wrong', height: 420 },
);

/** Linked views: items selected elsewhere (the MLP's mistakes) shown as their share of each cell. */
export const HighlightFromAnotherView: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    truth: d!.truth,
    predictions: digitsPreds(d!, ['M0', 'M1']),
    highlight: d!.truth.flatMap((t, i) => (d!.models[2].predNames[i] !== t ? [i] : [])),
  }),
  { heading: 'M0 → M1; the MLP’s 12 mistakes highlighted' },
);

/** Six models: the three real ones and three SIMULATED from their probabilities (see stories/compare-data.ts). */
export const SixModels: Story = on(['digits'], ({ digits: d }) => ({ truth: d!.truth, predictions: sixModels(d!) }), {
  heading: 'Six models (three real, three simulated)',
  height: 560,
});

export const OneModel: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: digitsPreds(d!, ['M1']) }),
  {
    heading: 'One model: logistic regression',
  },
);

export const WithDataTable: Story = { ...TwoModels, args: { ...TwoModels.args, showTable: true, height: 720 } };

export const DarkTheme: Story = { ...ThreeModels, globals: { theme: 'dark' } };

// ——— edge cases ———

export const Empty: Story = on([], () => ({ truth: [], predictions: { A: [], B: [] } }), { height: 240 });

export const OneItem: Story = on([], () => ({ truth: ['cat'], predictions: { A: ['cat'], B: ['dog'] } }), {
  height: 240,
});

export const AllRight: Story = on(
  [],
  () => ({
    truth: ['a', 'a', 'b', 'c', 'c', 'c'],
    predictions: { A: ['a', 'a', 'b', 'c', 'c', 'c'], B: ['a', 'a', 'b', 'c', 'c', 'c'] },
  }),
  {
    height: 300,
  },
);

export const AllWrong: Story = on(
  [],
  () => ({
    truth: ['a', 'a', 'b', 'c', 'c', 'c'],
    predictions: { A: ['b', 'c', 'a', 'a', 'b', 'a'], B: ['c', 'b', 'c', 'b', 'a', 'b'] },
  }),
  {
    height: 300,
  },
);

const many = syntheticRows(100_000, 100, 11);
/** 100 classes × 3 models over 100,000 items: small classes lose their labels (hover for them). */
export const HundredClasses: Story = on(
  [],
  () => ({ truth: many.truth, predictions: many.preds, classes: many.classes }),
  {
    heading: '100 classes, 100,000 items, 3 models',
    legend: false,
    height: 600,
  },
);

/** A precomputed tree (e.g. aggregated server-side) in metricsHierarchy's shape, without item indices. */
export const PrecomputedHierarchy: Story = on(
  [],
  () => ({
    hierarchy: {
      name: 'all',
      level: 'root',
      count: 0,
      children: ['cat', 'dog', 'bird'].map((key, c) => ({
        name: key,
        level: 'truth' as const,
        key,
        count: 0,
        children: [true, false].map((okA) => ({
          name: `A ${okA ? '✓' : '✗'}`,
          level: 'correct' as const,
          model: 'A',
          correct: okA,
          count: 0,
          children: [true, false].map((okB) => ({
            name: `B ${okB ? '✓' : '✗'}`,
            level: 'correct' as const,
            model: 'B',
            correct: okB,
            count: 0,
            value: [
              [400, 30, 60, 10],
              [250, 40, 20, 15],
              [90, 8, 30, 12],
            ][c][(okA ? 0 : 2) + (okB ? 0 : 1)],
          })),
        })),
      })),
    },
  }),
  { heading: 'A precomputed tree', height: 360 },
);

/** Labels are text, never HTML. */
export const HtmlInLabels: Story = on([], () => ({ truth: htmlItems.truth, predictions: htmlItems.predictions }), {
  height: 320,
});

/** Bad input shows a readable error in place of the chart (and fires `cl-error`). */
export const ErrorLengthMismatch: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    truth: d!.truth,
    predictions: { M0: d!.models[0].predNames.slice(0, 500), M2: d!.models[2].predNames },
  }),
  { height: 240 },
);
