"""Skipping a search where no match can begin must never change what a pattern finds."""

import copy
import pickle
import re

import pytest

from engage.analysis import match_starts
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


def _registered() -> list[Prefiltered]:
    from engage.analysis.screen.facts import NEGATIVE_FORMS, PATTERNS, WRITER_IDIOM

    found = (*PATTERNS.values(), *NEGATIVE_FORMS.values(), WRITER_IDIOM, _SIGNAL, *_TRIGGER_PARTS)
    return [pattern for pattern in found if isinstance(pattern, Prefiltered)]


def _seen(match: re.Match | None):
    return None if match is None else (match.span(), match.groups())


@pytest.mark.parametrize("pattern", _registered(), ids=lambda p: p.regex.pattern[:30])
def test_tried_only_where_a_match_can_begin_a_pattern_finds_what_the_plain_search_finds(pattern):
    for text in CORPUS:
        assert _seen(pattern.search(text)) == _seen(pattern.regex.search(text)), text
        assert list(map(_seen, pattern.finditer(text))) == list(map(_seen, pattern.regex.finditer(text))), text


def test_the_word_starts_kept_are_where_some_pattern_can_begin():
    match_starts.starts.cache_clear()
    for text in [*CORPUS[:1000], "", "   ", "i'll", "'ll hurt", "x"]:
        windows = [(m.start(), match_starts._window_mask(m.group(1)))
                   for m in match_starts._INDEX.windows.finditer(text)]
        kept = [(position, mask) for position, mask in windows if mask]
        found = match_starts.starts(text)
        assert list(zip(found.positions, found.masks, strict=True)) == kept, text
        assert found.mask == match_starts.possible(text)


def test_a_search_from_a_word_start_sees_the_text_before_it():
    # A look-behind or a word boundary at the start of a match reads the characters before it.
    pattern = prefiltered(re.compile(r"\b(?<!panic )attack"), r"\b(?<!panic )attack")
    assert pattern.search("a panic attack") is None
    assert pattern.search("an attack") is not None
    assert [m.span() for m in pattern.finditer("attack panic attack attack")] == [(0, 6), (20, 26)]
