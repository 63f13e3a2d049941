"""Word stems let a new form of a known word count as the word."""

import pytest

from engage.analysis.stems import stem, stem_tokens


@pytest.mark.parametrize(("word", "expected"), [
    ("waiting", "wait"), ("waited", "wait"), ("waits", "wait"),
    ("bullied", "bulli"), ("bullying", "bulli"), ("caring", "care"), ("mum's", "mum"),
])
def test_forms_of_one_word_share_a_stem(word, expected):
    assert stem(word) == expected


def test_different_words_keep_different_stems():
    assert stem("caring") != stem("cars")
    assert stem("evening") != stem("events")


def test_stem_tokens_splits_as_the_word_features_do():
    assert stem_tokens("we waited months, nobody's listening") == ["we", "wait", "month", "nobodi", "listen"]
