"""Agreement between the corpus labels and a second labelling of a random sample.

The second labels (data/agreement/second_pass.txt) were made from the text alone with the
first labels hidden. Cohen's kappa on the primary value is the usual figure; macro-F1 and
samples-F1 of one labelling against the other give the ceiling a model can be held to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from engage.analysis import corpus
from engage.analysis.evaluation.metrics import macro_f1, samples_f1

SECOND_PASS = corpus.BLIND_DIR.parent / "agreement" / "second_pass.txt"


@dataclass(frozen=True)
class Agreement:
    """How far two labellings of the same comments agree."""

    size: int
    kappa: float
    primary_agreement: float
    macro_f1: float
    samples_f1: float
    subtheme_agreement: float


def cohen_kappa(first: list[int], second: list[int]) -> float:
    """Return Cohen's kappa for two labellings of the same items."""
    size = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / size
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[k] * counts_b[k] for k in counts_a) / size**2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def pairs(path: Path = SECOND_PASS) -> list[tuple[corpus.Comment, corpus.Comment]]:
    """Pair each second-pass comment with its first labelling, matched by text."""
    first = {c.text: c for c in corpus.comments()}
    first.update({c.text: c for name in corpus.BLIND_SETS for c in corpus.blind_set(name)})
    return [(first[c.text], c) for c in corpus.read_group(path).comments]


def agreement(path: Path = SECOND_PASS) -> Agreement:
    """Measure agreement between the first and second labellings."""
    matched = pairs(path)
    first = [a.value for a, _ in matched]
    second = [b.value for _, b in matched]
    both_sub = [(a.subtheme, b.subtheme) for a, b in matched if a.value == b.value and a.subtheme and b.subtheme]
    return Agreement(
        len(matched), cohen_kappa(first, second),
        sum(a == b for a, b in zip(first, second, strict=True)) / len(matched),
        macro_f1(first, second),
        samples_f1([frozenset(a.values) for a, _ in matched], [frozenset(b.values) for _, b in matched]),
        sum(a == b for a, b in both_sub) / len(both_sub) if both_sub else 0.0,
    )


def report(result: Agreement) -> list[str]:
    """Return printable lines."""
    return [f"label agreement ({result.size} comments labelled twice): kappa {result.kappa:.3f}, "
            f"primary value {result.primary_agreement:.1%}, macro-F1 {result.macro_f1:.3f}, "
            f"samples-F1 {result.samples_f1:.3f}, sub-theme (same value) {result.subtheme_agreement:.1%}"]
