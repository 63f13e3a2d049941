"""Score redaction: personal details removed, and ordinary words left alone.

Two sets in data/redaction/, built by scripts/redaction_set.py from comment shapes paraphrased
from different sources: dev.jsonl (what the redactor was designed on) and blind.jsonl (frozen
before any change to the redactor, never tuned on). Each comment lists its personal details.

- removed: a detail counts as removed when none of its identifying words (its words, less
  titles and labels such as "Mr" or "Year") is left in the output, beyond those the comment
  uses elsewhere anyway.
- touched: of the comment's other words, the share missing from the output.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from engage.analysis.redact import redact

DATA = Path(__file__).resolve().parent.parent / "data" / "redaction"
TARGETS = {"removed": 0.95, "touched": 0.02}
_WORD = re.compile(r"[a-z0-9]+")
_LABELS = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "class", "form", "year", "set", "flat",
                     "the", "com", "co", "uk", "net", "org"})


@dataclass(frozen=True)
class RedactionScore:
    """How redaction did on one set."""

    name: str
    details: int
    removed: float
    words: int
    touched: float
    kept: tuple[tuple[str, str], ...]      # (detail, output) for details left in
    changed: tuple[tuple[str, str], ...]   # (text, output) where ordinary words were touched


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _outside(text: str, details: list[str]) -> str:
    for detail in details:
        text = text.replace(detail, " ")
    return text


def score(name: str, rows: list[dict]) -> RedactionScore:
    """Redact every comment of a set and measure both sides."""
    details = removed = words = touched = 0
    kept, changed = [], []
    for row in rows:
        output, ordinary = redact(row["text"]), _words(_outside(row["text"], row["pii"]))
        left = Counter(_words(output))
        for detail in row["pii"]:
            details += 1
            core = [w for w in _words(detail) if w not in _LABELS]
            if any(left[w] > ordinary.count(w) for w in core):
                kept.append((detail, output))
            else:
                removed += 1
        missing = sum((Counter(ordinary) - left).values())
        words, touched = words + len(ordinary), touched + missing
        if missing:
            changed.append((row["text"], output))
    return RedactionScore(name, details, removed / details if details else 1.0, words,
                          touched / words if words else 0.0, tuple(kept), tuple(changed))


def load(name: str) -> list[dict]:
    """Read one labelled set."""
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def evaluate(show_misses: bool = False) -> tuple[list[str], list[str]]:
    """Return the report lines and the missed targets for both sets."""
    lines, missed = [], []
    for name in ("dev", "blind"):
        result = score(name, load(name))
        lines.append(f"redaction {name}: personal details removed {result.removed:.3f} of {result.details}; "
                     f"ordinary words touched {result.touched:.4f} of {result.words}")
        if show_misses:
            lines += [f"  kept {detail!r}: {output}" for detail, output in result.kept]
            lines += [f"  touched: {text} -> {output}" for text, output in result.changed]
        if result.removed < TARGETS["removed"]:
            missed.append(f"redaction {name} removed {result.removed:.3f} < {TARGETS['removed']}")
        if result.touched >= TARGETS["touched"]:
            missed.append(f"redaction {name} touched {result.touched:.4f} >= {TARGETS['touched']}")
    return lines, missed


if __name__ == "__main__":
    print("\n".join(evaluate(show_misses=True)[0]))
