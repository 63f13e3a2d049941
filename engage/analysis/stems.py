"""English stems for the tagger: "waiting", "waited" and "waits" all read as "wait".

A comment from a source the tagger has never seen often says the same thing in another form of
the same word ("bullied" where training said "bullying", "activities" where it said "activity").
Word n-grams treat those as unrelated; a stem unigram next to them lets the evidence carry over.
The stems are the Snowball (Porter 2) English stemmer's, from NLTK, which the sentiment and
spelling code already install with TextBlob. A crude suffix stripper scored a little lower and
merged words that are not one ("caring" with "car"). Each word is stemmed once per process.
"""

from __future__ import annotations

from engage.analysis.text import TOKEN_RE

_CACHE_SIZE = 100_000
_cache: dict[str, str] = {}
_stemmer = None


def stem(word: str) -> str:
    """Return a word's Snowball English stem."""
    found = _cache.get(word)
    if found is None:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        found = _cache[word] = _snowball().stem(word)
    return found


def _snowball():
    global _stemmer
    if _stemmer is None:
        from nltk.stem.snowball import EnglishStemmer  # about a second to import: only when needed

        _stemmer = EnglishStemmer()
    return _stemmer


def stem_tokens(text: str) -> list[str]:
    """Split text into the tagger's word tokens and stem each (a vectorizer's tokenizer)."""
    return list(map(stem, TOKEN_RE.findall(text)))
