import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ClMarkDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { ClassColorScale } from '../internal/color/class-colors.js';

/** Which events of a child drive the others' `highlight`. */
export type LinkOn = 'both' | 'select' | 'hover';
const LINK_ONS: readonly LinkOn[] = ['both', 'select', 'hover'];

/**
 * Linked views with no script: every classlens element inside shares one item-index
 * space, and `cl-select` / `cl-hover` from any of them set `highlight` on all the others.
 * Hover highlights while the pointer is on a mark, then falls back to the current
 * selection; selecting nothing clears it. The child that fired keeps its own state (its
 * selection is not echoed back as a highlight).
 *
 * The container also gives its children one shared class-colour scale, so a class has
 * the same colour in every view (unless `independent-colors` is set or a child has its
 * own `colorScale`). It has no box of its own (`display: contents`): lay the children out
 * with the page's CSS.
 *
 * All children must index the same items (row i of one view is row i of every other).
 *
 * @customElement cl-linked
 * @summary Wires `cl-select`/`cl-hover` of any child to `highlight` on its siblings.
 *
 * @slot - The linked classlens elements (any depth).
 */
export class ClLinked extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Which events link the views: `both` (default), `select` or `hover`. */
  @property({ reflect: true }) on: LinkOn = 'both';

  /** Keep each child's own colours instead of one shared class-colour scale. */
  @property({ type: Boolean, attribute: 'independent-colors', reflect: true }) independentColors = false;

  /** The class-colour scale given to the children. */
  readonly colorScale = new ClassColorScale();

  private selection: { source: Element; indices: Uint32Array } | null = null;
  private hover: { source: Element; indices: Uint32Array } | null = null;
  private observer: MutationObserver | null = null;

  /** Item indices currently selected in some child (empty when none). */
  get selectedIndices(): Uint32Array {
    return this.selection?.indices ?? new Uint32Array(0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cl-select', this.onSelect);
    this.addEventListener('cl-hover', this.onHover);
    if (typeof MutationObserver !== 'undefined') {
      this.observer = new MutationObserver(() => this.shareColors());
      this.observer.observe(this, { childList: true, subtree: true });
    }
    this.shareColors();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cl-select', this.onSelect);
    this.removeEventListener('cl-hover', this.onHover);
    this.observer?.disconnect();
    this.observer = null;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('independentColors')) this.shareColors();
    if (changed.has('on')) this.apply();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** The classlens elements inside (any depth, light DOM). */
  views(): ClBaseElement[] {
    return Array.from(this.querySelectorAll('*')).filter((el): el is ClBaseElement => el instanceof ClBaseElement);
  }

  private get mode(): LinkOn {
    return LINK_ONS.includes(this.on) ? this.on : 'both';
  }

  private shareColors() {
    for (const v of this.views()) {
      if (this.independentColors) {
        if (v.colorScale === this.colorScale) v.colorScale = undefined;
      } else if (v.colorScale == null) {
        v.colorScale = this.colorScale;
      }
    }
  }

  private readonly onSelect = (e: Event) => {
    const d = (e as CustomEvent<ClMarkDetail>).detail;
    const source = this.viewOf(e);
    if (!source || this.mode === 'hover') return;
    this.selection = d && d.kind !== 'none' && d.indices ? { source, indices: toIndices(d.indices) } : null;
    this.apply();
  };

  private readonly onHover = (e: Event) => {
    const d = (e as CustomEvent<ClMarkDetail>).detail;
    const source = this.viewOf(e);
    if (!source || this.mode === 'select') return;
    this.hover = d && d.kind !== 'none' && d.indices ? { source, indices: toIndices(d.indices) } : null;
    this.apply();
  };

  /** The direct classlens view an event came from (events are composed: use the path). */
  private viewOf(e: Event): ClBaseElement | null {
    for (const t of e.composedPath()) if (t instanceof ClBaseElement && this.contains(t)) return t;
    return null;
  }

  private apply() {
    const active = this.hover ?? this.selection;
    for (const v of this.views()) {
      const next = active && active.source !== v ? active.indices : undefined;
      if (v.highlight !== next) v.highlight = next;
    }
  }
}

function toIndices(a: ArrayLike<number>): Uint32Array {
  return a instanceof Uint32Array ? a : Uint32Array.from(a);
}
