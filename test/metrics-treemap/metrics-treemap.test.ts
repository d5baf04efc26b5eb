import '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import type { ClMetricsTreemap } from '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import type { ClCellDetail, ClErrorDetail, ClZoomDetail } from '../../packages/elements/src/events.js';
import { ClassColorScale } from '../../packages/elements/src/internal/color/class-colors.js';
import { parseHex, rgbToOklab } from '../../packages/elements/src/internal/color/oklab.js';
import { filterItems, metricsHierarchy, type MetricsNode } from '@classlens/core';
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

// 12 items, 3 classes, two models.
const truth = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c'];
const A = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'a', 'c', 'a'];
const B = ['a', 'a', 'a', 'c', 'a', 'c', 'b', 'b', 'a', 'b', 'c', 'c'];
const predictions = { A, B };

async function treemap(props: Partial<ClMetricsTreemap> = {}, attrs = ''): Promise<ClMetricsTreemap> {
  const el = await fixture<ClMetricsTreemap>(
    html`<cl-metrics-treemap style="width: 640px; height: 420px"></cl-metrics-treemap>`,
  );
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { truth, predictions }, props);
  await settle(el);
  return el;
}

async function settle(el: ClMetricsTreemap) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

const cells = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="cell"]');
const headers = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="group"]');
const num = (e: Element, a: string) => Number(e.getAttribute(a));
const area = (r: Element) => num(r, 'width') * num(r, 'height');
const leaves = (n: MetricsNode): MetricsNode[] => (n.children ? n.children.flatMap(leaves) : [n]);
const click = (e: Element, init: MouseEventInit = {}) =>
  e.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));

describe('<cl-metrics-treemap>', () => {
  describe('rendering', () => {
    it("draws one cell per non-empty leaf of core's metricsHierarchy, with areas proportional to counts", async () => {
      const el = await treemap();
      const core = leaves(metricsHierarchy(truth, predictions));
      expect(cells(el)).to.have.length(core.length);
      expect(el.cells.map((c) => c.value)).to.deep.equal(core.map((l) => l.value));
      // Within a class (same parent padding), area per item is the same for every cell.
      const rects = cells(el);
      const a = el.cells.map((c, i) => ({ key: c.keys[0], per: area(rects[i]) / c.value }));
      for (const k of ['a', 'b']) {
        const per = a.filter((x) => x.key === k).map((x) => x.per);
        for (const p of per) expect(p / per[0]).to.be.closeTo(1, 0.12);
      }
    });

    it('labels never leave their cell (so never overlap); cells without room have no label', async () => {
      // 400 extra items that every model gets right leave the toy cells tiny.
      const big = (xs: string[]) => [...xs, ...Array<string>(400).fill('a')];
      const el = await treemap(
        { truth: big(truth), predictions: { A: big(A), B: big(B) } },
        'style=width:360px;height:260px',
      );
      const rects = cells(el);
      const labels = shadowQueryAll<SVGTextElement>(el, '[part~="label"]');
      expect(labels.length).to.be.greaterThan(0);
      const boxes = rects.map((r) => r.getBBox());
      const headerBoxes = headers(el).map((r) => r.getBBox());
      for (const t of labels) {
        const b = t.getBBox();
        const inside = [...boxes, ...headerBoxes].some(
          (c) =>
            b.x >= c.x - 0.5 &&
            b.y >= c.y - 0.5 &&
            b.x + b.width <= c.x + c.width + 0.5 &&
            b.y + b.height <= c.y + c.height + 0.5,
        );
        expect(inside, t.textContent!).to.equal(true);
      }
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const p = labels[i].getBBox();
          const q = labels[j].getBBox();
          const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
          expect(overlap, `${labels[i].textContent} / ${labels[j].textContent}`).to.equal(false);
        }
      const hidden = el.cells.filter((c) => c.label === null);
      expect(hidden.length).to.be.greaterThan(0);
    });

    it('colours: the class hue from the shared scale; more models wrong → lighter', async () => {
      const scale = new ClassColorScale(['a', 'b', 'c']);
      const el = await treemap({ colorScale: scale });
      const rects = cells(el);
      const L = (i: number) => rgbToOklab(parseHex(rects[i].getAttribute('fill')!)!).L;
      const at = (keys: string[]) => el.cells.findIndex((c) => c.keys.join('|') === keys.join('|'));
      const allRight = at(['a', 'A ✓', 'B ✓']);
      expect(rects[allRight].getAttribute('fill')).to.equal(scale.color('a'));
      expect(L(at(['a', 'A ✓', 'B ✗']))).to.be.greaterThan(L(allRight));
      expect(L(at(['a', 'A ✗', 'B ✓']))).to.be.greaterThan(L(at(['a', 'A ✓', 'B ✗'])));
      expect(L(at(['a', 'A ✗', 'B ✗']))).to.be.greaterThan(L(at(['a', 'A ✗', 'B ✓'])));
      expect(headers(el)[0].getAttribute('fill')).to.equal(scale.color('a'));
    });

    it('tile="binary" and by="predicted" change the layout and the levels', async () => {
      const el = await treemap({}, 'tile=binary');
      expect(el.tile).to.equal('binary');
      expect(cells(el)).to.have.length(leaves(metricsHierarchy(truth, predictions)).length);
      el.by = 'predicted';
      el.predictions = { A };
      await settle(el);
      expect(el.cells.map((c) => c.keys)).to.deep.include(['b', 'A: a']);
      expect(cells(el)).to.have.length(leaves(metricsHierarchy(truth, { A }, { by: 'predicted' })).length);
    });

    it('shows a legend of classes and of right/wrong lightness', async () => {
      const el = await treemap({}, 'legend=');
      const legends = shadowQueryAll(el, '[part~="legend"]');
      expect(legends).to.have.length(2);
      expect(legends[0].textContent).to.contain('a');
      expect(legends[1].textContent).to.contain('A ✓ B ✗');
    });

    it('follows the dark theme', async () => {
      const el = await treemap({}, 'theme=dark');
      expect(getComputedStyle(el).getPropertyValue('--cl-color-bg').trim()).to.equal('#0d1117');
    });
  });

  describe('interaction', () => {
    it('clicking a cell fires cl-select with its path, exact indices and the filterItems query that means it', async () => {
      const el = await treemap();
      const i = el.cells.findIndex((c) => c.keys.join('|') === 'a|A ✓|B ✗');
      const select = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-select');
      click(cells(el)[i]);
      const { detail } = await select;
      expect(detail.kind).to.equal('cell');
      expect(detail.stage).to.equal(null);
      expect(detail.keys).to.deep.equal(['a', 'A ✓', 'B ✗']);
      expect(detail.value).to.equal(1);
      expect(Array.from(detail.indices)).to.deep.equal([3]);
      expect(detail.query).to.deep.equal({ truth: ['a'], correct: { A: true, B: false } });
      expect(Array.from(filterItems(truth, predictions, detail.query!))).to.deep.equal(Array.from(detail.indices));
      expect(Object.values(detail).some((v) => v instanceof Node)).to.equal(false);
    });

    it('every cell: filterItems(query) gives exactly its indices', async () => {
      const el = await treemap();
      for (const rect of cells(el)) {
        const select = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-select');
        click(rect);
        const { detail } = await select;
        expect(Array.from(filterItems(truth, predictions, detail.query!))).to.deep.equal(Array.from(detail.indices));
        click(rect); // clear
      }
    });

    it('the tooltip gives counts and shares of the parent, the class and the whole', async () => {
      const el = await treemap();
      const i = el.cells.findIndex((c) => c.keys.join('|') === 'a|A ✓|B ✓');
      cells(el)[i].dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      const tip = shadowQuery(el, '[part~="tooltip"]');
      expect(tip.querySelector('.tooltip__title')!.textContent).to.equal('a › A ✓ › B ✓');
      const rows = Object.fromEntries(
        Array.from(tip.querySelectorAll('tr'), (tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td')!.textContent,
        ]),
      );
      expect(rows).to.deep.equal({
        Items: '3',
        'Share of A ✓': '75%',
        'Share of class a': '50%',
        'Share of all items': '25%',
      });
    });

    it('zooms into a class from its header and back from the breadcrumb', async () => {
      const el = await treemap();
      const all = cells(el).length;
      const zoom = oneEvent<CustomEvent<ClZoomDetail>>(el, 'cl-zoom');
      click(headers(el)[0]);
      expect((await zoom).detail.keys).to.deep.equal(['a']);
      await settle(el);
      expect(el.zoom).to.equal('a');
      expect(el.getAttribute('zoom')).to.equal('a');
      expect(cells(el)).to.have.length(4);
      // The zoomed class fills the chart.
      const chart = shadowQuery(el, '[part~="chart"]').getBoundingClientRect();
      const total = cells(el).reduce((s, r) => s + area(r), 0);
      expect(total / (chart.width * chart.height)).to.be.greaterThan(0.9);
      const crumb = shadowQuery(el, '[part~="breadcrumb"]');
      expect(crumb.textContent).to.contain('a');
      const out = oneEvent<CustomEvent<ClZoomDetail>>(el, 'cl-zoom');
      click(crumb.querySelector('button')!);
      expect((await out).detail.keys).to.deep.equal([]);
      await settle(el);
      expect(cells(el)).to.have.length(all);
    });

    it('keyboard: one tab stop on the chart, arrows move, Enter selects, + and − zoom', async () => {
      const el = await treemap();
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      expect(chart.tabIndex).to.equal(0);
      chart.focus();
      await el.updateComplete;
      expect(shadowQueryAll(el, '.focus-ring')).to.have.length(1);
      const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      let hover = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-hover');
      key('ArrowDown');
      const first = (await hover).detail;
      expect(first.kind).to.equal('cell');
      hover = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-hover');
      key('ArrowRight');
      const next = (await hover).detail;
      expect(next.keys).to.not.deep.equal(first.keys);
      const select = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-select');
      key('Enter');
      expect((await select).detail.keys).to.deep.equal(next.keys);
      const zoom = oneEvent<CustomEvent<ClZoomDetail>>(el, 'cl-zoom');
      key('+');
      expect((await zoom).detail.keys).to.deep.equal([next.keys[0]]);
      await settle(el);
      const back = oneEvent<CustomEvent<ClZoomDetail>>(el, 'cl-zoom');
      key('-');
      expect((await back).detail.keys).to.deep.equal([]);
      await el.updateComplete;
      expect(shadowQuery(el, '[aria-live]').textContent).to.contain('Items');
    });

    it("highlight (item indices from another view) shows each cell's share and dims the rest", async () => {
      const el = await treemap();
      el.highlight = [0, 3];
      await el.updateComplete;
      const rects = cells(el);
      const i = el.cells.findIndex((c) => c.keys.join('|') === 'a|A ✓|B ✓'); // items 0, 1, 2
      const j = el.cells.findIndex((c) => c.keys.join('|') === 'a|A ✓|B ✗'); // item 3
      expect(rects[i].classList.contains('is-dim')).to.equal(true);
      expect(rects[j].classList.contains('is-dim')).to.equal(false);
      const shares = shadowQueryAll<SVGRectElement>(el, '.share');
      expect(shares).to.have.length(1);
      expect(num(shares[0], 'height') / num(rects[i], 'height')).to.be.closeTo(1 / 3, 1e-6);
      expect(rects.filter((r) => r.classList.contains('is-dim'))).to.have.length(rects.length - 1);
      rects[i].dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="tooltip"]').textContent).to.contain('1 (33.3%)');
      el.highlight = null;
      await el.updateComplete;
      expect(cells(el).filter((r) => r.classList.contains('is-dim'))).to.have.length(0);
    });

    it('the same data in new arrays keeps the selection', async () => {
      const el = await treemap();
      const i = el.cells.findIndex((c) => c.keys.join('|') === 'b|A ✓|B ✓');
      click(cells(el)[i]);
      await el.updateComplete;
      expect(shadowQueryAll(el, '.ring.is-selected')).to.have.length(1);
      let cleared = false;
      el.addEventListener('cl-select', () => (cleared = true));
      el.truth = [...truth];
      el.predictions = { A: [...A], B: [...B] };
      await settle(el);
      expect(shadowQueryAll(el, '.ring.is-selected')).to.have.length(1);
      await aTimeout(0);
      expect(cleared).to.equal(false);
    });
  });

  describe('input', () => {
    it('draws a precomputed hierarchy (no indices) and its query', async () => {
      const hierarchy: MetricsNode = {
        name: 'all',
        level: 'root',
        count: 10,
        children: [
          {
            name: 'x',
            level: 'truth',
            key: 'x',
            count: 10,
            children: [
              { name: 'M ✓', level: 'correct', model: 'M', correct: true, count: 7, value: 7 },
              { name: 'M ✗', level: 'correct', model: 'M', correct: false, count: 3, value: 3 },
            ],
          },
        ],
      };
      const el = await treemap({ truth: undefined, predictions: undefined, hierarchy });
      expect(cells(el)).to.have.length(2);
      const select = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-select');
      click(cells(el)[1]);
      const { detail } = await select;
      expect(detail.value).to.equal(3);
      expect(detail.indices.length).to.equal(0);
      expect(detail.query).to.deep.equal({ truth: ['x'], correct: { M: false } });
    });

    it('rejects a bad hierarchy with a coded error', async () => {
      const el = await treemap();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.hierarchy = {
        name: 'r',
        level: 'root',
        count: 1,
        children: [{ name: 'x', level: 'truth', count: 1, value: Number.NaN }],
      };
      expect((await error).detail.code).to.equal('NON_FINITE');
    });

    it('bad input: visible error, cl-error, and recovery', async () => {
      const el = await treemap();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.predictions = { A, B: B.slice(1) };
      const { detail } = await error;
      expect(detail.code).to.equal('LENGTH_MISMATCH');
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="error"]').textContent).to.contain('LENGTH_MISMATCH');
      expect(cells(el)).to.have.length(0);
      el.predictions = predictions;
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(cells(el).length).to.be.greaterThan(0);
    });

    it('shows "No data" for empty input and treats null / wrong types as unset', async () => {
      const el = await treemap({ truth: [], predictions: { A: [], B: [] } });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
      Object.assign(el, { truth: null, predictions: null, hierarchy: null });
      await settle(el);
      expect(shadowQueryAll(el, '[part~="empty"]')).to.have.length(1);
      el.setAttribute('tile', 'sideways');
      el.setAttribute('by', 'nonsense');
      Object.assign(el, { truth, predictions });
      await settle(el);
      expect(el.tile).to.equal('squarify');
      expect(cells(el).length).to.be.greaterThan(0);
    });

    it('model and class names such as __proto__ stay data', async () => {
      const p = JSON.parse('{"__proto__": ["x", "y"], "constructor": ["x", "x"]}') as Record<string, string[]>;
      const el = await treemap({ truth: ['x', 'y'], predictions: p });
      const select = oneEvent<CustomEvent<ClCellDetail>>(el, 'cl-select');
      click(cells(el)[0]);
      const { detail } = await select;
      expect(Object.keys(detail.query!.correct!)).to.deep.equal(['__proto__', 'constructor']);
      expect(Array.from(filterItems(['x', 'y'], p, detail.query!))).to.deep.equal(Array.from(detail.indices));
    });

    it('renders labels as text: HTML never runs', async () => {
      const w = window as unknown as { pwned?: boolean };
      const evil = '<img src=x onerror="window.pwned=true">';
      const el = await treemap({ truth: [evil, evil, 'ok'], predictions: { [evil]: [evil, 'ok', 'ok'] } });
      await aTimeout(50);
      expect(w.pwned).to.equal(undefined);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(shadowQueryAll(el, '[part~="label"]').some((t) => t.textContent!.includes('<img'))).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, a summarising label and a data table', async () => {
      const el = await treemap({ label: 'Toy' }, 'legend=');
      await expectNoAxeViolations(el);
      const chart = shadowQuery(el, '[part~="chart"]');
      expect(chart.getAttribute('aria-label')).to.contain('Toy: 12 items in 3 classes, split by A, then B');
      expect(shadowQuery(el, '[part~="table"]').querySelectorAll('tbody tr')).to.have.length(cells(el).length);
    });

    it('has no axe violations in its error state', async () => {
      const el = await treemap({ predictions: { A: A.slice(2) } });
      await expectNoAxeViolations(el);
      expect(shadowQuery(el, '[role="alert"]').textContent).to.contain('LENGTH_MISMATCH');
    });
  });

  describe('lifecycle', () => {
    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await treemap();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(cells(el).length).to.be.greaterThan(0);
    });

    it('toSVG() returns a standalone SVG', async () => {
      const el = await treemap();
      const text = el.toSVG();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).to.equal(null);
      expect(doc.querySelectorAll('rect').length).to.be.greaterThan(cells(el).length);
    });
  });
});
