"""The tagger's own arithmetic gives the numbers sklearn's predict_proba and decision_function give."""
import numpy as np
import pytest

from engage.analysis import tagging
from engage.analysis.text import normalise


@pytest.fixture(scope="module")
def tagger():
    return tagging.default_tagger()


@pytest.fixture(scope="module")
def matrix(tagger):
    texts = [row["text"] for row in tagging.read_jsonl("comments_train.jsonl")][:400]
    texts += ["", "ok", "Nothing to add.", "x" * 300]  # empty, tiny and odd texts too
    return tagger.features.transform([normalise(t) for t in texts])


def test_value_probabilities_match_sklearn(tagger, matrix):
    ours = tagging.calibrated_probs(tagger.value_model, matrix)
    assert np.allclose(ours, tagger.value_model.predict_proba(matrix), rtol=0, atol=1e-12)


def test_naive_bayes_probabilities_match_sklearn(tagger, matrix):
    ours = tagging.naive_bayes_probs(tagger.naive_bayes, matrix)
    assert np.allclose(ours, tagger.naive_bayes.predict_proba(matrix), rtol=0, atol=1e-9)


def test_value_probabilities_blend_both_models_in_the_same_value_order(tagger, matrix):
    assert list(tagger.naive_bayes.classes_) == list(tagger.value_model.classes_)
    svm = tagger.value_model.predict_proba(matrix)
    bayes = tagger.naive_bayes.predict_proba(matrix)
    share = tagging.NAIVE_BAYES_SHARE
    assert np.allclose(tagger.value_probs(matrix), (1 - share) * svm + share * bayes, rtol=0, atol=1e-9)
    assert not np.allclose(svm, bayes, atol=0.05)  # two different models, not one counted twice


def test_subtheme_margins_match_sklearn(tagger, matrix):
    ours = tagging.margins(tagger.subtheme_model, matrix)
    assert np.allclose(ours, tagger.subtheme_model.decision_function(matrix), rtol=0, atol=1e-12)


def test_one_text_at_a_time_tags_as_a_batch_does(tagger):
    texts = [row["text"] for row in tagging.read_jsonl("comments_train.jsonl")][:60]
    assert [tagger.predict([t])[0] for t in texts] == tagger.predict(texts)


def test_a_model_of_another_kind_still_goes_through_sklearn(tagger, matrix):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    rows = tagging.read_jsonl("comments_train.jsonl")[:300]
    other = CalibratedClassifierCV(LogisticRegression(max_iter=200), cv=3, method="isotonic")
    other.fit(tagger.features.transform([normalise(r["text"]) for r in rows]), [r["value"] for r in rows])
    assert np.array_equal(tagging.calibrated_probs(other, matrix), other.predict_proba(matrix))
