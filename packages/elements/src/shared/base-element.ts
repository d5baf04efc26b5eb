import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isClasslensError } from '@classlens/core';
import { emit, type ClErrorDetail, type ClWarningDetail } from './events.js';

/**
 * What every classlens element shares: theme attribute, accessible label, `highlight`,
 * the visible error/empty states with their events, and once-per-data warnings.
 * Subclasses compute in `willUpdate` inside {@link guard} and render through
 * {@link renderState} first.
 */
export class ClBaseElement extends LitElement {
  /** Colour theme: `light` (default), `dark`, or `auto` (follows the OS setting). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  /** Accessible name of the chart; a summary of the data is appended to it. */
  @property() label = '';

  /** Item indices to emphasise (linked views); everything else is dimmed. */
  @property({ attribute: false }) highlight: ArrayLike<number> | null | undefined = undefined;

  /** The error shown in place of the chart, if the last input was bad. */
  @state() protected error: ClErrorDetail | null = null;

  private warned = new Set<string>();
  private lastErrorKey = '';

  /**
   * Runs `compute`; on a thrown error shows the error state and emits `cl-error` once.
   * Returns `true` when `compute` succeeded. Properties are never modified, so fixing
   * the input re-renders.
   */
  protected guard(compute: () => void): boolean {
    try {
      compute();
      this.error = null;
      this.lastErrorKey = '';
      return true;
    } catch (e) {
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
      return false;
    }
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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('theme') && this.theme !== 'light' && this.theme !== 'dark' && this.theme !== 'auto') {
      this.theme = 'light';
    }
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
