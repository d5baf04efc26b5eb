// Example data for the stories: real model outputs and generated tables from examples/data
// (see docs/data-formats.md), fetched at story time from Storybook's static directory
// (`/data`, configured in .storybook/main.ts) instead of being bundled into story chunks.
// Each loader fetches once per page and caches; use them in a story's `loaders`.

/** Fetches `examples/data/<name>` from Storybook's static dir (works in dev and in a static build). */
export async function fetchData<T = unknown>(name: string): Promise<T> {
  const url = new URL(`data/${name}`, document.baseURI);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`stories: could not load ${url.pathname} (${res.status})`);
  return (await res.json()) as T;
}

/** Fetches a binary file (e.g. a Float32 matrix) from the static dir. */
export async function fetchBinary(name: string): Promise<ArrayBuffer> {
  const url = new URL(`data/${name}`, document.baseURI);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`stories: could not load ${url.pathname} (${res.status})`);
  return res.arrayBuffer();
}

const cache = new Map<string, Promise<unknown>>();
/** `load` once per page, shared by every story that asks. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) cache.set(key, (p = load()));
  return p;
}

interface DigitsModel {
  id: string;
  name: string;
  label?: string;
  accuracy: number;
  pred: number[];
  probs: number[][];
  logits: number[][];
}
interface DigitsFile {
  classes: string[];
  truth: number[];
  images: number[][];
  models: DigitsModel[];
}

/** Digits with class indices also mapped to names (`truth`, `models[m].predNames`). */
export interface Digits {
  classes: string[];
  truth: string[];
  truthIndex: number[];
  images: number[][];
  models: (DigitsModel & { predNames: string[] })[];
}

function named(d: DigitsFile): Digits {
  const name = (i: number) => d.classes[i];
  return {
    classes: d.classes,
    truth: d.truth.map(name),
    truthIndex: d.truth,
    images: d.images,
    models: d.models.map((m) => ({ ...m, predNames: m.pred.map(name) })),
  };
}

/** 540 held-out UCI digits, three models of increasing quality (M0 → M1 → M2). */
export const loadDigits = () => cached('digits', async () => named(await fetchData<DigitsFile>('digits.json')));
/** All 1,797 UCI digits with 5-fold cross-validated predictions of the same three models. */
export const loadDigitsAll = () =>
  cached('digits-cv', async () => named(await fetchData<DigitsFile>('digits-cv.json')));

/** A generated e-commerce catalogue (2,000 products): department → category → subcategory, label source, decision. */
export const loadCatalogue = () =>
  cached('catalogue', async () => (await fetchData<{ items: Record<string, string>[] }>('catalogue.json')).items);
/** 1,500 generated films: director, colour, genre. */
export const loadMovies = () =>
  cached('movies', async () => (await fetchData<{ items: Record<string, string | number>[] }>('movies.json')).items);

/** One sequence of `trajectories-*.json` (docs/examples-trajectories.md). */
export interface TrajectorySequence {
  id: string;
  label: string | number;
  prediction: string | number;
  tokens: string[];
  /** T × hiddenSize, flat. */
  states: number[];
  /** T × classes, flat. */
  expected: number[];
}

/** A trajectory example file: per-step hidden states and expected predictions of a small GRU. */
export interface Trajectories {
  name: string;
  description: string;
  classes: (string | number)[];
  hiddenSize: number;
  accuracy: number;
  sequences: TrajectorySequence[];
}

/** 300 held-out 8×8 digits read row by row by a GRU (2,400 steps, 10 classes). */
export const loadTrajectoriesDigits = () =>
  cached('trajectories-digits', () => fetchData<Trajectories>('trajectories-digits.json'));
/** 300 held-out generated reviews read word by word by a GRU (4,616 steps, negative/positive). */
export const loadTrajectoriesReviews = () =>
  cached('trajectories-reviews', () => fetchData<Trajectories>('trajectories-reviews.json'));
interface ReviewsPairFile {
  classes: string[];
  ids: string[];
  truth: number[];
  texts: string[];
  activationNames: string[];
  activations: number[][];
  models: DigitsModel[];
}

/** The GRU vs bag-of-words pair on 2,000 held-out reviews, with class indices mapped to names. */
export interface ReviewsPair {
  classes: string[];
  ids: string[];
  truth: string[];
  texts: string[];
  activationNames: string[];
  /** n × 32: the GRU's final hidden state. */
  activations: number[][];
  models: (DigitsModel & { predNames: string[] })[];
}

/** 2,000 held-out generated reviews, a GRU and a bag-of-words classifier (examples/data/reviews-pair.json). */
export const loadReviewsPair = () =>
  cached('reviews-pair', async () => {
    const d = await fetchData<ReviewsPairFile>('reviews-pair.json');
    const name = (i: number) => d.classes[i];
    return {
      ...d,
      truth: d.truth.map(name),
      models: d.models.map((m) => ({ ...m, predNames: m.pred.map(name) })),
    } as ReviewsPair;
  });

interface CatalogueVersionsFile {
  classes: { name: string; department: string; category: string }[];
  changes: { version: string; kind: 'split' | 'merge'; from: string[]; into: string[] }[];
  truth: number[];
  titles: string[];
  versions: { id: string; label: string; note: string; accuracy: number; classAccuracy: number[]; pred: number[] }[];
}

/** The generated product-type classifier chain, class indices mapped to names. */
export interface CatalogueVersions {
  classes: CatalogueVersionsFile['classes'];
  changes: CatalogueVersionsFile['changes'];
  truth: string[];
  titles: string[];
  versions: (CatalogueVersionsFile['versions'][number] & { predNames: string[] })[];
  /** `{ [version label]: predicted names }`, oldest first. */
  predictions: Record<string, string[]>;
}

/**
 * A simulated product-type classifier, versions V0 → V3 on 20,000 items and 62 types (V1
 * splits "Knit Tops", V2 merges part types; generated, see docs/data-formats.md).
 */
export const loadCatalogueVersions = () =>
  cached('catalogue-versions', async () => {
    const d = await fetchData<CatalogueVersionsFile>('catalogue-versions.json');
    const name = (i: number) => d.classes[i].name;
    const versions = d.versions.map((v) => ({ ...v, predNames: v.pred.map(name) }));
    return {
      classes: d.classes,
      changes: d.changes,
      truth: d.truth.map(name),
      titles: d.titles,
      versions,
      predictions: Object.fromEntries(versions.map((v) => [v.label, v.predNames])),
    } satisfies CatalogueVersions;
  });

/**
 * Every hidden state of the review GRU over 7,000 held-out reviews (106,496 points) with a
 * precomputed core t-SNE layout, decoded from the binary columns of `reviews-steps*`
 * (docs/examples-trajectories.md).
 */
export interface ReviewSteps {
  classes: string[];
  /** 106,496 × 2, interleaved. */
  xy: Float32Array;
  /** P(positive) per step. */
  expected: Float32Array;
  /** n + 1 sequence offsets. */
  offsets: number[];
  /** One word per step. */
  tokens: string[];
  truth: string[];
  predicted: string[];
  ids: string[];
  /** 106,496 × 32 hidden states (int8 / 127), as float32. */
  states: Float32Array;
  hiddenSize: number;
}

interface ReviewStepsFile {
  classes: string[];
  hiddenSize: number;
  points: number;
  vocabulary: string[];
  files: Record<string, { path: string; scale?: number }>;
  sequences: { count: number; offsets: number[]; labels: number[]; predictions: number[] };
}

export const loadReviewSteps = () =>
  cached('reviews-steps', async (): Promise<ReviewSteps> => {
    const meta = await fetchData<ReviewStepsFile>('reviews-steps.json');
    const bin = (k: string) => fetchBinary(meta.files[k].path);
    const [xy, expected, token, states] = await Promise.all([bin('xy'), bin('expected'), bin('token'), bin('states')]);
    const words = new Uint8Array(token);
    const scale = meta.files.states.scale ?? 1 / 127;
    const raw = new Int8Array(states);
    const f = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) f[i] = raw[i] * scale;
    const seq = meta.sequences;
    return {
      classes: meta.classes,
      xy: new Float32Array(xy),
      expected: new Float32Array(expected),
      offsets: seq.offsets,
      tokens: Array.from(words, (w) => meta.vocabulary[w]),
      truth: seq.labels.map((c) => meta.classes[c]),
      predicted: seq.predictions.map((c) => meta.classes[c]),
      ids: Array.from({ length: seq.count }, (_, k) => `review-${k}`),
      states: f,
      hiddenSize: meta.hiddenSize,
    };
  });

/** The De-Confusion item map: 1,797 digits, their mismatch score under M2, a t-SNE of their pixels. */
export interface DigitsItemMap {
  classes: string[];
  ids: number[];
  truth: number[];
  pred: number[];
  score: number[];
  x: number[];
  y: number[];
  images: number[][];
}
export const loadDigitsItemMap = () =>
  cached('digits-item-map', () => fetchData<DigitsItemMap>('digits-item-map.json'));

/** `wordnet-classes.json`: 1,000 WordNet noun synsets and their hypernym tree (docs/data-formats.md). */
export interface WordnetClasses {
  ids: string[];
  names: string[];
  parents: number[];
  classes: number[];
  categories: { id: string; name: string; quota: number }[];
}
/** 1,000 WordNet classes with their hypernym tree (simulate a classifier over them with `simulateClassifier`). */
export const loadWordnet = () => cached('wordnet-classes', () => fetchData<WordnetClasses>('wordnet-classes.json'));

/** Everything a story's `loaders` produced, by name. */
export interface Loaded {
  reviewSteps?: ReviewSteps;
  digitsItemMap?: DigitsItemMap;
  wordnet?: WordnetClasses;
  digits?: Digits;
  digitsAll?: Digits;
  catalogue?: Record<string, string>[];
  movies?: Record<string, string | number>[];
  trajectoriesDigits?: Trajectories;
  trajectoriesReviews?: Trajectories;
  reviewsPair?: ReviewsPair;
  catalogueVersions?: CatalogueVersions;
}

/** A Storybook loader for the named datasets: `loaders: [load('digitsAll')]`. */
export function load(...names: (keyof Loaded)[]): () => Promise<Loaded> {
  const loaders: Record<keyof Loaded, () => Promise<unknown>> = {
    digits: loadDigits,
    digitsAll: loadDigitsAll,
    catalogue: loadCatalogue,
    movies: loadMovies,
    trajectoriesDigits: loadTrajectoriesDigits,
    trajectoriesReviews: loadTrajectoriesReviews,
    reviewsPair: loadReviewsPair,
    catalogueVersions: loadCatalogueVersions,
    reviewSteps: loadReviewSteps,
    digitsItemMap: loadDigitsItemMap,
    wordnet: loadWordnet,
  };
  return async () => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loaders[n]()])));
}
