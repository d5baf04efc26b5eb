import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { moveTooltip, renderTooltip, type TooltipContent } from '../tooltip.js';

/** What a chart tells the interaction controller about its marks. */
export interface MarkInteractionDelegate<M> {
  /**
   * A stable identity of a mark across data updates, built from data (stage, keys), not
   * from positions or array indices — so a selection survives a re-render with new arrays.
   * Build it with {@link markKey}.
   */
  key(mark: M): string;
  /** The mark with that identity in the current data, or `null` when it no longer exists. */
  find(key: string): M | null;
  /** The `detail` of `cl-hover`/`cl-select` for a mark, or for none (`null`). */
  detail(mark: M | null): unknown;
  /** The mark an arrow/Home/End key moves to from `from` (`null`: the first mark). */
  navigate(from: M | null, key: string): M | null;
  /** Tooltip and live-region text of a mark. */
  describe(mark: M): TooltipContent;
  /** Where the tooltip points for a keyboard-focused mark, in host coordinates. */
  anchor(mark: M): { x: number; y: number };
  /** The chart area's size, for flipping the tooltip. */
  size(): { width: number; height: number };
}

const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * An identity key for a mark from plain data parts — e.g. `markKey('link', 0, 'a', 'b')`.
 * JSON-encoded, so keys containing any characters (`>`, `:`, NUL) never collide.
 */
export function markKey(...parts: readonly (string | number | null)[]): string {
  return JSON.stringify(parts);
}

/**
 * Hover, keyboard focus, selection, tooltip and live region for a chart of discrete marks
 * (nodes, links, cells, rows — objects, or numbers such as row indices: `0` is a mark,
 * only `null` means none), as one reactive controller: the element binds the handlers
 * on its focusable chart area, calls {@link enter}/{@link activate} from its marks, and
 * reads {@link hovered}/{@link focused}/{@link selected}/{@link emphasised} while rendering.
 *
 * - One tab stop; arrows/Home/End move a focus cursor (through the delegate's `navigate`),
 *   Enter/Space select, Escape clears. The focus ring shows only for keyboard focus.
 * - Focus that arrives from a pointer never jumps to the first mark: a click focuses the
 *   clicked mark (without a ring), so arrows continue from there.
 * - Emits `cl-hover` when the hovered/focused mark changes and `cl-select` on selection,
 *   with the delegate's detail (data only).
 * - {@link remap} keeps hover, focus and selection across data updates by identity.
 */
export class MarkInteractionController<M> implements ReactiveController {
  /** `true` while the focus cursor was moved by the keyboard (the ring is drawn). */
  keyboard = false;

  // Each mark is stored with its identity key, computed when it is set — while the data
  // it indexes is still current. remap() looks marks up by these keys after the data has
  // changed; recomputing a key then would read an old index in the new data.
  private state: Record<'hovered' | 'focused' | 'selected', { mark: M | null; key: string | null }> = {
    hovered: { mark: null, key: null },
    focused: { mark: null, key: null },
    selected: { mark: null, key: null },
  };

  /** The mark under the pointer. */
  get hovered(): M | null {
    return this.state.hovered.mark;
  }
  set hovered(m: M | null) {
    this.set('hovered', m);
  }
  /** The keyboard cursor (also set by a click, so arrows continue from the clicked mark). */
  get focused(): M | null {
    return this.state.focused.mark;
  }
  set focused(m: M | null) {
    this.set('focused', m);
  }
  /** The selected mark. */
  get selected(): M | null {
    return this.state.selected.mark;
  }
  set selected(m: M | null) {
    this.set('selected', m);
  }

  private set(which: 'hovered' | 'focused' | 'selected', m: M | null) {
    this.state[which] = { mark: m, key: m === null ? null : this.delegate.key(m) };
  }

  private pointer: { x: number; y: number } | null = null;
  private pointerDown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly delegate: MarkInteractionDelegate<M>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.pointer = null;
    this.hovered = null;
  }

  /** The mark to emphasise: hovered, else keyboard-focused, else selected. */
  get emphasised(): M | null {
    return this.hovered ?? (this.keyboard ? this.focused : null) ?? this.selected;
  }

  /** The mark whose tooltip shows: hovered, else keyboard-focused. */
  get tooltipMark(): M | null {
    return this.hovered ?? (this.keyboard ? this.focused : null);
  }

  /** Whether the focus ring should be drawn on `mark`. */
  isRing(mark: M): boolean {
    return this.keyboard && this.focused !== null && this.same(this.focused, mark);
  }

  same(a: M | null, b: M | null): boolean {
    return a === b || (a !== null && b !== null && this.delegate.key(a) === this.delegate.key(b));
  }

  /** The pointer entered a mark. */
  enter(mark: M | null): void {
    if (this.same(mark, this.hovered)) return;
    this.hovered = mark;
    this.host.requestUpdate();
    emit(this.host, 'cl-hover', this.delegate.detail(mark));
  }

  /** A mark was clicked: select it (again: clear), and move the keyboard cursor there. */
  activate(mark: M): void {
    this.focused = mark;
    this.keyboard = false;
    this.select(mark);
  }

  /** Selects `mark` (or clears with `null`; selecting the selected mark clears it). */
  select(mark: M | null): void {
    this.selected = mark !== null && this.same(mark, this.selected) ? null : mark;
    this.host.requestUpdate();
    emit(this.host, 'cl-select', this.delegate.detail(this.selected));
  }

  /** Forgets every mark (new data that shares nothing with the old). */
  reset(): void {
    this.hovered = this.focused = this.selected = null;
    this.keyboard = false;
  }

  /**
   * After a data update: finds each remembered mark again by identity. Marks that no
   * longer exist are dropped; a lost selection emits `cl-select` with no mark.
   */
  remap(): void {
    const again = (which: 'hovered' | 'focused' | 'selected') => {
      const key = this.state[which].key;
      return key === null ? null : this.delegate.find(key);
    };
    const hadSelection = this.selected !== null;
    this.hovered = again('hovered');
    this.focused = again('focused');
    this.selected = again('selected');
    if (hadSelection && this.selected === null) {
      void Promise.resolve().then(() => emit(this.host, 'cl-select', this.delegate.detail(null)));
    }
  }

  // ——— handlers for the chart area ———

  readonly onPointerDown = (): void => {
    this.pointerDown = true;
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    const r = this.host.getBoundingClientRect();
    this.pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
    if (this.hovered !== null) {
      const tip = this.host.shadowRoot?.querySelector<HTMLElement>('.tooltip') ?? null;
      moveTooltip(tip, { ...this.pointer, ...this.delegate.size() });
    }
  };

  readonly onPointerLeave = (): void => {
    this.pointer = null;
    this.pointerDown = false;
    this.enter(null);
  };

  /** Click on the chart's background (not on a mark) clears the selection. */
  readonly onBackgroundClick = (e: MouseEvent): void => {
    if ((e.target as Element).closest?.('[data-mark]')) return;
    if (this.selected !== null) this.select(null);
  };

  readonly onFocus = (): void => {
    // Focus from a click lands on the clicked mark (activate); only keyboard focus
    // (Tab) starts the cursor at the first mark.
    if (this.pointerDown) {
      this.pointerDown = false;
      return;
    }
    if (this.focused === null) {
      this.focused = this.delegate.navigate(null, 'Home');
      this.keyboard = this.focused !== null;
      this.host.requestUpdate();
      if (this.focused !== null) emit(this.host, 'cl-hover', this.delegate.detail(this.focused));
    } else {
      this.keyboard = true;
      this.host.requestUpdate();
    }
  };

  readonly onBlur = (): void => {
    this.keyboard = false;
    this.pointerDown = false;
    this.host.requestUpdate();
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (this.focused !== null) {
        e.preventDefault();
        this.keyboard = true;
        this.select(this.focused);
      }
      return;
    }
    if (e.key === 'Escape') {
      const had = this.focused !== null || this.selected !== null;
      this.focused = null;
      this.keyboard = false;
      if (this.selected !== null) this.select(null);
      this.host.requestUpdate();
      if (had) emit(this.host, 'cl-hover', this.delegate.detail(null));
      return;
    }
    if (!NAV_KEYS.has(e.key)) return;
    e.preventDefault();
    const next = this.delegate.navigate(this.focused, e.key);
    this.keyboard = true;
    if (next !== null && !this.same(next, this.focused)) {
      this.focused = next;
      emit(this.host, 'cl-hover', this.delegate.detail(next));
    }
    this.host.requestUpdate();
  };

  // ——— rendering ———

  /** The tooltip of the hovered (at the pointer) or keyboard-focused (at its anchor) mark. */
  renderTooltip(): TemplateResult | typeof nothing {
    const mark = this.tooltipMark;
    if (mark === null) return nothing;
    const size = this.delegate.size();
    const at = this.hovered !== null && this.pointer ? this.pointer : this.delegate.anchor(mark);
    return renderTooltip(this.delegate.describe(mark), { ...at, ...size });
  }

  /** A polite live region announcing the focused/hovered mark to screen readers. */
  renderLiveRegion(): TemplateResult {
    const mark = this.hovered ?? this.focused;
    return html`<div class="visually-hidden" aria-live="polite">
      ${mark !== null ? describeText(this.delegate.describe(mark)) : ''}
    </div>`;
  }
}

/** Tooltip content as one sentence for the live region. */
export function describeText(c: TooltipContent): string {
  return `${c.title}. ${c.rows.map(([k, v]) => `${k}: ${v}`).join(', ')}.${c.note ? ` ${c.note}.` : ''}`;
}
