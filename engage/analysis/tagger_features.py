"""The tagger's feature matrix and margins without sklearn's per-call machinery.

The same matrix as the fitted FeatureUnion's transform and the same margins as `matrix @
coef_.T`, to the last bit: the word counts are built as CountVectorizer builds them and go
through the vectorizer's own tf-idf step, the rule features and the sparse products are the
same calls. What goes is the overhead around them: FeatureUnion's parallel dispatch and checks,
sklearn's loop over each n-gram in Python, and a copy of every weight matrix on every call
(scipy multiplies by a C-ordered matrix; `coef_.T` is not one). For the handful of texts a
page sends that overhead was most of the cost. tests/analysis/test_tagger_features.py compares
both ways on every development text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# The vectorizer settings this count reproduces (the tagger's own); any other goes to sklearn.
_PLAIN_WORDS = {"analyzer": "word", "ngram_range": (1, 2), "lowercase": False, "preprocessor": None,
                "strip_accents": None, "stop_words": None, "tokenizer": None, "binary": False,
                "input": "content", "vocabulary": None}
_TRANSPOSED: dict[int, tuple] = {}  # id(weights): (weights, their C-ordered transpose)
_MOST_TRANSPOSED = 16  # a few taggers' weights (cross-validation trains many in one process)


def transform(union, texts: Sequence[str]):
    """Return union.transform(texts) for the tagger's FeatureUnion of words and rules."""
    from scipy import sparse

    parts = dict(union.transformer_list)
    words = parts.get("words")
    if list(parts) != ["words", "rules"] or union.transformer_weights or not _plain(words):
        return union.transform(texts)
    return sparse.hstack([word_matrix(words, texts), parts["rules"].transform(texts)]).tocsr()


def _plain(vectorizer) -> bool:
    # The attributes themselves: get_params() reads the class's signature on every call.
    return all(getattr(vectorizer, name, "") == value for name, value in _PLAIN_WORDS.items())


def word_matrix(vectorizer, texts: Sequence[str]):
    """Return a fitted word 1-2-gram TfidfVectorizer's transform(texts)."""
    import numpy as np
    from scipy import sparse

    tokenize, known = vectorizer.build_tokenizer(), vectorizer.vocabulary_.get
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        tokens = tokenize(text)
        # Counted in C: the unigrams, then the bigrams, as _word_ngrams lists them.
        found = Counter(map(known, tokens))
        found.update(map(known, map(" ".join, zip(tokens, tokens[1:], strict=False))))
        found.pop(None, None)  # n-grams outside the vocabulary
        indices += found
        counts += found.values()
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((np.asarray(counts, dtype=np.intc), np.asarray(indices, dtype=np.int32),
                                np.asarray(indptr, dtype=np.int32)),
                               shape=(len(texts), len(vectorizer.vocabulary_)), dtype=vectorizer.dtype)
    matrix.sort_indices()
    return vectorizer._tfidf.transform(matrix, copy=False)


def times_transposed(matrix, weights):
    """Return np.asarray(matrix @ weights.T), the weights transposed and made C-ordered once."""
    import numpy as np

    kept = _TRANSPOSED.get(id(weights))
    if kept is None or kept[0] is not weights:
        if len(_TRANSPOSED) >= _MOST_TRANSPOSED:
            _TRANSPOSED.clear()
        kept = _TRANSPOSED[id(weights)] = (weights, np.ascontiguousarray(weights.T))
    return np.asarray(matrix @ kept[1])
