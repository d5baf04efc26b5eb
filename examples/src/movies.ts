import { checkInteger, intBetween, mulberry32, pick, weightedIndex, type Random } from './random.js';

/** Whether a film was shot in colour. */
export type Colour = 'colour' | 'black-and-white';

/** One film of the example movies table. */
export interface Film {
  /** `F0001`, `F0002`, … in generation order. */
  readonly id: string;
  readonly title: string;
  /** Release year, 1925–2024. */
  readonly year: number;
  /** A fictional director; some make one genre almost exclusively. */
  readonly director: string;
  readonly genre: string;
  readonly colour: Colour;
}

/** The generated table: metadata plus one record per film. */
export interface Movies {
  readonly dataset: 'movies';
  readonly generator: string;
  readonly seed: number;
  readonly genres: readonly string[];
  readonly colours: readonly Colour[];
  readonly items: readonly Film[];
}

/** Options of {@link generateMovies}. */
export interface MoviesOptions {
  /** Seed of the mulberry32 stream (any integer). Default 7, the committed data's. */
  seed?: number;
  /** Number of films, an integer in [0, 1,000,000]. Default 1,500. */
  films?: number;
  /** Number of directors, an integer in [1, 1,000]. Default 120. */
  directors?: number;
}

/**
 * Genres with their base weight per era (integers, so draws are exact):
 * `[before 1950, 1950–1969, 1970–1989, 1990 and later]`. Westerns and musicals peak mid
 * century, film noir belongs to the 1940s–50s, science fiction and animation grow late.
 */
const GENRES: readonly (readonly [string, readonly [number, number, number, number]])[] = [
  ['Drama', [30, 30, 30, 30]],
  ['Comedy', [25, 20, 22, 22]],
  ['Thriller', [6, 10, 14, 16]],
  ['Horror', [6, 8, 12, 10]],
  ['Western', [14, 16, 4, 1]],
  ['Musical', [14, 10, 3, 2]],
  ['Film noir', [14, 4, 0, 0]],
  ['Science fiction', [2, 6, 10, 12]],
  ['Romance', [14, 10, 8, 10]],
  ['Animation', [2, 3, 4, 8]],
  ['Documentary', [3, 4, 6, 9]],
  ['War', [8, 8, 5, 3]],
  ['Action', [1, 3, 10, 14]],
];

// prettier-ignore
const FIRST = [
  'Ada', 'Bruno', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lena', 'Marco',
  'Nadia', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sven', 'Tamar', 'Umberto', 'Vera', 'Walter', 'Yara', 'Zeno',
];
// prettier-ignore
const LAST = [
  'Albrecht', 'Brandt', 'Castellano', 'Dalgaard', 'Eriksen', 'Fontaine', 'Gallo', 'Hargreaves', 'Ivanova',
  'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quiroga', 'Rinaldi', 'Sato',
  'Thorne', 'Urquhart', 'Valdez', 'Whitlock', 'Yilmaz', 'Zeller',
];
// prettier-ignore
const TITLE_A = [
  'Silent', 'Last', 'Crimson', 'Broken', 'Golden', 'Midnight', 'Distant', 'Hidden', 'Burning', 'Quiet', 'Wild',
  'Iron', 'Paper', 'Northern', 'Forgotten', 'Electric', 'Lonely', 'Seventh', 'Velvet', 'Restless',
];
// prettier-ignore
const TITLE_B = [
  'Harbour', 'Road', 'Summer', 'Witness', 'Horizon', 'Garden', 'Frontier', 'Station', 'River', 'Mirror', 'Sky',
  'Promise', 'Stranger', 'Island', 'Letter', 'Canyon', 'Season', 'Signal', 'Orchard', 'Verdict',
];

/** The share (in %) of films made in `year` that are black and white, before genre effects. */
function blackAndWhitePercent(year: number): number {
  if (year < 1935) return 100;
  if (year < 1950) return 92;
  if (year < 1960) return 60;
  if (year < 1968) return 30;
  if (year < 1980) return 6;
  return 2;
}

/** Genre modulation of the black-and-white share in quarters: 8 = twice as likely, 1 = a quarter. */
const BW_QUARTERS: Readonly<Record<string, number>> = {
  'Film noir': 8,
  Musical: 1, // Technicolor was sold on musicals and animation
  Animation: 1,
  Western: 3,
  Documentary: 8,
  Drama: 5,
  'Science fiction': 3,
};

interface Director {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Personal genre weights, or null for a generalist who follows the era's base rates. */
  readonly genres: readonly number[] | null;
  /** How many films this director makes relative to others. */
  readonly weight: number;
}

function eraOf(year: number): 0 | 1 | 2 | 3 {
  return year < 1950 ? 0 : year < 1970 ? 1 : year < 1990 ? 2 : 3;
}

function makeDirectors(rand: Random, count: number): Director[] {
  const used = new Set<string>();
  const directors: Director[] = [];
  for (let d = 0; d < count; d++) {
    let name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
    // 625 name pairs; beyond that (or on a repeat) number the namesakes, as credits do.
    for (let k = 2; used.has(name); k++) name = `${name.replace(/ \d+$/, '')} ${k}`;
    used.add(name);
    const start = intBetween(rand, 1925, 2004);
    const end = Math.min(2024, start + intBetween(rand, 5, 45));
    const era = eraOf(start);
    const base = GENRES.map(([, w]) => w[era]);
    const style = rand();
    let genres: number[] | null = null;
    if (style < 0.45) {
      // Specialist: ~85 % one genre (drawn from what was made when they started).
      const main = weightedIndex(rand, base);
      genres = GENRES.map((_, g) => (g === main ? 85 : 1));
    } else if (style < 0.8) {
      // Two-genre director: 55 / 35, the rest spread thin.
      const first = weightedIndex(rand, base);
      const second = weightedIndex(
        rand,
        base.map((w, g) => (g === first ? 0 : w)),
      );
      genres = GENRES.map((_, g) => (g === first ? 55 : g === second ? 35 : 1));
    }
    // Productivity is heavy-tailed, weight ∝ 1 / (rank + 8): a few prolific directors with
    // dozens of films, most with a handful. Integers, so every engine agrees.
    directors.push({ name, start, end, genres, weight: Math.floor(1200 / (d + 8)) });
  }
  return directors;
}

/**
 * Generates the example movies table: films with `director`, `genre`, `colour` and `year`,
 * where genre depends strongly on the director and colour on era and genre — the
 * categorical-feature data behind `director → genre` and `colour → genre` flows.
 *
 * The generative story: `directors` fictional directors, each with a career span in
 * 1925–2024, a heavy-tailed productivity (weight ∝ 1 / rank) and a style — 45 %
 * specialists (85 % of their films in one genre), 35 % two-genre directors (55 / 35),
 * 20 % generalists who follow the era's genre mix. Per film: draw a director by
 * productivity, a year in their career, a genre from their style (generalists: the era's
 * base rates, where westerns and musicals peak mid century and action and science fiction
 * grow late), then black and white with a probability that falls with the year (100 %
 * before 1935, 2 % after 1980), scaled by genre (film noir and documentaries more, musicals
 * and animation less — Technicolor).
 *
 * Deterministic: integer-seeded mulberry32 and exact integer weights, so the same options
 * give the same table everywhere (the committed `examples/data/movies.json` is
 * `generateMovies()` and a test checks that). `films: 0` gives an empty `items` array.
 *
 * @param options - `{ seed = 7, films = 1500, directors = 120 }`.
 * @returns a new {@link Movies}; nothing is shared with other calls.
 * @throws ClasslensError `INVALID_ARGUMENT` when `seed` is not an integer, `films` is not
 * an integer in [0, 1,000,000] or `directors` not one in [1, 1,000].
 * Complexity: O(films × directors) time, O(films + directors) memory.
 * @example
 * const { items } = generateMovies({ films: 300 });
 * // director → genre flow: stages [items.map(f => f.director), items.map(f => f.genre)]
 */
export function generateMovies(options: MoviesOptions = {}): Movies {
  const { seed = 7, films = 1500, directors: directorCount = 120 } = options ?? {};
  checkInteger('seed', seed, -(2 ** 53), 2 ** 53);
  checkInteger('films', films, 0, 1_000_000);
  checkInteger('directors', directorCount, 1, 1000);

  const rand = mulberry32(seed);
  const directors = makeDirectors(rand, directorCount);
  const directorWeights = directors.map((d) => d.weight);
  const items: Film[] = [];

  for (let i = 0; i < films; i++) {
    const director = directors[weightedIndex(rand, directorWeights)];
    const year = intBetween(rand, director.start, director.end);
    const era = eraOf(year);
    const genreWeights = director.genres ?? GENRES.map(([, w]) => w[era]);
    const genre = GENRES[weightedIndex(rand, genreWeights)][0];
    // Percent × quarters / 4, capped at 100, as an integer threshold in [0, 400]. Before
    // 1935 colour was a rarity for every genre, so no genre modulation there.
    const bw = year < 1935 ? 400 : Math.min(400, blackAndWhitePercent(year) * (BW_QUARTERS[genre] ?? 4));
    const colour: Colour = rand() * 400 < bw ? 'black-and-white' : 'colour';
    const title = `The ${pick(rand, TITLE_A)} ${pick(rand, TITLE_B)}`;
    items.push({ id: `F${String(i + 1).padStart(4, '0')}`, title, year, director: director.name, genre, colour });
  }

  return {
    dataset: 'movies',
    generator: 'examples/src/movies.ts',
    seed,
    genres: GENRES.map(([g]) => g),
    colours: ['colour', 'black-and-white'],
    items,
  };
}
