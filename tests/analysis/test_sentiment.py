"""Sentiment wraps TextBlob's PatternAnalyzer scores."""

import pytest
from textblob import TextBlob

from engage.analysis.sentiment import sentiment


@pytest.mark.parametrize("text", [
    "the park is great", "i hate the new rules", "the teachers are not very helpful",
    "this is really really good!", "It's OK I guess :)", "I can't say it's bad",
])
def test_matches_textblob(text):
    assert sentiment(text) == pytest.approx(tuple(TextBlob(text).sentiment))


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_is_neutral(text):
    assert sentiment(text) == (0.0, 0.0)


def test_ranges():
    polarity, subjectivity = sentiment("best day ever, amazing and wonderful")
    assert 0 < polarity <= 1 and 0 <= subjectivity <= 1
