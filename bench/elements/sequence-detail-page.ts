// cl-sequence-detail in the browser on the 7,000-review GRU data (106,496 steps): time to
// the first frame with every step's state (step distances and the data-set histogram from
// core), switching the shown sequence, the threshold drag, and `view="all"` over every
// sequence. Timings end with a forced layout of the element. Run by
// bench/sequence-detail.bench.mjs.
import '../../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import type { ClSequenceDetail } from '../../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import { loadReviewSteps } from '../../stories/data.js';
import { forceLayout, frames, median } from './page-helpers.js';

async function drawn(el: ClSequenceDetail) {
  for (let k = 0; k < 600; k++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('[part~="word"], [part~="token"], .word, .token')) {
      forceLayout(el);
      return;
    }
    await frames(1);
  }
  throw new Error('bench: the sequence detail never drew');
}

declare global {
  interface Window {
    bench: (p: { runs: number }) => Promise<unknown>;
  }
}

window.bench = async ({ runs }) => {
  const d = await loadReviewSteps();
  const matrix = { rows: d.offsets[d.offsets.length - 1], cols: d.hiddenSize, data: d.states };
  const first: number[] = [];
  const switches: number[] = [];
  const thresholds: number[] = [];
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const el = document.createElement('cl-sequence-detail') as ClSequenceDetail;
    el.style.cssText = 'display:block;width:1100px;height:720px';
    document.body.append(el);
    await frames(2);
    const t0 = performance.now();
    Object.assign(el, {
      states: matrix,
      offsets: d.offsets,
      expected: d.expected,
      classes: d.classes,
      tokens: d.tokens,
      truth: d.truth,
      predicted: d.predicted,
      ids: d.ids,
      sequence: 80,
    });
    await drawn(el);
    first.push(performance.now() - t0);
    for (let k = 0; k < 5; k++) {
      const t1 = performance.now();
      el.sequence = 100 + 37 * k;
      await el.updateComplete;
      forceLayout(el);
      switches.push(performance.now() - t1);
      const t2 = performance.now();
      el.jumpThreshold = 0.3 + 0.05 * k;
      await el.updateComplete;
      forceLayout(el);
      thresholds.push(performance.now() - t2);
    }
    const t3 = performance.now();
    el.view = 'all';
    await el.updateComplete;
    forceLayout(el);
    all.push(performance.now() - t3);
    el.remove();
  }
  return {
    steps: matrix.rows,
    sequences: d.offsets.length - 1,
    firstFrameMs: median(first),
    firstFrameRuns: first,
    switchSequenceMs: median(switches),
    thresholdMs: median(thresholds),
    viewAllMs: median(all),
  };
};
