"""Recurring phrases from PatternTagger chunks."""

from engage.analysis.phrases import chunks, recurring_phrases


def test_chunks_are_lowercased_and_singularised():
    assert "youth club" in chunks("We need more Youth Clubs")
    assert "cheaper leisure centre" in chunks("cheaper leisure centres please")


def test_counted_once_per_text_and_min_count():
    texts = ["youth clubs youth clubs youth clubs", "the youth club closed", "parks are dirty"]
    assert recurring_phrases(texts) == [("youth club", 2)]


def test_top_and_order():
    texts = ["long waiting list", "a waiting list", "the waiting list and the park",
             "the park", "skate park"]
    result = recurring_phrases(texts, top=2, min_count=1)
    assert result[0] == ("park", 2) or result[0][1] >= result[1][1]
    assert len(result) == 2


def test_stop_phrases_and_blank_texts_ignored():
    assert recurring_phrases(["lots of things", "things and stuff", "", "  "]) == []
