"""The tagger's own feature matrix and margins are sklearn's and scipy's, to the last bit."""

import json

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.classify import synthetic_lines
from engage.analysis import tagger_features, tagging
from scripts.analysis_snapshot import texts as development_texts


@pytest.fixture(scope="module")
def tagger():
    return tagging.default_tagger()


@pytest.fixture(scope="module")
def spelled(tagger) -> list[str]:
    texts = development_texts() + [json.loads(line)["text"] for line in synthetic_lines(500, seed=11)]
    return [tagger.speller(text) for text in texts]


def _same(fast, plain) -> None:
    assert type(fast) is type(plain)
    assert fast.shape == plain.shape and fast.dtype == plain.dtype
    assert np.array_equal(fast.indptr, plain.indptr)
    assert np.array_equal(fast.indices, plain.indices)
    assert fast.data.tobytes() == plain.data.tobytes()  # bit for bit, not merely close


def test_word_counts_are_the_vectorizers_own(tagger, spelled):
    words = dict(tagger.features.transformer_list)["words"]
    for start in range(0, len(spelled), 2000):  # the batches classify sends
        chunk = spelled[start:start + 2000]
        _same(tagger_features.word_matrix(words, chunk), words.transform(chunk))


def test_the_whole_matrix_is_the_feature_unions_own(tagger, spelled):
    for chunk in (spelled[:1], spelled[1:3], spelled[:5000], ["", " ", "ok"]):
        _same(tagger_features.transform(tagger.features, chunk), tagger.features.transform(chunk))


def test_margins_with_the_transpose_kept_are_the_plain_product(tagger, spelled):
    matrix = tagger.features.transform(spelled[:3000])
    for weights in (tagger.subtheme_model.coef_, tagger.naive_bayes.feature_log_prob_,
                    *(fold.estimator.coef_ for fold in tagger.value_model.calibrated_classifiers_)):
        plain = np.asarray(matrix @ weights.T)
        assert tagger_features.times_transposed(matrix, weights).tobytes() == plain.tobytes()
        assert tagger_features.times_transposed(matrix, weights).tobytes() == plain.tobytes()  # kept


def test_tags_are_those_of_the_plain_transform(tagger, spelled, monkeypatch):
    texts = spelled[::7]
    fast = tagger.predict(texts)
    monkeypatch.setattr(tagger_features, "transform", lambda union, found: union.transform(found))
    assert tagger.predict(texts) == fast


def test_other_vectorizer_settings_go_to_sklearn(tagger):
    assert tagger_features._plain(dict(tagger.features.transformer_list)["words"])
    assert not tagger_features._plain(TfidfVectorizer(lowercase=True, ngram_range=(1, 2)))
    assert not tagger_features._plain(TfidfVectorizer(lowercase=False, ngram_range=(1, 3)))
    assert tagger_features._plain_stems(dict(tagger.features.transformer_list)["stems"])
    assert not tagger_features._plain_stems(TfidfVectorizer(lowercase=False, ngram_range=(1, 1)))


def test_stem_counts_are_the_vectorizers_own(tagger, spelled):
    stems = dict(tagger.features.transformer_list)["stems"]
    for chunk in (spelled[:2000], spelled[2000:2001], ["", "waited and waiting"]):
        _same(tagger_features.stem_matrix(stems, chunk), stems.transform(chunk))


def _plain_rules(rules, texts: list[str]):
    """The rule features as sparse products, as RuleFeatures built them before."""
    from scipy.sparse import csr_matrix, diags, hstack

    from engage.analysis.boundary import PRODUCTS

    counts = rules.lookup.transform(texts).tocsc()
    service = counts[:, rules.cues["service"]]
    products = [counts[:, rules.cues[name]].multiply(service) * rules.cue_weight for name in PRODUCTS]
    return csr_matrix(hstack([counts @ diags(rules.scale), *products]))


def test_rule_features_are_the_sparse_products(tagger, spelled):
    rules = dict(tagger.features.transformer_list)["rules"]
    for chunk in (spelled[:4000], spelled[4000:4001], ["", "waited months for camhs and the gp"]):
        fast, plain = rules.transform(chunk), _plain_rules(rules, chunk)
        _same(fast, plain)
    assert rules.transform(spelled[:4000]).nnz > 1000
    assert rules.transform(spelled[:4000])[:, -3:].nnz > 10  # cue x service products among them


def _plain_calibrated(model, matrix):
    """calibrated_probs as first written: one sigmoid call per value and fold."""
    from scipy.special import expit

    mean = np.zeros((matrix.shape[0], len(model.classes_)))
    for fold in model.calibrated_classifiers_:
        proba = np.zeros_like(mean)
        columns = np.searchsorted(fold.classes, fold.estimator.classes_)
        for column, margin, calibrator in zip(columns, tagging.margins(fold.estimator, matrix).T,
                                              fold.calibrators, strict=True):
            proba[:, column] = expit(-(calibrator.a_ * margin + calibrator.b_))
        total = proba.sum(axis=1)[:, np.newaxis]
        proba = np.divide(proba, total, out=np.full_like(proba, 1.0 / proba.shape[1]), where=total != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        mean += proba
    return mean / len(model.calibrated_classifiers_)


def test_calibrated_probabilities_are_the_per_value_loops(tagger, spelled):
    for chunk in (spelled[:4000], spelled[7:8]):
        matrix = tagger.features.transform(chunk)
        fast = tagging.calibrated_probs(tagger.value_model, matrix)
        assert fast.tobytes() == _plain_calibrated(tagger.value_model, matrix).tobytes()
