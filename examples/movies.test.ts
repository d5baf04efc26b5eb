import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateMovies, type Film, type Movies } from './src/movies.js';
import { dataPath } from './src/write-data.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';

const committed: Movies = JSON.parse(readFileSync(dataPath('movies.json'), 'utf8'));

/** Cramér's V of two categorical columns (0 = independent, 1 = one determines the other). */
function cramersV(a: readonly string[], b: readonly string[]): number {
  const ka = [...new Set(a)];
  const kb = [...new Set(b)];
  const counts = ka.map(() => kb.map(() => 0));
  a.forEach((x, i) => counts[ka.indexOf(x)][kb.indexOf(b[i])]++);
  const n = a.length;
  const rows = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = kb.map((_, j) => counts.reduce((s, r) => s + r[j], 0));
  let chi2 = 0;
  for (let i = 0; i < ka.length; i++)
    for (let j = 0; j < kb.length; j++) {
      const e = (rows[i] * cols[j]) / n;
      chi2 += (counts[i][j] - e) ** 2 / e;
    }
  return Math.sqrt(chi2 / n / (Math.min(ka.length, kb.length) - 1));
}

function checkValid(m: Movies, directors: number): void {
  m.items.forEach((f: Film, i) => {
    expect(f.id).toBe(`F${String(i + 1).padStart(4, '0')}`);
    expect(Number.isInteger(f.year) && f.year >= 1925 && f.year <= 2024, String(f.year)).toBe(true);
    expect(m.genres).toContain(f.genre);
    expect(m.colours).toContain(f.colour);
    if (f.year < 1935) expect(f.colour).toBe('black-and-white');
    expect(f.title).toMatch(/^The \w+ \w+$/);
  });
  expect(new Set(m.items.map((f) => f.director)).size).toBeLessThanOrEqual(directors);
}

describe('generateMovies(options)', () => {
  it('generateMovies() makes 1,500 valid films by at most 120 directors', () => {
    const m = generateMovies();
    expect(m.items).toHaveLength(1500);
    checkValid(m, 120);
  });

  it('generateMovies({ seed }) is deterministic and depends on the seed', () => {
    expect(generateMovies({ seed: 1, films: 200 })).toEqual(generateMovies({ seed: 1, films: 200 }));
    expect(generateMovies({ seed: 2, films: 200 }).items).not.toEqual(generateMovies({ seed: 1, films: 200 }).items);
  });

  it('generateMovies({ seed, films, directors }) gives valid films for any seed and size', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 700 }),
        (seed, films, directors) => {
          const m = generateMovies({ seed, films, directors });
          expect(m.items).toHaveLength(films);
          checkValid(m, directors);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('generateMovies({ directors: 700 }) keeps director names unique (more than the 625 name pairs)', () => {
    const m = generateMovies({ seed: 3, films: 20_000, directors: 700 });
    // Each name is one director: their films lie within one career span of ≤ 45 years.
    const span = new Map<string, [number, number]>();
    for (const f of m.items) {
      const [lo, hi] = span.get(f.director) ?? [f.year, f.year];
      span.set(f.director, [Math.min(lo, f.year), Math.max(hi, f.year)]);
    }
    expect(span.size).toBeGreaterThan(625);
    for (const [name, [lo, hi]] of span) expect(hi - lo, name).toBeLessThanOrEqual(45);
  });

  it('generateMovies({ films: 0 }) returns an empty item list', () => {
    expect(generateMovies({ films: 0 }).items).toEqual([]);
  });

  it('generateMovies(options) throws INVALID_ARGUMENT for bad seed, films or directors', () => {
    const bad: unknown[] = [
      { films: -1 },
      { films: 1.5 },
      { directors: 0 },
      { directors: 1001 },
      { seed: 'x' },
      { seed: 1e300 },
    ];
    for (const options of bad) {
      let error: unknown;
      try {
        generateMovies(options as never);
      } catch (e) {
        error = e;
      }
      expect(isClasslensError(error, 'INVALID_ARGUMENT'), JSON.stringify(options)).toBe(true);
    }
  });
});

describe('examples/data/movies.json', () => {
  const films = committed.items;

  it('movies.json: director → genre is strongly dependent (Cramér’s V > 0.5), far above shuffled data', () => {
    const directors = films.map((f) => f.director);
    const genres = films.map((f) => f.genre);
    const v = cramersV(directors, genres);
    // The same columns with genre permuted (seeded Fisher–Yates): what "no dependence" gives
    // for this many categories, since V is biased upwards on sparse tables.
    const shuffled = [...genres];
    let s = 12345;
    for (let i = shuffled.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const j = s % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const v0 = cramersV(directors, shuffled);
    expect(v).toBeGreaterThan(0.5);
    expect(v - v0).toBeGreaterThan(0.2);
  });

  it('movies.json: some directors are genre specialists (≥ 80 % of ≥ 20 films in one genre)', () => {
    const byDirector = new Map<string, string[]>();
    for (const f of films) byDirector.set(f.director, [...(byDirector.get(f.director) ?? []), f.genre]);
    let specialists = 0;
    for (const genres of byDirector.values()) {
      if (genres.length < 20) continue;
      const top = Math.max(...[...new Set(genres)].map((g) => genres.filter((x) => x === g).length));
      if (top / genres.length >= 0.8) specialists++;
    }
    expect(specialists).toBeGreaterThanOrEqual(3);
  });

  it('movies.json: colour → genre is dependent (film noir mostly black and white, science fiction and animation mostly colour)', () => {
    const bwShare = (g: string) => {
      const of = films.filter((f) => f.genre === g);
      return of.filter((f) => f.colour === 'black-and-white').length / of.length;
    };
    expect(bwShare('Film noir')).toBeGreaterThan(0.6);
    expect(bwShare('Science fiction')).toBeLessThan(0.15);
    expect(bwShare('Animation')).toBeLessThan(0.15);
    expect(
      cramersV(
        films.map((f) => f.colour),
        films.map((f) => f.genre),
      ),
    ).toBeGreaterThan(0.3);
  });

  it('movies.json: productivity is heavy-tailed (top director 30+ films, median under 15)', () => {
    const counts = new Map<string, number>();
    for (const f of films) counts.set(f.director, (counts.get(f.director) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => a - b);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(30);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(15);
  });
});
