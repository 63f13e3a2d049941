"""The second stage: it may send back a model flag below "immediate", and nothing else."""

import math

import numpy as np
import pytest

from engage.analysis.screen import second
from engage.analysis.screen.model import CategoryScorer, LinearScorer
from engage.analysis.screen.screener import SECOND_LINE, Screener

_LABELLED = [("my mum shouts when i dont tidy my room", False),
             ("my mum shouts at me when i dont clean my room", False),
             ("my dad hits me when he is drunk", True),
             ("my dad hits me and my mum when he drinks", True)]


def _stage(probability: float) -> second.SecondStage:
    """A second stage that gives every text the same score."""
    neighbours = second.fit_neighbours([t for t, _ in _LABELLED], [f for _, f in _LABELLED])
    return second.SecondStage({}, math.log(probability / (1 - probability)), neighbours)


def _screener(flag_probability: float, second_probability: float | None, urgency: float = 0.01,
              category: str = "other") -> Screener:
    """A real Screener with constant scores, and a constant second stage (or none)."""
    screener = Screener(LinearScorer({}, math.log(flag_probability / (1 - flag_probability))),
                        CategoryScorer({}, np.zeros((0, 1)), np.zeros(1), [category]), check=0.15,
                        severity_model=LinearScorer({}, math.log(urgency / (1 - urgency))))
    if second_probability is not None:
        screener.second_stage = _stage(second_probability)
    return screener


TEXT = "he says im his favourite and picks me up first"  # no rule fires; the model decides


def test_a_model_flag_below_immediate_is_sent_back_only_under_the_line():
    assert _screener(0.9, None).screen(TEXT).severity == "concern"
    assert _screener(0.9, SECOND_LINE + 0.05).screen(TEXT).severity == "concern"
    assert not _screener(0.9, SECOND_LINE - 0.05).screen(TEXT).flag


def test_an_immediate_model_flag_is_never_sent_back():
    assert _screener(0.9, 0.01, urgency=0.99).screen(TEXT).severity == "immediate"
    assert _screener(0.9, 0.01, category="sexual_abuse").screen(TEXT).severity == "immediate"


def test_a_rule_flag_is_never_sent_back():
    found = _screener(0.01, 0.01).screen("my step dad hits me with his belt")
    assert (found.flag, found.severity) == (True, "immediate")


def test_the_nearest_labelled_texts_say_which_side_a_twin_is_on():
    neighbours = second.fit_neighbours([t for t, _ in _LABELLED], [f for _, f in _LABELLED])
    yes1, no1, _, _ = neighbours.nearest(neighbours.vectors(["my mum shouts when i dont tidy up"]))[0]
    assert no1 > yes1
    yes1, no1, _, _ = neighbours.nearest(neighbours.vectors(["my dad hits me when drunk"]))[0]
    assert yes1 > no1


@pytest.mark.parametrize("text, cue", [
    ("as a teacher i see pupils struggle", "x:professional"),
    ("my son was bullied but it's sorted now", "x:over"),
    ("we had a lesson about grooming in pshe", "x:lesson"),
    ("will my mum see this?", "x:question"),
    ("when i was 10 my dad used to shout", "x:long_ago"),
])
def test_cues_of_context_are_read(text, cue):
    assert cue in second.cues(text)


def test_calibrate_counts_a_sent_back_text_as_the_screen_does():
    from engage.analysis.screen.calibrate import Scored

    row = {"text": TEXT, "flag": False, "source_id": "x"}
    below = Scored(row, False, 0.9, True, False, category="other", urgency=0.01, second=SECOND_LINE - 0.05)
    assert not below.flagged(0.15)
    assert Scored(row, False, 0.9, True, False, category="other", urgency=0.99,
                  second=SECOND_LINE - 0.05).flagged(0.15)  # immediate: never sent back
    assert below.flagged(0.15, line=0.0)  # line 0: the first stage alone
