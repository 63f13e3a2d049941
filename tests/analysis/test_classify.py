"""classify_lines: one record per input line, in order, with the documented shape."""

import json

import pytest

from engage.analysis.classify import classify_lines, parse_line


def test_shape_and_order(tagger):
    lines = [json.dumps({"text": "the park has broken swings"}), "\n",
             "my dad hits me\n", "we need more youth clubs", "{not json"]
    out = list(classify_lines(lines, tagger=tagger))
    assert len(out) == len(lines)
    for record in out:
        assert set(record) == {"language", "primary_value", "values", "subtheme", "confidence", "uncertain",
                               "sentiment", "safeguarding"}
        assert record["language"] == "en" and 1 <= record["primary_value"] <= 5
        assert record["values"][0] == record["primary_value"]
        assert 0 <= record["confidence"] <= 1 and -1 <= record["sentiment"] <= 1
        assert set(record["safeguarding"]) == {"flag", "severity", "category"}
    assert out[0]["primary_value"] == 3
    assert out[1]["safeguarding"] == {"flag": False, "severity": "none", "category": "none"}
    assert out[2]["safeguarding"] == {"flag": True, "severity": "immediate",
                                      "category": "physical_abuse"}


def test_parse_line():
    assert parse_line('{"text": "hi"}\n') == "hi"
    assert parse_line('{"other": 1}') == ""
    assert parse_line("plain words\n") == "plain words"
    assert parse_line("{broken") == "{broken"


def test_chunks_larger_than_batch(tagger, monkeypatch):
    monkeypatch.setattr("engage.analysis.classify.CHUNK", 3)
    out = list(classify_lines([f"text {i}" for i in range(8)], tagger=tagger))
    assert len(out) == 8


def test_a_disclosure_is_tagged_to_its_safeguarding_value():
    from engage.analysis.classify import classify_lines

    hit, cut = classify_lines(["my dad hits me when he is drunk", "i cut myself when im sad"])
    assert (hit["primary_value"], hit["subtheme"]) == (1, "1a")
    assert (cut["primary_value"], cut["subtheme"]) == (2, "2b")


@pytest.mark.parametrize("text", [
    "my dad hits me when he is drunk", "my dad punches me and i am scared to go home",
    "my mum hits me with a belt when im naughty", "my uncle touches me and says its our secret",
])
def test_the_tagger_itself_reads_a_disclosure_as_being_safe(text):
    from engage.analysis.tagging import SECONDARY_THRESHOLD, default_tagger

    # Well above the cut-off at which the screen's category may decide, so the value does not
    # hang on that cut-off or on small changes to the training comments.
    tagging = default_tagger().predict([text])[0]
    assert tagging.primary_value == 1 and tagging.confidence >= SECONDARY_THRESHOLD + 0.15


def test_a_flag_on_another_topic_keeps_the_taggers_value():
    from engage.analysis.disclosure import tag_disclosure
    from engage.analysis.safeguarding import Screening
    from engage.analysis.tagging import Tagging

    money = Tagging(4, ((4, 0.9),), "4a", 0.9)
    flagged = Screening(flag=True, severity="concern", category="neglect")
    assert tag_disclosure(money, flagged) == money  # value 1 is not even a candidate
    close = Tagging(4, ((4, 0.5), (1, 0.4)), "4c", 0.5)
    assert tag_disclosure(close, flagged).primary_value == 1
