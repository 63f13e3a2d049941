"""Retrain the value tagger with officers' corrections; install it only if the blind sets agree.

The blind sets (engage/analysis/data/blind) are never trained on, so they are a fair judge of
whether the corrections taught the model something general or only bent it towards a few
comments. A model whose mean blind macro-F1 is lower than the installed one's by more than
TOLERANCE is not installed: smaller moves are one or two comments among the 821 blind ones,
far inside the bootstrap intervals, and refusing them would refuse most honest corrections.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from engage.analysis import tagging
from engage.analysis.evaluation import tagging as blind
from engage.services.corrections import officer_examples
from engage.words import how_many

TOLERANCE = 0.005


@dataclass(frozen=True)
class Retraining:
    """The outcome of one retraining: both models' blind scores and whether the new one went in."""

    corrections: int
    before: list[blind.BlindScore]
    after: list[blind.BlindScore]
    installed: bool

    @property
    def change(self) -> float:
        """Return the change in mean blind macro-F1, after minus before."""
        return mean_macro_f1(self.after) - mean_macro_f1(self.before)


def mean_macro_f1(scores: list[blind.BlindScore]) -> float:
    """Return the mean macro-F1 over the blind sets."""
    return sum(s.macro_f1.value for s in scores) / len(scores)


def installed_tagger(path: Path) -> tagging.ValueTagger:
    """Return the tagger in use: the retrained one at path if it loads, else the shipped one."""
    if path.exists():
        try:
            return tagging.ValueTagger.load(path)
        except TypeError:  # a model saved by an older version of the tagger
            pass
    return tagging.default_tagger()


def retrain(session: Session, path: Path) -> Retraining:
    """Train with every officer correction; save to path only if the blind sets are no worse."""
    return retrain_with(officer_examples(session), path)


def retrain_with(extra: list[tagging.Example], path: Path) -> Retraining:
    """Train with these extra examples; save to path only if the blind sets are no worse."""
    before = blind.score_blind(installed_tagger(path))
    candidate = tagging.train(extra)
    after = blind.score_blind(candidate)
    better = mean_macro_f1(after) >= mean_macro_f1(before) - TOLERANCE
    if better:
        path.parent.mkdir(parents=True, exist_ok=True)
        candidate.save(path)
    return Retraining(len(extra), before, after, better)


def report(outcome: Retraining) -> list[str]:
    """Return printable lines: each blind set before and after, and the decision."""
    lines = [f"Trained on the shipped examples and {how_many(outcome.corrections, 'officer correction')}."]
    for old, new in zip(outcome.before, outcome.after, strict=True):
        lines.append(f"blind {old.name}: macro-F1 {old.macro_f1} -> {new.macro_f1}; "
                     f"samples-F1 {old.samples_f1.value:.3f} -> {new.samples_f1.value:.3f}")
    verdict = "installed" if outcome.installed else (
        f"NOT installed: it is worse on the blind sets by more than {TOLERANCE}")
    lines.append(f"mean blind macro-F1 {mean_macro_f1(outcome.before):.3f} -> "
                 f"{mean_macro_f1(outcome.after):.3f} ({outcome.change:+.3f}); new model {verdict}.")
    return lines
