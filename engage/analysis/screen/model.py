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

from engage.analysis.screen.facts import PATTERNS, WRITER_IDIOM

_TOKEN = re.compile(r"[a-z0-9']+")
# Concepts offered to the model as features: they let it generalise past the words it saw.
MODEL_CONCEPTS = ("HOUSEHOLD", "TRUSTED", "OLDER", "ONLINE", "HURT", "INJURY", "SEXUAL", "IMAGES",
                  "SECRECY", "THREAT", "MONEY_DRUGS", "NEGLECT", "SELF_HARM", "SUICIDAL",
                  "EATING", "MISSING", "MARRIAGE", "EMOTIONAL", "CARER", "ASK_SAFE", "OPINION",
                  "JOKE", "ACCIDENT", "PAST", "RESOLVED", "CURRENT")


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
    # "i'll throttle him", "bored to death": the words of an idiom are no evidence of harm.
    literal = WRITER_IDIOM.sub(" ", norm)
    words = _TOKEN.findall(literal)
    feats = {f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)}
    if literal != norm:
        feats.add("k:IDIOM")
    for word in set(words):
        feats.update(_word_features(word))
    feats.update(f"k:{name}" for name in concepts if PATTERNS[name].search(literal))
    return list(feats)


@dataclass
class LinearScorer:
    """Weights of a trained logistic regression, scored by hand."""

    weights: dict[str, float]
    bias: float

    def __post_init__(self) -> None:
        self.weights = {sys.intern(name): weight for name, weight in self.weights.items()}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()  # names read back from a built model are new strings: intern them

    def probability(self, feats: list[str]) -> float:
        """Return P(disclosure) for one text's features."""
        if not feats:
            return 1 / (1 + math.exp(-self.bias))
        # map() rather than a generator: a text has about 200 features, and the generator's
        # per-item step cost more than the look-ups themselves.
        total = sum(map(self.weights.get, feats, repeat(0.0)))
        z = self.bias + total / math.sqrt(len(feats))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class CategoryScorer:
    """Multinomial weights: which category a flagged text most resembles."""

    rows: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    labels: list[str]

    def best(self, feats: list[str]) -> str:
        index = [self.rows[name] for name in feats if name in self.rows]
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
