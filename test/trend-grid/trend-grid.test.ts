import '../../packages/elements/src/trend-grid/cl-trend-grid.js';
import type { ClTrendGrid, TrendSeries } from '../../packages/elements/src/trend-grid/cl-trend-grid.js';
import type { ClErrorDetail, ClMarkDetail } from '../../packages/elements/src/events.js';
import { classAccuracyTrends, classMetrics, TREND_COLORS } from '@classlens/core';
import {
  aTimeout,
  expect,
  expectCleanReconnects,
  expectNoAxeViolations,
  fixture,
  html,
  nextFrame,
  oneEvent,
  shadowQuery,
  shadowQueryAll,
} from '../harness/index.js';

// Four classes over three versions:
//   a: 1/2 → 2/2 → 2/2 (non-decreasing)   b: 2/2 → 1/2 → 0/2 (decreasing)
//   c: 0/2 → 1/2 → 0/2 (mixed, net 0)      d: 0/1 → 0/1 → 1/1 (non-decreasing)
const truth = ['a', 'a', 'b', 'b', 'c', 'c', 'd'];
const v0 = ['a', 'x', 'b', 'b', 'x', 'x', 'x'];
const v1 = ['a', 'a', 'b', 'x', 'c', 'x', 'x'];
const v2 = ['a', 'a', 'x', 'x', 'x', 'x', 'd'];

async function grid(props: Partial<ClTrendGrid> = {}, attrs = ''): Promise<ClTrendGrid> {
  const el = await fixture<ClTrendGrid>(html`<cl-trend-grid style="width: 760px; height: 420px"></cl-trend-grid>`);
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { truth, predictions: { v0, v1, v2 } }, props);
  await settle(el);
  return el;
}

async function settle(el: ClTrendGrid) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

const cells = (el: Element) => shadowQueryAll<SVGGElement>(el, '[part~="cell"]');
const cellOf = (el: Element, name: string) =>
  cells(el).find((c) => c.querySelector('.cell-name')!.textContent === name)!;
const click = (m: Element) => m.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

/** Walks of `classes` × `versions`, every sixth class of each shape. */
function walks(classes: number, versions: number): TrendSeries[] {
  return Array.from({ length: classes }, (_, c) => ({
    class: `c${String(c).padStart(4, '0')}`,
    values: Array.from({ length: versions }, (_, k) => 0.5 + (c % 2 ? 0.01 : -0.01) * k),
    support: c + 1,
  }));
}

describe('<cl-trend-grid>', () => {
  describe('drawing matches core', () => {
    it('trends are classAccuracyTrends’ rows with support, in trend order', async () => {
      const el = await grid();
      const core = classAccuracyTrends(truth, [v0, v1, v2]);
      const support = new Map(classMetrics(truth, v0).map((m) => [m.class, m.support]));
      const rows = el.trends;
      expect(rows.map((r) => r.class).sort()).to.deep.equal(core.map((r) => r.class).sort());
      for (const r of rows) {
        const c = core.find((x) => x.class === r.class)!;
        expect(r.values).to.deep.equal(c.values);
        expect(r.trend).to.deep.equal(c.trend);
        expect(r.support).to.equal(support.get(r.class));
      }
      // Trend order: light blue (non-decreasing: a net +0.5, d net +1 → d first), grey (c), red (b).
      expect(rows.map((r) => r.class)).to.deep.equal(['d', 'a', 'c', 'b']);
      expect(el.versionNames).to.deep.equal(['v0', 'v1', 'v2']);
    });

    it('one cell per class with its name, support, latest value and net change', async () => {
      const el = await grid();
      expect(cells(el)).to.have.length(4);
      const a = cellOf(el, 'a');
      expect(a.querySelector('.cell-support')!.textContent).to.equal('n = 2');
      expect(a.querySelector('.cell-latest')!.textContent).to.equal('100%');
      expect(a.querySelector('.cell-net')!.textContent).to.equal('+50 pts');
      expect(a.querySelectorAll('.cell-point')).to.have.length(3);
    });

    it('colours by the paper’s Fig. 10 rule, with a legend counting each colour', async () => {
      const el = await grid();
      const stroke = (n: string) => cellOf(el, n).querySelector('.cell-line')!.getAttribute('stroke');
      expect(stroke('a')).to.equal(TREND_COLORS['non-decreasing']);
      expect(stroke('b')).to.equal(TREND_COLORS.decreasing);
      expect(stroke('c')).to.equal(TREND_COLORS.stable); // mixed, no net change
      const legend = shadowQuery(el, '[part~="legend"]');
      const counts = Array.from(legend.querySelectorAll('.legend__item'), (i) => [
        i.querySelector('.legend__label')!.textContent,
        i.querySelector('.legend__count')!.textContent,
      ]);
      expect(counts).to.deep.equal([
        ['Strictly increasing', '0'],
        ['Overall increasing or stable', '2'],
        ['Stable', '1'],
        ['Overall decreasing or stable', '0'],
        ['Strictly decreasing', '1'],
      ]);
    });

    it('a mixed trend with a net gain is light blue, with a net loss orange (never strict blue or red)', async () => {
      const el = await grid({
        truth: undefined,
        series: [
          { class: 'up', values: [0.5, 0.4, 0.7] },
          { class: 'down', values: [0.7, 0.8, 0.5] },
        ],
        versions: ['A', 'B', 'C'],
      });
      expect(el.trends.map((r) => r.trend.kind)).to.deep.equal(['mixed', 'mixed']);
      expect(cellOf(el, 'up').querySelector('.cell-line')!.getAttribute('stroke')).to.equal(
        TREND_COLORS['non-decreasing'],
      );
      expect(cellOf(el, 'down').querySelector('.cell-line')!.getAttribute('stroke')).to.equal(
        TREND_COLORS['non-increasing'],
      );
    });

    it('themes override the colours through custom properties', async () => {
      const el = await grid();
      el.style.setProperty('--cl-trend-decreasing', 'rgb(1, 2, 3)');
      el.theme = 'dark';
      await settle(el);
      expect(cellOf(el, 'b').querySelector('.cell-line')!.getAttribute('stroke')).to.equal('rgb(1, 2, 3)');
    });

    it('tolerance makes small steps flat (as classifyTrend)', async () => {
      const el = await grid({
        truth: undefined,
        series: [{ class: 'w', values: [0.8, 0.81, 0.8] }],
        versions: ['A', 'B', 'C'],
      });
      expect(el.trends[0].trend.kind).to.equal('mixed');
      el.setAttribute('tolerance', '0.02');
      await settle(el);
      expect(el.trends[0].trend.kind).to.equal('stable');
    });

    it('sort and kinds reorder and filter the cells', async () => {
      const el = await grid({}, 'sort=name');
      expect(el.trends.map((r) => r.class)).to.deep.equal(['a', 'b', 'c', 'd']);
      el.sort = 'net';
      await settle(el);
      expect(el.trends.map((r) => r.class)).to.deep.equal(['b', 'c', 'a', 'd']);
      el.setAttribute('kinds', 'decreasing mixed');
      await settle(el);
      expect(el.trends.map((r) => r.class)).to.deep.equal(['b', 'c']);
      expect(cells(el)).to.have.length(2);
      el.kinds = ['increasing'];
      await settle(el);
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No class has a trend of the chosen kinds');
    });

    it('y-domain="cell" gives each cell its own scale, labelled', async () => {
      const el = await grid({}, 'y-domain=cell');
      expect(cellOf(el, 'a').querySelector('.cell-axis')!.textContent).to.match(/%–\d+%$/);
      el.yDomain = 'shared';
      await settle(el);
      expect(shadowQueryAll(el, '.cell-axis')).to.have.length(0);
      expect(shadowQuery(el, '[part~="subtitle"]').textContent).to.contain('one scale for every cell');
    });

    it('series with a missing version break the line and classify the versions present', async () => {
      const el = await grid({
        truth: undefined,
        series: [{ class: 'split', values: [null, 0.6, 0.7, 0.8], support: 40 }],
        versions: ['V0', 'V1', 'V2', 'V3'],
      });
      expect(el.trends[0].trend).to.deep.equal({ kind: 'increasing', net: 0.8 - 0.6 });
      expect(cellOf(el, 'split').querySelectorAll('.cell-point')).to.have.length(3);
      cellOf(el, 'split').dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="tooltip"]').textContent).to.contain('not in this version');
    });
  });

  describe('interaction', () => {
    it('hover shows the exact accuracy and sample size of every version', async () => {
      const el = await grid();
      const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      cellOf(el, 'a').dispatchEvent(new PointerEvent('pointerenter'));
      const { detail } = await hover;
      expect(detail).to.include({ kind: 'cell', stage: null, value: 2 });
      await el.updateComplete;
      const rows = Object.fromEntries(
        Array.from(shadowQuery(el, '[part~="tooltip"]').querySelectorAll('tr'), (tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td')!.textContent,
        ]),
      );
      expect(rows).to.deep.equal({
        v0: '50% (1 of 2)',
        v1: '100% (2 of 2)',
        v2: '100% (2 of 2)',
        Trend: 'non-decreasing',
        'Net change': '+50 points',
        Items: '2',
      });
    });

    it('click selects the class with exactly its items', async () => {
      const el = await grid();
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(cellOf(el, 'b'));
      const { detail } = await select;
      expect(detail).to.deep.include({ kind: 'cell', stage: null, keys: ['b'], value: 2 });
      expect(Array.from(detail.indices)).to.deep.equal([2, 3]);
      expect(Object.values(detail).some((v) => v instanceof Node)).to.equal(false);
      await el.updateComplete;
      expect(cellOf(el, 'b').classList.contains('is-selected')).to.equal(true);
    });

    it('class indices with `classes` select the right items', async () => {
      const names = ['a', 'b', 'c', 'd', 'x'];
      const code = (a: string[]) => Int32Array.from(a, (k) => names.indexOf(k));
      const el = await grid({
        truth: code(truth),
        predictions: { v0: code(v0), v1: code(v1), v2: code(v2) },
        classes: names,
      });
      expect(el.trends.map((r) => r.class)).to.deep.equal(['d', 'a', 'c', 'b']);
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(cellOf(el, 'c'));
      expect(Array.from((await select).detail.indices)).to.deep.equal([4, 5]);
    });

    it('keyboard: one tab stop; arrows move by cell and by row; Enter selects', async () => {
      const el = await grid({}, 'sort=name');
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      expect(shadowQueryAll(el, '[tabindex]')).to.have.length(1);
      const first = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      chart.focus();
      expect((await first).detail.keys).to.deep.equal(['a']);
      const key = async (k: string) => {
        const e = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        return (await e).detail.keys;
      };
      expect(await key('ArrowRight')).to.deep.equal(['b']);
      expect(await key('End')).to.deep.equal(['d']);
      expect(await key('Home')).to.deep.equal(['a']);
      await el.updateComplete;
      expect(shadowQueryAll(el, '.focus-ring')).to.have.length(1);
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      expect((await select).detail.keys).to.deep.equal(['a']);
    });

    it('highlight dims the cells with none of the highlighted items', async () => {
      const el = await grid();
      el.highlight = [2, 6];
      await settle(el);
      const dim = cells(el)
        .filter((c) => c.classList.contains('is-dim'))
        .map((c) => c.querySelector('.cell-name')!.textContent);
      expect(dim.sort()).to.deep.equal(['a', 'c']);
      el.highlight = null;
      await settle(el);
      expect(shadowQueryAll(el, '.is-dim')).to.have.length(0);
    });
  });

  describe('scale', () => {
    it('1,000 classes: only the cells near the viewport exist, and scrolling brings the others', async () => {
      const el = await grid(
        { truth: undefined, series: walks(1000, 10), versions: Array.from({ length: 10 }, (_, k) => `v${k}`) },
        'sort=name',
      );
      expect(el.trends).to.have.length(1000);
      const n0 = cells(el).length;
      expect(n0).to.be.greaterThan(0);
      expect(n0).to.be.lessThan(100);
      expect(shadowQueryAll(el, 'svg.grid')).to.have.length(1); // one SVG for every cell (the rest are legend swatches)
      const scroller = shadowQuery<HTMLElement>(el, '.scroller');
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await settle(el);
      const names = cells(el).map((c) => c.querySelector('.cell-name')!.textContent);
      expect(names).to.include('c0999');
      expect(names).not.to.include('c0000');
      expect(cells(el).length).to.be.lessThan(100);
    });

    it('keyboard End scrolls the last cell into view', async () => {
      const el = await grid({ truth: undefined, series: walks(300, 3), versions: ['a', 'b', 'c'] }, 'sort=name');
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      chart.focus();
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      await settle(el);
      await nextFrame(2);
      await el.updateComplete;
      expect(shadowQuery<HTMLElement>(el, '.scroller').scrollTop).to.be.greaterThan(1000);
      expect(cells(el).map((c) => c.querySelector('.cell-name')!.textContent)).to.include('c0299');
      expect(shadowQueryAll(el, '.focus-ring')).to.have.length(1);
    });
  });

  describe('export', () => {
    it('toSVG() draws every class, not only the rows in view, with the legend counts; the live grid is untouched', async () => {
      const el = await grid(
        { truth: undefined, series: walks(1000, 10), versions: Array.from({ length: 10 }, (_, k) => `v${k}`) },
        'sort=name',
      );
      const before = cells(el).length;
      expect(before).to.be.lessThan(100);
      const text = el.toSVG();
      expect(text.startsWith('<?xml')).to.equal(true);
      expect(text).not.to.contain('var(--');
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).to.equal(null);
      const names = new Set(Array.from(doc.querySelectorAll('text'), (t) => t.textContent));
      for (const r of el.trends) expect(names.has(String(r.class)), String(r.class)).to.equal(true);
      // walks(): odd classes rise strictly, even ones fall strictly — 500 of each.
      expect(names.has('Strictly increasing 500')).to.equal(true);
      expect(names.has('Strictly decreasing 500')).to.equal(true);
      const svgEl = doc.documentElement;
      expect(Number(svgEl.getAttribute('height'))).to.be.greaterThan(125 * 100);
      expect(shadowQueryAll(el, 'svg.grid')).to.have.length(1);
      expect(cells(el).length).to.equal(before);
    });

    it('the exported legend wraps on a narrow grid instead of dropping entries', async () => {
      const el = await grid();
      el.style.width = '200px';
      await settle(el);
      await nextFrame(2);
      const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
      const legend = Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? '').filter((t) =>
        /^(Overall increasing or stable|Stable|Strictly decreasing) \d/.test(t),
      );
      expect(legend).to.deep.equal(['Overall increasing or stable 2', 'Stable 1', 'Strictly decreasing 1']);
      const width = Number(doc.documentElement.getAttribute('width'));
      for (const g of Array.from(doc.querySelectorAll('g[transform]'))) {
        const m = /translate\(([\d.]+),/.exec(g.getAttribute('transform')!);
        if (m && g.querySelector('rect') && !g.querySelector('.cell-bg')) expect(Number(m[1])).to.be.lessThan(width);
      }
    });

    it('toPNG() returns a PNG of the whole grid; bad scale and an empty grid are coded errors', async () => {
      const el = await grid();
      const blob = await el.toPNG(1);
      expect(blob.type).to.equal('image/png');
      const bytes = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      expect(Array.from(bytes)).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
      const bitmap = await createImageBitmap(blob);
      expect(bitmap.width).to.equal(760);
      let code = '';
      try {
        await el.toPNG(NaN);
      } catch (e) {
        code = (e as { code?: string }).code ?? '';
      }
      expect(code).to.equal('INVALID_ARGUMENT');
      const empty = await grid({ truth: [], predictions: { v0: [] } });
      expect(() => empty.toSVG())
        .to.throw()
        .with.property('code', 'EMPTY');
    });
  });

  describe('bad input', () => {
    it('versions of another length than truth: coded error, visible state, recovery', async () => {
      const el = await grid();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.predictions = { v0, v1: v1.slice(1) };
      const { detail } = await error;
      expect(detail).to.deep.equal({ code: 'LENGTH_MISMATCH', message: 'v1 has length 6 but truth has length 7' });
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
      el.predictions = { v0, v1 };
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(cells(el)).to.have.length(4);
    });

    it('series errors name their place: NaN, wrong length, duplicate class, bad support', async () => {
      const el = await grid({ truth: undefined, series: [{ class: 'a', values: [0.5, 0.6] }], versions: ['x', 'y'] });
      const cases: [TrendSeries[], string, string][] = [
        [
          [{ class: 'a', values: [0.5, Number.NaN] }],
          'NON_FINITE',
          'series[0].values[1]: NaN (use null for a missing version)',
        ],
        [[{ class: 'a', values: [0.5] }], 'LENGTH_MISMATCH', 'series[0].values has length 1 but there are 2 versions'],
        [
          [
            { class: 'a', values: [0.5, 0.6] },
            { class: 'a', values: [0.5, 0.6] },
          ],
          'DUPLICATE_KEY',
          'series[1]: class "a" appears twice',
        ],
        [
          [{ class: 'a', values: [0.5, 0.6], support: -1 }],
          'INVALID_ARGUMENT',
          'series[0].support: expected a whole number ≥ 0, got -1',
        ],
      ];
      for (const [series, code, message] of cases) {
        const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
        el.series = series;
        expect((await error).detail).to.deep.equal({ code, message });
      }
    });

    it('treats unset and wrongly typed properties as unset', async () => {
      const el = await grid({ truth: undefined, predictions: undefined });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
      el.setAttribute('sort', 'sideways');
      el.setAttribute('tolerance', 'lots');
      el.setAttribute('kinds', 'zigzag');
      el.setAttribute('cell-width', '-5');
      Object.assign(el, { truth, predictions: { v0, v1, v2 } });
      await settle(el);
      expect(cells(el)).to.have.length(4);
    });

    it('renders class names as text: HTML never runs', async () => {
      const w = window as unknown as { pwned?: boolean };
      const evil = '<img src=x onerror="window.pwned=true">';
      const el = await grid({ truth: undefined, series: [{ class: evil, values: [0.5, 0.6] }], versions: [evil, 'b'] });
      await aTimeout(50);
      expect(w.pwned).to.equal(undefined);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(cells(el)[0].querySelector('.cell-name')!.textContent).to.contain('<img');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, a summarising label and a data table; none in the error state', async () => {
      const el = await grid({ label: 'Digits' });
      await expectNoAxeViolations(el);
      const label = shadowQuery(el, '[part~="chart"]').getAttribute('aria-label')!;
      expect(label).to.contain('Digits: accuracy of 4 classes across 3 versions (v0 → v1 → v2)');
      expect(shadowQuery(el, '[part~="table"]').querySelectorAll('tbody tr')).to.have.length(4);
      const bad = await grid({ predictions: { v0: v0.slice(2) } });
      await expectNoAxeViolations(bad);
      expect(shadowQuery(bad, '[role="alert"]').textContent).to.contain('LENGTH_MISMATCH');
    });
  });

  describe('lifecycle', () => {
    it('narrowing the grid re-lays it out in more rows, with no ResizeObserver loop error', async () => {
      // Before: the scroller (observed) grew with the extra rows while its resize was being
      // delivered, and the page got "ResizeObserver loop completed with undelivered
      // notifications" (mocha fails the test on that window error).
      const el = await grid({ truth: undefined, series: walks(12, 3), versions: ['a', 'b', 'c'] }, 'sort=name');
      const rowsOf = () => new Set(cells(el).map((c) => c.getAttribute('transform')!.split(',')[1])).size;
      const wide = rowsOf();
      for (const w of [400, 200, 760]) {
        el.style.width = `${w}px`;
        await settle(el);
        await nextFrame(2);
        await el.updateComplete;
        if (w === 200) expect(rowsOf()).to.be.greaterThan(wide);
      }
      expect(rowsOf()).to.equal(wide);
    });

    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await grid();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(cells(el)).to.have.length(4);
    });

    it('new arrays with the same contents keep the selection', async () => {
      const el = await grid();
      click(cellOf(el, 'b'));
      await el.updateComplete;
      let events = 0;
      el.addEventListener('cl-select', () => events++);
      el.predictions = { v0: [...v0], v1: [...v1], v2: [...v2] };
      el.truth = [...truth];
      await settle(el);
      await aTimeout(10);
      expect(events).to.equal(0);
      expect(cellOf(el, 'b').classList.contains('is-selected')).to.equal(true);
    });
  });
});
