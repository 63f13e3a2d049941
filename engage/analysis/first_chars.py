"""Compile a regex with a look-ahead for the characters a match can start with.

Python's regex engine tries every alternative of a pattern such as ``\\b(?:hit|slap|...)``
at every position of the text. A leading ``(?=[hs...])`` fails at most positions after one
character test, so the screen runs about twice as fast. The set is computed from the parsed
pattern, never written by hand, and is a superset of the real first characters, so matches
(and their spans) are exactly those of the plain pattern.
"""

from __future__ import annotations

import re
from re import _constants as c  # the parser's opcodes; stable within a Python version
from re import _parser

from engage.analysis.match_starts import Prefiltered, prefiltered

_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}
_MAX_RANGE = 64  # wider classes (a-z is 26) are listed; anything wider is not worth it

FirstSet = tuple[frozenset[str], bool] | None  # (characters, can match empty) or unknown


def _class_chars(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (\w, \d ...) or a huge range: give up
            return None
    return frozenset(chars)


def _op_first(op, av) -> FirstSet:
    if op is c.LITERAL:
        return frozenset(chr(av)), False
    if op is c.IN:
        chars = _class_chars(av)
        return None if chars is None else (chars, False)
    if op in _ZERO_WIDTH:
        return frozenset(), True
    if op is c.BRANCH:
        return _union(_sequence_first(branch) for branch in av[1])
    if op is c.SUBPATTERN:
        add_flags = av[1]
        return None if add_flags & re.IGNORECASE else _sequence_first(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence_first(av)
    if op in _REPEATS:
        inner = _sequence_first(av[2])
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    return None  # ANY, NOT_LITERAL, group references, conditionals: unknown


def _union(results) -> FirstSet:
    chars: set[str] = set()
    nullable = False
    for result in results:
        if result is None:
            return None
        chars |= result[0]
        nullable = nullable or result[1]
    return frozenset(chars), nullable


def _sequence_first(sequence) -> FirstSet:
    """Return the characters a match of this sequence can start with."""
    chars: set[str] = set()
    for op, av in sequence:
        result = _op_first(op, av)
        if result is None:
            return None
        chars |= result[0]
        if not result[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def first_chars(pattern: str) -> frozenset[str] | None:
    """Return every character a non-empty match can start with, or None if unknown."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    result = _sequence_first(parsed.data)
    if result is None or result[1]:
        return None  # unknown, or the pattern can match the empty string
    return result[0]


def compile_fast(pattern: str) -> re.Pattern[str] | Prefiltered:
    """Compile pattern behind a look-ahead for its first characters, when they are known.

    It is also searched only at the word starts where a match can begin (analysis.match_starts).
    """
    chars = first_chars(pattern)
    if not chars:
        return prefiltered(re.compile(pattern), pattern)
    lead = "".join(re.escape(char) for char in sorted(chars))
    return prefiltered(re.compile(f"(?=[{lead}])(?:{pattern})"), pattern)
