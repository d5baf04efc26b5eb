// The committed generated data must be exactly what the generators produce, so that the
// data the stories and docs read can never drift from the code that documents it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES, dataPath } from './src/write-data.js';
import { generateCatalogue } from './src/catalogue.js';
import { generateMovies } from './src/movies.js';
import { toJson } from './src/to-json.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';

describe('committed generated data', () => {
  for (const file of GENERATED_FILES) {
    it(`examples/data/${file.name} equals its generator's output byte for byte`, () => {
      const committed = readFileSync(dataPath(file.name), 'utf8');
      const regenerated = file.text();
      // Compare parsed first for a readable diff, then the exact text (formatting included).
      expect(JSON.parse(regenerated)).toEqual(JSON.parse(committed));
      expect(regenerated).toBe(committed);
    });
  }

  it('GENERATED_FILES covers catalogue.json, catalogue-versions.json, movies.json and wordnet-classes.json', () => {
    expect(GENERATED_FILES.map((f) => f.name).sort()).toEqual([
      'catalogue-versions.json',
      'catalogue.json',
      'movies.json',
      'wordnet-classes.json',
    ]);
  });

  it('generateCatalogue() and generateMovies() are the committed defaults (seed 42, 2,000 items; seed 7, 1,500 films)', () => {
    const catalogue = JSON.parse(readFileSync(dataPath('catalogue.json'), 'utf8'));
    const movies = JSON.parse(readFileSync(dataPath('movies.json'), 'utf8'));
    expect(catalogue.seed).toBe(42);
    expect(catalogue.items).toHaveLength(2000);
    expect(movies.seed).toBe(7);
    expect(movies.items).toHaveLength(1500);
    expect(toJson(generateCatalogue({ seed: 42, items: 2000 }))).toBe(toJson(generateCatalogue()));
    expect(toJson(generateMovies({ seed: 7, films: 1500 }))).toBe(toJson(generateMovies()));
  });
});

describe('toJson(doc)', () => {
  it('toJson(doc) round-trips through JSON.parse and writes one record per line', () => {
    const doc = {
      dataset: 'x',
      n: 2,
      tags: ['a', 'b'],
      items: [
        { a: 1, b: 'q"uote' },
        { a: -2.5, b: null },
      ],
      empty: [],
    };
    const text = toJson(doc);
    expect(JSON.parse(text)).toEqual(doc);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('    {"a":1,"b":"q\\"uote"},');
    expect(lines).toContain('    {"a":-2.5,"b":null}');
    expect(lines).toContain('  "tags": ["a","b"],');
    expect(lines).toHaveLength(1 + 3 + 4 + 1 + 1);
  });

  it('toJson(doc) throws NON_FINITE for NaN or Infinity instead of writing null', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      let error: unknown;
      try {
        toJson({ items: [{ ok: 1 }, { score: bad }] });
      } catch (e) {
        error = e;
      }
      expect(isClasslensError(error, 'NON_FINITE')).toBe(true);
      expect((error as Error).message).toMatch(/items: non-finite number .* "score"/);
    }
  });
});
