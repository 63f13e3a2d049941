"""The scaled model can take back a flag the flag model makes alone, and nothing else."""

import math

import numpy as np
import pytest

from engage.analysis.screen import default_screener, model
from engage.analysis.screen.model import CategoryScorer, LinearScorer
from engage.analysis.screen.screener import VETO_MAIN_BELOW, VETO_SCALED_BELOW, Screener

ORDINARY = "i miss my brother who lives in a different house"  # no worrying word, no rule
WORRYING = "nobody listens to me at home"  # a worrying word, but no rule fires
RULE = "my dad hits me"  # a rule fires


def _constant(probability: float) -> LinearScorer:
    """A real scorer that gives every text the same P."""
    return LinearScorer({}, math.log(probability / (1 - probability)))


def _screener(flag: float, scaled: float | None) -> Screener:
    """A real Screener whose flag and scaled models give every text these scores."""
    return Screener(_constant(flag), CategoryScorer({}, np.zeros((0, 1)), np.zeros(1), ["other"]),
                    scaled_model=None if scaled is None else _constant(scaled))


def test_a_middling_model_alone_flag_the_scaled_model_scores_low_is_taken_back():
    middling = (0.35 + VETO_MAIN_BELOW) / 2
    assert _screener(middling, None).screen(ORDINARY).severity == "concern"
    assert _screener(middling, VETO_SCALED_BELOW + 0.05).screen(ORDINARY).flag
    assert not _screener(middling, VETO_SCALED_BELOW - 0.05).screen(ORDINARY).flag


def test_a_score_the_flag_model_is_sure_of_is_never_taken_back():
    assert _screener(VETO_MAIN_BELOW + 0.02, 0.01).screen(ORDINARY).flag
    assert not _screener(VETO_MAIN_BELOW - 0.02, 0.01).screen(ORDINARY).flag


@pytest.mark.parametrize("text", [RULE, WORRYING])
def test_a_rule_flag_or_a_text_with_a_worrying_word_is_never_taken_back(text):
    flagged = _screener(0.45, 0.01).screen(text)
    assert flagged.flag
    assert flagged == _screener(0.45, None).screen(text)


def test_the_scaled_model_never_adds_a_flag():
    assert not _screener(0.1, 0.99).screen(ORDINARY).flag


def test_the_built_screener_has_a_scaled_model_that_reads_differently():
    screener = default_screener()
    assert screener.scaled_model is not None
    assert screener.scaled_model.weights != screener.flag_model.weights


def test_the_scaled_models_naive_bayes_scale_is_folded_into_its_weights():
    from sklearn.linear_model import LogisticRegression

    lists = [["w:hit", "w:mum"], ["w:hit"], ["w:cake", "w:mum"], ["w:cake"]]
    labels = [True, True, False, False]
    scorer = model.train_scaled_flag(lists, labels)
    vectorizer, matrix = model._matrix(lists)
    scale = model.log_count_ratio(matrix, np.array(labels))
    names = list(vectorizer.get_feature_names_out())
    # A word only disclosures hold is scaled up, one only ordinary texts hold down, and one both
    # hold alike ("mum": once on each side) not at all.
    assert scale[names.index("w:hit")] > 0 > scale[names.index("w:cake")]
    assert scale[names.index("w:mum")] == pytest.approx(0.0)
    fitted = LogisticRegression(C=model.SCALED_C, solver="liblinear", class_weight="balanced")
    fitted.fit(matrix.multiply(scale).tocsr(), labels)
    expected = fitted.predict_proba(matrix.multiply(scale).tocsr())[:, 1]
    assert [scorer.probability(f) for f in lists] == pytest.approx(list(expected))
