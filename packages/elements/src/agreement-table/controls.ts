import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Key } from '@classlens/core';
import type { AgreementQuery } from '../events.js';
import { formatCount } from '../internal/format.js';

/** What the filter bar shows. */
export interface FilterView {
  classes: readonly Key[];
  classColors: readonly string[];
  /** Items per true class. */
  classCounts: ArrayLike<number>;
  models: readonly string[];
  query: AgreementQuery;
  count: number;
  total: number;
  /** Highlighted items among the rows (linked views), or `null` without a highlight. */
  highlighted: number | null;
  selected: number;
  truthOpen: boolean;
}

/** What the filter bar does. */
export interface FilterActions {
  setTruth(keys: Key[] | undefined): void;
  setCorrect(model: string, value: boolean | undefined): void;
  setAgree(value: boolean | undefined): void;
  clearPredicted(model: string): void;
  clear(): void;
  truthMenu(open: boolean): void;
}

const swatch = (color: string) =>
  html`<svg class="swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
    ${svg`<rect width="10" height="10" rx="2" fill=${color}></rect>`}
  </svg>`;

/** Whether the query constrains anything. */
export function isEmptyQuery(q: AgreementQuery): boolean {
  return q.truth === undefined && q.agree === undefined && !hasKeys(q.correct) && !hasKeys(q.predicted);
}

function hasKeys(o: object | undefined): boolean {
  return o !== undefined && Object.keys(o).length > 0;
}

function own<V>(o: Record<string, V> | undefined, k: string): V | undefined {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/**
 * The table's filter bar (`part="filters"`): true classes (a menu of checkboxes with the
 * class colours and counts), right / wrong / any per model, models agree / disagree, a
 * clear button, and the result count (`part="count"`, always visible, announced politely).
 * Every control is a native, labelled form control.
 */
export function renderFilters(v: FilterView, a: FilterActions): TemplateResult {
  const q = v.query;
  const chosen = q.truth === undefined ? null : new Set(q.truth.map((k) => String(k)));
  const truthLabel =
    chosen === null
      ? 'all'
      : chosen.size === 0
        ? 'none'
        : chosen.size <= 2
          ? [...q.truth!].map(String).join(', ')
          : `${chosen.size} of ${v.classes.length}`;
  return html`<div class="filters" part="filters" role="group" aria-label="Filters">
    <details
      class="truth-filter"
      ?open=${v.truthOpen}
      @toggle=${(e: Event) => a.truthMenu((e.target as HTMLDetailsElement).open)}
    >
      <summary>True class: <strong>${truthLabel}</strong></summary>
      ${
        v.truthOpen
          ? html`<div class="menu" role="group" aria-label="True classes">
              <div class="menu__actions">
                <button type="button" @click=${() => a.setTruth(undefined)}>All</button>
                <button type="button" @click=${() => a.setTruth([])}>None</button>
              </div>
              ${v.classes.map((k, c) => {
                const on = chosen === null || chosen.has(String(k));
                return html`<label class="menu__item">
                  <input
                    type="checkbox"
                    .checked=${on}
                    @change=${(e: Event) => {
                      const checked = (e.target as HTMLInputElement).checked;
                      const next = v.classes.filter((kk) =>
                        String(kk) === String(k) ? checked : chosen === null || chosen.has(String(kk)),
                      );
                      a.setTruth(next.length === v.classes.length ? undefined : next);
                    }}
                  />${swatch(v.classColors[c])}<span class="menu__label">${String(k)}</span
                  ><span class="menu__count">${formatCount(v.classCounts[c] ?? 0)}</span>
                </label>`;
              })}
            </div>`
          : nothing
      }
    </details>
    ${v.models.map((m) => {
      const c = own(q.correct, m);
      const p = own(q.predicted, m);
      return html`<label class="control"
        ><span class="control__name">${m}</span>
        <select
          .value=${c === undefined ? '' : c ? 'right' : 'wrong'}
          @change=${(e: Event) => {
            const val = (e.target as HTMLSelectElement).value;
            a.setCorrect(m, val === '' ? undefined : val === 'right');
          }}
        >
          <option value="" ?selected=${c === undefined}>any</option>
          <option value="right" ?selected=${c === true}>✓ right</option>
          <option value="wrong" ?selected=${c === false}>✗ wrong</option>
        </select>
        ${
          p !== undefined
            ? html`<button
                type="button"
                class="chip"
                aria-label=${`Remove: ${m} predicted ${String(p)}`}
                @click=${() => a.clearPredicted(m)}
              >
                predicted ${String(p)} ×
              </button>`
            : nothing
        }</label
      >`;
    })}
    ${
      v.models.length >= 2
        ? html`<label class="control"
            ><span class="control__name">Models</span>
            <select
              .value=${q.agree === undefined ? '' : q.agree ? 'agree' : 'disagree'}
              @change=${(e: Event) => {
                const val = (e.target as HTMLSelectElement).value;
                a.setAgree(val === '' ? undefined : val === 'agree');
              }}
            >
              <option value="" ?selected=${q.agree === undefined}>agree or not</option>
              <option value="agree" ?selected=${q.agree === true}>agree</option>
              <option value="disagree" ?selected=${q.agree === false}>disagree</option>
            </select></label
          >`
        : nothing
    }
    <button type="button" class="clear" ?hidden=${isEmptyQuery(q)} @click=${a.clear}>Clear filters</button>
    <span class="count" part="count" role="status" aria-live="polite"
      ><strong>${formatCount(v.count)}</strong> of ${formatCount(v.total)}
      ${v.total === 1 ? 'item' : 'items'}${
        v.highlighted !== null
          ? html` · <span class="count__hl">${formatCount(v.highlighted)} highlighted</span>`
          : nothing
      }${v.selected > 0 ? html` · ${formatCount(v.selected)} selected` : nothing}</span
    >
  </div>`;
}
