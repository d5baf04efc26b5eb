import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import '../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import '../packages/elements/src/linked/cl-linked.js';
import type { ClTrajectoryProjection } from '../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import type { ClSequenceDetail } from '../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import type { ClChangeDetail, ClMarkDetail } from '../packages/elements/src/events.js';
import { load, type Loaded } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<
  Pick<
    ClTrajectoryProjection,
    | 'sequences'
    | 'classes'
    | 'states'
    | 'points'
    | 'offsets'
    | 'expected'
    | 'tokens'
    | 'truth'
    | 'predicted'
    | 'ids'
    | 'values'
    | 'highlight'
    | 'sequence'
  >
>;

type Args = Pick<
  ClTrajectoryProjection,
  | 'method'
  | 'colorBy'
  | 'lineColor'
  | 'jumpThreshold'
  | 'confidenceThreshold'
  | 'renderer'
  | 'lasso'
  | 'hideLegend'
  | 'showTable'
  | 'label'
  | 'heading'
  | 'valueLabel'
> & {
  sequenceIndex?: number | null;
  iterations?: number | null;
  pointSize?: number | null;
  height?: number;
  width?: number;
};

const meta: Meta<Args> = {
  title: 'Elements/Trajectory Projection',
  component: 'cl-trajectory-projection',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Every hidden state of a recurrent classifier in one 2-D map (t-SNE in a worker, animating in), coloured by the expected prediction, with a selected sequence drawn as a trajectory and its jump (▲), confidence-change (●) and class-change (◆) words labelled. Wheel to zoom, drag to pan, Shift+drag (or `lasso`) to lasso, click a point to select its sequence.',
      },
    },
  },
  argTypes: {
    method: { control: 'inline-radio', options: ['tsne', 'pca'] },
    colorBy: { control: 'inline-radio', options: ['ep', 'truth', 'correct', 'value'] },
    lineColor: { control: 'inline-radio', options: ['ep', 'time'] },
    jumpThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    confidenceThreshold: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    renderer: { control: 'inline-radio', options: ['auto', 'webgl', 'canvas'] },
    lasso: { control: 'boolean' },
    hideLegend: { control: 'boolean' },
    showTable: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    valueLabel: { control: 'text' },
    sequenceIndex: { control: { type: 'number', min: 0 } },
    iterations: { control: { type: 'number', min: 0, max: 5000 } },
    pointSize: { control: { type: 'number', min: 1, max: 20 } },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
    width: { control: { type: 'range', min: 300, max: 1400, step: 20 } },
  },
  args: {
    method: 'tsne',
    colorBy: 'ep',
    lineColor: 'ep',
    jumpThreshold: 0.4,
    confidenceThreshold: 0.3,
    renderer: 'auto',
    lasso: false,
    hideLegend: false,
    showTable: false,
    label: '',
    heading: '',
    valueLabel: 'Value',
    height: 520,
    width: 760,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    const sequence = a.sequenceIndex !== undefined ? a.sequenceIndex : (p.sequence ?? null);
    return html`<cl-trajectory-projection
      style="width: ${a.width}px; height: ${a.height}px"
      method=${a.method}
      color-by=${a.colorBy}
      line-color=${a.lineColor}
      jump-threshold=${a.jumpThreshold}
      confidence-threshold=${a.confidenceThreshold}
      renderer=${a.renderer}
      ?lasso=${a.lasso}
      ?hide-legend=${a.hideLegend}
      ?show-table=${a.showTable}
      label=${a.label}
      heading=${a.heading}
      value-label=${a.valueLabel}
      .iterations=${a.iterations ?? null}
      .pointSize=${a.pointSize ?? null}
      .sequence=${sequence}
      .sequences=${p.sequences}
      .classes=${p.classes}
      .states=${p.states}
      .points=${p.points}
      .offsets=${p.offsets}
      .expected=${p.expected}
      .tokens=${p.tokens}
      .truth=${p.truth}
      .predicted=${p.predicted}
      .ids=${p.ids}
      .values=${p.values}
      .highlight=${p.highlight}
    ></cl-trajectory-projection>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

/**
 * The paper's IMDB case on the generated reviews: a t-SNE of all 4,616 hidden states
 * (computed in a worker as the story opens), coloured by P(positive), with a misclassified
 * review's trajectory and its jump words.
 */
export const Reviews: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({
    sequences: d!.sequences,
    classes: d!.classes,
    sequence: d!.sequences.findIndex((s) => s.id === 'review-141'),
  }),
  { heading: 'Hidden states of the review GRU (t-SNE)', label: 'Review GRU hidden states' },
);

/** Digits read row by row (10 classes): points in the top class's hue, greyed where the GRU is unsure. */
export const Digits: Story = on(
  ['trajectoriesDigits'],
  ({ trajectoriesDigits: d }) => ({
    sequences: d!.sequences,
    classes: d!.classes,
    sequence: d!.sequences.findIndex((s) => s.id === 'digits-129'),
  }),
  { heading: 'Digits read row by row: a 8 read as a 1', lineColor: 'time' },
);

/** The same states with PCA (instant; linear, so the clusters overlap more). */
export const ReviewsPca: Story = {
  ...Reviews,
  args: { ...Reviews.args, method: 'pca', heading: 'The same states, PCA' },
};

/** Coloured by true class; right answers faint. */
export const ByTruth: Story = {
  ...Digits,
  args: { ...Digits.args, colorBy: 'truth', heading: 'Coloured by the true digit' },
};

/** Right and wrong answers. */
export const RightOrWrong: Story = {
  ...Reviews,
  args: { ...Reviews.args, colorBy: 'correct', heading: 'Right and wrong reviews' },
};

/**
 * 106,496 hidden states (every word of 7,000 reviews) with their precomputed core t-SNE,
 * one review's trajectory selected. Zoom in with the wheel.
 */
export const HundredThousandStates: Story = on(
  ['reviewSteps'],
  ({ reviewSteps: r }) => ({
    points: { rows: r!.xy.length / 2, cols: 2, data: r!.xy },
    offsets: r!.offsets,
    expected: r!.expected,
    tokens: r!.tokens,
    truth: r!.truth,
    predicted: r!.predicted,
    ids: r!.ids,
    classes: r!.classes,
    sequence: 141,
  }),
  { heading: '106,496 hidden states of 7,000 reviews', height: 600, width: 900 },
);

/**
 * The De-Confusion item map (Bäuerle et al.): 1,797 digits at a t-SNE of their pixels,
 * coloured by the mismatch score of their label — the red points are the likely label errors.
 */
export const DeConfusionItemMap: Story = on(
  ['digitsItemMap'],
  ({ digitsItemMap: m }) => ({
    points: { rows: m!.x.length, cols: 2, data: Float64Array.from(m!.x.flatMap((x, i) => [x, m!.y[i]])) },
    offsets: m!.x.map((_, i) => i),
    values: m!.score,
    truth: m!.truth.map((c) => m!.classes[c]),
    predicted: m!.pred.map((c) => m!.classes[c]),
    classes: m!.classes,
    ids: m!.ids.map((i) => `digit ${i}`),
  }),
  {
    colorBy: 'value',
    valueLabel: 'Mismatch score',
    heading: 'Digits by the mismatch score of their label',
    pointSize: 6,
  },
);

/** A million precomputed points (synthetic clusters) on the CPU raster: pan and zoom stay interactive. */
export const MillionPoints: Story = on(
  [],
  () => {
    const n = 1_000_000;
    const xy = new Float32Array(2 * n);
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const expected = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 7;
      const a = (c / 7) * 2 * Math.PI;
      const r = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * 0.6;
      const t = 2 * Math.PI * rnd();
      xy[2 * i] = 4 * Math.cos(a) + r * Math.cos(t);
      xy[2 * i + 1] = 4 * Math.sin(a) + r * Math.sin(t);
      expected[i] = c < 3 ? 0.1 + 0.2 * rnd() : c < 5 ? 0.4 + 0.2 * rnd() : 0.7 + 0.3 * rnd();
    }
    return { points: { rows: n, cols: 2, data: xy }, expected, classes: ['negative', 'positive'] };
  },
  { heading: '1,000,000 points', height: 560 },
);

/**
 * Both elements linked (`<cl-linked>`): hover a word to find its point, hover a point to
 * find its word; pick a sequence from the list, the table or the map; drag the threshold
 * line and the map's jump labels follow.
 */
export const LinkedWithSequenceDetail: Story = {
  loaders: [load('trajectoriesReviews')],
  render: (_a, { loaded }) => {
    const d = (loaded as Loaded).trajectoriesReviews!;
    const start = d.sequences.findIndex((s) => s.id === 'review-87');
    const interesting = d.sequences
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.label !== s.prediction || s.tokens.includes('but'))
      .slice(0, 14);
    const pick = (host: Element | null, i: number) => {
      const root = host?.closest('.linked-story');
      if (!root) return;
      for (const el of root.querySelectorAll<ClTrajectoryProjection | ClSequenceDetail>(
        'cl-trajectory-projection, cl-sequence-detail',
      )) {
        el.sequence = i;
      }
      for (const b of root.querySelectorAll<HTMLButtonElement>('.picker button'))
        b.setAttribute('aria-pressed', String(+b.value === i));
    };
    const onSelect = (e: CustomEvent<ClMarkDetail>) => {
      if (e.detail.kind === 'sequence' && e.detail.sequence != null)
        pick(e.currentTarget as Element, e.detail.sequence);
    };
    const onChange = (e: CustomEvent<ClChangeDetail>) => {
      const proj = (e.currentTarget as Element)
        .closest('.linked-story')
        ?.querySelector<ClTrajectoryProjection>('cl-trajectory-projection');
      if (proj && e.detail.name === 'jump-threshold') proj.jumpThreshold = e.detail.value;
    };
    return html`<style>
        .linked-story {
          display: flex;
          flex-direction: column;
          gap: 10px;
          width: 960px;
        }
        .linked-story .picker {
          display: flex;
          flex-wrap: wrap;
          gap: 4px;
        }
        .linked-story .picker button[aria-pressed='true'] {
          font-weight: 700;
          outline: 2px solid #0969da;
        }
        .linked-grid {
          display: grid;
          grid-template-columns: 440px 1fr;
          gap: 16px;
          align-items: start;
        }
        .linked-grid cl-trajectory-projection {
          height: 500px;
        }
      </style>
      <div class="linked-story">
        <div class="picker" role="group" aria-label="Sequences to pick from">
          ${interesting.map(
            ({ s, i }) =>
              html`<button
                type="button"
                value=${i}
                aria-pressed=${String(i === start)}
                @click=${(e: Event) => pick(e.currentTarget as Element, i)}
              >
                ${s.id}${s.label !== s.prediction ? ' ✗' : ''}
              </button>`,
          )}
        </div>
        <cl-linked on="hover">
          <div class="linked-grid" @cl-select=${onSelect}>
            <cl-trajectory-projection
              .sequences=${d.sequences}
              .classes=${d.classes}
              .sequence=${start}
              heading="Hidden states (t-SNE)"
            ></cl-trajectory-projection>
            <cl-sequence-detail
              .sequences=${d.sequences}
              .classes=${d.classes}
              .sequence=${start}
              hide-overview
              @cl-change=${onChange}
            ></cl-sequence-detail>
          </div>
        </cl-linked>
      </div>`;
  },
};

/** The dark theme. */
export const DarkTheme: Story = { ...Reviews, globals: { theme: 'dark' } };

/** The CPU raster, asked for (`renderer="canvas"`): the same picture as WebGL. */
export const CpuRaster: Story = { ...Digits, args: { ...Digits.args, renderer: 'canvas' } };

export const WithDataTable: Story = { ...Reviews, args: { ...Reviews.args, showTable: true, height: 700 } };

// ——— edge cases ———

export const Empty: Story = on([], () => ({ sequences: [] }), { height: 240 });

export const OneSequence: Story = on(
  ['trajectoriesReviews'],
  ({ trajectoriesReviews: d }) => ({ sequences: d!.sequences.slice(87, 88), classes: d!.classes, sequence: 0 }),
  { height: 360, method: 'pca' },
);

export const SequenceOfLengthOne: Story = on(
  [],
  () => ({
    sequences: [
      { id: 'short', label: 'pos', tokens: ['great'], states: [0.1, 0.4], expected: [0.2, 0.8] },
      {
        id: 'longer',
        label: 'neg',
        tokens: ['not', 'great', 'at', 'all'],
        states: [0, 0, 0.5, -0.2, 0.1, 0.3, -0.4, 0.2],
        expected: [0.6, 0.4, 0.9, 0.1, 0.7, 0.3, 0.8, 0.2],
      },
    ],
    classes: ['neg', 'pos'],
    sequence: 0,
  }),
  { height: 360 },
);

/** Identical states: every point at one place, no jumps. */
export const IdenticalStates: Story = on(
  [],
  () => ({
    sequences: [
      {
        id: 'flat',
        label: 'a',
        tokens: ['one', 'two', 'three'],
        states: Array(6).fill(0.3),
        expected: [0.7, 0.3, 0.6, 0.4, 0.5, 0.5],
      },
    ],
    classes: ['a', 'b'],
    sequence: 0,
  }),
  { height: 320 },
);

/** A NaN in the states: NON_FINITE naming the position, in place of the map. */
export const NaNInStates: Story = on(
  [],
  () => ({
    sequences: [{ id: 'bad', label: 'a', tokens: ['x', 'y'], states: [0, 1, NaN, 2], expected: [0.5, 0.5, 0.4, 0.6] }],
    classes: ['a', 'b'],
  }),
  { height: 240 },
);
