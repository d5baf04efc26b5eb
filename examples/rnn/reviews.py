"""A seeded generator of short movie reviews with a known sentiment, standing in for the
IMDB case of Garcia, Munz & Weiskopf (2021): sentiment words, negations ("not good"),
intensifiers ("really awful"), contrast ("... but the acting was superb"), topic words
("plot", "acting", "music") and neutral filler, so that a recurrent classifier has to
carry context and some words move its hidden state much more than others ("jumps").

A review is 1-3 opinion clauses plus optional filler. Each opinion clause has a score:

    polarity(word) * (2 if intensified else 1) * (-1 if negated)

Negated praise counts a little less than plain criticism ("not good" is mild), and a
clause after "but" outweighs the clause before it (weight 2 vs 1), as in written
English. The label is "positive" when the weighted sum is > 0 ("negative" when < 0;
reviews that sum to exactly 0 are redrawn). No label noise.
"""

import numpy as np

POSITIVE = [
    "good", "great", "excellent", "wonderful", "brilliant", "superb", "fantastic",
    "amazing", "lovely", "delightful", "charming", "moving", "powerful", "fascinating",
    "beautiful", "enjoyable", "clever", "gripping", "strong", "touching", "memorable",
    "stunning", "solid", "perfect", "fun",
]
NEGATIVE = [
    "bad", "awful", "terrible", "boring", "dull", "weak", "poor", "horrible", "dreadful",
    "bland", "tedious", "messy", "clumsy", "lifeless", "predictable", "forgettable",
    "silly", "annoying", "painful", "lazy", "pointless", "flat", "confusing", "stale",
    "disappointing",
]
# (past tense, base form): "i loved the plot", "i did not love the plot".
POS_VERBS = [("loved", "love"), ("liked", "like"), ("enjoyed", "enjoy"), ("adored", "adore"), ("admired", "admire")]
NEG_VERBS = [("hated", "hate"), ("disliked", "dislike"), ("regretted", "regret"), ("resented", "resent")]
INTENSIFIERS = ["very", "really", "truly", "extremely", "incredibly", "absolutely", "so", "quite"]
TOPICS = [
    "plot", "acting", "music", "story", "cast", "script", "direction", "ending", "dialogue",
    "cinematography", "soundtrack", "pacing", "characters", "effects", "humor", "visuals",
    "score", "editing", "lead", "villain", "twist", "finale", "camera", "costumes", "sets",
    "writing", "premise", "romance", "action", "photography",
]
FILM = ["film", "movie", "picture", "sequel", "remake", "thriller", "comedy", "drama", "documentary"]
PEOPLE = ["director", "writer", "actor", "actress", "composer", "producer", "studio"]
FILLER = [
    "i watched it on saturday with friends",
    "we saw it at the local cinema last week",
    "my brother picked it for movie night",
    "it runs about two hours",
    "the theater was almost empty",
    "i had read the book before",
    "it opened in march",
    "my wife wanted to see it",
    "we rented it on a rainy evening",
    "the trailer came out last year",
    "i saw the premiere in the city",
    "it is based on a true story",
    "the popcorn was cold",
    "there was a long queue for tickets",
]
NEGATORS = ["not", "never", "hardly"]


def vocabulary():
    verbs = [v for pair in POS_VERBS + NEG_VERBS for v in pair]
    words = set(POSITIVE + NEGATIVE + verbs + INTENSIFIERS + TOPICS + FILM + PEOPLE + NEGATORS)
    words |= {w for f in FILLER for w in f.split()}
    words |= {"the", "a", "this", "was", "is", "and", "but", "overall", "i", "did", "do", "an",
              "it", "its", "of", "felt", "seemed", "really", "though", "also", "whole", "."}
    return ["<pad>"] + sorted(words)


def _adjective(rng):
    """(word, polarity) drawn from either lexicon."""
    if rng.random() < 0.5:
        return POSITIVE[rng.integers(len(POSITIVE))], 1.0
    return NEGATIVE[rng.integers(len(NEGATIVE))], -1.0


def _opinion(rng):
    """One opinion clause: (tokens, score)."""
    kind = rng.integers(4)
    word, pol = _adjective(rng)
    neg = rng.random() < 0.3
    inten = rng.random() < 0.35
    strength = 2.0 if inten else 1.0
    it = [INTENSIFIERS[rng.integers(len(INTENSIFIERS))]] if inten else []
    topic = TOPICS[rng.integers(len(TOPICS))]
    film = FILM[rng.integers(len(FILM))]
    if kind == 0:  # "the plot was not really good"
        verb = ["was", "is", "felt", "seemed"][rng.integers(4)]
        toks = ["the", topic, verb] + (["not"] if neg else []) + it + [word]
    elif kind == 1:  # "a really brilliant script" / "not a good film"
        noun = topic if rng.random() < 0.6 else film
        after = (it + [word])[0]
        toks = (["not"] if neg else []) + ["an" if after[0] in "aeiou" else "a"] + it + [word, noun]
    elif kind == 2:  # "i did not like the acting" / "i really hated the ending"
        if pol > 0:
            verb = POS_VERBS[rng.integers(len(POS_VERBS))]
        else:
            verb = NEG_VERBS[rng.integers(len(NEG_VERBS))]
        noun = topic if rng.random() < 0.7 else film
        if neg:
            toks = ["i", "did", "not"] + it + [verb[1], "the", noun]
        else:
            toks = ["i"] + it + [verb[0], "the", noun]
    else:  # "the director was hardly brilliant"
        who = PEOPLE[rng.integers(len(PEOPLE))]
        toks = ["the", who, "was"] + ([NEGATORS[rng.integers(len(NEGATORS))]] if neg else []) + it + [word]
    score = pol * strength
    if neg:
        # Negated praise is weaker than plain criticism, negated criticism weaker than praise.
        score = -score * 0.75
    return toks, score


def review(rng):
    """(tokens, label, score) of one generated review."""
    while True:
        toks, total = [], 0.0
        if rng.random() < 0.35:
            toks += FILLER[rng.integers(len(FILLER))].split() + ["."]
        n = 1 + rng.integers(3)
        for k in range(n):
            t, s = _opinion(rng)
            if k > 0 and rng.random() < 0.5:
                # "but" shifts the weight to what follows it.
                toks += ["but"]
                total = 0.5 * total
            elif k > 0:
                toks += ["and"]
            toks += t
            total += s
        if rng.random() < 0.25:
            word, pol = _adjective(rng)
            toks += [".", "overall", "an" if word[0] in "aeiou" else "a", word, FILM[rng.integers(len(FILM))]]
            total += pol
        if rng.random() < 0.2:
            toks += ["."] + FILLER[rng.integers(len(FILLER))].split()
        if abs(total) > 1e-9:
            return toks, int(total > 0), total


def corpus(n, seed):
    rng = np.random.default_rng(seed)
    return [review(rng) for _ in range(n)]


if __name__ == "__main__":
    voc = vocabulary()
    print(len(voc), "words")
    for toks, label, score in corpus(12, 1):
        print(["neg", "pos"][label], f"{score:+.2f}", " ".join(toks))
