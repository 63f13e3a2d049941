"""Read YAML that people upload or paste without letting its shape hurt the server.

PyYAML builds nested collections recursively, so a few thousand opening brackets exhaust
Python's stack; anchors and aliases let a short text name a structure that expands
exponentially (or refers to itself) when it is checked, copied or saved as JSON. A survey
is a few levels deep and a few thousand values big, so anything far beyond that is refused
with a plain message.
"""
from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 40
MAX_VALUES = 200_000
TOO_DEEP = f"it is nested more than {MAX_DEPTH} levels deep, far deeper than any survey"
TOO_BIG = f"it holds more than {MAX_VALUES:,} values once its anchors (&) and aliases (*) are expanded"


class YAMLProblem(ValueError):
    """The text cannot be read as YAML; the message says why in plain words."""


def load_untrusted(text: str) -> Any:
    """Parse YAML from a person, or raise YAMLProblem saying what is wrong."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise YAMLProblem(f"it is not valid YAML{line}") from exc
    except RecursionError as exc:
        raise YAMLProblem(TOO_DEEP) from exc
    _measure(data)
    return data


def _measure(data: Any) -> None:
    """Walk the data as saving it would (aliases expanded), within the depth and size limits."""
    stack, seen = [(data, 1)], 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise YAMLProblem(TOO_DEEP)
        if seen > MAX_VALUES:
            raise YAMLProblem(TOO_BIG)
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for pair in node.items() for child in pair)
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
