"""A number question's range from its XLSForm constraint, when the constraint is a plain range.

Forms usually bound a number as `. >= 0 and . <= 120` (or `. > 0 and . < 30`); engage asks the
same with `min` and `max`. Anything else in a constraint cannot be asked, and is reported.
"""
import re

BOUND = re.compile(r"^\s*\.\s*(?P<op>>=|<=|>|<)\s*(?P<n>-?\d+(?:\.\d+)?)\s*$")


def number_range(constraint: str, decimals: bool) -> tuple[float, float] | None:
    """Return (min, max) from a constraint such as '. >= 0 and . <= 120'; None if it is not one."""
    parts = re.split(r"\s+and\s+", constraint.strip(), flags=re.IGNORECASE)
    low = high = None
    for part in parts:
        match = BOUND.match(part)
        if not match:
            return None
        number, op = _number(match.group("n")), match.group("op")
        if op in (">", "<") and decimals:
            return None  # "more than 2.5" has no smallest decimal to start from
        if op.startswith(">"):
            low = number + (1 if op == ">" else 0)
        else:
            high = number - (1 if op == "<" else 0)
    if low is None or high is None or low >= high:
        return None
    return low, high


def _number(text: str) -> float | int:
    return float(text) if "." in text else int(text)
