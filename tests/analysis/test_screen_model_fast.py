"""The screen model's quicker look-ups give the plain arithmetic's answers."""

import pickle
import sys

import numpy as np
import pytest

from engage.analysis.screen import default_screener, model
from engage.analysis.screen.corpus import all_rows
from engage.analysis.screen.spelling import clean


@pytest.fixture(scope="module")
def feature_lists() -> list[list[str]]:
    return [model.features(clean(row["text"])) for row in all_rows() if row["text"].strip()]


def _plain_best(scorer: model.CategoryScorer, feats: list[str]) -> str:
    index = [scorer.rows[name] for name in feats if name in scorer.rows]
    scores = scorer.bias + (scorer.weights[index].sum(axis=0) if index else 0.0)
    return scorer.labels[int(np.argmax(scores))]


def test_the_category_is_the_plain_arithmetics(feature_lists):
    scorer = default_screener().category_model
    assert all(scorer.best(feats) == _plain_best(scorer, feats) for feats in feature_lists)
    assert len({scorer.best(feats) for feats in feature_lists}) > 5


def test_a_category_model_read_back_looks_names_up_as_before(feature_lists):
    scorer = default_screener().category_model
    copied = pickle.loads(pickle.dumps(scorer))
    assert copied.rows == scorer.rows
    assert all(sys.intern(name) is name for name in copied.rows)
    sample = feature_lists[:500]
    assert [copied.best(feats) for feats in sample] == [scorer.best(feats) for feats in sample]


def test_a_words_weights_are_worked_out_once_and_are_the_tables():
    scorer = model.LinearScorer({"w:hit": 2.0, "c: hi": 0.5}, 0.1)
    first = scorer.by_word["hit"]
    assert first == {name: scorer.weights.get(name, 0.0) for name in model._word_features("hit")}
    assert scorer.by_word["hit"] is first
    literal, weighed = model.weighed_words("he hit me", scorer)
    assert set(weighed) == set(model.word_features("he hit me")[1])
