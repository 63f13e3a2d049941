"""Search a screen pattern only at the word starts where one of its matches can begin.

The screen searches every answer for about fifty concepts, and most find nothing; the regex
engine still tries each concept's many alternatives at every word. Each concept's matches begin
with one of a few known strings at a word boundary (analysis.match_beginnings). One table of
those beginnings for every pattern, and one look-up per word start of a text, tell where each
pattern could match at all: a pattern with no such start is not searched, and one with some is
tried at those starts alone, in order. A search tried at every position of the text finds its
first match at one of them, so it finds exactly what it always did.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, reduce
from itertools import accumulate, compress
from operator import or_
from typing import NamedTuple

from engage.analysis.match_beginnings import PREFIX, beginnings

__all__ = ["EVERYWHERE", "PREFIX", "Prefiltered", "Starts", "beginnings", "bit_of", "possible",
           "prefiltered", "search_any", "starts"]

_MOST_WINDOWS = 200_000  # windows remembered (a few MB); later ones are worked out each time


class _Index:
    """Every registered pattern's beginnings, each pattern one bit of a mask."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        self.lengths: list[int] = []
        self.windows = _windows(r"\w")
        self.count = 1  # bit 0 is EVERYWHERE
        # Each window's mask, remembered: the same few thousand word starts recur in every text.
        self.window_masks: dict[str, int] = {}

    def add(self, found: frozenset[str]) -> int:
        bit = 1 << self.count
        self.count += 1
        for text in found:
            self.bits[text] = self.bits.get(text, 0) | bit
        self.lengths = sorted({len(text) for text in self.bits})
        # A boundary before a non-word character (the apostrophe of "'ll") is a start too.
        others = sorted({text[0] for text in self.bits if not re.match(r"\w", text[0])})
        self.windows = _windows(rf"(?:\w|[{re.escape(''.join(others))}])" if others else r"\w")
        self.window_masks.clear()
        starts.cache_clear()
        return bit


def _windows(first: str) -> re.Pattern[str]:
    """Find the PREFIX characters from each boundary where a match could begin."""
    return re.compile(rf"\b(?=({first}.{{0,{PREFIX - 1}}}))", re.S)


_INDEX = _Index()
# Set in every text's mask: the bit of a pattern that is searched everywhere (bit_of).
EVERYWHERE = 1


class Starts(NamedTuple):
    """Where registered patterns could begin in one text."""

    mask: int  # the patterns that could match somewhere in the text
    positions: list[int]  # the word starts where some pattern could begin, in order
    masks: list[int]  # the patterns that could begin at each of those


@lru_cache(maxsize=1024)
def starts(text: str) -> Starts:
    """Return where in text each registered pattern could begin."""
    # Split at every window (zero-width, its PREFIX characters captured): the pieces between
    # windows give their positions without a match object each.
    pieces = _INDEX.windows.split(text)
    masks = list(map(_INDEX.window_masks.get, pieces[1::2]))
    if None in masks:
        masks = [_remembered(window) if mask is None else mask
                 for window, mask in zip(pieces[1::2], masks, strict=True)]
    # Most word starts begin no pattern: leave them out of every later search.
    positions = list(compress(accumulate(map(len, pieces[:-1:2])), masks))
    masks = list(filter(None, masks))
    return Starts(reduce(or_, masks, EVERYWHERE), positions, masks)


def possible(text: str) -> int:
    """Return the mask of the registered patterns that could match somewhere in text."""
    return starts(text).mask


def _remembered(window: str) -> int:
    """Return a window's mask, and remember it while there is room."""
    mask = _window_mask(window)
    if len(_INDEX.window_masks) < _MOST_WINDOWS:
        _INDEX.window_masks[window] = mask
    return mask


def _window_mask(window: str) -> int:
    """Return the mask of the patterns with a beginning that starts this window."""
    bits, mask = _INDEX.bits, 0
    for length in _INDEX.lengths:
        mask |= bits.get(window[:length], 0)
    return mask


def first_match(regex: re.Pattern[str], bit: int, text: str) -> re.Match | None:
    """Return regex.search(text) for the pattern of this bit, trying only where it can begin."""
    found = starts(text)
    if found.mask & bit:
        match = regex.match
        for position, mask in zip(found.positions, found.masks, strict=True):
            if mask & bit and (hit := match(text, position)):
                return hit
    return None


def every_match(regex: re.Pattern[str], bit: int, text: str) -> Iterator[re.Match]:
    """Yield what regex.finditer(text) yields for the pattern of this bit (none is empty)."""
    found = starts(text)
    if found.mask & bit:
        match, end = regex.match, 0
        for position, mask in zip(found.positions, found.masks, strict=True):
            # finditer looks for the next match from where the last one ended
            if mask & bit and position >= end and (hit := match(text, position)):
                yield hit
                end = hit.end()


class Prefiltered:
    """A compiled pattern searched only where one of its matches can begin."""

    __slots__ = ("regex", "bit")

    def __init__(self, regex: re.Pattern[str], bit: int) -> None:
        self.regex, self.bit = regex, bit

    def search(self, text: str, *args):
        if args:  # a window of the text: the plain search, skipped where nothing can begin
            return self.regex.search(text, *args) if possible(text) & self.bit else None
        return first_match(self.regex, self.bit, text)

    def finditer(self, text: str, *args):
        if args:
            return self.regex.finditer(text, *args) if possible(text) & self.bit else iter(())
        return every_match(self.regex, self.bit, text)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if possible(text) & self.bit else text

    def __getattr__(self, name: str):
        return getattr(self.regex, name)  # pattern, match, fullmatch, ...: as compiled


def prefiltered(regex: re.Pattern[str], pattern: str) -> re.Pattern[str] | Prefiltered:
    """Return regex (compiled from pattern) behind the beginnings check, when they are known."""
    found = beginnings(pattern)
    return regex if found is None else Prefiltered(regex, _INDEX.add(found))


def bit_of(pattern) -> int:
    """Return a pattern's bit in possible()'s mask (EVERYWHERE for one searched everywhere)."""
    return pattern.bit if isinstance(pattern, Prefiltered) else EVERYWHERE


def search_any(patterns, text: str) -> bool:
    """Say whether any of the patterns matches text, reading where they can begin only once."""
    found = starts(text)
    pairs = list(zip(found.positions, found.masks, strict=True))
    for pattern in patterns:
        if not isinstance(pattern, Prefiltered):
            if pattern.search(text):
                return True
        elif found.mask & pattern.bit:
            bit, match = pattern.bit, pattern.regex.match
            for position, mask in pairs:
                if mask & bit and match(text, position):
                    return True
    return False
