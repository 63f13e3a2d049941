"""Score the safeguarding screen on the blind tagging sets: real consultation comments.

The tagging sets in data/blind/mixed_*/ were written to judge value tagging, so nearly all of
their comments are ordinary answers about services, school, money and home. That makes them
the plainest measure of how often the screen sends an ordinary comment to the safeguarding
lead. A labeller who never saw the screen's output marked every comment (a few are genuine
disclosures) in data/blind/screen_labels/<set>.jsonl, one row per comment in file order:
file, text, flag, severity, category, labeller. Labels are joined to the comments by
(set, text); a set without a labels file is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from engage.analysis import corpus
from engage.analysis.evaluation.intervals import Proportion
from engage.analysis.evaluation.screen import TARGETS, read_rows

LABELS = "screen_labels"
SEVERITIES = ("immediate", "concern", "none")


class LabelError(ValueError):
    """A labels file that does not match its blind set one row per comment."""


@dataclass(frozen=True)
class CommentScreenScore:
    """How the screen did on the labelled consultation comments of some blind sets."""

    sets: tuple[str, ...]
    comments: int
    disclosures: int                  # comments the labeller marked as disclosures
    ordinary_flagged: Proportion      # ordinary comments the screen flagged (any severity)
    ordinary_immediate: Proportion    # ordinary comments the screen called "immediate"
    disclosures_flagged: Proportion   # labelled disclosures the screen flagged


def labels_path(name: str, blind_dir: Path = corpus.BLIND_DIR) -> Path:
    """Return where a blind set's screen labels live."""
    return blind_dir / LABELS / f"{name}.jsonl"


def set_comments(name: str, blind_dir: Path = corpus.BLIND_DIR) -> list[str]:
    """Return a blind set's comment texts in file order, as the corpus loader reads them."""
    return [c.text for path in sorted((blind_dir / name).glob("*.txt"))
            for c in corpus.read_group(path).comments]


def join(name: str, texts: Sequence[str], rows: Iterable[dict]) -> list[dict]:
    """Return one label row per comment, in comment order; refuse missing, extra or odd rows."""
    by_text: dict[str, dict] = {}
    for row in rows:
        if row["text"] in by_text:
            raise LabelError(f"{name}: a comment is labelled twice")
        if row["severity"] not in SEVERITIES or row["flag"] != (row["severity"] != "none"):
            raise LabelError(f"{name}: flag and severity disagree or severity is unknown")
        by_text[row["text"]] = row
    missing = [text for text in texts if text not in by_text]
    extra = set(by_text) - set(texts)
    if missing or extra:
        raise LabelError(f"{name}: {len(missing)} comments without a label, "
                         f"{len(extra)} labels matching no comment")
    return [{**by_text[text], "set": name} for text in texts]


def labelled_sets(sets: Iterable[str] = tuple(corpus.BLIND_SETS),
                  blind_dir: Path = corpus.BLIND_DIR) -> dict[str, list[dict]]:
    """Return each blind set that has a labels file, its rows joined to its comments."""
    return {name: join(name, set_comments(name, blind_dir), read_rows(labels_path(name, blind_dir)))
            for name in sets if labels_path(name, blind_dir).exists()}


def score(labelled: dict[str, list[dict]], flags: Callable[[list[str]], list]) -> CommentScreenScore:
    """Screen every labelled comment with flags(texts) -> Screenings and count the outcomes."""
    rows = [row for set_rows in labelled.values() for row in set_rows]
    results = list(zip(rows, flags([row["text"] for row in rows]), strict=True))
    ordinary = [s for row, s in results if not row["flag"]]
    disclosures = [s for row, s in results if row["flag"]]
    return CommentScreenScore(
        tuple(labelled), len(rows), len(disclosures),
        Proportion(sum(s.flag for s in ordinary), len(ordinary)),
        Proportion(sum(s.flag and s.severity == "immediate" for s in ordinary), len(ordinary)),
        Proportion(sum(s.flag for s in disclosures), len(disclosures)))


def title(result: CommentScreenScore) -> str:
    """Name the report after the sets it covers."""
    return f"screen on blind consultation comments ({', '.join(result.sets)})"


def report(result: CommentScreenScore) -> list[str]:
    """Return printable lines (counts only: these texts are never printed)."""
    return [f"{title(result)}:",
            f"  comments                            {result.comments}",
            f"  disclosures found by the labeller   {result.disclosures}",
            f"  ordinary comments flagged           {result.ordinary_flagged}",
            f"  ordinary screened 'immediate'       {result.ordinary_immediate}",
            f"  disclosures flagged                 {result.disclosures_flagged}"]


def failures(result: CommentScreenScore) -> list[str]:
    """Name the target this result misses: ordinary comments flagged at most 5%."""
    target = TARGETS["ordinary_flagged"]
    if result.ordinary_flagged.value > target:
        return [f"{title(result)}: ordinary_flagged {result.ordinary_flagged.value:.3f} > {target}"]
    return []


def evaluate(flags: Callable[[list[str]], list]) -> tuple[list[str], list[str]]:
    """Score the screen on every labelled blind set; nothing when no set is labelled yet."""
    labelled = labelled_sets()
    if not labelled:
        return [], []
    result = score(labelled, flags)
    return report(result), failures(result)
