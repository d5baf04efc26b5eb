import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isClasslensError, type Key } from '@classlens/core';
import { emit, type ClErrorDetail, type ClWarningDetail } from '../events.js';
import { ClassColorScale, explicitColor, type ColorMap } from './color/class-colors.js';
import { OTHER_COLOR, PALETTE, readPalette } from './color/palette.js';

/**
 * What every classlens element shares: theme attribute, accessible label and visible
 * title, `highlight`, class colours (`colors`, a shared `colorScale`), the visible
 * error/empty states with their events, once-per-data warnings, and guarded registration.
 * Subclasses compute in `willUpdate` inside {@link guard} and render through
 * {@link renderState} first.
 */
export class ClBaseElement extends LitElement {
  /**
   * Registers `this` under `tag` unless the tag is taken (two bundles on one page must not
   * throw). Returns the class that owns the tag.
   */
  static define(tag: string): CustomElementConstructor {
    const existing = customElements.get(tag);
    if (existing) return existing;
    customElements.define(tag, this);
    return this;
  }

  /** Colour theme: `light` (default), `dark`, or `auto` (follows the OS setting). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  /** Accessible name of the chart; a summary of the data is appended to it. */
  @property() label = '';

  /** A visible title above the chart (`heading` attribute; `title` is taken by HTMLElement's tooltip). */
  @property() heading = '';

  /** Item indices to emphasise (linked views); everything else is dimmed. */
  @property({ attribute: false }) highlight: ArrayLike<number> | null | undefined = undefined;

  /**
   * Explicit colours for keys with a meaning, e.g. `{ Kept: '#3ca951', Flagged: '#d1242f' }`,
   * a `Map`, or `(key) => colour`. Keys without one take the shared palette.
   */
  @property({ attribute: false }) colors: ColorMap | null | undefined = undefined;

  /**
   * A class-colour scale shared with other views, so a class has one colour everywhere
   * (`<cl-linked>` sets one on its children). Default: a scale of this element's own classes.
   */
  @property({ attribute: false }) colorScale: ClassColorScale | null | undefined = undefined;

  /** The error shown in place of the chart, if the last input was bad. */
  @state() protected error: ClErrorDetail | null = null;

  /** The 20 theme colours in effect (read from `--cl-palette-*` on connect and theme change). */
  protected palette: readonly string[] = PALETTE;
  /** The "Other" grey in effect. */
  protected otherColor = OTHER_COLOR;

  private warned = new Set<string>();
  private lastErrorKey = '';
  private ownScale = new ClassColorScale();
  private subscribed: ClassColorScale | null = null;
  private media: MediaQueryList | null = null;
  private readonly onScaleChange = () => this.requestUpdate('colorScale');
  private readonly onMedia = () => {
    if (this.readTheme()) this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe(this.colorScale ?? null);
    if (typeof matchMedia === 'function') {
      this.media = matchMedia('(prefers-color-scheme: dark)');
      this.media.addEventListener('change', this.onMedia);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(null);
    this.media?.removeEventListener('change', this.onMedia);
    this.media = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('colorScale')) this.subscribe(this.isConnected ? (this.colorScale ?? null) : null);
    if (changed.has('theme') || !this.hasUpdated) {
      if (this.theme !== 'light' && this.theme !== 'dark' && this.theme !== 'auto') this.theme = 'light';
      // Reflect now rather than after render, so the theme's colours can be read before
      // drawing (canvas/SVG fills need concrete colours); Lit's later reflection is a no-op.
      if (this.getAttribute('theme') !== this.theme) this.setAttribute('theme', this.theme);
      this.readTheme();
    }
  }

  private subscribe(scale: ClassColorScale | null) {
    if (scale === this.subscribed) return;
    this.subscribed?.removeEventListener('change', this.onScaleChange);
    this.subscribed = scale instanceof ClassColorScale ? scale : null;
    this.subscribed?.addEventListener('change', this.onScaleChange);
  }

  /** Re-reads the theme's colours; `true` when they changed. */
  private readTheme(): boolean {
    if (!this.isConnected) return false;
    const palette = readPalette(this);
    const other = getComputedStyle(this).getPropertyValue('--cl-color-other').trim() || OTHER_COLOR;
    if (other === this.otherColor && palette.every((c, i) => c === this.palette[i])) return false;
    this.palette = palette;
    this.otherColor = other;
    return true;
  }

  /**
   * The class-colour scale in effect, extended with `keys`: the shared `colorScale` when
   * one is set, else this element's own. Call while computing, with the classes drawn.
   */
  protected classScale(keys: Iterable<Key>): ClassColorScale {
    const shared = this.colorScale instanceof ClassColorScale ? this.colorScale : null;
    const scale = shared ?? this.ownScale;
    if (!shared) {
      // A private scale tracks exactly this element's classes (no stale slots).
      const next = new ClassColorScale(keys);
      if (next.domain.length !== scale.domain.length || next.domain.some((k, i) => k !== scale.domain[i])) {
        this.ownScale = next;
      }
      return this.ownScale;
    }
    shared.extend(keys);
    return shared;
  }

  /** The colour of `key`: `colors` first, then the scale's palette slot, else the "Other" grey. */
  protected classColor(scale: ClassColorScale, key: Key): string {
    return explicitColor(this.colors, key) ?? scale.color(key, this.palette, this.otherColor);
  }

  /**
   * Runs `compute`; on a thrown error shows the error state and emits `cl-error` once.
   * Returns `true` when `compute` succeeded. Properties are never modified, so fixing
   * the input re-renders.
   */
  protected guard(compute: () => void): boolean {
    try {
      compute();
      this.clearError();
      return true;
    } catch (e) {
      this.showError(e);
      return false;
    }
  }

  /** Shows `e` as the error state and emits `cl-error` (once per distinct error). */
  protected showError(e: unknown): void {
    const detail: ClErrorDetail = isClasslensError(e)
      ? { code: e.code, message: e.message }
      : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    this.error = detail;
    const key = `${detail.code}:${detail.message}`;
    if (key !== this.lastErrorKey) {
      this.lastErrorKey = key;
      // After the update: listeners may synchronously fix the input.
      void this.updateComplete.then(() => emit(this, 'cl-error', detail));
    }
    if (!isClasslensError(e)) console.error(e);
  }

  /** Leaves the error state. */
  protected clearError(): void {
    this.error = null;
    this.lastErrorKey = '';
  }

  /** Starts a new warning scope (call when the data changes). */
  protected resetWarnings(): void {
    this.warned.clear();
  }

  /** Emits `cl-warning` once per message per data scope. */
  protected warn(code: string, message: string, count?: number): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    const detail: ClWarningDetail = count === undefined ? { code, message } : { code, message, count };
    void this.updateComplete.then(() => emit(this, 'cl-warning', detail));
  }

  /** The visible title, when `heading` is set. */
  protected renderHeading(): TemplateResult | typeof nothing {
    return this.heading ? html`<div class="heading" part="heading">${this.heading}</div>` : nothing;
  }

  /** The error or empty state, or `nothing` when the chart should render. */
  protected renderState(empty: boolean, emptyMessage = 'No data'): TemplateResult | typeof nothing {
    if (this.error) {
      return html`<div class="state state--error" part="error" role="alert">
        <strong>Can't draw this chart</strong>
        <span class="state__message">${this.error.message}</span>
        <code class="state__code">${this.error.code}</code>
      </div>`;
    }
    if (empty) {
      return html`<div class="state state--empty" part="empty" role="status">${emptyMessage}</div>`;
    }
    return nothing;
  }

  /** A highlight set as a membership mask over `n` items, or `null` when none is set. */
  protected highlightMask(n: number): Uint8Array | null {
    const h = this.highlight;
    if (h == null || typeof h.length !== 'number') return null;
    const mask = new Uint8Array(n);
    for (let k = 0; k < h.length; k++) {
      const i = h[k];
      if (i >= 0 && i < n) mask[i] = 1;
    }
    return mask;
  }
}
