import { css, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import { ClasslensError, compareKeys, type FlowGraph, type Key } from '@classlens/core';
import type { LegendItem } from '../internal/legend.js';
import type { ItemCategories } from '../internal/sankey/link-split.js';
import { SankeyElement, type SankeyInput } from '../internal/sankey/sankey-element.js';

/**
 * How `cl-chain-sankey` colours its bands: by each item's class in the first column
 * (`class`), by its true class (`truth`), or by whether the version a band flows into
 * predicts it right (`correct`).
 */
export type ChainColorBy = 'class' | 'truth' | 'correct';
const COLOR_BYS: readonly ChainColorBy[] = ['class', 'truth', 'correct'];

/** Default colours of right and wrong predictions (blue / orange: distinguishable with any colour vision). */
export const CHAIN_CORRECT_COLOR = '#4269d0';
export const CHAIN_WRONG_COLOR = '#e8590c';

/**
 * A prediction-change chain: how the predictions of successive model versions move
 * between classes — the chain Sankey of Chaudhuri (2019, "A Visual Technique to Analyze
 * Flow of Information in a Machine Learning System", Fig. 11). One column per version
 * (oldest first), optionally the ground truth at the left; one node per (version,
 * class) and one band per pair of classes between consecutive versions, as core's
 * `flowGraph` computes them. A class keeps one vertical place in every column, so a
 * straight band means "unchanged" and splits (one class fanning out into several) and
 * merges (several into one) read at a glance. Hovering a node or band lights up the path
 * of its items through every version.
 *
 * By default only items whose prediction changes somewhere are drawn (`only-changed`);
 * `focus-classes` keeps the items that touch given classes. Bands are coloured by the
 * items they carry (`color-by`): a band carrying items of several colours is drawn as
 * parallel sub-bands, one per colour, in proportion — never by its majority alone
 * (bands under 2 px, and hairlines, take their majority colour).
 *
 * Input, by precedence: `predictions` (+ optional `truth`), else `stages` (+ `stageNames`).
 *
 * @customElement cl-chain-sankey
 * @summary How predictions move between classes across model versions.
 *
 * @fires cl-hover - Pointer or keyboard focus entered a node or band (`kind: 'none'` when it left). Detail: `{ kind, stage, keys, value, indices }`.
 * @fires cl-select - A node or band was clicked or chosen with Enter/Space (`kind: 'none'` when cleared). Detail: `{ kind: 'node' | 'link' | 'none', stage, keys, value, indices }` with exactly that mark's items (input indices).
 * @fires cl-error - The input was rejected; the chart shows the error. Detail: `{ code, message }`.
 * @fires cl-warning - Classes were merged into "Other", thin bands hidden, or `color-by` needs `truth`. Detail: `{ code, message, count }`.
 *
 * @csspart chart - The focusable chart area.
 * @csspart svg - The SVG drawing.
 * @csspart node - A node rectangle (a class in one version).
 * @csspart link - A band between classes of consecutive versions.
 * @csspart link-bundle - Hairline bands of one colour drawn as one path (charts with thousands of bands).
 * @csspart label - A node label.
 * @csspart stage-label - A version (column) header.
 * @csspart heading - The visible title (`heading`).
 * @csspart note - The note counting unlabelled nodes.
 * @csspart legend - The colour legend (`legend`).
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-chain-correct=#4269d0] - Colour of items the target version gets right (`color-by="correct"`).
 * @cssproperty [--cl-chain-wrong=#e8590c] - Colour of items the target version gets wrong (`color-by="correct"`).
 * @cssproperty [--cl-sankey-link-opacity=0.38] - Band opacity at rest.
 * @cssproperty [--cl-sankey-link-hover-opacity=0.75] - Opacity of an emphasised band.
 * @cssproperty [--cl-sankey-node-stroke=var(--cl-color-bg)] - Node outline colour.
 * @cssproperty [--cl-sankey-label-halo=var(--cl-color-bg)] - Halo behind labels.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-color-other=#8c959f] - Colour of the merged "Other" node.
 * @cssproperty [--cl-dim-opacity=0.15] - How far non-highlighted marks fade.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Label size.
 */
export class ClChainSankey extends SankeyElement {
  static override styles = [
    ...SankeyElement.styles,
    css`
      :host {
        /* Constants of ours, not data: safe to inline. */
        --cl-chain-correct: ${unsafeCSS(CHAIN_CORRECT_COLOR)};
        --cl-chain-wrong: ${unsafeCSS(CHAIN_WRONG_COLOR)};
      }
    `,
  ];

  /**
   * Predicted class per item for each model version, oldest first, keyed by version name
   * (`{ M0: pred0, M1: pred1 }`, or a `Map` to be explicit: a plain object lists
   * integer-like names such as `"2"` first).
   */
  @property({ attribute: false }) predictions:
    Readonly<Record<string, ArrayLike<Key>>> | ReadonlyMap<string, ArrayLike<Key>> | null | undefined = undefined;

  /** True class per item: adds a ground-truth column at the left, and enables `color-by` `truth` and `correct`. */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Key columns, one per version, when `predictions` is not set (as in `cl-flow-sankey`). */
  @property({ attribute: false }) stages: ArrayLike<Key>[] | null | undefined = undefined;

  /** Names of the `stages` (default "Stage 1", "Stage 2", …). */
  @property({ attribute: false }) stageNames: string[] | null | undefined = undefined;

  /**
   * Keep only the items whose prediction changes between some pair of consecutive
   * versions (default on; the truth column does not count). Ignored with one version.
   */
  @property({ type: Boolean, attribute: 'only-changed', reflect: true }) override onlyChanged = true;

  /**
   * Keep only the items that touch one of these classes in any column (truth included).
   * Attribute `focus-classes`: a comma-separated list. (`focus` is taken by `HTMLElement.focus()`.)
   */
  @property({
    attribute: 'focus-classes',
    converter: {
      fromAttribute: (v: string | null) =>
        v == null
          ? undefined
          : v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
      toAttribute: (v: unknown) => (Array.isArray(v) ? v.join(',') : null),
    },
  })
  focusClasses: readonly Key[] | null | undefined = undefined;

  /** Band colours: `class` (the item's class in the first column), `truth`, or `correct` (right or wrong in the version a band flows into). */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ChainColorBy = 'class';

  /** Use `truth` for colour only, without drawing its column. */
  @property({ type: Boolean, attribute: 'hide-truth', reflect: true }) hideTruth = false;

  /** Name of the ground-truth column. */
  @property({ attribute: 'truth-label' }) truthLabel = 'Truth';

  /** Whether the last input had items that the filters (`only-changed`, `focus-classes`) all removed. */
  private filteredOut = false;
  /** Truth and the version columns of the last input (for colours), and which column is which. */
  private input: { truth: ArrayLike<Key> | null; versions: readonly ArrayLike<Key>[]; truthShown: boolean } | null =
    null;

  protected dataProps(): readonly string[] {
    return ['predictions', 'truth', 'stages', 'stageNames', 'focusClasses', 'hideTruth', 'truthLabel'];
  }

  protected override colorProps(): readonly string[] {
    return ['colorBy'];
  }

  protected override consistentOrder(): boolean {
    return true;
  }

  protected override emptyMessage(): string {
    if (!this.filteredOut) return 'No data';
    return this.focusClasses?.length
      ? 'No item touches the focus classes' + (this.onlyChanged ? ' and changes its prediction' : '')
      : 'No prediction changes between these versions (turn off only-changed to see every item)';
  }

  protected readInput(): SankeyInput | null {
    this.filteredOut = false;
    let versions: ArrayLike<Key>[];
    let names: string[] | undefined;
    const p = this.predictions;
    if (p instanceof Map) {
      versions = [...p.values()];
      names = [...p.keys()].map(String);
    } else if (p != null && typeof p === 'object') {
      names = Object.keys(p);
      versions = names.map((k) => (p as Record<string, ArrayLike<Key>>)[k]);
    } else if (Array.isArray(this.stages)) {
      versions = this.stages;
      names = Array.isArray(this.stageNames) ? this.stageNames.map(String) : undefined;
      if (names && names.length !== versions.length) {
        throw new ClasslensError('INVALID_ARGUMENT', `${names.length} stage names for ${versions.length} stages`);
      }
    } else {
      this.input = null;
      return null;
    }
    names ??= versions.map((_, s) => `Stage ${s + 1}`);
    const truth = this.truth ?? null;
    const truthShown = truth !== null && !this.hideTruth;
    // Lengths first, with a Map-free loop: names come from JSON and may be "__proto__".
    let n = -1;
    let first = '';
    const check = (name: string, a: unknown) => {
      if (a == null || typeof a !== 'object' || typeof (a as ArrayLike<unknown>).length !== 'number') {
        throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array of class labels`);
      }
      const len = (a as ArrayLike<unknown>).length;
      if (n < 0) {
        n = len;
        first = name;
      } else if (len !== n) {
        throw new ClasslensError('LENGTH_MISMATCH', `${name} has length ${len} but ${first} has length ${n}`);
      }
    };
    if (truth !== null) check(this.truthLabel || 'truth', truth);
    versions.forEach((v, s) => check(names[s], v));
    this.input = { truth, versions, truthShown };
    if (versions.length === 0) return null;
    const stages = truthShown ? [truth as ArrayLike<Key>, ...versions] : versions;
    const stageNames = truthShown ? [this.truthLabel || 'Truth', ...names] : names;
    const keep = this.keptItems(truth, versions, Math.max(0, n));
    if (!keep) return { kind: 'stages', stages, stageNames, changedOnly: false };
    this.filteredOut = keep.length === 0 && n > 0;
    const sub = stages.map((col) => pick(col, keep));
    return { kind: 'stages', stages: sub, stageNames, items: keep, itemTotal: n, changedOnly: false };
  }

  /**
   * The items to draw, or `null` for all: those whose prediction changes between
   * consecutive versions (under `only-changed`, with two or more versions) and that touch
   * a focus class in some column. O(n · columns).
   */
  private keptItems(truth: ArrayLike<Key> | null, versions: readonly ArrayLike<Key>[], n: number): Uint32Array | null {
    const changed = !!this.onlyChanged && versions.length > 1;
    const focus = Array.isArray(this.focusClasses) && this.focusClasses.length > 0 ? focusSet(this.focusClasses) : null;
    if (!changed && !focus) return null;
    // One tight pass per pair of columns (monomorphic loops over typed arrays stay fast:
    // 10^6 items × 3 versions in a few milliseconds).
    const keep = new Uint8Array(n).fill(changed ? 0 : 1);
    if (changed) {
      for (let s = 0; s + 1 < versions.length; s++) markDifferent(versions[s], versions[s + 1], keep);
    }
    if (focus) {
      const cols = truth ? [truth, ...versions] : versions;
      const touch = new Uint8Array(n);
      for (const col of cols) markFocus(col, focus, touch);
      for (let i = 0; i < n; i++) keep[i] &= touch[i];
    }
    let m = 0;
    for (let i = 0; i < n; i++) m += keep[i];
    const out = new Uint32Array(m);
    for (let i = 0, q = 0; i < n; i++) if (keep[i]) out[q++] = i;
    return out;
  }

  protected override extraInputKey(): unknown {
    return {
      focus: this.focusClasses ? [...this.focusClasses] : null,
      hide: this.hideTruth,
      truthLabel: this.truthLabel,
    };
  }

  private mode(): ChainColorBy {
    const by = COLOR_BYS.includes(this.colorBy) ? this.colorBy : 'class';
    if (by !== 'class' && !this.input?.truth) {
      this.warn('NO_TRUTH', `color-by="${by}" needs truth; bands are coloured by class`);
      return 'class';
    }
    return by;
  }

  protected nodeColors(g: FlowGraph): string[] {
    const scale = this.classScale(g.nodes.filter((d) => !d.other).map((d) => d.key));
    return g.nodes.map((d) => (d.other ? this.otherColor : this.classColor(scale, d.key)));
  }

  protected override itemCategories(g: FlowGraph): ItemCategories | null {
    const cols = this.input;
    if (!cols) return null;
    const n = this.items;
    const mode = this.mode();
    if (mode === 'correct') {
      const truth = cols.truth as ArrayLike<Key>;
      const style = getComputedStyle(this);
      const right = style.getPropertyValue('--cl-chain-correct').trim() || CHAIN_CORRECT_COLOR;
      const wrong = style.getPropertyValue('--cl-chain-wrong').trim() || CHAIN_WRONG_COLOR;
      const offset = cols.truthShown ? 1 : 0;
      const codes: Int8Array[] = [];
      for (let s = 0; s < offset + cols.versions.length; s++) {
        const c = new Int8Array(n).fill(-1);
        const v = cols.versions[s - offset];
        if (v) for (let i = 0; i < n; i++) c[i] = v[i] === truth[i] ? 0 : 1;
        codes.push(c);
      }
      return { codes, colors: [right, wrong], labels: ['Right', 'Wrong'] };
    }
    if (mode === 'truth' && !cols.truthShown) {
      // Truth is not a column: its classes (top-k, the rest "Other") colour the items.
      const truth = cols.truth as ArrayLike<Key>;
      const counts = new Map<Key, number>();
      for (const d of g.nodes) {
        if (d.stage !== 0) continue;
        for (let q = 0; q < d.indices.length; q++) bump(counts, truth[d.indices[q]]);
      }
      const keys = [...counts.keys()].sort(
        (a, b) => (counts.get(b) as number) - (counts.get(a) as number) || compareKeys(a, b),
      );
      const topK = Number.isFinite(this.topK) && this.topK >= 1 ? Math.floor(this.topK) : 30;
      const kept = keys.slice(0, topK);
      const scale = this.classScale(kept);
      const slot = new Map(kept.map((k, i) => [k, i]));
      const code = new Int32Array(n).fill(-1);
      const other = kept.length;
      for (const d of g.nodes) {
        if (d.stage !== 0) continue;
        for (let q = 0; q < d.indices.length; q++) {
          const i = d.indices[q];
          code[i] = slot.get(truth[i]) ?? other;
        }
      }
      const colors = [...kept.map((k) => this.classColor(scale, k)), this.otherColor];
      return { codes: [code], colors, labels: [...kept.map(String), String(this.otherLabel || 'Other')] };
    }
    // `class` (and `truth` when truth is the first column): the item's node in column 0.
    const first = g.nodes.map((d, i) => ({ d, i })).filter(({ d }) => d.stage === 0);
    const code = new Int32Array(n).fill(-1);
    first.forEach(({ d }, c) => {
      for (let q = 0; q < d.indices.length; q++) code[d.indices[q]] = c;
    });
    return { codes: [code], colors: first.map(({ i }) => this.fills[i]), labels: first.map(({ d }) => String(d.key)) };
  }

  protected override legendItems(): LegendItem[] {
    const g = this.flow;
    const cats = this.categories;
    if (!g || !cats) return [];
    if (this.mode() === 'correct') {
      return [
        { label: 'Right in the version it flows into', color: cats.colors[0] },
        { label: 'Wrong', color: cats.colors[1] },
      ];
    }
    const count = new Float64Array(cats.colors.length);
    const codes = cats.codes[0];
    for (const d of g.nodes) {
      if (d.stage !== 0) continue;
      for (let q = 0; q < d.indices.length; q++) {
        const c = codes[d.indices[q]];
        if (c >= 0) count[c]++;
      }
    }
    return cats.colors
      .map((color, c) => ({ label: cats.labels?.[c] ?? String(c), color, count: count[c] }))
      .filter((d) => d.count > 0);
  }

  protected override legendTitle(): string {
    const mode = this.flow ? this.mode() : 'class';
    if (mode === 'correct') return 'Prediction';
    if (mode === 'truth') return 'True class';
    return `Class in ${this.flow?.stageNames[0] ?? 'the first column'}`;
  }
}

/** The rows `keep` of a column, as a compact column of the same kind. */
function pick(col: ArrayLike<Key>, keep: Uint32Array): ArrayLike<Key> {
  if (ArrayBuffer.isView(col)) {
    const C = (col as unknown as { constructor: new (n: number) => Int32Array }).constructor;
    const out = new C(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = (col as unknown as Int32Array)[keep[k]];
    return out as unknown as ArrayLike<Key>;
  }
  const out = new Array<Key>(keep.length);
  for (let k = 0; k < keep.length; k++) out[k] = col[keep[k]];
  return out;
}

/** Sets `mark[i]` where the two columns differ. */
function markDifferent(a: ArrayLike<Key>, b: ArrayLike<Key>, mark: Uint8Array): void {
  for (let i = 0; i < mark.length; i++) if (a[i] !== b[i]) mark[i] = 1;
}

/** Sets `mark[i]` where the column holds a focus class. */
function markFocus(col: ArrayLike<Key>, focus: { has(k: Key): boolean }, mark: Uint8Array): void {
  for (let i = 0; i < mark.length; i++) if (!mark[i] && focus.has(col[i])) mark[i] = 1;
}

/** Focus classes as a set that matches `1` and `"1"` alike (attributes give strings). */
function focusSet(keys: readonly Key[]): { has(k: Key): boolean } {
  const s = new Set<string>(keys.map(String));
  return { has: (k) => s.has(String(k)) };
}

function bump(m: Map<Key, number>, k: Key) {
  m.set(k, (m.get(k) ?? 0) + 1);
}
