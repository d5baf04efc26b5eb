import { html, nothing, svg, type TemplateResult } from 'lit';
import { cssProps } from '../internal/css-props.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import { mixOklab } from '../internal/color/oklab.js';
import { readableChip } from '../internal/trajectory/ep-colors.js';
import type { SequenceData } from '../internal/trajectory/sequence-data.js';
import type { StepMarks } from '../internal/trajectory/step-marks.js';
import type { ClassificationOverview, SequenceFilter } from './overview.js';
import { labelOf } from './sequence-view.js';

/** Rows the sequence table renders at most (filter to narrow); the rest are counted. */
export const MAX_TABLE_ROWS = 250;

export interface OverviewView {
  data: SequenceData;
  overview: ClassificationOverview | null;
  marks: StepMarks;
  classColors: readonly string[];
  filter: SequenceFilter;
  /** Sequences passing the filter. */
  rows: Uint32Array;
  selected: number | null;
  /** Per sequence: 1 when the highlight touches one of its steps (or `null`: no highlight). */
  touched: Uint8Array | null;
  width: number;
  /** The theme's page background and text colours (concrete). */
  background: string;
  foreground: string;
}

export interface OverviewHandlers {
  pick(s: number): void;
  setFilter(f: Partial<SequenceFilter>): void;
}

/** "300 sequences · 2,400 steps · 293 right (97.7 %)". */
export function renderSummary(v: OverviewView): TemplateResult {
  const o = v.overview;
  return html`<p class="summary" part="summary">
    <span><strong>${formatCount(v.data.n)}</strong> sequences</span>
    <span><strong>${formatCount(v.data.total)}</strong> steps</span>
    ${
      o
        ? html`<span
            ><strong>${formatCount(o.correct)}</strong> of ${formatCount(o.labelled)} right (<strong
              >${formatPercent(o.accuracy)}</strong
            >
            accuracy)</span
          >`
        : nothing
    }
  </p>`;
}

/**
 * Per-class bars (the paper's Fig. 1): for each true class, a bar of its sequences in the
 * class's colour over a bar of what they were predicted as, stacked by predicted class.
 * Clicking a bar filters the table.
 */
export function renderClassBars(v: OverviewView, h: OverviewHandlers): TemplateResult | typeof nothing {
  const o = v.overview;
  if (!o) return nothing;
  const m = v.data.classes.length;
  const classes = Array.from({ length: m }, (_, c) => c).filter((c) => o.truthTotals[c] > 0 || colSum(o, c) > 0);
  const labelW = Math.min(90, Math.max(24, 7 * Math.max(...classes.map((c) => labelOf(v.data.classes[c]).length))));
  const left = labelW + 8;
  const countW = 70;
  const barW = Math.max(40, v.width - left - countW);
  const peak = Math.max(1, ...o.truthTotals);
  const barH = 9;
  const rowH = 2 * barH + 9;
  const height = classes.length * rowH + 4;
  const x = (c: number) => (barW * c) / peak;
  return html`<div class="class-bars" part="class-bars">
    <svg
      width=${v.width}
      height=${height}
      viewBox="0 0 ${v.width} ${height}"
      role="group"
      aria-label="Sequences per true class and what they were predicted as"
    >
      ${classes.map((c, j) => {
        const y0 = 2 + j * rowH;
        const name = labelOf(v.data.classes[c]);
        let acc = 0;
        const active = v.filter.truth === c;
        return svg`<g class="class-row ${active ? 'is-active' : ''}">
          <text class="row-label" x=${labelW} y=${y0 + barH} text-anchor="end" dominant-baseline="central">${truncate(name, Math.max(3, Math.floor(labelW / 7)))}</text>
          <rect class="truth-bar" data-mark x=${left} y=${y0} width=${Math.max(1, x(o.truthTotals[c])).toFixed(2)} height=${barH} fill=${v.classColors[c]}
            role="button" tabindex="0"
            @click=${() => h.setFilter({ truth: active && v.filter.predicted < 0 ? -1 : c, predicted: -1 })}
            @keydown=${(e: KeyboardEvent) => activateKey(e, () => h.setFilter({ truth: c, predicted: -1 }))}
          ><title>${`True ${name}: ${formatCount(o.truthTotals[c])} sequences (list them)`}</title></rect>
          ${o.counts[c].map((count, p) => {
            if (count === 0) return nothing;
            const sx = left + x(acc);
            acc += count;
            const right = p === c;
            const pname = labelOf(v.data.classes[p]);
            return svg`<rect class="pred-bar ${right ? 'is-right' : 'is-wrong'}" data-mark x=${sx.toFixed(2)} y=${y0 + barH + 1} width=${Math.max(1, x(count) - 0.5).toFixed(2)} height=${barH} fill=${v.classColors[p]}
              role="button" tabindex="-1"
              @click=${() => h.setFilter({ truth: c, predicted: p })}
            ><title>${`True ${name} → predicted ${pname}: ${formatCount(count)}`}</title></rect>`;
          })}
          <text class="count" x=${left + x(o.truthTotals[c]) + 4} y=${y0 + barH} dominant-baseline="central">${formatCount(o.truthTotals[c])}${o.counts[c][c] < o.truthTotals[c] ? ` (${formatCount(o.truthTotals[c] - o.counts[c][c])} ✗)` : ''}</text>
        </g>`;
      })}
    </svg>
  </div>`;
}

function colSum(o: ClassificationOverview, c: number): number {
  let s = 0;
  for (const row of o.counts) s += row[c];
  return s;
}

function activateKey(e: KeyboardEvent, f: () => void) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    f();
  }
}

/** The filter controls: true class, predicted class, right/wrong. */
export function renderFilters(v: OverviewView, h: OverviewHandlers): TemplateResult {
  const classes = v.data.classes;
  const opts = (sel: number) => [
    html`<option value="-1" ?selected=${sel < 0}>any</option>`,
    ...classes.map((k, c) => html`<option value=${c} ?selected=${sel === c}>${truncate(labelOf(k), 30)}</option>`),
  ];
  const hasTruth = v.data.truth !== null;
  return html`<div class="filters" part="filters">
    ${
      hasTruth
        ? html`<label
            >True
            <select @change=${(e: Event) => h.setFilter({ truth: +(e.target as HTMLSelectElement).value })}>
              ${opts(v.filter.truth)}
            </select></label
          >`
        : nothing
    }
    ${
      v.data.predicted
        ? html`<label
            >Predicted
            <select @change=${(e: Event) => h.setFilter({ predicted: +(e.target as HTMLSelectElement).value })}>
              ${opts(v.filter.predicted)}
            </select></label
          >`
        : nothing
    }
    ${
      hasTruth && v.data.predicted
        ? html`<label
            >Result
            <select
              @change=${(e: Event) =>
                h.setFilter({ correct: (e.target as HTMLSelectElement).value as SequenceFilter['correct'] })}
            >
              <option value="all" ?selected=${v.filter.correct === 'all'}>all</option>
              <option value="right" ?selected=${v.filter.correct === 'right'}>right</option>
              <option value="wrong" ?selected=${v.filter.correct === 'wrong'}>wrong</option>
            </select></label
          >`
        : nothing
    }
    <span class="filters__count">${formatCount(v.rows.length)} of ${formatCount(v.data.n)}</span>
  </div>`;
}

/** Jump/change counts of one sequence. */
function counts(v: OverviewView, s: number): { jumps: number; changes: number } {
  const a = v.data.offsets[s];
  const b = v.data.offsets[s + 1];
  let jumps = 0;
  let changes = 0;
  for (let r = a; r < b; r++) {
    jumps += v.marks.jump[r];
    changes += v.marks.confidence[r] | v.marks.flip[r];
  }
  return { jumps, changes };
}

/** The first words of a sequence, for the table. */
export function preview(data: SequenceData, s: number, max = 60): string {
  if (!data.tokens) return `${data.lengths[s]} steps`;
  const a = data.offsets[s];
  const b = data.offsets[s + 1];
  let out = '';
  for (let r = a; r < b && out.length <= max; r++) out += (r > a ? ' ' : '') + data.tokens[r];
  return truncate(out, max);
}

/** The sequence table: pick a sequence to inspect (`cl-select` of kind `sequence`). */
export function renderTable(v: OverviewView, h: OverviewHandlers): TemplateResult {
  const { data } = v;
  const shown = v.rows.length > MAX_TABLE_ROWS ? v.rows.subarray(0, MAX_TABLE_ROWS) : v.rows;
  const chars = v.width < 420 ? 9 : 16;
  const swatch = (c: number) =>
    c < 0
      ? '–'
      : html`<svg class="swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
            <rect width="10" height="10" rx="2" fill=${v.classColors[c]}></rect></svg
          >${truncate(labelOf(data.classes[c]), chars)}`;
  return html`<div class="table-wrap" part="sequence-table">
    <table class="sequences">
      <caption class="visually-hidden">
        Sequences; choose one to inspect
      </caption>
      <thead>
        <tr>
          <th scope="col">Sequence</th>
          ${data.truth ? html`<th scope="col">True</th>` : nothing}
          ${data.predicted ? html`<th scope="col">Predicted</th>` : nothing}
          <th scope="col" class="num">Steps</th>
          <th scope="col" class="num" title="Jumps">▲</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody>
        ${Array.from(shown, (s) => {
          const { jumps } = counts(v, s);
          const wrong = data.truth && data.predicted && data.truth[s] !== data.predicted[s];
          const cls = [
            v.selected === s ? 'is-selected' : '',
            wrong ? 'is-wrong' : '',
            v.touched ? (v.touched[s] ? 'is-touched' : 'is-dimmed') : '',
          ].join(' ');
          return html`<tr class=${cls} aria-current=${v.selected === s ? 'true' : 'false'} @click=${() => h.pick(s)}>
            <th scope="row">
              <button class="pick" type="button" @click=${(e: Event) => (e.stopPropagation(), h.pick(s))}>
                ${truncate(String(data.ids[s]), chars + 4)}
              </button>
            </th>
            ${data.truth ? html`<td>${swatch(data.truth[s])}</td>` : nothing}
            ${
              data.predicted
                ? html`<td>
                    ${swatch(data.predicted[s])}${wrong ? html`<span class="wrong-mark" aria-label="wrong">✗</span>` : nothing}
                  </td>`
                : nothing
            }
            <td class="num">${data.lengths[s]}</td>
            <td class="num">${jumps}</td>
            <td class="text">${preview(data, s)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      v.rows.length > shown.length
        ? html`<p class="note">
            ${formatCount(v.rows.length - shown.length)} more sequences: filter to narrow the list
          </p>`
        : nothing
    }
  </div>`;
}

/**
 * All sequences at once: each sequence's jump and change words, coloured by its true
 * class; correctly classified sequences are faded so the errors stand out.
 */
export function renderAll(v: OverviewView, h: OverviewHandlers): TemplateResult {
  const { data, marks } = v;
  const wrong = (s: number) => (data.truth && data.predicted && data.truth[s] !== data.predicted[s] ? 0 : 1);
  // Errors first (stable), so the sequences that matter are on top.
  const ordered = Uint32Array.from(v.rows).sort((a, b) => wrong(a) - wrong(b) || a - b);
  const shown = ordered.length > MAX_TABLE_ROWS ? ordered.subarray(0, MAX_TABLE_ROWS) : ordered;
  return html`<div class="all" part="all">
    ${Array.from(shown, (s) => {
      const a = data.offsets[s];
      const b = data.offsets[s + 1];
      const c = data.truth ? data.truth[s] : -1;
      const color = c >= 0 ? v.classColors[c] : 'currentColor';
      const right = data.truth && data.predicted ? data.truth[s] === data.predicted[s] : false;
      // Faded, not transparent: right answers get pale chips, and their text stays readable.
      const chip =
        c >= 0 ? readableChip(right ? mixOklab(color, v.background, 0.72) : color, v.background, v.foreground) : null;
      const words: TemplateResult[] = [];
      let gap = false;
      for (let r = a; r < b; r++) {
        const kinds = [marks.jump[r] ? '▲' : '', marks.confidence[r] ? '●' : '', marks.flip[r] ? '◆' : ''].join('');
        if (!kinds) {
          gap = true;
          continue;
        }
        if (gap && words.length) words.push(html`<span class="all__gap" aria-hidden="true">…</span>`);
        gap = false;
        words.push(
          html`<span class="all__word" ${cssProps(chip ? { 'background-color': chip.fill, color: chip.text } : {})}
            ><span class="all__kinds" aria-hidden="true">${kinds}</span
            >${data.tokens ? data.tokens[r] : `#${r - a + 1}`}</span
          >`,
        );
      }
      return html`<div class="all__row ${right ? 'is-right' : 'is-wrong'} ${v.selected === s ? 'is-selected' : ''}">
        <button class="pick all__id" type="button" @click=${() => h.pick(s)} ${cssBorder(color)}>
          ${truncate(String(data.ids[s]), 18)}
        </button>
        <span class="all__words"
          >${words.length ? words : html`<span class="all__none">no jumps or changes</span>`}</span
        >
      </div>`;
    })}
    ${
      v.rows.length > shown.length
        ? html`<p class="note">
            ${formatCount(v.rows.length - shown.length)} more sequences: filter to narrow the list
          </p>`
        : nothing
    }
  </div>`;
}

const cssBorder = (color: string) => cssProps({ 'border-left-color': color });
