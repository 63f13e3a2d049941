"""A linear model over words, character n-grams and the screen's concepts.

Trained with scikit-learn (logistic regression, balanced classes) on the development corpus
at first use (about a second); scored in plain Python from a weight table so one text costs
a few dictionary look-ups, not a pass through sklearn's per-call overhead.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import numpy as np

from engage.analysis.match_starts import bit_of, possible
from engage.analysis.screen.facts import PATTERNS, WRITER_IDIOM

_TOKEN = re.compile(r"[a-z0-9']+")
# Concepts offered to the model as features: they let it generalise past the words it saw.
MODEL_CONCEPTS = ("HOUSEHOLD", "TRUSTED", "OLDER", "ONLINE", "HURT", "INJURY", "SEXUAL", "IMAGES",
                  "SECRECY", "THREAT", "MONEY_DRUGS", "NEGLECT", "SELF_HARM", "SUICIDAL",
                  "EATING", "MISSING", "MARRIAGE", "EMOTIONAL", "CARER", "ASK_SAFE", "OPINION",
                  "JOKE", "ACCIDENT", "PAST", "RESOLVED", "CURRENT")
# Each concept's feature name, compiled pattern and bit in possible()'s mask: a text whose mask
# lacks the bit cannot hold the concept, and is not searched for it.
_CONCEPTS = {name: (sys.intern(f"k:{name}"), PATTERNS[name], bit_of(PATTERNS[name]))
             for name in MODEL_CONCEPTS}
_MOST_WORDS = 50_000  # words whose weights a scorer remembers (a few MB)
# Well below any rounding in a probability, well above any threshold's own precision.
_MARGIN = 1e-9


@lru_cache(maxsize=100_000)
def _word_features(word: str) -> tuple[str, ...]:
    """Return a word's own feature and its character 3-5-grams (remembered: words repeat)."""
    padded = f" {word} "
    # Interned, like the weight tables' names (LinearScorer): a look-up that finds the very
    # same string object need not compare the characters of a name held far away in memory.
    return tuple(map(sys.intern, (f"w:{word}", *(f"c:{padded[i:i + n]}" for n in (3, 4, 5)
                                                 for i in range(len(padded) - n + 1)))))


def features(norm: str, concepts: Iterable[str] = MODEL_CONCEPTS) -> list[str]:
    """Return the distinct feature names of a normalised text.

    concepts may leave out those a caller already knows are absent (a regular-expression search
    each is most of the cost); the features are the same either way.
    """
    literal, feats = word_features(norm)
    feats.update(concepts_in(literal, concepts))
    return list(feats)


def word_features(norm: str) -> tuple[str, set[str]]:
    """Return the text with its idioms set aside, and every feature but the concepts."""
    # "i'll throttle him", "bored to death": the words of an idiom are no evidence of harm.
    literal = WRITER_IDIOM.sub(" ", norm)
    words = _TOKEN.findall(literal)
    feats = {f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)}
    if literal != norm:
        feats.add("k:IDIOM")
    feats.update(*map(_word_features, set(words)))
    return literal, feats


def weighed_words(norm: str, scorer: LinearScorer) -> tuple[str, dict[str, float]]:
    """Return the text with its idioms set aside, and the scorer's weight of every feature but
    the concepts (the names are word_features(norm)'s)."""
    literal = WRITER_IDIOM.sub(" ", norm)
    words = _TOKEN.findall(literal)
    weighed: dict[str, float] = {}
    # One dict merged into another per word: no Python step per feature, none per word
    # remembered (by_word[word] is a plain dict look-up once the word is known).
    for found in map(scorer.by_word.__getitem__, set(words)):
        weighed.update(found)
    pairs = [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    weighed.update(zip(pairs, map(scorer.weights.get, pairs, repeat(0.0)), strict=True))
    if literal != norm:
        weighed["k:IDIOM"] = scorer.weights.get("k:IDIOM", 0.0)
    return literal, weighed


def concepts_in(literal: str, concepts: Iterable[str] = MODEL_CONCEPTS) -> list[str]:
    """Return the feature names of the concepts a text (idioms set aside) holds."""
    mask, found = possible(literal), []
    for name in concepts:
        feature, pattern, bit = _CONCEPTS[name]
        if mask & bit and pattern.search(literal):
            found.append(feature)
    return found


def concepts_possible(literal: str, concepts: Iterable[str] = MODEL_CONCEPTS) -> list[str]:
    """Return the feature names of the concepts a text could hold, without searching for them."""
    mask = possible(literal)
    return [_CONCEPTS[name][0] for name in concepts if mask & _CONCEPTS[name][2]]


class WordWeights(dict):
    """Each word's features and their weights, worked out at a word's first look-up, then kept.

    The weight table is large and far away in memory; a text's words are few and recur, so
    looking their weights up once each costs less than every feature every time.
    """

    def __init__(self, weights: dict[str, float]) -> None:
        super().__init__()
        self.weights = weights

    def __missing__(self, word: str) -> dict[str, float]:
        names = _word_features(word)
        found = dict(zip(names, map(self.weights.get, names, repeat(0.0)), strict=True))
        if len(self) < _MOST_WORDS:
            self[word] = found
        return found


@dataclass
class LinearScorer:
    """Weights of a trained logistic regression, scored by hand."""

    weights: dict[str, float]
    bias: float

    def __post_init__(self) -> None:
        self.weights = {sys.intern(name): weight for name, weight in self.weights.items()}
        self.by_word = WordWeights(self.weights)

    def __getstate__(self) -> dict:
        return {"weights": self.weights, "bias": self.bias}  # not the words remembered

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()  # names read back from a built model are new strings: intern them

    def probability(self, feats: list[str]) -> float:
        """Return P(disclosure) for one text's features."""
        return self.from_total(self.total(feats), len(feats))

    def total(self, feats: Iterable[str]) -> float:
        """Return the sum of the features' weights."""
        # map() rather than a generator: a text has about 200 features, and the generator's
        # per-item step cost more than the look-ups themselves.
        return sum(map(self.weights.get, feats, repeat(0.0)))

    def from_total(self, total: float, count: int) -> float:
        """Return P(disclosure) for count distinct features whose weights sum to total."""
        if not count:
            return 1 / (1 + math.exp(-self.bias))
        z = self.bias + total / math.sqrt(count)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def surely_below(self, total: float, count: int, optional: list[str], threshold: float) -> bool:
        """Say whether P stays below threshold whichever of the optional features join count
        features of weight total (none of them among those): the concepts a text could hold
        need no search when even all the helpful ones together would not reach a flag."""
        if not count:
            return False
        gain = sum(weight for weight in map(self.weights.get, optional, repeat(0.0)) if weight > 0)
        # A positive sum is largest over the fewest features, a negative one over the most.
        top = total + gain
        largest = self.from_total(top, count if top >= 0 else count + len(optional))
        return largest < threshold - _MARGIN


@dataclass
class CategoryScorer:
    """Multinomial weights: which category a flagged text most resembles."""

    rows: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    labels: list[str]

    def __post_init__(self) -> None:
        # Interned like the features asked about, so a look-up finds the very same string.
        self.rows = {sys.intern(name): row for name, row in self.rows.items()}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()  # names read back from a built model are new strings: intern them

    def best(self, feats: list[str]) -> str:
        # One look-up a feature, in C; the same rows in the same order as a test of each name.
        index = [row for row in map(self.rows.get, feats) if row is not None]
        scores = self.bias + (self.weights[index].sum(axis=0) if index else 0.0)
        return self.labels[int(np.argmax(scores))]


def _matrix(feature_lists: Iterable[list[str]]):
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer()
    dicts = [{name: 1 / math.sqrt(len(f)) for name in f} if f else {} for f in feature_lists]
    matrix = vectorizer.fit_transform(dicts).tocsr()
    # liblinear takes 32-bit sparse indices only
    matrix.indices, matrix.indptr = matrix.indices.astype(np.int32), matrix.indptr.astype(np.int32)
    return vectorizer, matrix


def train_flag(feature_lists: list[list[str]], labels: list[bool]) -> LinearScorer:
    """Fit P(disclosure) on feature lists (deterministic: liblinear, fixed data order)."""
    return _fit_binary(feature_lists, labels)


def train_severity(feature_lists: list[list[str]], immediate: list[bool]) -> LinearScorer:
    """Fit P(current danger | disclosure) on the disclosures alone.

    The rules give a severity only where they know the kind of harm; this learns what the
    immediate accounts share across kinds (a household adult now, a plan, a threat, a night
    away), so a flag on unseen wording can still reach a lead at once.
    """
    return _fit_binary(feature_lists, immediate)


def _fit_binary(feature_lists: list[list[str]], labels: list[bool]) -> LinearScorer:
    from sklearn.linear_model import LogisticRegression

    vectorizer, matrix = _matrix(feature_lists)
    # Balanced: consultation comments outnumber disclosures three to one in the data, and an
    # unweighted fit would push every score down and trade recall for that imbalance.
    model = LogisticRegression(C=30.0, solver="liblinear", class_weight="balanced")
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if w}
    return LinearScorer(weights, float(model.intercept_[0]))


def train_category(feature_lists: list[list[str]], categories: list[str]) -> CategoryScorer:
    """Fit which category a disclosure belongs to."""
    from sklearn.linear_model import LogisticRegression

    vectorizer, matrix = _matrix(feature_lists)
    model = LogisticRegression(C=8.0, max_iter=2000)
    model.fit(matrix, categories)
    names = vectorizer.get_feature_names_out()
    return CategoryScorer({str(n): i for i, n in enumerate(names)}, model.coef_.T.copy(),
                          model.intercept_.copy(), [str(c) for c in model.classes_])
