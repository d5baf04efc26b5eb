// Where cl-trajectory-projection's CPU-raster frames of 10^6 points spend their time:
// the first frame (data handed over → finished pixels) and a pan frame, split into the
// element's phases (input checks, colours, positions, Lit render, raster, put), in wall
// time and in main-thread CPU time (CDP thread ticks: not inflated by the machine's load).
//   npm run bench -- trajectory-projection-phases [--quick]
import { argv, quick, writeResult } from './lib.mjs';
import { machineLoad, runInBrowser } from './elements/browser.mjs';

const params = {
  points: quick ? 100_000 : 1_000_000,
  runs: quick ? 3 : 7,
  pans: quick ? 5 : 15,
  pointSize: argv.has('--size1') ? 1 : 2,
};
const load0 = machineLoad();
const r = await runInBrowser('bench/elements/trajectory-projection-phases-page.ts', {
  params,
  width: 1100,
  height: 800,
  threadTime: true,
  cpuProfile: true,
  timeout: 1_200_000,
});
const load1 = machineLoad();
const show = (name, o) => {
  console.log(`\n${name} (medians; ms)`);
  for (const [k, v] of Object.entries(o)) console.log(`  ${k.padEnd(28)} ${String(v).padStart(8)}`);
};
console.log(
  `load ${load0.loadavg1} → ${load1.loadavg1} on ${load0.cpus} cpus; ${params.points} points, size ${params.pointSize}`,
);
show('first frame', r.first);
show('pan frame', r.pan);
const top = (name, rows) => {
  console.log(`\n${name}: self time by function (sampled; wall-clock samples)`);
  for (const row of rows ?? []) console.log(`  ${String(row.selfMs).padStart(8)}  ${row.key}`);
};
top('first frame (one run)', r.firstProfile);
top(`pans (${params.pans})`, r.panProfile);
if (!argv.has('--no-write'))
  writeResult('trajectory-projection-phases', { params, ...r, load: { before: load0, after: load1 } });
