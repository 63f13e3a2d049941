"""The strings a screen pattern's matches can begin with, read from the parsed pattern.

A concept starts at a word boundary, and its parsed pattern says which few strings a match can
begin with ("hit", "slap", "my mu"), up to PREFIX characters. The beginnings are a superset of
the real ones (anything the parse cannot follow just ends a beginning early), so a text in
which none of them starts at a word boundary holds no match (analysis.match_starts).
"""

from __future__ import annotations

import re
from re import _constants as c  # the parser's opcodes; stable within a Python version
from re import _parser

PREFIX = 5  # longer beginnings rule out more patterns, but cost more look-ups per word
_MOST = 5000  # a pattern with more beginnings than this is searched everywhere
_MAX_RANGE = 64  # wider character classes end a beginning instead of being listed
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
