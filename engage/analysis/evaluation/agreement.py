"""Agreement between the corpus labels and a second labelling of the same comments.

The second labels were made from the text alone with the first labels hidden:
data/agreement/second_pass.txt (the first labeller again, on a random sample) and
data/agreement/second_<set>.txt (an independent labeller, on a whole blind set). Cohen's kappa
on the primary value is the usual figure; macro-F1 and samples-F1 of one labelling against the
other give the ceiling a model can be held to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from engage.analysis import corpus
from engage.analysis.evaluation.metrics import (
    VALUES,
    Interval,
    confusion,
    macro_f1,
    per_value_f1,
    samples_f1,
    with_interval,
)
from engage.analysis.evaluation.tagging import BlindScore

AGREEMENT_DIR = corpus.BLIND_DIR.parent / "agreement"
SECOND_PASS = AGREEMENT_DIR / "second_pass.txt"


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


@dataclass(frozen=True)
class SetAgreement:
    """Two people's labellings of one blind set, with the intervals the model's scores carry."""

    name: str
    size: int
    kappa: Interval
    macro_f1: Interval
    samples_f1: Interval
    per_value: dict[int, float]


def second_labelling(name: str) -> Path:
    """Return where an independent second labelling of a blind set is kept."""
    return AGREEMENT_DIR / f"second_{name}.txt"


def blind_pairs(name: str) -> list[tuple[corpus.Comment, corpus.Comment]]:
    """Pair each comment of a blind set with its second labelling, matched by text."""
    second = {c.text: c for c in corpus.read_group(second_labelling(name)).comments}
    return [(c, second[c.text]) for c in corpus.blind_set(name)]


def compare(name: str, matched: list[tuple[corpus.Comment, corpus.Comment]]) -> SetAgreement:
    """Score the second labelling against the first as the model is scored (first labels = truth)."""
    first = [a.value for a, _ in matched]
    second = [b.value for _, b in matched]
    first_sets = [frozenset(a.values) for a, _ in matched]
    second_sets = [frozenset(b.values) for _, b in matched]
    return SetAgreement(
        name, len(matched),
        with_interval(lambda idx: cohen_kappa([first[i] for i in idx], [second[i] for i in idx]), len(matched)),
        with_interval(lambda idx: macro_f1([first[i] for i in idx], [second[i] for i in idx]), len(matched)),
        with_interval(lambda idx: samples_f1([first_sets[i] for i in idx], [second_sets[i] for i in idx]),
                      len(matched)),
        dict(zip(VALUES, per_value_f1(confusion(first, second)).round(3).tolist(), strict=True)),
    )


def blind_agreement() -> list[SetAgreement]:
    """Measure agreement on every blind set that has a second labelling, then on all of them together."""
    names = [name for name in corpus.BLIND_SETS if second_labelling(name).exists()]
    matched = {name: blind_pairs(name) for name in names}
    results = [compare(name, matched[name]) for name in names]
    if len(names) > 1:
        results.append(compare("+".join(names), [pair for name in names for pair in matched[name]]))
    return results


def blind_report(results: list[SetAgreement], model: dict[str, BlindScore] | None = None) -> list[str]:
    """Return printable lines, with the model's macro-F1 and samples-F1 on the same set when given."""
    lines = []
    for r in results:
        lines += [f"two labellers on blind {r.name} ({r.size} comments, 95% bootstrap): kappa {r.kappa}   "
                  f"macro-F1 {r.macro_f1}   samples-F1 {r.samples_f1}",
                  "  per-value F1: " + ", ".join(f"V{v}={f:.3f}" for v, f in r.per_value.items())]
        score = (model or {}).get(r.name)
        if score is not None:
            lines.append(f"  model on the same set (first labels): macro-F1 {score.macro_f1}   "
                         f"samples-F1 {score.samples_f1}")
    return lines
