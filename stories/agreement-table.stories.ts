import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClAgreementTable } from '../packages/elements/src/agreement-table/cl-agreement-table.js';
import { load, type Loaded } from './data.js';
import { htmlItems, sixModels, syntheticRows } from './compare-data.js';

type DataProps = Partial<
  Pick<ClAgreementTable, 'truth' | 'predictions' | 'classes' | 'models' | 'items' | 'columns' | 'query' | 'highlight'>
>;

type Args = Pick<
  ClAgreementTable,
  'sortBy' | 'sortOrder' | 'rowHeight' | 'showWords' | 'legend' | 'label' | 'heading'
> & {
  histogramColumn?: string;
  height?: number;
};

const meta: Meta<Args> = {
  title: 'Elements/Agreement Table',
  component: 'cl-agreement-table',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'DeepCompare’s instance table (Figs. 1c, 3): one row per item with the agreement glyph — the true class’s colour with one square per model in the colour of its prediction — filtered by true class, right/wrong per model and agreement, sortable, virtualised. Optional word-frequency and activation-histogram panels follow the filter.',
      },
    },
  },
  argTypes: {
    sortBy: { control: 'text', description: '`index`, `id`, `item`, `models`, `truth`, `right` or `column:<name>`.' },
    sortOrder: { control: 'inline-radio', options: ['asc', 'desc'] },
    rowHeight: { control: { type: 'number', min: 20, max: 60 } },
    showWords: { control: 'boolean' },
    histogramColumn: { control: 'text' },
    legend: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  args: {
    sortBy: 'index',
    sortOrder: 'asc',
    rowHeight: 30,
    showWords: false,
    legend: true,
    label: '',
    heading: '',
    height: 480,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-agreement-table
      style="height: ${a.height}px"
      sort-by=${a.sortBy}
      sort-order=${a.sortOrder}
      row-height=${a.rowHeight}
      ?show-words=${a.showWords}
      histogram-column=${a.histogramColumn ?? ''}
      ?legend=${a.legend}
      label=${a.label}
      heading=${a.heading}
      .truth=${p.truth}
      .predictions=${p.predictions}
      .classes=${p.classes}
      .models=${p.models}
      .items=${p.items}
      .columns=${p.columns}
      .query=${p.query}
      .highlight=${p.highlight}
    ></cl-agreement-table>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

const digits = (d: NonNullable<Loaded['digits']>, ids = ['M0', 'M1', 'M2']) => ({
  truth: d.truth,
  predictions: Object.fromEntries(d.models.filter((m) => ids.includes(m.id)).map((m) => [m.id, m.predNames])),
  items: d.images.map((image) => ({ image })),
  columns: { 'M2 P(truth)': d.truth.map((t, i) => d.models[2].probs[i][d.classes.indexOf(t)]) },
});

/** Digits with 8×8 thumbnails, three real models; the rows where the models disagree. */
export const DigitsDisagreements: Story = on(
  ['digits'],
  ({ digits: d }) => ({ ...digits(d!), query: { agree: false } }),
  {
    heading: 'Digits the three models disagree on',
    sortBy: 'models',
  },
);

/** The paper's text case: GRU right, bag of words wrong — with the word panel and an activation histogram. */
export const ReviewsGruRightBowWrong: Story = on(
  ['reviewsPair'],
  ({ reviewsPair: r }) => {
    const cols: Record<string, number[]> = {
      'GRU P(pos)': r!.models[0].probs.map((p) => p[1]),
      'BoW P(pos)': r!.models[1].probs.map((p) => p[1]),
    };
    r!.activationNames.forEach((name, j) => (cols[name] = r!.activations.map((a) => a[j])));
    return {
      truth: r!.truth,
      predictions: Object.fromEntries(r!.models.map((m) => [m.id, m.predNames])),
      items: r!.ids.map((id, i) => ({ id, text: r!.texts[i] })),
      columns: cols,
      query: { correct: { GRU: true, BoW: false } },
    };
  },
  {
    heading: 'Reviews the GRU gets right and the bag of words wrong',
    showWords: true,
    histogramColumn: 'h3',
    height: 560,
  },
);

/** All 2,000 reviews, sorted by the bag of words' confidence. */
export const ReviewsSortedByScore: Story = {
  ...ReviewsGruRightBowWrong,
  parameters: {
    props: (l: Loaded) => ({
      ...(ReviewsGruRightBowWrong.parameters!.props as (l: Loaded) => DataProps)(l),
      query: undefined,
    }),
  },
  args: {
    heading: 'All reviews by the bag of words’ P(positive)',
    sortBy: 'column:BoW P(pos)',
    sortOrder: 'desc',
    height: 520,
  },
};

/** Six models (three real, three SIMULATED from their probabilities): the glyph stays readable. */
export const SixModels: Story = on(
  ['digits'],
  ({ digits: d }) => ({ ...digits(d!), predictions: sixModels(d!), query: { agree: false } }),
  {
    heading: 'Six models (three simulated), disagreements',
    sortBy: 'models',
  },
);

export const OneModel: Story = on(
  ['digits'],
  ({ digits: d }) => ({ ...digits(d!, ['M0']), query: { correct: { M0: false } } }),
  {
    heading: 'GaussianNB’s mistakes',
  },
);

const big = syntheticRows(100_000, 12, 5);
/** 100,000 rows, 12 classes: virtualised, scrolls at frame rate. */
export const HundredThousandRows: Story = on(
  [],
  () => ({
    truth: big.truth,
    predictions: big.preds,
    classes: big.classes,
    items: big.items,
    columns: { confidence: big.confidence },
  }),
  { heading: '100,000 rows' },
);

export const DarkTheme: Story = { ...DigitsDisagreements, globals: { theme: 'dark' } };

// ——— edge cases ———

export const Empty: Story = on([], () => ({ truth: [], predictions: { A: [], B: [] } }), { height: 240 });

export const OneItem: Story = on(
  [],
  () => ({ truth: ['cat'], predictions: { A: ['cat'], B: ['dog'] }, items: [{ id: 'only', text: 'the one item' }] }),
  {
    height: 240,
  },
);

export const AllRight: Story = on(
  [],
  () => ({ truth: ['a', 'b', 'c', 'a'], predictions: { A: ['a', 'b', 'c', 'a'], B: ['a', 'b', 'c', 'a'] } }),
  {
    height: 260,
  },
);

export const AllWrong: Story = on(
  [],
  () => ({ truth: ['a', 'b', 'c', 'a'], predictions: { A: ['b', 'c', 'a', 'c'], B: ['c', 'a', 'b', 'b'] } }),
  {
    height: 260,
  },
);

export const NoMatches: Story = on(
  ['digits'],
  ({ digits: d }) => ({ ...digits(d!), query: { truth: ['1'], correct: { M0: false, M1: false, M2: false } } }),
  {
    height: 300,
  },
);

/** Texts, ids and class names with markup: shown as text, nothing runs. */
export const HtmlInTexts: Story = on([], () => ({ ...htmlItems }), { height: 320 });

export const ErrorLengthMismatch: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: { M0: d!.models[0].predNames.slice(0, 500) } }),
  {
    height: 240,
  },
);
