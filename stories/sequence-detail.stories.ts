import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import type { ClSequenceDetail } from '../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import { load, type Loaded, type Trajectories } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<
  Pick<
    ClSequenceDetail,
    | 'sequences'
    | 'classes'
    | 'states'
    | 'offsets'
    | 'expected'
    | 'tokens'
    | 'truth'
    | 'predicted'
    | 'ids'
    | 'highlight'
    | 'sequence'
  >
>;

type Args = Pick<
  ClSequenceDetail,
  | 'view'
  | 'jumpThreshold'
  | 'confidenceThreshold'
  | 'hideOverview'
  | 'filterResult'
  | 'tokenLayout'
  | 'monospace'
  | 'maxClasses'
  | 'showTable'
  | 'label'
  | 'heading'
> & { sequenceIndex?: number | null; width?: number };

const meta: Meta<Args> = {
  title: 'Elements/Sequence Detail',
  component: 'cl-sequence-detail',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'One sequence of a recurrent classifier word by word (Garcia, Munz & Weiskopf 2021): words coloured by the expected prediction with jump (▲), confidence-change (●) and class-change (◆) marks, the time × class heatmap, and the step-distance bars with a draggable jump threshold beside the histogram of all steps. Above: the classification overview and a table to pick a sequence from.',
      },
    },
  },
  argTypes: {
    view: { control: 'inline-radio', options: ['sequence', 'all'] },
    jumpThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    confidenceThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    hideOverview: { control: 'boolean' },
    filterResult: { control: 'inline-radio', options: ['all', 'right', 'wrong'] },
    tokenLayout: { control: 'inline-radio', options: ['flow', 'lines'] },
    monospace: { control: 'boolean' },
    maxClasses: { control: { type: 'number', min: 1, max: 200 } },
    showTable: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    sequenceIndex: { control: { type: 'number', min: 0 } },
    width: { control: { type: 'range', min: 320, max: 1400, step: 20 } },
  },
  args: {
    view: 'sequence',
    jumpThreshold: 0.4,
    confidenceThreshold: 0.3,
    hideOverview: false,
    filterResult: 'all',
    tokenLayout: 'flow',
    monospace: false,
    maxClasses: 20,
    showTable: false,
    label: '',
    heading: '',
    width: 960,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    const sequence = a.sequenceIndex !== undefined ? a.sequenceIndex : (p.sequence ?? null);
    return html`<cl-sequence-detail
      style="width: ${a.width}px"
      view=${a.view}
      jump-threshold=${a.jumpThreshold}
      confidence-threshold=${a.confidenceThreshold}
      ?hide-overview=${a.hideOverview}
      filter-result=${a.filterResult}
      token-layout=${a.tokenLayout}
      ?monospace=${a.monospace}
      max-classes=${a.maxClasses}
      ?show-table=${a.showTable}
      label=${a.label}
      heading=${a.heading}
      .sequence=${sequence}
      .sequences=${p.sequences}
      .classes=${p.classes}
      .states=${p.states}
      .offsets=${p.offsets}
      .expected=${p.expected}
      .tokens=${p.tokens}
      .truth=${p.truth}
      .predicted=${p.predicted}
      .ids=${p.ids}
      .highlight=${p.highlight}
    ></cl-sequence-detail>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

/** The index of the first sequence with this id. */
const byId = (d: Trajectories, id: string) =>
  Math.max(
    0,
    d.sequences.findIndex((s) => s.id === id),
  );

/**
 * The paper's IMDB case on the generated reviews: a misclassified review. Sentiment words and
 * negators jump; filler never does. Drag the dashed line to change the jump threshold.
 */
export const Reviews: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({
    sequences: d!.sequences,
    classes: d!.classes,
    sequence: d!.sequences.findIndex((s) => s.label !== s.prediction && s.tokens.length > 12),
  }),
  { label: 'Reviews read by a GRU', heading: 'How the GRU reads a review' },
);

/** A long review whose answer flips twice ("… but …"). */
export const ReviewWithBut: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({
    sequences: d!.sequences,
    classes: d!.classes,
    sequence: d!.sequences.findIndex((s) => s.tokens.includes('but') && s.tokens.length > 18),
  }),
  { label: 'A review with but', hideOverview: true, width: 760 },
);

/** Digits read row by row: each token is an image row, so one per line draws the digit. */
export const DigitsRowByRow: Story = on(
  ['trajectoriesDigits'],
  ({ trajectoriesDigits: d }) => ({
    sequences: d!.sequences,
    classes: d!.classes,
    sequence: d!.sequences.findIndex((s) => s.label !== s.prediction),
  }),
  { label: 'Digits read row by row', tokenLayout: 'lines', monospace: true, heading: 'A digit the GRU gets wrong' },
);

/** All sequences at once: the jump and change words of each, coloured by true class, right answers faded. */
export const AllSequences: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({ sequences: d!.sequences, classes: d!.classes }),
  { view: 'all', label: 'Jump words of every review' },
);

/** Only the misclassified reviews in the table. */
export const OnlyWrong: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({ sequences: d!.sequences, classes: d!.classes, sequence: byId(d!, 'review-141') }),
  { filterResult: 'wrong', label: 'Misclassified reviews' },
);

/** Columns instead of records: stacked states, offsets, probabilities, tokens (what a script would pass). */
export const ColumnsInput: Story = on(
  ['trajectoriesDigits'],
  ({ trajectoriesDigits: d }) => {
    const seqs = d!.sequences;
    const offsets: number[] = [];
    let t = 0;
    for (const s of seqs) {
      offsets.push(t);
      t += s.tokens.length;
    }
    const rows = (flat: number[], w: number) =>
      Array.from({ length: flat.length / w }, (_, i) => flat.slice(i * w, i * w + w));
    return {
      states: seqs.flatMap((s) => rows(s.states, d!.hiddenSize)),
      offsets,
      expected: seqs.flatMap((s) => rows(s.expected, d!.classes.length)),
      tokens: seqs.map((s) => s.tokens),
      truth: seqs.map((s) => s.label),
      classes: d!.classes,
      ids: seqs.map((s) => s.id),
      sequence: 3,
    };
  },
  { tokenLayout: 'lines', monospace: true, width: 640 },
);

/** Narrow: the overview stacks above the sequence. */
export const Narrow: Story = { ...Reviews, args: { ...Reviews.args, width: 520, heading: '' } };

export const DarkTheme: Story = { ...Reviews, globals: { theme: 'dark' } };

export const WithDataTable: Story = { ...ReviewWithBut, args: { ...ReviewWithBut.args, showTable: true } };

// ——— edge cases ———

export const Empty: Story = on([], () => ({ sequences: [] }), { width: 500 });

export const OneSequence: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({ sequences: d!.sequences.slice(0, 1), classes: d!.classes, sequence: 0 }),
  { width: 700 },
);

export const SequenceOfLengthOne: Story = on(
  [],
  () => ({
    sequences: [
      { id: 'short', label: 'pos', prediction: 'pos', tokens: ['great'], states: [0.1, 0.4], expected: [0.2, 0.8] },
      {
        id: 'longer',
        label: 'neg',
        prediction: 'neg',
        tokens: ['not', 'great'],
        states: [0, 0, 0.5, -0.2],
        expected: [0.6, 0.4, 0.9, 0.1],
      },
    ],
    classes: ['neg', 'pos'],
    sequence: 0,
  }),
  { width: 640 },
);

/** Identical states: every step distance is 0, so nothing jumps and the histogram is empty. */
export const IdenticalStates: Story = on(
  [],
  () => ({
    sequences: [
      {
        id: 'flat',
        label: 'a',
        prediction: 'a',
        tokens: ['one', 'two', 'three', 'four'],
        states: Array(8).fill(0.3),
        expected: [0.7, 0.3, 0.7, 0.3, 0.7, 0.3, 0.7, 0.3],
      },
    ],
    classes: ['a', 'b'],
    sequence: 0,
  }),
  { width: 640 },
);

/** 40 classes: the heatmap keeps the 20 the sequence gives most probability to. */
export const ManyClasses: Story = on(
  [],
  () => {
    const m = 40;
    const seqs = Array.from({ length: 30 }, (_, s) => {
      const T = 6 + (s % 5);
      const expected: number[] = [];
      const states: number[] = [];
      for (let t = 0; t < T; t++) {
        const row = Array.from({ length: m }, (_, c) => Math.exp(-(((c - ((s * 7 + t * 3) % m)) / 3) ** 2)) + 0.01);
        const z = row.reduce((a, b) => a + b, 0);
        expected.push(...row.map((v) => v / z));
        states.push(Math.sin(s + t), Math.cos(s * t), t / T);
      }
      return {
        id: `item-${s}`,
        label: `class ${s % m}`,
        tokens: Array.from({ length: T }, (_, t) => `w${t}`),
        states,
        expected,
      };
    });
    return { sequences: seqs, classes: Array.from({ length: m }, (_, c) => `class ${c}`), sequence: 4 };
  },
  { width: 940 },
);

/** A NaN in the states: a coded error (NON_FINITE) naming the position, in place of the chart. */
export const NaNInStates: Story = on(
  [],
  () => ({
    sequences: [
      {
        id: 'bad',
        label: 'a',
        prediction: 'a',
        tokens: ['x', 'y'],
        states: [0, 1, NaN, 2],
        expected: [0.5, 0.5, 0.4, 0.6],
      },
    ],
    classes: ['a', 'b'],
    sequence: 0,
  }),
  { width: 600 },
);

/** Labels with markup are text, never HTML. */
export const HostileLabels: Story = on(
  [],
  () => ({
    sequences: [
      {
        id: '<img src=x onerror=alert(1)>',
        label: '<b>neg</b>',
        prediction: 'javascript:alert(1)',
        tokens: ['<script>', 'שלום', '🙂', 'javascript:alert(1)'],
        states: [0, 0, 1, 1, 0, 2, 3, 3],
        expected: [0.9, 0.1, 0.4, 0.6, 0.5, 0.5, 0.1, 0.9],
      },
    ],
    classes: ['<b>neg</b>', 'javascript:alert(1)'],
    sequence: 0,
  }),
  { width: 700 },
);
