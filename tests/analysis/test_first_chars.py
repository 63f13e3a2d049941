"""The first-character look-ahead must never change what a pattern matches."""

import random
import re

import pytest

from engage.analysis.first_chars import compile_fast, first_chars
from engage.analysis.screen.facts import PATTERNS
from engage.analysis.tagging import read_jsonl
from engage.analysis.text import normalise


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:hit|slap) me", "hs"),
    (r"a*b", "ab"),
    (r"(?:^|(?<=[.!?]))x", "x"),
    (r"[a-c]d|e", "abce"),
    (r"(?:my )?mum", "mm"),
])
def test_first_characters_are_every_possible_start(pattern, expected):
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"a*", r"\w+x", r"[^x]y", r"(?i)abc", r".b", r"\d+"])
def test_unknown_or_empty_starts_get_no_look_ahead(pattern):
    assert first_chars(pattern) is None
    assert compile_fast(pattern).pattern == pattern


def _corpus() -> list[str]:
    texts = [row["text"] for name in ("comments_train.jsonl", "comments_heldout.jsonl",
                                      "safeguarding_train.jsonl", "safeguarding_heldout.jsonl")
             for row in read_jsonl(name)]
    rng = random.Random(3)
    # Glue random pairs so matches can start mid-text, after punctuation and at odd places.
    texts += [f"{rng.choice(texts)}{rng.choice(['. ', ' ', '!', ''])}{rng.choice(texts)}" for _ in range(500)]
    return [normalise(text) for text in texts]


CORPUS = _corpus()
_LOOK_AHEAD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:(.*)\)$", re.S)
SCREEN_PATTERNS = list(PATTERNS.values())


@pytest.mark.parametrize("fast", SCREEN_PATTERNS, ids=lambda p: p.pattern[:30])
def test_screen_patterns_match_exactly_as_written(fast):
    written = _LOOK_AHEAD.match(fast.pattern)
    assert written or not fast.pattern.startswith("(?=["), "the look-ahead could not be taken off"
    plain = re.compile(written.group(1) if written else fast.pattern)
    for text in CORPUS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_most_screen_concepts_get_the_look_ahead():
    # If a concept edit made the first characters unknown the screen would silently slow down.
    fast = sum(pattern.pattern.startswith("(?=[") for pattern in SCREEN_PATTERNS)
    assert fast >= len(SCREEN_PATTERNS) - 5
