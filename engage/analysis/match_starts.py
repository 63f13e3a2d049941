"""Skip a screen pattern's search in a text where none of its matches can begin.

The screen searches every answer for about fifty concepts, and most find nothing; the regex
engine still tries each concept's many alternatives at every word. A concept starts at a word
boundary, and its parsed pattern says which few strings a match can begin with ("hit",
"slap", "my mu"), up to PREFIX characters. One table of those beginnings for every pattern, and
one look-up per word start of a text, tell which patterns could match there at all; the search
of any other pattern is skipped. The beginnings are a superset of the real ones (anything the
parse cannot follow just ends a beginning early), so a search that runs finds exactly what it
always did, and a skipped one would have found nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as c  # the parser's opcodes; stable within a Python version
from re import _parser

PREFIX = 5  # longer beginnings rule out more patterns, but cost more look-ups per word
_MOST = 5000  # a pattern with more beginnings than this is searched everywhere
_MAX_RANGE = 64  # wider character classes end a beginning instead of being listed
_MOST_WINDOWS = 200_000  # windows remembered (a few MB); later ones are worked out each time
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}

# A beginning being built: (characters so far, can still grow, a word boundary came first).
Begin = tuple[str, bool, bool]


class _TooMany(Exception):
    pass


def beginnings(pattern: str) -> frozenset[str] | None:
    """Return strings (up to PREFIX long) one of which starts every match, or None if unknown.

    Unknown when a match need not start at a word boundary, could start with anything, or
    has too many beginnings to be worth listing.
    """
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE):
        return None
    try:
        found = _sequence(parsed.data, {("", True, False)})
    except _TooMany:
        return None
    if any(not text or not bounded for text, _, bounded in found):
        return None
    return frozenset(text for text, _, _ in found)


def _sequence(items, begins: set[Begin]) -> set[Begin]:
    for op, av in items:
        if not any(open_ for _, open_, _ in begins):
            break
        begins = _step(op, av, begins)
        if len(begins) > _MOST:
            raise _TooMany
    return begins


def _step(op, av, begins: set[Begin]) -> set[Begin]:
    if op is c.LITERAL:
        return _extend(begins, (chr(av),))
    if op is c.IN:
        chars = _class_chars(av)
        return _end(begins) if chars is None else _extend(begins, chars)
    if op is c.AT:
        return {(text, open_, bounded or (open_ and not text and av is c.AT_BOUNDARY))
                for text, open_, bounded in begins}
    if op in (c.ASSERT, c.ASSERT_NOT):  # look-arounds only narrow the matches
        return begins
    if op is c.BRANCH:
        return set().union(*(_sequence(branch, begins) for branch in av[1]))
    if op is c.SUBPATTERN:
        return _end(begins) if av[1] & re.IGNORECASE else _sequence(av[3], begins)
    if op is c.ATOMIC_GROUP:
        return _sequence(av, begins)
    if op in _REPEATS:
        # One pass through the repeated item, then stop: later passes are not followed.
        once = _end(_sequence(av[2], begins))
        return begins | once if av[0] == 0 else once
    return _end(begins)  # any character, a back-reference, a conditional: not followed


def _extend(begins: set[Begin], chars) -> set[Begin]:
    out = set()
    for text, open_, bounded in begins:
        if not open_:
            out.add((text, open_, bounded))
            continue
        out.update((text + ch, len(text) + 1 < PREFIX, bounded) for ch in chars)
    return out


def _end(begins: set[Begin]) -> set[Begin]:
    return {(text, False, bounded) for text, _, bounded in begins}


def _class_chars(items) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        else:  # a negated class, \w or \d, a huge range
            return None
    return chars


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
        possible.cache_clear()
        return bit


def _windows(first: str) -> re.Pattern[str]:
    """Find the PREFIX characters from each boundary where a match could begin."""
    return re.compile(rf"\b(?=({first}.{{0,{PREFIX - 1}}}))", re.S)


_INDEX = _Index()
# Set in every text's mask: the bit of a pattern that is searched everywhere (bit_of).
EVERYWHERE = 1


@lru_cache(maxsize=1024)
def possible(text: str) -> int:
    """Return the mask of the registered patterns that could match somewhere in text."""
    known, mask = _INDEX.window_masks, EVERYWHERE
    for window in _INDEX.windows.findall(text):
        found = known.get(window)
        if found is None:
            found = _window_mask(window)
            if len(known) < _MOST_WINDOWS:
                known[window] = found
        mask |= found
    return mask


def _window_mask(window: str) -> int:
    """Return the mask of the patterns with a beginning that starts this window."""
    bits, mask = _INDEX.bits, 0
    for length in _INDEX.lengths:
        mask |= bits.get(window[:length], 0)
    return mask


class Prefiltered:
    """A compiled pattern that skips searching a text where none of its matches can begin."""

    __slots__ = ("regex", "bit")

    def __init__(self, regex: re.Pattern[str], bit: int) -> None:
        self.regex, self.bit = regex, bit

    def search(self, text: str, *args):
        return self.regex.search(text, *args) if possible(text) & self.bit else None

    def finditer(self, text: str, *args):
        return self.regex.finditer(text, *args) if possible(text) & self.bit else iter(())

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
    """Say whether any of the patterns matches text, reading what can begin there only once."""
    mask = possible(text)
    for pattern in patterns:
        if isinstance(pattern, Prefiltered):
            if mask & pattern.bit and pattern.regex.search(text):
                return True
        elif pattern.search(text):
            return True
    return False
