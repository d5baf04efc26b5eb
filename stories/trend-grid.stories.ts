import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/trend-grid/cl-trend-grid.js';
import type { ClTrendGrid, TrendSeries } from '../packages/elements/src/trend-grid/cl-trend-grid.js';
import { load, type Loaded } from './data.js';

/** Data-bound properties a story derives from its loaded data (arrays stay out of args). */
type DataProps = Partial<Pick<ClTrendGrid, 'truth' | 'predictions' | 'series' | 'versions' | 'highlight' | 'kinds'>>;

type Args = Pick<ClTrendGrid, 'tolerance' | 'yDomain' | 'sort' | 'showTable' | 'label' | 'heading'> & {
  height?: number;
  kindsText?: string;
};

const meta: Meta<Args> = {
  title: 'Elements/Trend Grid',
  component: 'cl-trend-grid',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Per-class accuracy across model versions as small multiples, coloured by trend (the Sankey-for-ML paper, Fig. 10): blue strictly increasing, red strictly decreasing, light blue overall increasing or stable, orange overall decreasing or stable, grey stable. One SVG; only the cells near the viewport are drawn, so 1,000 classes scroll smoothly. Hover a cell for every version’s accuracy and sample size; click (or Enter) to select its items.',
      },
    },
  },
  argTypes: {
    tolerance: {
      control: { type: 'number', min: 0, max: 0.2, step: 0.005 },
      description: 'Steps within ±tolerance count as flat.',
    },
    yDomain: { control: 'inline-radio', options: ['shared', 'cell'] },
    sort: { control: 'inline-radio', options: ['trend', 'net', 'latest', 'support', 'name'] },
    kindsText: {
      name: 'kinds',
      control: 'text',
      description:
        'Only these trend kinds (space-separated): increasing decreasing non-decreasing non-increasing stable mixed.',
    },
    showTable: { control: 'boolean' },
    label: { control: 'text' },
    heading: { control: 'text' },
    height: { control: { type: 'range', min: 200, max: 900, step: 20 } },
  },
  args: {
    tolerance: 0,
    yDomain: 'shared',
    sort: 'trend',
    kindsText: '',
    showTable: false,
    label: '',
    heading: '',
    height: 560,
  },
  render: (a, { loaded, parameters }) => {
    const p = ((parameters.props as ((l: Loaded) => DataProps) | undefined)?.(loaded as Loaded) ?? {}) as DataProps;
    return html`<cl-trend-grid
      style="height: ${a.height}px"
      tolerance=${a.tolerance}
      y-domain=${a.yDomain}
      sort=${a.sort}
      kinds=${a.kindsText || (p.kinds ?? []).join(' ')}
      ?show-table=${a.showTable}
      label=${a.label}
      heading=${a.heading}
      .truth=${p.truth}
      .predictions=${p.predictions}
      .series=${p.series}
      .versions=${p.versions}
      .highlight=${p.highlight}
    ></cl-trend-grid>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

function on(names: (keyof Loaded)[], props: (l: Loaded) => DataProps, args: Partial<Args> = {}): Story {
  return { loaders: [load(...names)], parameters: { props }, args };
}

const catalogue = (l: Loaded): DataProps => ({
  truth: l.catalogueVersions!.truth,
  predictions: l.catalogueVersions!.predictions,
});

/**
 * The paper's own case: 62 product types across four versions of a classifier (generated
 * data with a split, a merge and every trend kind), sorted by trend.
 */
export const CatalogueVersions: Story = on(['catalogueVersions'], catalogue, {
  label: 'Product-type accuracy, V0 → V3',
  heading: 'Which product types got better, which got worse, which wobble',
  height: 640,
});

/** The digits versions M0 → M1 → M2 on 540 held-out digits. */
export const DigitsHeldOut: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    truth: d!.truth,
    predictions: Object.fromEntries(d!.models.map((m) => [m.label ?? m.id, m.predNames])),
  }),
  { label: 'Digit accuracy, held-out', heading: 'Per-digit accuracy, M0 → M2 (held-out)', height: 420 },
);

/** The same versions, 5-fold cross-validated over all 1,797 digits, each cell on its own scale. */
export const DigitsCrossValidated: Story = on(
  ['digitsAll'],
  ({ digitsAll: d }) => ({
    truth: d!.truth,
    predictions: Object.fromEntries(d!.models.map((m) => [m.label ?? m.id, m.predNames])),
  }),
  {
    label: 'Digit accuracy, cross-validated',
    heading: 'Per-digit accuracy, M0 → M2 (5-fold CV), each cell on its own scale',
    yDomain: 'cell',
    height: 420,
  },
);

// One story per trend kind: the catalogue's classes of that kind.
const kind = (k: NonNullable<DataProps['kinds']>[number], heading: string): Story =>
  on(['catalogueVersions'], (l) => ({ ...catalogue(l), kinds: [k] }), { label: `${k} classes`, heading, height: 380 });
export const Increasing = kind('increasing', 'Strictly increasing: better in every version');
export const Decreasing = kind('decreasing', 'Strictly decreasing: worse in every version');
export const NonDecreasing = kind('non-decreasing', 'Non-decreasing: up or flat, never down');
export const NonIncreasing = kind('non-increasing', 'Non-increasing: down or flat, never up');
export const Stable = kind('stable', 'Stable: the same in every version');
export const Mixed = kind('mixed', 'Mixed: up and down (light blue when it ends higher, orange when lower)');

/** A tolerance of 2 points: small wobbles count as flat, so many mixed classes become stable or monotone. */
export const Tolerance: Story = on(['catalogueVersions'], catalogue, {
  label: 'Catalogue accuracy, 2-point tolerance',
  heading: 'Steps of at most 2 points count as flat',
  tolerance: 0.02,
  height: 640,
});

/** Regressions first: sorted by net change, the largest drop first. */
export const SortedByNetChange: Story = on(['catalogueVersions'], catalogue, {
  label: 'Catalogue accuracy by net change',
  heading: 'Largest drops first',
  sort: 'net',
  height: 640,
});

/** Items selected in another view (the misclassified Knit Tops items) highlighted: other cells fade. */
export const HighlightFromAnotherView: Story = on(
  ['catalogueVersions'],
  (l) => {
    const c = l.catalogueVersions!;
    const last = c.versions[c.versions.length - 1].predNames;
    return { ...catalogue(l), highlight: c.truth.flatMap((t, i) => (t !== last[i] && i % 3 === 0 ? [i] : [])) };
  },
  {
    label: 'Catalogue, some V3 errors highlighted',
    heading: 'A third of V3’s errors, highlighted by class',
    height: 640,
  },
);

export const DarkTheme: Story = { ...CatalogueVersions, globals: { theme: 'dark' } };

export const WithDataTable: Story = { ...DigitsHeldOut, args: { ...DigitsHeldOut.args, showTable: true, height: 700 } };

// ——— scale ———

/** Seeded random walks: 1,000 classes × 10 versions, every trend kind. */
function walks(classes: number, versions: number, seed = 3): { series: TrendSeries[]; versions: string[] } {
  let s = seed;
  const r = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const series: TrendSeries[] = [];
  for (let c = 0; c < classes; c++) {
    const mode = c % 6;
    let v = 0.55 + 0.4 * r();
    const values: number[] = [];
    for (let k = 0; k < versions; k++) {
      const step = 0.01 + 0.03 * r();
      if (k > 0) {
        if (mode === 0) v += step;
        else if (mode === 1) v -= step;
        else if (mode === 2) v += r() < 0.5 ? step : 0;
        else if (mode === 3) v -= r() < 0.5 ? step : 0;
        else if (mode === 5) v += r() < 0.5 ? step : -step;
      }
      v = Math.min(1, Math.max(0, v));
      values.push(Math.round(v * 1000) / 1000);
    }
    series.push({ class: `class ${String(c).padStart(4, '0')}`, values, support: 20 + Math.floor(r() * 400) });
  }
  return { series, versions: Array.from({ length: versions }, (_, k) => `v${k}`) };
}
const thousand = walks(1000, 10);

/** 1,000 classes × 10 versions (precomputed series): only the cells near the viewport exist; scroll. */
export const ThousandClasses: Story = on([], () => thousand, {
  label: '1,000 classes',
  heading: '1,000 classes × 10 versions',
  height: 700,
});

/** 200 classes. */
export const TwoHundredClasses: Story = on([], () => ({ ...walks(200, 6, 11) }), {
  label: '200 classes',
  height: 560,
  sort: 'name',
});

// ——— edge cases ———

export const Empty: Story = on([], () => ({ series: [], versions: ['v0', 'v1'] }), { height: 220 });

/** One version: every class is stable (nothing to compare). */
export const OneVersion: Story = on(
  ['digits'],
  ({ digits: d }) => ({ truth: d!.truth, predictions: { M2: d!.models[2].predNames } }),
  { height: 420 },
);

/** Two identical versions: every class is stable. */
export const IdenticalVersions: Story = on(
  ['digits'],
  ({ digits: d }) => ({
    truth: d!.truth,
    predictions: { M1: d!.models[1].predNames, 'M1 again': d!.models[1].predNames },
  }),
  { height: 420 },
);

/** A class missing from one version (null): its line breaks there, and its trend uses the versions it is in. */
export const ClassMissingFromOneVersion: Story = on(
  [],
  () => ({
    versions: ['V0', 'V1', 'V2', 'V3'],
    series: [
      { class: 'Knit Tops', values: [0.94, null, null, null], support: 1280 },
      { class: 'T-Shirts', values: [null, 0.81, 0.86, 0.88], support: 524 },
      { class: 'Sweaters', values: [null, 0.72, 0.7, 0.79], support: 368 },
      { class: 'Bike Parts', values: [0.8, 0.82, null, 0.85], support: 200 },
      { class: 'Jeans', values: [0.9, 0.9, 0.9, 0.9], support: 410 },
    ],
  }),
  { height: 260 },
);

/** Class names are text, never HTML. */
export const HtmlInLabels: Story = on(
  [],
  () => ({
    versions: ['<b>v0</b>', 'v1'],
    series: [
      { class: '<img src=x onerror=alert(1)>', values: [0.5, 0.7] },
      { class: 'שלום', values: [0.8, 0.6] },
      { class: '🐱 cat', values: [0.9, 0.9] },
    ],
  }),
  { height: 220 },
);

/** Bad input: a NaN accuracy is rejected with a coded error naming its place. */
export const ErrorNonFinite: Story = on(
  [],
  () => ({ versions: ['v0', 'v1'], series: [{ class: 'a', values: [0.5, Number.NaN] }] }),
  { height: 220 },
);
