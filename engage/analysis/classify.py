"""Stream classification: one JSON result per input line (JSON {"text": ...} or plain text)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice

from engage.analysis.disclosure import tag_disclosure
from engage.analysis.safeguarding import screen
from engage.analysis.sentiment import sentiment
from engage.analysis.tagging import Tagging, ValueTagger, default_tagger

CHUNK = 2000  # texts per tagger call: big enough to amortise sklearn overhead, small in memory


def parse_line(line: str) -> str:
    """Return the text of one input line: the "text" of a JSON object, else the line itself."""
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except ValueError:
            return stripped
        if isinstance(obj, dict):
            return str(obj.get("text") or "")
    return stripped


def result(text: str, tagging: Tagging) -> dict:
    """Build the output record for one text from its tagging, sentiment and screen."""
    screening = screen(text)
    tagging = tag_disclosure(tagging, screening)
    return {
        "primary_value": tagging.primary_value,
        "values": [value for value, _ in tagging.values],
        "subtheme": tagging.subtheme,
        "confidence": tagging.confidence,
        "sentiment": round(sentiment(text)[0], 4),
        "safeguarding": {"flag": screening.flag, "severity": screening.severity,
                         "category": screening.category or "none"},
    }


def classify_lines(lines: Iterable[str], tagger: ValueTagger | None = None) -> Iterator[dict]:
    """Yield one result per line, in order.

    Blank lines still yield a record, so output line n always answers input line n; the
    tagger's best guess for empty text comes with a low confidence, and the screen says none.
    """
    tagger = tagger or default_tagger()
    iterator = iter(lines)
    while chunk := [parse_line(line) for line in islice(iterator, CHUNK)]:
        for text, tagging in zip(chunk, tagger.predict(chunk), strict=False):
            yield result(text, tagging)


def main() -> None:
    """Read lines on stdin and write JSON lines on stdout."""
    import sys

    for record in classify_lines(sys.stdin):
        sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
