import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  applyAccessor,
  checkFlowGraph,
  ClasslensError,
  flowGraph,
  type Accessor,
  type FlowGraph,
  type FlowGraphInput,
  type Key,
} from '@classlens/core';
import { ClBaseElement } from '../shared/base-element.js';
import { emit, type ClMarkDetail } from '../shared/events.js';
import { svgStringToPng, svgToString } from '../shared/export-image.js';
import { formatCount, formatPercent, truncate } from '../shared/format.js';
import { ResizeController } from '../shared/resize-controller.js';
import { stateStyles } from '../shared/states.styles.js';
import { paletteColor, themeStyles } from '../shared/theme.styles.js';
import { moveTooltip, renderTooltip, type TooltipContent } from '../shared/tooltip.js';
import { emphasisFromItems, emphasisFromPath, type Emphasis } from './emphasis.js';
import { moveFocus, navigationColumns, type MarkRef } from './keyboard.js';
import { CHAR_WIDTH, layoutSankey, type NodeSort, type Normalize, type SankeyLayout } from './layout.js';
import { flowSankeyStyles } from './flow-sankey.styles.js';

const DATA_PROPS = ['stages', 'stageNames', 'data', 'levels', 'graph', 'topK', 'minValue', 'onlyChanged', 'otherLabel'];
const NODE_SORTS: readonly NodeSort[] = ['value', 'key', 'input'];
const NORMALIZES: readonly Normalize[] = ['none', 'source', 'target'];
const EMPTY = new Uint32Array(0);

/**
 * A conditional-flow Sankey diagram: how items distribute from one labelling to the
 * next — true → predicted label, category → sub-category → leaf, label source →
 * decision, feature value → label. Link widths show counts or conditional shares
 * (N_ij / Σ_k N_ik). Hovering a mark lights up the path of its items through every stage.
 *
 * Input, by precedence: `graph` (nodes + links, validated), else `data` + `levels`,
 * else `stages` (+ `stageNames`).
 *
 * @customElement cl-flow-sankey
 * @summary Joint and conditional distributions between labellings, drawn as flows.
 *
 * @fires cl-hover - Pointer or keyboard focus entered a node or link (`kind: 'none'` when it left). Detail: `{ kind, stage, keys, value, indices }`.
 * @fires cl-select - A node or link was clicked or chosen with Enter/Space (`kind: 'none'` when cleared). Detail: `{ kind, stage, keys, value, indices }`.
 * @fires cl-error - The input was rejected; the chart shows the error. Detail: `{ code, message }`.
 * @fires cl-warning - Keys were merged into "Other" or thin links hidden. Detail: `{ code, message, count }`.
 *
 * @csspart chart - The focusable chart area.
 * @csspart svg - The SVG drawing.
 * @csspart node - A node rectangle.
 * @csspart link - A link path.
 * @csspart label - A node label.
 * @csspart stage-label - A stage header.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-sankey-link-opacity=0.38] - Link opacity at rest.
 * @cssproperty [--cl-sankey-link-hover-opacity=0.7] - Opacity of an emphasised link.
 * @cssproperty [--cl-sankey-node-stroke=var(--cl-color-bg)] - Node outline colour.
 * @cssproperty [--cl-sankey-label-halo=var(--cl-color-bg)] - Halo behind labels.
 * @cssproperty [--cl-palette-0=#4269d0] - First of ten categorical colours (`--cl-palette-0` … `-9`).
 * @cssproperty [--cl-color-other=#8c959f] - Colour of the merged "Other" node.
 * @cssproperty [--cl-dim-opacity=0.15] - How far non-highlighted marks fade.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Label size.
 */
export class ClFlowSankey extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, flowSankeyStyles];

  /** One key column per stage, all of equal length, e.g. `[truth, predicted]`. */
  @property({ attribute: false }) stages: ArrayLike<Key>[] | null | undefined = undefined;

  /** Display names of the stages (default: the level names, or "Stage 1", "Stage 2", …). */
  @property({ attribute: false }) stageNames: string[] | null | undefined = undefined;

  /** Records to build stages from with `levels`. */
  @property({ attribute: false }) data: readonly object[] | null | undefined = undefined;

  /** One accessor per stage for `data`: a field name or `(d, i, data) => key`. */
  @property({ attribute: false }) levels: Accessor<object, Key>[] | null | undefined = undefined;

  /** A precomputed graph `{ nodes: { id, label?, stage? }[], links: { source, target, value, indices? }[] }`. */
  @property({ attribute: false }) graph: FlowGraphInput | null | undefined = undefined;

  /** Keys kept per stage (the most frequent); the rest merge into one "Other" node. */
  @property({ type: Number, attribute: 'top-k', reflect: true }) topK = 30;

  /** Hide links carrying fewer items than this. */
  @property({ type: Number, attribute: 'min-value', reflect: true }) minValue = 0;

  /** Keep only items whose key changes between stages (e.g. misclassified items). */
  @property({ type: Boolean, attribute: 'only-changed', reflect: true }) onlyChanged = false;

  /** Order of nodes within a stage: `value` (largest first), `key`, or `input` (first appearance). */
  @property({ attribute: 'node-sort', reflect: true }) nodeSort: NodeSort = 'value';

  /**
   * Link widths: `none` (counts), `source` (P(target | source)), `target` (P(source | target)).
   * Attribute `normalize`; the property is `normalizeBy` because `Node.normalize()` exists.
   */
  @property({ attribute: 'normalize', reflect: true }) normalizeBy: Normalize = 'none';

  /** Label of the merged node. */
  @property({ attribute: 'other-label' }) otherLabel = 'Other';

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  @state() private hovered: MarkRef | null = null;
  @state() private focused: MarkRef | null = null;
  @state() private selected: MarkRef | null = null;

  private flow: FlowGraph | null = null;
  private layout: SankeyLayout | null = null;
  private layoutKey = '';
  private columns: MarkRef[][] = [];
  private highlightEmphasis: Emphasis | null = null;
  /** Pointer position in host coordinates; not reactive: moving only repositions the tooltip. */
  private pointer: { x: number; y: number } | null = null;
  /** Emphasis of the hovered/focused/selected mark, computed once per mark (O(items)). */
  private markEmphasis: { key: string; value: Emphasis } | null = null;
  private readonly size = new ResizeController(this);

  /** The flow graph currently drawn (plain data from `@classlens/core`), or `null`. */
  get flowGraph(): FlowGraph | null {
    return this.flow;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const dataChanged = DATA_PROPS.some((p) => changed.has(p as keyof ClFlowSankey));
    if (dataChanged) {
      this.markEmphasis = null;
      this.resetWarnings();
      const ok = this.guard(() => {
        this.flow = this.computeFlow();
      });
      if (!ok) this.flow = null;
      this.hovered = this.focused = this.selected = null;
      this.layoutKey = '';
    }
    const key = `${this.size.width}x${this.size.height}|${this.sort}|${this.norm}`;
    if (this.flow && (key !== this.layoutKey || !this.layout)) {
      this.layoutKey = key;
      const w = this.size.width;
      const h = this.size.height;
      this.layout =
        w > 0 && h > 0
          ? layoutSankey(this.flow, { width: w, height: h, nodeSort: this.sort, normalize: this.norm })
          : null;
      this.columns = this.layout ? navigationColumns(this.layout) : [];
    }
    if (!this.flow) {
      this.layout = null;
      this.columns = [];
    }
    if (dataChanged || changed.has('highlight')) {
      const mask = this.flow ? this.highlightMask(this.flow.total) : null;
      this.highlightEmphasis = mask && this.flow ? emphasisFromItems(this.flow, mask) : null;
    }
  }

  private get sort(): NodeSort {
    return NODE_SORTS.includes(this.nodeSort) ? this.nodeSort : 'value';
  }

  private get norm(): Normalize {
    return NORMALIZES.includes(this.normalizeBy) ? this.normalizeBy : 'none';
  }

  private computeFlow(): FlowGraph | null {
    if (this.graph != null) return checkFlowGraph(this.graph);
    let stages: ArrayLike<Key>[] | null = null;
    let names = Array.isArray(this.stageNames) ? this.stageNames : undefined;
    if (Array.isArray(this.data) && Array.isArray(this.levels) && this.levels.length > 0) {
      const data = this.data;
      stages = this.levels.map((acc, i) => applyAccessor(data, acc, `levels[${i}]`) as Key[]);
      names ??= this.levels.map((acc, i) => (typeof acc === 'string' ? acc : `Level ${i + 1}`));
    } else if (Array.isArray(this.stages)) {
      stages = this.stages;
    }
    if (!stages) return null;
    const topK = Number.isFinite(this.topK) && this.topK >= 1 ? Math.floor(this.topK) : 30;
    const minValue = Number.isFinite(this.minValue) && this.minValue > 0 ? this.minValue : 0;
    if (names && names.length !== stages.length) {
      throw new ClasslensError('INVALID_ARGUMENT', `${names.length} stage names for ${stages.length} stages`);
    }
    const g = flowGraph(stages, {
      topK,
      minValue,
      changedOnly: !!this.onlyChanged,
      otherLabel: this.otherLabel || 'Other',
      ...(names ? { stageNames: names } : {}),
    });
    for (const d of g.nodes) {
      if (d.other) {
        this.warn(
          'MERGED',
          `${g.stageNames[d.stage]}: ${d.members.length} keys beyond top-k ${topK} merged into "${String(d.key)}"`,
          d.members.length,
        );
      }
    }
    if (g.hiddenLinks > 0) {
      this.warn(
        'HIDDEN',
        `${g.hiddenLinks} links under min-value ${minValue} hidden (${g.hiddenItems} items)`,
        g.hiddenLinks,
      );
    }
    return g;
  }

  // ——— events ———

  private detail(ref: MarkRef | null): ClMarkDetail {
    const L = this.layout;
    if (!ref || !L) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
    if (ref.kind === 'node') {
      const n = L.nodes[ref.index].node;
      return {
        kind: 'node',
        stage: n.stage,
        keys: n.other ? [...n.members] : [n.key],
        value: n.value,
        indices: n.indices,
      };
    }
    const l = L.links[ref.index];
    const s = L.nodes[l.s].node;
    const t = L.nodes[l.t].node;
    return { kind: 'link', stage: s.stage, keys: [s.key, t.key], value: l.link.value, indices: l.link.indices };
  }

  private setHover(ref: MarkRef | null) {
    if (sameRef(ref, this.hovered)) return;
    this.hovered = ref;
    emit(this, 'cl-hover', this.detail(ref));
  }

  private select(ref: MarkRef | null) {
    this.selected = ref && sameRef(ref, this.selected) ? null : ref;
    emit(this, 'cl-select', this.detail(this.selected));
  }

  private onPointerMove = (e: PointerEvent) => {
    const r = this.getBoundingClientRect();
    this.pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
    if (this.hovered) {
      moveTooltip(this.renderRoot.querySelector<HTMLElement>('.tooltip'), {
        ...this.pointer,
        width: this.size.width,
        height: this.size.height,
      });
    }
  };

  private onPointerLeave = () => {
    this.pointer = null;
    this.setHover(null);
  };

  private onClickBackground = (e: MouseEvent) => {
    if ((e.target as Element).closest?.('.node, .link')) return;
    if (this.selected) this.select(null);
  };

  private onKeyDown = (e: KeyboardEvent) => {
    if (!this.layout) return;
    if (e.key === 'Enter' || e.key === ' ') {
      if (this.focused) {
        e.preventDefault();
        this.select(this.focused);
      }
      return;
    }
    if (e.key === 'Escape') {
      this.focused = null;
      if (this.selected) this.select(null);
      emit(this, 'cl-hover', this.detail(null));
      return;
    }
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = moveFocus(this.layout, this.columns, this.focused, e.key);
    if (next && !sameRef(next, this.focused)) {
      this.focused = next;
      emit(this, 'cl-hover', this.detail(next));
    }
  };

  private onFocus = () => {
    if (!this.focused && this.columns.length) {
      this.focused = this.columns[0][0];
    }
  };

  private onBlur = () => {
    this.focused = null;
  };

  // ——— public API ———

  /** The chart as a standalone SVG document (styles inlined). Throws `EMPTY` when nothing is drawn. */
  toSVG(): string {
    const el = this.renderRoot.querySelector<SVGSVGElement>('svg.sankey');
    if (!el) throw new ClasslensError('EMPTY', 'toSVG: nothing is drawn');
    return svgToString(el, getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#fff');
  }

  /** The chart as a PNG image (2× pixel density by default). */
  async toPNG(scale = 2): Promise<Blob> {
    const text = this.toSVG();
    return svgStringToPng(text, this.size.width, this.size.height, scale);
  }

  // ——— rendering ———

  private describe(ref: MarkRef): TooltipContent {
    const L = this.layout as SankeyLayout;
    const g = this.flow as FlowGraph;
    if (ref.kind === 'node') {
      const n = L.nodes[ref.index].node;
      const rows: [string, string][] = [
        ['Items', formatCount(n.value)],
        ['Share of all', formatPercent(n.value / Math.max(1, g.kept))],
      ];
      const note = n.other
        ? `Merges ${n.members.length} keys: ${n.members
            .slice(0, 8)
            .map((k) => String(k))
            .join(', ')}${n.members.length > 8 ? ', …' : ''}`
        : undefined;
      return { title: `${g.stageNames[n.stage]}: ${String(n.key)}`, rows, ...(note ? { note } : {}) };
    }
    const l = L.links[ref.index];
    const s = L.nodes[l.s].node;
    const t = L.nodes[l.t].node;
    const sn = g.stageNames[s.stage];
    const tn = g.stageNames[t.stage];
    return {
      title: `${String(s.key)} → ${String(t.key)}`,
      rows: [
        ['Items', formatCount(l.link.value)],
        [`P(${tn} | ${sn})`, formatPercent(l.link.value / s.value)],
        [`P(${sn} | ${tn})`, formatPercent(l.link.value / t.value)],
        ['Share of all', formatPercent(l.link.value / Math.max(1, g.kept))],
      ],
    };
  }

  private summary(): string {
    const g = this.flow;
    const name = this.label || 'Flow diagram';
    if (!g) return name;
    const biggest = [...g.links].sort((a, b) => b.value - a.value)[0];
    const key = (id: string) => id.slice(id.indexOf(':') + 1);
    return (
      `${name}: ${formatCount(g.kept)} items across ${g.stageNames.length} stages (${g.stageNames.join(' → ')}), ` +
      `${g.nodes.length} nodes and ${g.links.length} links.` +
      (biggest
        ? ` Largest flow: ${key(biggest.source)} → ${key(biggest.target)}, ${formatCount(biggest.value)} items.`
        : '') +
      ' Use arrow keys to explore, Enter to select.'
    );
  }

  private emphasis(): Emphasis | null {
    const g = this.flow;
    const L = this.layout;
    const ref = this.hovered ?? this.focused ?? this.selected;
    if (g && L && ref) {
      const mark = ref.kind === 'node' ? L.nodes[ref.index].node : L.links[ref.index].link;
      const key =
        ref.kind === 'node'
          ? `n${(mark as FlowGraph['nodes'][number]).id}`
          : `l${L.links[ref.index].link.source}>${L.links[ref.index].link.target}`;
      if (this.markEmphasis?.key === key) return this.markEmphasis.value;
      let value: Emphasis;
      if (mark.indices.length === 0 || g.kept === 0) {
        const k =
          ref.kind === 'node' ? g.nodes.indexOf(L.nodes[ref.index].node) : g.links.indexOf(L.links[ref.index].link);
        value = emphasisFromPath(g, ref.kind, k);
      } else {
        const mask = new Uint8Array(g.total);
        for (let k = 0; k < mark.indices.length; k++) mask[mark.indices[k]] = 1;
        value = emphasisFromItems(g, mask);
      }
      this.markEmphasis = { key, value };
      return value;
    }
    return this.highlightEmphasis;
  }

  protected override render(): TemplateResult {
    const g = this.flow;
    const state = this.renderState(!g || g.kept === 0 || g.nodes.length === 0);
    if (state !== nothing) return html`${state}`;
    const L = this.layout;
    const active = this.hovered ?? this.focused;
    const tipRef = this.hovered ?? this.focused;
    const at =
      tipRef && L
        ? this.hovered && this.pointer
          ? { ...this.pointer, width: this.size.width, height: this.size.height }
          : { ...anchor(L, tipRef), width: this.size.width, height: this.size.height }
        : null;
    return html`
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-roledescription="flow diagram"
        aria-label=${this.summary()}
        @keydown=${this.onKeyDown}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
        @click=${this.onClickBackground}
      >
        ${L ? this.renderSvg(L, g as FlowGraph) : nothing}
        ${tipRef && L ? renderTooltip(this.describe(tipRef), at) : nothing}
      </div>
      <div class="visually-hidden" aria-live="polite">${active && L ? describeText(this.describe(active)) : ''}</div>
      ${this.renderTable(g as FlowGraph)}
    `;
  }

  private renderSvg(L: SankeyLayout, g: FlowGraph): TemplateResult {
    const E = this.emphasis();
    const gIndex = new Map(g.links.map((l, k) => [l, k]));
    const nIndex = new Map(g.nodes.map((d, k) => [d, k]));
    const color = (c: number) => (c < 0 ? 'var(--cl-color-other)' : paletteColor(c));
    const activeRef = this.hovered ?? this.focused ?? this.selected;
    const fs = parseFloat(getComputedStyle(this).fontSize) || 12;
    const maxChars = (side: 'left' | 'right', stage: number) => {
      const room =
        side === 'left'
          ? L.stageX[0] - 8
          : stage === L.stageX.length - 1
            ? this.size.width - (L.stageX[stage] + L.nodeWidth) - 8
            : 1e9;
      // + 1e-6: the margin was sized for exactly this many characters.
      return Math.max(4, Math.floor(room / (fs * CHAR_WIDTH) + 1e-6) - 2);
    };
    return html`<svg
      class="sankey"
      part="svg"
      aria-hidden="true"
      viewBox="0 0 ${this.size.width} ${this.size.height}"
      preserveAspectRatio="none"
    >
      <g class="stages">
        ${L.stageX.map((x, s) => {
          const last = s === L.stageX.length - 1 && s > 0;
          return svg`<text part="stage-label" class="stage-label" x=${last ? x + L.nodeWidth : x} y="12"
            text-anchor=${last ? 'end' : 'start'}>${g.stageNames[s] ?? ''}</text>`;
        })}
      </g>
      <g class="links">
        ${repeat(
          L.links,
          (l) => `${l.link.source}>${l.link.target}`,
          (l, k) => {
            const f = E ? E.links[gIndex.get(l.link) as number] : -1;
            const cls = E ? (f > 0.999 ? 'is-active' : f === 0 ? 'is-dim' : '') : '';
            return svg`<path part="link" class="link ${cls}" d=${l.path}
              stroke=${color(L.nodes[l.s].color)} stroke-width=${Math.max(1, l.width)}
              @pointerenter=${() => this.setHover({ kind: 'link', index: k })}
              @click=${() => this.select({ kind: 'link', index: k })}></path>`;
          },
        )}
      </g>
      <g class="emphasis">
        ${
          E
            ? L.links.map((l) => {
                const f = E.links[gIndex.get(l.link) as number];
                return f > 0 && f <= 0.999
                  ? svg`<path class="link-emphasis" d=${l.path} stroke=${color(L.nodes[l.s].color)}
                    stroke-width=${Math.max(1, l.width * f)}></path>`
                  : nothing;
              })
            : nothing
        }
      </g>
      <g class="nodes">
        ${repeat(
          L.nodes,
          (d) => d.node.id,
          (d, k) => {
            const f = E ? E.nodes[nIndex.get(d.node) as number] : -1;
            const h = Math.max(1, d.y1 - d.y0);
            return svg`<rect part="node" class="node ${E && f === 0 ? 'is-dim' : ''}"
              x=${d.x0} y=${d.y0} width=${d.x1 - d.x0} height=${h} fill=${color(d.color)}
              @pointerenter=${() => this.setHover({ kind: 'node', index: k })}
              @click=${() => this.select({ kind: 'node', index: k })}></rect>
              ${E && f > 0 && f < 0.999 ? svg`<rect class="node-emphasis" x=${d.x0} y=${d.y0} width=${d.x1 - d.x0} height=${h * f}></rect>` : nothing}`;
          },
        )}
      </g>
      <g class="labels">
        ${L.nodes.map((d, k) => {
          const isActive = activeRef?.kind === 'node' && activeRef.index === k;
          if (d.y1 - d.y0 < fs * 0.75 && !isActive) return nothing;
          const left = d.labelSide === 'left';
          const x = left ? d.x0 - 6 : d.x1 + 6;
          const f = E ? E.nodes[nIndex.get(d.node) as number] : -1;
          const text = truncate(
            String(d.node.key),
            maxChars(d.labelSide, d.node.stage) - formatCount(d.node.value).length,
          );
          return svg`<text part="label" class="label ${E && f === 0 ? 'is-dim' : ''}" x=${x} y=${(d.y0 + d.y1) / 2}
            text-anchor=${left ? 'end' : 'start'}>${isolate(text)} <tspan class="count" dx="2">${formatCount(d.node.value)}</tspan></text>`;
        })}
      </g>
      ${this.focused ? this.renderFocus(L, this.focused) : nothing}
    </svg>`;
  }

  private renderFocus(L: SankeyLayout, ref: MarkRef) {
    if (ref.kind === 'node') {
      const d = L.nodes[ref.index];
      return svg`<rect class="focus-ring" x=${d.x0 - 2} y=${d.y0 - 2} width=${d.x1 - d.x0 + 4} height=${Math.max(1, d.y1 - d.y0) + 4} rx="2"></rect>`;
    }
    const l = L.links[ref.index];
    return svg`<path class="focus-ring" d=${l.path} stroke-width=${Math.max(1, l.width) + 3} stroke-opacity="0.5"></path>`;
  }

  private renderTable(g: FlowGraph) {
    const byId = new Map(g.nodes.map((d) => [d.id, d]));
    return html`<div class="data-table ${this.showTable ? 'is-shown' : ''}" part="table">
      <table>
        <caption>
          ${this.label || 'Flows'} (${g.stageNames.join(' → ')})
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Items</th>
            <th scope="col">P(to | from)</th>
            <th scope="col">P(from | to)</th>
          </tr>
        </thead>
        <tbody>
          ${g.links.map((l) => {
            const s = byId.get(l.source) as FlowGraph['nodes'][number];
            const t = byId.get(l.target) as FlowGraph['nodes'][number];
            return html`<tr>
              <td>${g.stageNames[s.stage]}: ${String(s.key)}</td>
              <td>${g.stageNames[t.stage]}: ${String(t.key)}</td>
              <td class="num">${formatCount(l.value)}</td>
              <td class="num">${formatPercent(l.value / s.value)}</td>
              <td class="num">${formatPercent(l.value / t.value)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

/**
 * Wraps a label in Unicode first-strong/pop isolates so a right-to-left key does not
 * reorder the count that follows it ("שלום 12", not "12 שלום").
 */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function sameRef(a: MarkRef | null, b: MarkRef | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.index === b.index);
}

function anchor(L: SankeyLayout, ref: MarkRef): { x: number; y: number } {
  if (ref.kind === 'node') {
    const d = L.nodes[ref.index];
    return { x: d.x1, y: (d.y0 + d.y1) / 2 };
  }
  const l = L.links[ref.index];
  return { x: (L.nodes[l.s].x1 + L.nodes[l.t].x0) / 2, y: (l.y0 + l.y1) / 2 };
}

function describeText(c: TooltipContent): string {
  return `${c.title}. ${c.rows.map(([k, v]) => `${k}: ${v}`).join(', ')}.${c.note ? ` ${c.note}.` : ''}`;
}
