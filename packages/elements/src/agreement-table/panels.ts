import { html, svg, type TemplateResult } from 'lit';
import { formatCount, formatPercent } from '../internal/format.js';

/** One bar of the word panel. */
export interface WordBar {
  word: string;
  /** Occurrences in the filtered texts. */
  count: number;
  /** Share of the filtered texts that contain the word. */
  share: number;
  /** Share of all texts that contain it. */
  overall: number;
}

/**
 * DeepCompare's word view: the most frequent words of the filtered rows' texts (core's
 * `wordFrequencies`), each bar the share of filtered texts containing the word, with a tick
 * at its share over all texts — so words over-represented in a query (negations, say, in
 * "GRU right, bag of words wrong") stand out.
 */
export function renderWordPanel(words: readonly WordBar[], rows: number): TemplateResult {
  const max = Math.max(1e-9, ...words.map((w) => Math.max(w.share, w.overall)));
  const W = 110;
  return html`<section class="panel" part="panel words" aria-label="Word frequencies of the filtered rows">
    <h3 class="panel__title">Words in ${formatCount(rows)} filtered texts</h3>
    ${
      words.length === 0
        ? html`<p class="panel__empty">No words</p>`
        : html`<table class="words">
            <thead class="visually-hidden">
              <tr>
                <th scope="col">Word</th>
                <th scope="col">Texts containing it (filtered, all)</th>
                <th scope="col">Occurrences</th>
              </tr>
            </thead>
            <tbody>
              ${words.map(
                (w) =>
                  html`<tr>
                    <th scope="row" class="words__word">${w.word}</th>
                    <td class="words__bar">
                      <svg width=${W} height="12" viewBox="0 0 ${W} 12" aria-hidden="true">
                        ${svg`<rect class="words__in" x="0" y="2" height="8" width=${(W * w.share) / max}></rect>
                    <rect class="words__all" x=${Math.max(0, (W * w.overall) / max - 1)} y="0" width="2" height="12"></rect>`}
                      </svg>
                      <span class="visually-hidden"
                        >${formatPercent(w.share)} of filtered texts, ${formatPercent(w.overall)} of all</span
                      >
                    </td>
                    <td class="words__count">${formatCount(w.count)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p class="panel__key">
      <svg width="10" height="8" aria-hidden="true">${svg`<rect class="words__in" width="10" height="8"></rect>`}</svg>
      share of filtered texts
      <svg width="4" height="10" aria-hidden="true">${svg`<rect class="words__all" width="2" height="10"></rect>`}</svg>
      of all texts
    </p>
  </section>`;
}

/** A histogram of one numeric column split by the filter, on shared bins. */
export interface SplitHistogram {
  column: string;
  /** Bin edges and counts inside and outside the filter. */
  bins: { x0: number; x1: number; inside: number; outside: number }[];
  inside: number;
  outside: number;
}

/**
 * DeepCompare's neuron-activation view: the distribution of one numeric column for the
 * filtered rows against the rest (both as shares of their own group, on the same bins from
 * core's `histogram`), with a menu to pick the column.
 */
export function renderHistogramPanel(
  h: SplitHistogram | null,
  columns: readonly string[],
  pick: (column: string) => void,
): TemplateResult {
  const W = 240;
  const H = 96;
  const top = 4;
  const bottom = H - 16;
  let body: TemplateResult = html`<p class="panel__empty">No values</p>`;
  if (h && h.bins.length > 0) {
    const lo = h.bins[0].x0;
    const hi = h.bins[h.bins.length - 1].x1;
    const x = (v: number) => (hi > lo ? ((v - lo) / (hi - lo)) * (W - 2) + 1 : W / 2);
    const share = (c: number, n: number) => (n > 0 ? c / n : 0);
    const max = Math.max(1e-9, ...h.bins.map((b) => Math.max(share(b.inside, h.inside), share(b.outside, h.outside))));
    const y = (s: number) => bottom - (s / max) * (bottom - top);
    const outline = h.bins
      .map(
        (b, i) =>
          `${i === 0 ? `M${x(b.x0)},${bottom}` : ''}L${x(b.x0)},${y(share(b.outside, h.outside))}L${x(b.x1)},${y(share(b.outside, h.outside))}`,
      )
      .join('');
    body = html`<svg
        class="hist"
        width=${W}
        height=${H}
        viewBox="0 0 ${W} ${H}"
        role="img"
        aria-label=${`${h.column}: filtered rows (${formatCount(h.inside)}) against the rest (${formatCount(h.outside)}), ${h.bins.length} bins from ${fmt(lo)} to ${fmt(hi)}`}
      >
        ${svg`${h.bins.map((b) => {
          const yy = y(share(b.inside, h.inside));
          return svg`<rect class="hist__in" x=${x(b.x0) + 0.5} y=${yy} width=${Math.max(0.5, x(b.x1) - x(b.x0) - 1)} height=${bottom - yy}></rect>`;
        })}
        <path class="hist__out" d=${`${outline}L${x(hi)},${bottom}`}></path>
        <line class="hist__axis" x1="0" x2=${W} y1=${bottom + 0.5} y2=${bottom + 0.5}></line>
        <text class="hist__tick" x="1" y=${H - 3}>${fmt(lo)}</text>
        <text class="hist__tick" x=${W - 1} y=${H - 3} text-anchor="end">${fmt(hi)}</text>`}
      </svg>
      <p class="panel__key">
        <svg width="10" height="8" aria-hidden="true">${svg`<rect class="hist__in" width="10" height="8"></rect>`}</svg>
        filtered (${formatCount(h.inside)})
        <svg width="12" height="8" aria-hidden="true">${svg`<path class="hist__out" d="M0,7H4V1H8V7H12"></path>`}</svg>
        the rest (${formatCount(h.outside)}), as shares of each
      </p>`;
  }
  return html`<section
    class="panel"
    part="panel histogram"
    aria-label="Histogram of a column, filtered against the rest"
  >
    <h3 class="panel__title">
      <label
        >Distribution of
        <select .value=${h?.column ?? ''} @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
          ${columns.map((c) => html`<option value=${c} ?selected=${c === h?.column}>${c}</option>`)}
        </select></label
      >
    </h3>
    ${body}
  </section>`;
}

/** A tick value: up to 3 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 0.001 || a >= 1e6) ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}
