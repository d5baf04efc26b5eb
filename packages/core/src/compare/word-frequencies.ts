import { ClasslensError } from '../common/index.js';
import { describeType, describeValue, functionOption, integerOption, optionsOf } from '../common/internal/validate.js';
import { checkItemIndices } from './internal/encode-labels.js';

/** One word of {@link wordFrequencies}. */
export interface WordFrequency {
  word: string;
  /** Occurrences over all texts. */
  count: number;
  /** Texts containing the word at least once. */
  documents: number;
}

/** Options for {@link wordFrequencies}. */
export interface WordFrequenciesOptions {
  /** Keep the `topK` most frequent words (default: all). */
  topK?: number;
  /**
   * Tokens to leave out, compared with the tokenizer's output as is (default
   * {@link ENGLISH_STOPWORDS}; pass `[]` to keep every word).
   */
  stopwords?: Iterable<string>;
  /** Splits a text into words (default: lower case, runs of Unicode letters and digits, inner apostrophes kept). */
  tokenizer?: (text: string) => string[];
  /** Only these texts (e.g. the output of `filterItems`). */
  indices?: ArrayLike<number>;
}

/**
 * Common English function words, left out of word histograms by default (a short
 * list in the spirit of scikit-learn's and NLTK's; words like "not" are kept, since
 * they carry meaning in short texts).
 */
export const ENGLISH_STOPWORDS: readonly string[] = Object.freeze(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up very was we were what when where which while ' +
    'who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function defaultTokenizer(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Word counts over a set of texts — the word histogram DeepCompare shows for a filtered
 * subset of items (Murugesan et al., IEEE CG&A 2019).
 *
 * Sorted by `count` descending, then by word in code-unit order. `null`/`undefined`
 * texts count as empty. The default tokenizer lower-cases and takes runs of Unicode
 * letters and digits (`don't` stays one word); punctuation and emoji are dropped.
 *
 * @param texts - one text per item.
 * @param options - `topK`, `stopwords`, `tokenizer`, `indices`.
 * @returns `{ word, count, documents }` per word; `[]` for no words.
 * @throws `INVALID_ARGUMENT` for a text that is not a string (or null/undefined), a
 *   tokenizer that returns something other than an array of strings, a bad `indices`
 *   entry, or a `topK` that is not a non-negative integer.
 * @remarks O(total characters + w log w) for w distinct words.
 * @example
 * wordFrequencies(['The cat sat.', 'A cat!'])
 * // → [{ word: 'cat', count: 2, documents: 2 }, { word: 'sat', count: 1, documents: 1 }]
 */
export function wordFrequencies(
  texts: ArrayLike<string | null | undefined>,
  options: WordFrequenciesOptions = {},
): WordFrequency[] {
  if (texts == null || typeof texts.length !== 'number')
    throw new ClasslensError('INVALID_ARGUMENT', 'texts: expected an array of strings');
  const o = optionsOf(options);
  const topK = integerOption(o.topK, 'topK', Infinity, 0, Infinity, true);
  const indices = o.indices ?? undefined;
  if (indices !== undefined) checkItemIndices(indices, texts.length);
  if (
    o.stopwords != null &&
    (typeof o.stopwords !== 'object' || typeof (o.stopwords as Iterable<string>)[Symbol.iterator] !== 'function')
  ) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `stopwords: expected an iterable of strings, got ${describeValue(o.stopwords)}`,
    );
  }
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t != null && typeof t !== 'string') {
      throw new ClasslensError('INVALID_ARGUMENT', `texts: ${describeType(t)} at index ${i}, expected a string`, {
        index: i,
      });
    }
  }
  const stop = new Set(o.stopwords ?? ENGLISH_STOPWORDS);
  const tokenize = functionOption<(text: string) => string[]>(o.tokenizer, 'tokenizer') ?? defaultTokenizer;
  const count = new Map<string, number>();
  const documents = new Map<string, number>();
  const n = indices !== undefined ? indices.length : texts.length;
  for (let r = 0; r < n; r++) {
    const i = indices !== undefined ? indices[r] : r;
    const text = texts[i];
    if (text == null || text === '') continue;
    const words = tokenize(text);
    if (!Array.isArray(words)) throw new ClasslensError('INVALID_ARGUMENT', 'tokenizer: expected an array of strings');
    const seen = new Set<string>();
    for (const w of words) {
      if (typeof w !== 'string')
        throw new ClasslensError('INVALID_ARGUMENT', 'tokenizer: expected an array of strings');
      if (w === '' || stop.has(w)) continue;
      count.set(w, (count.get(w) ?? 0) + 1);
      if (!seen.has(w)) {
        seen.add(w);
        documents.set(w, (documents.get(w) ?? 0) + 1);
      }
    }
  }
  const out: WordFrequency[] = [];
  for (const [word, c] of count) out.push({ word, count: c, documents: documents.get(word)! });
  out.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return topK < out.length ? out.slice(0, topK) : out;
}
