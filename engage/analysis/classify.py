"""Stream classification: one JSON result per input line (JSON {"text": ...} or plain text)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice

from engage.analysis.analyse import TextAnalysis, analyse
from engage.analysis.tagging import ValueTagger, default_tagger

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


def result(analysis: TextAnalysis) -> dict:
    """Build the output record for one analysed text.

    Text in a language the models cannot read has no value tags and no sentiment (null), and
    always a flag: a keyword hit, or "not_screened" so that a person reads it. "uncertain" says
    the tagger's confidence is below the level where officers should check the tag first.
    """
    tagging, screening = analysis.tagging, analysis.screening
    return {
        "language": analysis.language,
        "primary_value": tagging.primary_value if tagging else None,
        "values": [value for value, _ in tagging.values] if tagging else [],
        "subtheme": tagging.subtheme if tagging else None,
        "confidence": tagging.confidence if tagging else 0.0,
        "uncertain": tagging.uncertain if tagging else False,
        "sentiment": round(analysis.polarity, 4) if analysis.polarity is not None else None,
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
        yield from map(result, analyse(chunk, tagger))


def main() -> None:
    """Read lines on stdin and write JSON lines on stdout."""
    import sys

    for record in classify_lines(sys.stdin):
        sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
