import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_STOPWORDS, wordFrequencies } from '../../src/compare/index.js';
import { expectCode, load } from './fixtures.js';

type Row = { word: string; count: number; documents: number };
const g = load<{ texts: string[]; stopwords: string[]; words: Row[]; subset: number[]; subsetWords: Row[] }>(
  'words.json',
);

describe('wordFrequencies(texts, { topK, stopwords, tokenizer })', () => {
  it('matches scikit-learn CountVectorizer counts and document frequencies', () => {
    expect(wordFrequencies(g.texts, { stopwords: g.stopwords })).toEqual(g.words);
  });
  it('counts only the given subset (e.g. the output of filterItems)', () => {
    expect(wordFrequencies(g.texts, { stopwords: g.stopwords, indices: new Uint32Array(g.subset) })).toEqual(
      g.subsetWords,
    );
  });
  it('keeps the topK most frequent, ties in code-unit order', () => {
    expect(wordFrequencies(g.texts, { stopwords: g.stopwords, topK: 3 })).toEqual(g.words.slice(0, 3));
    expect(wordFrequencies(['b a', 'a b'], { stopwords: [] }).map((w) => w.word)).toEqual(['a', 'b']);
  });
  it('leaves out English stopwords by default, and takes a custom tokenizer', () => {
    const words = wordFrequencies(['The cat and THE dog']).map((w) => w.word);
    expect(words).toEqual(['cat', 'dog']);
    expect(ENGLISH_STOPWORDS).toContain('the');
    const byChar = wordFrequencies(['aab'], { tokenizer: (t) => t.split(''), stopwords: [] });
    expect(byChar).toEqual([
      { word: 'a', count: 2, documents: 1 },
      { word: 'b', count: 1, documents: 1 },
    ]);
  });
  it('treats null and undefined texts as empty, and returns [] for no words', () => {
    expect(wordFrequencies([null, undefined, '...'])).toEqual([]);
  });
  it('counts sum to the number of kept tokens; documents ≤ count (property)', () => {
    const word = fc.constantFrom('red', 'green', 'blue', 'the', 'a', 'über');
    const text = fc.array(word, { maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (texts) => {
        const rows = wordFrequencies(texts);
        const kept = texts.flatMap((t) => t.split(' ').filter((w) => w && !ENGLISH_STOPWORDS.includes(w)));
        expect(rows.reduce((a, r) => a + r.count, 0)).toBe(kept.length);
        for (const r of rows) {
          expect(r.documents).toBeLessThanOrEqual(r.count);
          expect(r.documents).toBe(texts.filter((t) => t.split(' ').includes(r.word)).length);
        }
      }),
    );
  });
  it('throws INVALID_ARGUMENT for non-string texts, bad topK, bad indices, bad tokenizer output', () => {
    expectCode(() => wordFrequencies([1 as never]), 'INVALID_ARGUMENT', /number 1 at index 0/);
    expectCode(() => wordFrequencies(['a'], { topK: -1 }), 'INVALID_ARGUMENT', /topK/);
    expectCode(() => wordFrequencies(['a'], { indices: [3] }), 'INVALID_ARGUMENT', /3 at position 0/);
    expectCode(() => wordFrequencies(['a'], { tokenizer: () => 'a' as never }), 'INVALID_ARGUMENT', /tokenizer/);
  });
});
