"""Recurring noun-phrase-ish chunks across many texts, from PatternTagger part-of-speech tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from engage.analysis.text import normalise

# Chunks that recur in almost any survey and tell an officer nothing.
STOP_PHRASES = frozenset({
    "thing", "things", "lot", "lots", "people", "kid", "child", "time", "way", "bit", "stuff",
    "day", "year", "week", "one", "someone", "everyone", "anything", "nothing", "something",
    "i", "it", "we", "they", "you", "lol", "pls", "please", "yes", "no", "okay",
})
_STOP_WORDS = frozenset({"i", "im", "i'm", "dont", "don't", "lot", "lots", "thing", "things",
                         "more", "less", "most", "other", "many", "much", "few", "several",
                         "same", "own", "such", "next", "last", "only", "really", "very", "need"})
# VBG covers "waiting list", "parenting course": PatternTagger tags those heads as verbs.
_NOT_PLURAL = frozenset({"camhs", "send", "news", "lgbtqs", "pshe", "bus", "gas", "series"})
_ADJ = ("JJ", "JJR", "JJS", "VBN", "VBG")
_NOUN = ("NN", "NNS", "NNP", "NNPS")


@lru_cache(maxsize=1)
def _tagger():
    """Return a warmed-up PatternTagger (its lexicon loads on first use)."""
    import warnings

    from textblob.en.taggers import PatternTagger

    tagger = PatternTagger()
    with warnings.catch_warnings():
        # textblob reads its bundled lexicon with an unclosed open(); nothing we can fix.
        warnings.simplefilter("ignore", ResourceWarning)
        tagger.tag("warm up")
    return tagger


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    from textblob import Word

    return str(Word(word).singularize())


def chunks(text: str) -> list[str]:
    """Return (ADJ)*(NOUN)+ chunks of one text, lowercased with the head noun singularised."""
    found, current, plural = [], [], None
    for word, tag in [*_tagger().tag(normalise(text)), ("", "END")]:
        usable = word.isalpha() and word not in _STOP_WORDS
        if usable and tag.startswith(_NOUN) and not plural and len(current) < 4:
            current.append(word)
            plural = tag == "NNS"
        elif usable and tag in _ADJ and plural is None:
            current.append(word)
        else:
            if plural is not None:
                last = current[-1]
                head = _singular(last) if plural and last not in _NOT_PLURAL else last
                found.append(" ".join([*current[:-1], head]))
            # A plural noun ends its chunk ("youth clubs youth clubs" is two chunks).
            current = [word] if usable and (tag in _ADJ or tag.startswith(_NOUN)) else []
            plural = (tag == "NNS") if current and tag.startswith(_NOUN) else None
    return [chunk for chunk in found if chunk not in STOP_PHRASES]


def recurring_phrases(texts: Iterable[str], top: int = 10, min_count: int = 2
                      ) -> list[tuple[str, int]]:
    """Count chunks once per text and return the most frequent ones seen min_count+ times."""
    counts: Counter[str] = Counter()
    for text in texts:
        if text and text.strip():
            counts.update(set(chunks(text)))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(phrase, count) for phrase, count in ranked if count >= min_count][:top]
