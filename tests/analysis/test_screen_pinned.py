"""A sample of the screen's verdicts, pinned: a change made for speed must leave every one alone.

The 249 texts are every 60th development text (never data/blind) with what main said at
0f7c973: language, flag, severity and category. A change meant to alter the screen's
decisions will alter some of these too; then refresh the file from the new outputs
(`python -m scripts.analysis_snapshot save` records them all) and say so in the commit.
"""

import json
from pathlib import Path

from engage.analysis.analyse import screen

PINNED = json.loads((Path(__file__).parent.parent / "fixtures" / "screen_pinned.json").read_text("utf-8"))


def test_the_pinned_sample_holds_disclosures_and_ordinary_comments():
    assert len(PINNED) > 200
    assert 30 < sum(row["flag"] for row in PINNED) < len(PINNED) - 100


def test_every_pinned_verdict_is_unchanged():
    changed = []
    for row in PINNED:
        found = screen(row["text"])
        got = (found.language, found.screening.flag, found.screening.severity, found.screening.category)
        if got != (row["language"], row["flag"], row["severity"], row["category"]):
            changed.append((row["text"], got))
    assert changed == []
