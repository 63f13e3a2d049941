"""Undo children's spelling before the tagger reads a text.

The shared normaliser (analysis.text) rewrites common texting forms. What it cannot know is a
word misspelt in a new way ("apointment", "camhs" typed "cahms"): to a word n-gram model that
is a word never seen, and its meaning is lost. So each word the tagger never saw in training
and that is not an English word is mapped to the nearest word it did see (at most one edit for
short words, two for longer ones), SymSpell-style
like the safeguarding screen's corrector. Known English words are never rewritten.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from engage.analysis.screen.spelling import deletes, edit_distance, known_words
from engage.analysis.text import normalise

# Texting forms the shared normaliser leaves alone; general ones only (the screen keeps its own,
# some of which, like "bet" for "beat", only make sense when looking for harm).
TEXTING: dict[str, str] = {
    "wiv": "with", "wid": "with", "sed": "said", "dnt": "don't", "shud": "should",
    "shd": "should", "wud": "would", "cud": "could", "ov": "of", "dat": "that", "dem": "them",
    "ova": "over", "evryone": "everyone", "evrything": "everything", "gunna": "going to",
    "gona": "going to", "wil": "will", "hav": "have", "sumone": "someone", "sum1": "someone",
    "sumthing": "something", "summat": "something", "nuthin": "nothing", "tryna": "trying to",
    "dunno": "don't know", "bout": "about", "thx": "thanks", "ty": "thank you", "idk": "i don't know",
    "tbh": "to be honest", "skl": "school", "skool": "school", "msg": "message", "txt": "text", "yh": "yeah",
    "ppl": "people", "prob": "probably", "probs": "probably", "govt": "government",
}
FIXED_KEPT = 50_000  # corrections remembered, as many as the screen's corrector keeps
MIN_COUNT = 2  # a training word is a target of correction once seen this often
_WORD = re.compile(r"[a-z][a-z']*|[a-z0-9]+")


def _shared_start(a: str, b: str) -> int:
    """Return how many letters a and b share at their start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _limit(word: str) -> int:
    return 1 if len(word) < 6 else 2


class Speller:
    """Map unknown words to the nearest word of the training texts; texting forms to words."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        counts = Counter(w for text in texts for w in _WORD.findall(normalise(text)))
        self.counts = {w: n for w, n in counts.items() if n >= MIN_COUNT and len(w) >= 3}
        self.fixed: dict[str, str] = {}

    def __getstate__(self) -> dict:
        # The deletion index is rebuilt on first need: saved, it would treble the model file.
        return {"counts": self.counts, "fixed": {}}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    @cached_property
    def index(self) -> dict[str, list[str]]:
        """Map each deletion variant of a training word to the words it comes from."""
        index: dict[str, list[str]] = {}
        for word in self.counts:
            if word.isalpha():
                for variant in deletes(word, _limit(word)):
                    index.setdefault(variant, []).append(word)
        return index

    def correct(self, word: str) -> str:
        """Return the word's texting expansion, or the nearest training word, else the word."""
        if word in TEXTING:
            return TEXTING[word]
        if len(word) < 4 or not word.isalpha() or word in self.counts or word in known_words():
            return word
        fixed = self.fixed.get(word)
        if fixed is None:
            if len(self.fixed) >= FIXED_KEPT:  # a long-running worker meets new typos without end
                self.fixed.clear()
            fixed = self.fixed[word] = self._nearest(word)
        return fixed

    def _nearest(self, word: str) -> str:
        limit = _limit(word)
        candidates = {c for v in deletes(word, limit) for c in self.index.get(v, ())}
        # Typos fall more often late in a word than early, so a longer shared start breaks ties
        # before the commoner word does.
        scored = sorted((edit_distance(word, c), -_shared_start(word, c), -self.counts[c], c)
                        for c in candidates)
        return scored[0][3] if scored and scored[0][0] <= limit else word

    @cached_property
    def left_alone(self) -> frozenset[str]:
        """Return the words correct() returns unchanged, for a quick check of a whole text."""
        return (frozenset(self.counts) | known_words()) - TEXTING.keys()

    def __call__(self, text: str) -> str:
        """Return the text normalised and with its words corrected."""
        norm = normalise(text)
        # Most texts have nothing to correct: one set check is cheaper than a call per word.
        if self.left_alone.issuperset(_WORD.findall(norm)):
            return norm
        return _WORD.sub(lambda m: self.correct(m.group(0)), norm)
