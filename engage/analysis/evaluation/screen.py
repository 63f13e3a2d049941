"""Score the safeguarding screen on labelled sets, with 95% intervals.

The blind sets in data/blind/ were frozen before the screen was designed; they are read
here and nowhere else (never by training or rule tuning; tests check both).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from engage.analysis.evaluation.intervals import Proportion

BLIND_DIR = Path(__file__).resolve().parent.parent / "data" / "blind"
# Sets A-N were blind once; after their first runs were reported they became development
# data (data/screen/retired_blind_*.jsonl) and are no longer scored here.
BLIND_SETS = (
    "safeguarding_blind_o.jsonl",
    "safeguarding_blind_q.jsonl",
    "safeguarding_blind_r.jsonl",
    "safeguarding_blind_s.jsonl",
    "safeguarding_blind_t.jsonl",
    "safeguarding_blind_u.jsonl",
    "safeguarding_blind_v.jsonl",
    "safeguarding_blind_w.jsonl",
    "safeguarding_blind_x.jsonl",
    "safeguarding_blind_y.jsonl",
    "safeguarding_blind_z.jsonl",
)
TARGETS = {"recall": 0.95, "immediate_caught": 0.98, "precision": 0.70, "ordinary_flagged": 0.05}


@dataclass(frozen=True)
class ScreenScore:
    """How one screen did on one labelled set."""

    name: str
    recall: Proportion            # disclosures flagged (any severity, "check" included)
    immediate_caught: Proportion  # immediate disclosures flagged at all
    immediate_as_immediate: Proportion  # immediate disclosures screened "immediate"
    precision: Proportion         # flags that are disclosures
    ordinary_flagged: Proportion  # ordinary comments flagged
    missed: tuple[str, ...]
    false_flags: tuple[str, ...]


def read_rows(path: Path) -> list[dict]:
    """Read one JSON-lines labelled set."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def blind_sets() -> dict[str, list[dict]]:
    """Return each frozen blind set by file name (evaluation only)."""
    return {name: read_rows(BLIND_DIR / name) for name in BLIND_SETS}


def score(name: str, rows: Iterable[dict], flags: Callable[[list[str]], list]) -> ScreenScore:
    """Screen every row's text with flags(texts) -> Screenings and count the outcomes."""
    rows = list(rows)
    results = list(zip(rows, flags([row["text"] for row in rows]), strict=True))
    disclosures = [(row, s) for row, s in results if row["flag"]]
    ordinary = [(row, s) for row, s in results if not row["flag"]]
    immediate = [(row, s) for row, s in disclosures if row["severity"] == "immediate"]
    flagged = [(row, s) for row, s in results if s.flag]
    return ScreenScore(
        name,
        Proportion(sum(s.flag for _, s in disclosures), len(disclosures)),
        Proportion(sum(s.flag for _, s in immediate), len(immediate)),
        Proportion(sum(s.severity == "immediate" for _, s in immediate), len(immediate)),
        Proportion(sum(row["flag"] for row, _ in flagged), len(flagged)),
        Proportion(sum(s.flag for _, s in ordinary), len(ordinary)),
        tuple(row["text"] for row, s in disclosures if not s.flag),
        tuple(row["text"] for row, s in ordinary if s.flag))


def screen_each(texts: list[str]) -> list:
    """Screen texts through the whole analysis (language first), as a respondent's answer is."""
    from engage.analysis.analyse import analyse

    return [result.screening for result in analyse(texts)]


def failures(result: ScreenScore) -> list[str]:
    """Name every target this result misses."""
    got = {"recall": result.recall.value, "immediate_caught": result.immediate_caught.value,
           "precision": result.precision.value}
    missed = [f"{result.name}: {key} {got[key]:.3f} < {TARGETS[key]}" for key in got
              if got[key] < TARGETS[key]]
    if result.ordinary_flagged.value > TARGETS["ordinary_flagged"]:
        missed.append(f"{result.name}: ordinary_flagged {result.ordinary_flagged.value:.3f}"
                      f" > {TARGETS['ordinary_flagged']}")
    return missed


def report(result: ScreenScore, show_misses: bool = True) -> list[str]:
    """Return printable lines for one result."""
    lines = [f"screen on {result.name}:",
             f"  recall (disclosures flagged)        {result.recall}",
             f"  immediate disclosures flagged       {result.immediate_caught}",
             f"  immediate screened 'immediate'      {result.immediate_as_immediate}",
             f"  precision                           {result.precision}",
             f"  ordinary comments flagged           {result.ordinary_flagged}"]
    if show_misses:
        lines += [f"    missed: {text}" for text in result.missed]
        lines += [f"    false flag: {text}" for text in result.false_flags]
    return lines


def development(show_misses: bool = False) -> list[str]:
    """Train on the development training sources and score the held-out sources."""
    from engage.analysis.screen.corpus import split
    from engage.analysis.screen.screener import build

    train, heldout = split()
    screener = build(train)
    result = score("development held-out sources", heldout,
                   lambda texts: [screener.screen(text) for text in texts])
    return report(result, show_misses)


def evaluate(show_misses: bool = True) -> tuple[list[str], list[str]]:
    """Score the screen on the development held-out sources, on each blind set, and on the
    labelled consultation comments of the blind tagging sets (screen_comments).

    Returns (report lines, missed targets); targets are judged on the blind sets only.
    """
    from engage.analysis.evaluation import screen_comments

    lines, missed = development(), []
    for name, rows in blind_sets().items():
        result = score(name, rows, screen_each)
        lines += report(result, show_misses)
        missed += failures(result)
    comment_lines, comment_missed = screen_comments.evaluate(screen_each)
    return lines + comment_lines, missed + comment_missed
