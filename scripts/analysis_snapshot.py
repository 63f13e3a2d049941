"""Record what `analyse` says about every development text, or compare with a record.

    python -m scripts.analysis_snapshot save before.json
    python -m scripts.analysis_snapshot compare before.json

A speed-up of the screen, the tagger or the language step must not change one output: run
`save` on the old code and `compare` on the new. Each record holds the language, the screen's
flag, severity, category and reasons, its raw scores (probability, and urgency when flagged),
the value tags with their confidences, sentiment and the `classify` line. Scores agree within
1e-9 (feature sets iterate in hash order, so the weight sums differ in their last bits from one
process to the next); everything else must be equal.

Texts: every data/screen/*.jsonl, the comment and safeguarding sets, the framework seed, the
tagging corpus, the language sets, the redaction development set and the benchmark's own
synthetic texts. Never data/blind, nor the files made from blind texts (the agreement second
pass, the redaction blind set).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from bench.classify import synthetic_lines
from engage.analysis.analyse import TextAnalysis, analyse
from engage.analysis.classify import CHUNK, result
from engage.analysis.screen import default_screener, model
from engage.analysis.screen.spelling import clean

DATA = Path(__file__).resolve().parent.parent / "engage" / "analysis" / "data"
JSONL = ("comments_train.jsonl", "comments_heldout.jsonl", "safeguarding_train.jsonl",
         "safeguarding_heldout.jsonl", "framework_seed.jsonl", "redaction/dev.jsonl")
EDGE_CASES = ("", "   ", "SOOOO BORED", "i'm fine", "ok", "my dad hits me", "\u2019tis")
SCORES = ("probability", "urgency")
SCORE_TOLERANCE = 1e-9


def _jsonl(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _corpus(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("|", 3)[3] for line in lines if line.strip() and not line.startswith("#")]


def _language(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 1)[-1] if path.suffix == ".tsv" else line
            for line in lines if line.strip()]


def texts() -> list[str]:
    """Return every development text, in a fixed order."""
    found = []
    for path in sorted((DATA / "screen").glob("*.jsonl")):
        found += _jsonl(path)
    for name in JSONL:
        found += _jsonl(DATA / name)
    for path in sorted((DATA / "corpus").glob("*.txt")):
        found += _corpus(path)
    for path in sorted((DATA / "language").glob("*")):
        found += _language(path)
    found += [json.loads(line)["text"] for line in synthetic_lines(20_000)]
    return [*found, *EDGE_CASES]


def _record(analysis: TextAnalysis) -> dict:
    screener = default_screener()
    norm = clean(analysis.text) if analysis.text.strip() else ""
    tagging = analysis.tagging
    return {
        "text": analysis.text,
        "language": analysis.language,
        "screening": [analysis.screening.flag, analysis.screening.severity,
                      analysis.screening.category, list(analysis.screening.matched)],
        "probability": screener.probability(norm) if norm else None,
        "urgency": screener.urgency(model.features(norm)) if norm else None,
        "tags": None if tagging is None else [tagging.primary_value, tagging.values,
                                              tagging.subtheme, tagging.confidence,
                                              tagging.uncertain],
        "sentiment": [analysis.polarity, analysis.subjectivity],
        "classify": json.dumps(result(analysis)),
    }


def run() -> list[dict]:
    """Analyse every text in chunks, as `classify` does, and record each result."""
    every = texts()
    analyses = []
    for start in range(0, len(every), CHUNK):
        analyses += analyse(every[start:start + CHUNK])
    return [json.loads(json.dumps(_record(analysis))) for analysis in analyses]


def _close(old, new) -> bool:
    if isinstance(old, float) and isinstance(new, float):
        return math.isclose(old, new, rel_tol=SCORE_TOLERANCE, abs_tol=SCORE_TOLERANCE)
    return old == new


def _without_scores(record: dict) -> dict:
    return {key: value for key, value in record.items() if key not in SCORES}


def differences(old: list[dict], new: list[dict]) -> list[tuple[dict, dict]]:
    """Return the pairs of records that disagree (scores beyond the tolerance, anything else)."""
    bad = []
    for before, after in zip(old, new, strict=True):
        scores_agree = all(_close(before[name], after[name]) for name in SCORES)
        if not scores_agree or _without_scores(before) != _without_scores(after):
            bad.append((before, after))
    return bad


def main(argv: list[str]) -> int:
    mode, path = argv
    records = run()
    if mode == "save":
        Path(path).write_text(json.dumps(records), encoding="utf-8")
        print(f"saved {len(records)} records to {path}")
        return 0
    old = json.loads(Path(path).read_text(encoding="utf-8"))
    bad = differences(old, records)
    exact = sum(a == b for a, b in zip(old, records, strict=True))
    print(f"records={len(records)} identical={exact} within_tolerance={len(records) - len(bad)} "
          f"different={len(bad)}")
    for before, after in bad[:10]:
        print("OLD", json.dumps(before))
        print("NEW", json.dumps(after))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
