// CLI: the precomputed 2-D layouts of the example data, made with @classlens/core in Node.
//
//   node scripts/run-ts.mjs examples/src/write-projections.ts items  # digits-item-map.json (~30 s)
//   node scripts/run-ts.mjs examples/src/write-projections.ts steps  # reviews-steps-xy.f32.bin (minutes)
//
// `items`: the De-Confusion item map — every digit of digits-cv.json with the mismatch
// score of its label under the cross-validated MLP (M2) and a t-SNE of its pixels.
// `steps`: a t-SNE of the 106,496 int8 hidden states written by
// examples/rnn/make_review_steps.py; it fills the header's "projection" entry.
// Seeded: the same inputs give the same bytes on the same Node version.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  mismatchScore,
  toMatrix,
  trustworthiness,
  tsne,
  type Matrix,
  type TsneOptions,
} from '../../packages/core/src/index.js';
import { mulberry32 } from './random.js';
import { toJson } from './to-json.js';
import { dataPath } from './write-data.js';

/** t-SNE settings of both layouts: scikit-learn's defaults, seeded. */
export const TSNE_OPTIONS = { perplexity: 30, iterations: 1000, theta: 0.5, seed: 42 } as const;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0; // + 0 turns −0 into 0
};

function progress(label: string): TsneOptions['onProgress'] {
  let next = 0;
  const t0 = performance.now();
  return (f) => {
    if (f < next) return;
    next = Math.floor(f * 10) / 10 + 0.1;
    console.log(`${label}: ${Math.round(f * 100)} % after ${((performance.now() - t0) / 1e3).toFixed(0)} s`);
  };
}

interface DigitsModel {
  id: string;
  label: string;
  pred: number[];
  probs: number[][];
}
interface DigitsFile {
  classes: string[];
  ids: number[];
  truth: number[];
  images: number[][];
  fold: number[];
  models: DigitsModel[];
}

/** Writes examples/data/digits-item-map.json; returns its size in bytes. */
async function writeItemMap(): Promise<number> {
  const d = JSON.parse(readFileSync(dataPath('digits-cv.json'), 'utf8')) as DigitsFile;
  const model = d.models.find((m) => m.id === 'M2')!;
  const mismatch = mismatchScore(toMatrix(model.probs), d.truth);
  const pixels = toMatrix(d.images.map((row) => row.map((v) => v / 16)));
  const t0 = performance.now();
  const xy = await tsne(pixels, { ...TSNE_OPTIONS, onProgress: progress('digits t-SNE') });
  const seconds = (performance.now() - t0) / 1e3;
  const trust = trustworthiness(pixels, xy, 10);
  const doc = {
    dataset: 'digits-item-map',
    description:
      'De-Confusion item map: all 1,797 UCI digits with the mismatch score of their label under the 5-fold cross-validated MLP (M2 of digits-cv.json) and a 2-D t-SNE of their pixels.',
    generator: 'examples/src/write-projections.ts items',
    source: 'digits-cv.json',
    model: model.label,
    mismatch: 'score_i = (max_j p_ij + (1 − p_i,label_i)) / 2 (core mismatchScore), 6 decimals',
    projection: {
      method: 'tsne',
      of: 'pixels / 16 (64 dimensions)',
      ...TSNE_OPTIONS,
      trustworthiness10: round(trust, 4),
    },
    classes: d.classes,
    ids: d.ids,
    truth: d.truth,
    pred: model.pred,
    score: Array.from(mismatch, (v) => round(v, 6)),
    x: Array.from({ length: xy.rows }, (_, i) => round(xy.data[2 * i], 3)),
    y: Array.from({ length: xy.rows }, (_, i) => round(xy.data[2 * i + 1], 3)),
    images: d.images,
  };
  const text = toJson(doc);
  writeFileSync(dataPath('digits-item-map.json'), text);
  console.log(`digits t-SNE ${seconds.toFixed(1)} s, trustworthiness(10) ${trust.toFixed(4)}`);
  return Buffer.byteLength(text);
}

/** Header of the review steps (see make_review_steps.py). */
interface StepsHeader {
  points: number;
  hiddenSize: number;
  statesSha256: string;
  files: Record<string, { path: string; dtype: string; shape: number[]; scale?: number }>;
  projection: unknown;
  [key: string]: unknown;
}

/** The int8 states of reviews-steps as an n × 32 float matrix (value / 127). */
export function readStepStates(header: StepsHeader): Matrix {
  const spec = header.files.states;
  const bytes = readFileSync(dataPath(spec.path));
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Float32Array(int8.length);
  for (let k = 0; k < int8.length; k++) data[k] = int8[k] / 127;
  return { rows: header.points, cols: header.hiddenSize, data };
}

/** Header text in make_review_steps.py's layout: one top-level key per line. */
export function stepsHeaderText(header: object): string {
  const lines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** A seeded sample of `size` distinct row indices of [0, n), in increasing order. */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const deck = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < size; k++) {
    const r = k + Math.floor(rand() * (n - k));
    [deck[k], deck[r]] = [deck[r], deck[k]];
  }
  return deck.slice(0, size).sort();
}

/** The rows `rows` of a matrix, as a new matrix. */
export function pickRows(x: Matrix, rows: ArrayLike<number>): Matrix {
  const data = new Float64Array(rows.length * x.cols);
  for (let k = 0; k < rows.length; k++) data.set(x.data.subarray(rows[k] * x.cols, (rows[k] + 1) * x.cols), k * x.cols);
  return { rows: rows.length, cols: x.cols, data };
}

async function writeSteps(): Promise<void> {
  const headerPath = dataPath('reviews-steps.json');
  const header = JSON.parse(readFileSync(headerPath, 'utf8')) as StepsHeader;
  const statesBytes = readFileSync(dataPath(header.files.states.path));
  const sha = createHash('sha256').update(statesBytes).digest('hex');
  if (sha !== header.statesSha256) throw new Error('reviews-steps: the states file does not match its header');
  const states = readStepStates(header);
  const t0 = performance.now();
  const xy = await tsne(states, { ...TSNE_OPTIONS, onProgress: progress('steps t-SNE') });
  const seconds = (performance.now() - t0) / 1e3;
  writeFileSync(dataPath(header.files.xy.path), new Uint8Array(Float32Array.from(xy.data).buffer));
  // Trustworthiness on a seeded sample (it is O(n²) over all points).
  const sample = sampleRows(states.rows, 5000, 7);
  const trust = trustworthiness(pickRows(states, sample), pickRows(xy, sample), 10);
  header.projection = {
    method: 'tsne',
    implementation: '@classlens/core tsne (Barnes-Hut), Node ' + process.versions.node,
    ...TSNE_OPTIONS,
    seconds: Math.round(seconds),
    trustworthiness10OnSample: round(trust, 4),
    sample: '5,000 points, sampleRows(n, 5000, 7) in examples/src/write-projections.ts',
    statesSha256: sha,
  };
  writeFileSync(headerPath, stepsHeaderText(header));
  console.log(
    `steps t-SNE of ${states.rows} points: ${seconds.toFixed(0)} s, trustworthiness(10) on a sample ${trust.toFixed(4)}`,
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const what = argv.filter((a) => !a.startsWith('-'));
  if (what.length === 0 || what.some((w) => w !== 'items' && w !== 'steps')) {
    console.error('usage: node scripts/run-ts.mjs examples/src/write-projections.ts items|steps …');
    return 2;
  }
  if (what.includes('items'))
    console.log(`wrote digits-item-map.json (${((await writeItemMap()) / 1e3).toFixed(0)} kB)`);
  if (what.includes('steps')) await writeSteps();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
