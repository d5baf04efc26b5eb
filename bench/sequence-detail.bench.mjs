// cl-sequence-detail on the 7,000-review GRU data (106,496 steps) in headless Chromium:
// first frame (core's step distances over every state + the histogram), switching the
// shown sequence, moving the jump threshold, and `view="all"`. There is no peer element
// that does this; the hidden-state paper's tool precomputed everything in Python.
//   npm run bench -- sequence-detail [--quick]
import { quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const load0 = machineLoad();
const r = await runInBrowser('bench/elements/sequence-detail-page.ts', { params: { runs: quick ? 2 : 5 } });
console.log(`cl-sequence-detail, ${r.sequences} sequences, ${r.steps} steps (medians)`);
console.log(`  first frame (all step distances + histogram)  ${r.firstFrameMs.toFixed(0)} ms`);
console.log(`  switch the shown sequence                     ${r.switchSequenceMs.toFixed(1)} ms`);
console.log(`  move the jump threshold                       ${r.thresholdMs.toFixed(1)} ms`);
console.log(`  view="all" (every sequence's jump words)      ${r.viewAllMs.toFixed(0)} ms`);
writeResult('sequence-detail', { ...r, load: { before: load0, after: machineLoad() } });
