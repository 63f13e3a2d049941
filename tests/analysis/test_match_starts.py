"""Skipping a search where no match can begin must never change what a pattern finds."""

import copy
import pickle
import re

import pytest

from engage.analysis.match_starts import PREFIX, Prefiltered, beginnings, prefiltered
from engage.analysis.screen.screener import _SIGNAL, _TRIGGER_PARTS, _TRIGGER_SOURCES, has_trigger
from tests.analysis.test_first_chars import CORPUS


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:hit|slap) me", {"hit m", "slap "}),
    (r"\bmy (?:mum|dad)", {"my mu", "my da"}),
    (r"\b(?:step ?)?mum", {"step", "step ", "mum"}),  # an optional part is followed once, then ends
    (r"\bhurt\w*", {"hurt"}),
    (r"\b(?:'ll|will) hurt", {"'ll h", "will "}),
    (r"\bta\b", {"ta"}),
])
def test_beginnings_start_every_match(pattern, expected):
    assert beginnings(pattern) == frozenset(expected)
    assert all(len(text) <= PREFIX for text in expected)


@pytest.mark.parametrize("pattern", [r"hit", r"\bhit|slap", r"\b\w+ed", r"(?i)\bhit", r"\b(?:x)?"])
def test_matches_not_tied_to_a_known_boundary_start_are_not_filtered(pattern):
    assert beginnings(pattern) is None
    assert not isinstance(prefiltered(re.compile(pattern), pattern), Prefiltered)


def test_a_skipped_search_finds_nothing_and_a_possible_one_runs():
    pattern = prefiltered(re.compile(r"\b(?:hit|slap) me"), r"\b(?:hit|slap) me")
    assert pattern.search("he hit me") is not None
    assert pattern.search("white mess") is None and pattern.search("the hitch") is None
    assert pattern.sub("X", "he slap me now") == "he X now"
    assert pattern.sub("X", "nothing here") == "nothing here"
    assert pattern.fullmatch("hit me") is not None  # other methods reach the compiled pattern
    copied = pickle.loads(pickle.dumps(copy.deepcopy(pattern)))
    assert copied.search("he hit me") is not None and copied.search("white mess") is None


def test_the_signal_finds_what_the_plain_pattern_finds():
    assert isinstance(_SIGNAL, Prefiltered)
    for text in CORPUS:
        assert bool(_SIGNAL.search(text)) == bool(_SIGNAL.regex.search(text)), text


def test_the_trigger_searched_part_by_part_is_the_whole_alternation():
    assert all(isinstance(part, Prefiltered) for part in _TRIGGER_PARTS)
    whole = re.compile(r"\b(?:" + "|".join(_TRIGGER_SOURCES) + ")")
    assert sum(has_trigger(text) for text in CORPUS) > 100
    for text in CORPUS:
        assert has_trigger(text) == bool(whole.search(text)), text
