import { property } from 'lit/decorators.js';
import { applyAccessor, type Accessor, type FlowGraph, type FlowGraphInput, type Key } from '@classlens/core';
import { explicitColor } from '../internal/color/class-colors.js';
import { mixOklab } from '../internal/color/oklab.js';
import { SankeyElement, type SankeyInput } from '../internal/sankey/sankey-element.js';
import { topAncestors } from '../internal/sankey/ancestors.js';
import type { LegendItem } from '../internal/legend.js';

/** How `cl-flow-sankey` colours nodes. */
export type FlowColorBy = 'auto' | 'key' | 'ancestor';
const COLOR_BYS: readonly FlowColorBy[] = ['auto', 'key', 'ancestor'];

/**
 * A conditional-flow Sankey diagram: how items distribute from one labelling to the
 * next — true → predicted label, category → sub-category → leaf, label source →
 * decision, feature value → label. Link widths show counts or conditional shares
 * (N_ij / Σ_k N_ik). Hovering a mark lights up the path of its items through every stage.
 *
 * Input, by precedence: `graph` (nodes + links, validated), else `data` + `levels`,
 * else `stages` (+ `stageNames`). A new array with the same contents (a framework
 * re-render) keeps hover, focus and selection; new data keeps them where their keys still exist.
 *
 * @customElement cl-flow-sankey
 * @summary Joint and conditional distributions between labellings, drawn as flows.
 *
 * @fires cl-hover - Pointer or keyboard focus entered a node or link (`kind: 'none'` when it left). Detail: `{ kind, stage, keys, value, indices }`.
 * @fires cl-select - A node or link was clicked or chosen with Enter/Space (`kind: 'none'` when cleared). Detail: `{ kind, stage, keys, value, indices }`.
 * @fires cl-error - The input was rejected; the chart shows the error. Detail: `{ code, message }`.
 * @fires cl-warning - Keys were merged into "Other", thin links hidden, or changes within "Other" left out. Detail: `{ code, message, count }`.
 *
 * @csspart chart - The focusable chart area.
 * @csspart svg - The SVG drawing.
 * @csspart node - A node rectangle.
 * @csspart link - A link path.
 * @csspart label - A node label.
 * @csspart stage-label - A stage header.
 * @csspart heading - The visible title (`heading`).
 * @csspart note - The note counting unlabelled nodes and flows left out.
 * @csspart legend - The colour legend (`legend`).
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-sankey-link-opacity=0.38] - Link opacity at rest.
 * @cssproperty [--cl-sankey-link-hover-opacity=0.75] - Opacity of an emphasised link.
 * @cssproperty [--cl-sankey-node-stroke=var(--cl-color-bg)] - Node outline colour.
 * @cssproperty [--cl-sankey-label-halo=var(--cl-color-bg)] - Halo behind labels.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-color-other=#8c959f] - Colour of the merged "Other" node.
 * @cssproperty [--cl-dim-opacity=0.15] - How far non-highlighted marks fade.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Label size.
 */
export class ClFlowSankey extends SankeyElement {
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

  /**
   * Node colours: `key` (a key has one colour in every stage — class flows), `ancestor`
   * (a hierarchy: the hue of the top-level ancestor, lighter with depth), or `auto`
   * (`ancestor` when every node past the first stage has exactly one parent and no key
   * appears in two stages, else `key`).
   * `colors` overrides either for named keys.
   */
  @property({ attribute: 'color-by', reflect: true }) colorBy: FlowColorBy = 'auto';

  protected dataProps(): readonly string[] {
    return ['stages', 'stageNames', 'data', 'levels', 'graph'];
  }

  protected readInput(): SankeyInput | null {
    if (this.graph != null) return { kind: 'graph', graph: this.graph };
    let names = Array.isArray(this.stageNames) ? this.stageNames : undefined;
    if (Array.isArray(this.data) && Array.isArray(this.levels) && this.levels.length > 0) {
      const data = this.data;
      const stages = this.levels.map((acc, i) => applyAccessor(data, acc, `levels[${i}]`) as Key[]);
      names ??= this.levels.map((acc, i) => (typeof acc === 'string' ? acc : `Level ${i + 1}`));
      return { kind: 'stages', stages, stageNames: names };
    }
    if (Array.isArray(this.stages)) return { kind: 'stages', stages: this.stages, stageNames: names };
    return null;
  }

  private mode(g: FlowGraph): 'key' | 'ancestor' {
    const by = COLOR_BYS.includes(this.colorBy) ? this.colorBy : 'auto';
    if (by !== 'auto') return by;
    return isForest(g) ? 'ancestor' : 'key';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('colorBy')) this.fills = [];
    super.willUpdate(changed);
  }

  protected nodeColors(g: FlowGraph): string[] {
    if (this.mode(g) === 'key') {
      const scale = this.classScale(g.nodes.filter((d) => !d.other).map((d) => d.key));
      return g.nodes.map((d) => (d.other ? this.otherColor : this.classColor(scale, d.key)));
    }
    const top = topAncestors(g);
    const scale = this.classScale(g.nodes.filter((d) => d.stage === 0 && !d.other).map((d) => d.key));
    const bg = getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#ffffff';
    return g.nodes.map((d, i) => {
      const own = explicitColor(this.colors, d.key);
      if (own) return own;
      if (d.other) return this.otherColor;
      const a = top[i];
      const root = a < 0 ? null : g.nodes[a];
      const base = !root || root.other ? this.otherColor : this.classColor(scale, root.key);
      // Lighter with depth (toward the background, so it reads on dark themes too).
      return d.stage === 0 ? base : mixOklab(base, bg, Math.min(0.6, 0.2 * d.stage));
    });
  }

  protected override legendItems(): LegendItem[] {
    const g = this.flow;
    if (!g) return [];
    return g.nodes
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.stage === 0)
      .map(({ d, i }) => ({ label: String(d.key), color: this.fills[i], count: d.value }));
  }
}

/**
 * Every node past stage 0 has exactly one incoming link: a hierarchy (forest). Merged
 * "Other" nodes are exempt: they gather children of many parents and are grey anyway.
 */
function isForest(g: FlowGraph): boolean {
  const S = g.nodes.reduce((m, d) => Math.max(m, d.stage + 1), 0);
  if (S < 2) return false;
  const indeg = new Map<string, number>();
  for (const l of g.links) indeg.set(l.target, (indeg.get(l.target) ?? 0) + 1);
  if (!g.nodes.every((d) => d.stage === 0 || d.other || (indeg.get(d.id) ?? 0) === 1)) return false;
  // Class flows (truth → predicted) reuse their keys in every stage; a taxonomy does not.
  const stageOf = new Map<string, number>();
  for (const d of g.nodes) {
    if (d.other) continue;
    const k = String(d.key);
    const s = stageOf.get(k);
    if (s !== undefined && s !== d.stage) return false;
    stageOf.set(k, d.stage);
  }
  return true;
}
