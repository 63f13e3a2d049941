"""The tagger's feature matrix and margins without sklearn's per-call machinery.

The same matrix as the fitted FeatureUnion's transform and the same margins as `matrix @
coef_.T`, to the last bit: the word counts are built as CountVectorizer builds them and weighted
by TfidfTransformer's own steps (its row normaliser included), the rule features come from
RuleFeatures, and the products are scipy's. What goes is the overhead around them:
FeatureUnion's parallel dispatch, sklearn's input checks and its loop over each n-gram in
Python, and a copy of every weight matrix on every product (scipy multiplies by a C-ordered
matrix; `coef_.T` is not one). For the handful of texts a page sends that overhead was most of
the cost. tests/analysis/test_tagger_features.py compares both ways on every development text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from engage.analysis.boundary import RuleFeatures
from engage.analysis.stems import stem_tokens

# The vectorizer settings this count reproduces (the tagger's own); any other goes to sklearn.
_PLAIN_WORDS = {"analyzer": "word", "ngram_range": (1, 2), "lowercase": False, "preprocessor": None,
                "strip_accents": None, "stop_words": None, "tokenizer": None, "binary": False,
                "input": "content", "vocabulary": None, "norm": "l2"}
_PLAIN_STEMS = {**_PLAIN_WORDS, "ngram_range": (1, 1), "tokenizer": stem_tokens}
_TRANSPOSED: dict[int, tuple] = {}  # id(weights): (weights, their C-ordered transpose)
_MOST_TRANSPOSED = 16  # a few taggers' weights (cross-validation trains many in one process)


def transform(union, texts: Sequence[str]):
    """Return union.transform(texts) for the tagger's FeatureUnion of words, stems and rules."""
    parts = dict(union.transformer_list)
    words, stems, rules = parts.get("words"), parts.get("stems"), parts.get("rules")
    weights = union.transformer_weights or {}
    if (list(parts) != ["words", "stems", "rules"] or set(weights) - {"stems"} or not _plain(words)
            or not _plain_stems(stems) or not isinstance(rules, RuleFeatures)):
        return union.transform(texts)
    stemmed = stem_matrix(stems, texts)
    if weights.get("stems") is not None:
        stemmed.data *= weights["stems"]  # the same product FeatureUnion takes
    both = side_by_side(word_matrix(words, texts), (stemmed.data, stemmed.indices, stemmed.indptr),
                        stemmed.shape[1])
    return side_by_side(both, rules.rows(texts), rules.width)


def side_by_side(left, right: tuple[list[float], list[int], list[int]], width: int):
    """Return sparse.hstack([left, right]).tocsr() for a CSR matrix and a CSR matrix's lists.

    Each row holds the left row's entries and then the right row's, as hstack puts them; one
    matrix is built instead of three.
    """
    import numpy as np
    from scipy import sparse

    data, indices, indptr = right
    rows = left.shape[0]
    owner = np.repeat(np.arange(rows), np.diff(left.indptr))
    owner = np.concatenate([owner, np.repeat(np.arange(rows), np.diff(indptr))])
    order = np.argsort(owner, kind="stable")  # each row's left entries, then its right ones
    both_data = np.concatenate([left.data, np.asarray(data, dtype=left.data.dtype)])[order]
    both_indices = np.concatenate([left.indices, np.asarray(indices, dtype=left.indices.dtype)
                                   + left.indices.dtype.type(left.shape[1])])[order]
    both_indptr = left.indptr + np.asarray(indptr, dtype=left.indptr.dtype)
    return sparse.csr_matrix((both_data, both_indices, both_indptr), shape=(rows, left.shape[1] + width))


def _plain(vectorizer) -> bool:
    # The attributes themselves: get_params() reads the class's signature on every call.
    return all(getattr(vectorizer, name, "") == value for name, value in _PLAIN_WORDS.items())


def _plain_stems(vectorizer) -> bool:
    return all(getattr(vectorizer, name, "") == value for name, value in _PLAIN_STEMS.items())


def word_matrix(vectorizer, texts: Sequence[str]):
    """Return a fitted word 1-2-gram TfidfVectorizer's transform(texts)."""
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
    return _weighted(vectorizer, counts, indices, indptr)


def stem_matrix(vectorizer, texts: Sequence[str]):
    """Return a fitted stem-unigram TfidfVectorizer's transform(texts)."""
    known = vectorizer.vocabulary_.get
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        found = Counter(map(known, stem_tokens(text)))
        found.pop(None, None)
        indices += found
        counts += found.values()
        indptr.append(len(indices))
    return _weighted(vectorizer, counts, indices, indptr)


def _weighted(vectorizer, counts: list[int], indices: list[int], indptr: list[int]):
    """Return the TF-IDF matrix of counts given row by row as the lists of a CSR matrix."""
    import numpy as np
    from scipy import sparse

    matrix = sparse.csr_matrix((np.asarray(counts, dtype=np.intc), np.asarray(indices, dtype=np.int32),
                                np.asarray(indptr, dtype=np.int32)),
                               shape=(len(indptr) - 1, len(vectorizer.vocabulary_)), dtype=vectorizer.dtype)
    matrix.sort_indices()
    return _tf_idf(vectorizer._tfidf, matrix)


def _tf_idf(weighting, matrix):
    """Do TfidfTransformer.transform's arithmetic on a fresh CSR count matrix, in place.

    The same steps on the same arrays (sklearn's own row normaliser included), without the
    input checks that cost a lone text more than the arithmetic.
    """
    import numpy as np
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    if weighting.sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    if hasattr(weighting, "idf_"):
        matrix.data *= weighting.idf_[matrix.indices]
    inplace_csr_row_normalize_l2(matrix)
    return matrix


def times_transposed(matrix, weights):
    """Return np.asarray(matrix @ weights.T), the weights transposed and made C-ordered once."""
    import numpy as np

    kept = _TRANSPOSED.get(id(weights))
    if kept is None or kept[0] is not weights:
        if len(_TRANSPOSED) >= _MOST_TRANSPOSED:
            _TRANSPOSED.clear()
        kept = _TRANSPOSED[id(weights)] = (weights, np.ascontiguousarray(weights.T))
    return np.asarray(matrix @ kept[1])
