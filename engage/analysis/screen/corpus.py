"""The labelled texts the screen learns from, split by source (never by item).

Reads every data/screen/*.jsonl (cited, paraphrased accounts and ordinary comments, including
the retired blind sets) and the team's older labelled sets. It never opens data/blind/: those
sets are for evaluation only, and a test checks that this module cannot reach them.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SCREEN_DATA = DATA / "screen"
TEAM_SETS = (DATA / "safeguarding_train.jsonl", DATA / "safeguarding_heldout.jsonl")
HELDOUT_SHARE = 5  # one source group in five is held out for the development figures


def _read(path: Path, source_id: str | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        row.setdefault("source_id", source_id)
    return rows


def model_key() -> str:
    """Fingerprint everything a trained screener depends on: its data, its code, its libraries."""
    from importlib.metadata import version

    from engage.analysis import model_cache
    from engage.analysis.screen.spelling import textblob_words

    analysis = Path(__file__).resolve().parent.parent
    words = textblob_words()
    files = [*corpus_files(), *TEAM_SETS, *analysis.glob("screen/*.py"), analysis / "text.py",
             analysis / "first_chars.py", analysis / "match_starts.py", words / "en-lexicon.txt",
             words / "en-spelling.txt"]
    return model_cache.fingerprint(files, extra=f"scikit-learn {version('scikit-learn')}")


def corpus_files() -> list[Path]:
    """Return the cited development files, in a fixed order (training is deterministic)."""
    return sorted(SCREEN_DATA.glob("*.jsonl"))


def all_rows() -> list[dict]:
    """Every development text: the cited corpus files and the team's earlier sets."""
    rows = []
    for path in corpus_files():
        rows += _read(path, source_id=f"file:{path.stem}")
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
