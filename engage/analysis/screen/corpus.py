"""The labelled texts the screen learns from, split by source (never by item).

Reads data/screen/corpus.jsonl (cited, paraphrased accounts and ordinary comments) and the
team's older labelled sets. It never opens data/blind/: those sets are for evaluation only,
and a test checks that this module cannot reach them.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = DATA / "screen" / "corpus.jsonl"
TEAM_SETS = (DATA / "safeguarding_train.jsonl", DATA / "safeguarding_heldout.jsonl")
HELDOUT_SHARE = 5  # one source group in five is held out for the development figures


def _read(path: Path, source_id: str | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        row.setdefault("source_id", source_id)
    return rows


def all_rows() -> list[dict]:
    """Every development text: the cited corpus and the team's earlier sets."""
    rows = _read(CORPUS)
    for path in TEAM_SETS:
        rows += _read(path, source_id=f"team:{path.stem}")
    return rows


def is_heldout(row: dict) -> bool:
    """Hold out whole source groups, chosen by a stable hash of the source id."""
    source = row["source_id"]
    return not source.startswith("team:") and zlib.crc32(source.encode()) % HELDOUT_SHARE == 0


def split() -> tuple[list[dict], list[dict]]:
    """Return (training rows, held-out rows), split by source."""
    rows = all_rows()
    return [r for r in rows if not is_heldout(r)], [r for r in rows if is_heldout(r)]
