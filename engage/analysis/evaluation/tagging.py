"""Blind evaluation of value tagging, scored the way the council scores `classify`.

Each blind set is whole source groups the tagger never trains on (frozen in data/blind/).
Macro-F1 is over the primary value; samples-F1 compares every suggested value with every
labelled value per comment, as the government's Consult tool reports its agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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

TARGETS = {"plan": 0.75,
           "mixed_k": 0.80,
           "mixed_l": 0.80,
           "mixed_m": 0.80,
           "mixed_n": 0.80,
           "mixed_o": 0.80,
           "mixed_p": 0.80,
           "mixed_q": 0.80,
           "mixed_r": 0.80,
           "mixed_s": 0.80,
           "mixed_t": 0.80,
           "mixed_u": 0.80}


@dataclass(frozen=True)
class BlindScore:
    """One blind set's scores."""

    name: str
    size: int
    macro_f1: Interval
    samples_f1: Interval
    per_value: dict[int, float]
    confusion: list[list[int]]
    uncertain_share: float


def predictions(texts: list[str], tagger) -> list[dict]:
    """Run texts through the same path as `flask classify` (disclosures included)."""
    from engage.analysis.classify import classify_lines

    return list(classify_lines(texts, tagger))


def score(name: str, rows: list[corpus.Comment], results: list[dict]) -> BlindScore:
    """Score classify results against labelled comments."""
    truth = np.array([c.value for c in rows])
    guess = np.array([r["primary_value"] or 0 for r in results])
    true_sets = [frozenset(c.values) for c in rows]
    guess_sets = [frozenset(r["values"]) for r in results]
    matrix = confusion(truth, guess)
    return BlindScore(
        name, len(rows),
        with_interval(lambda idx: macro_f1(truth[idx], guess[idx]), len(rows)),
        with_interval(lambda idx: samples_f1([true_sets[i] for i in idx], [guess_sets[i] for i in idx]), len(rows)),
        dict(zip(VALUES, per_value_f1(matrix).round(3).tolist(), strict=True)),
        matrix.tolist(),
        float(np.mean([bool(r.get("uncertain")) for r in results])) if results else 0.0,
    )


def score_blind(tagger, names=tuple(corpus.BLIND_SETS)) -> list[BlindScore]:
    """Score a tagger on each blind set."""
    scores = []
    for name in names:
        rows = corpus.blind_set(name)
        scores.append(score(name, rows, predictions([c.text for c in rows], tagger)))
    return scores


def report(scores: list[BlindScore]) -> list[str]:
    """Return printable lines: headline figures, per-value F1 and confusion per blind set."""
    lines = []
    for s in scores:
        lines += [f"blind {s.name} ({s.size} comments; {corpus.BLIND_SETS[s.name]})",
                  f"  macro-F1 {s.macro_f1}   samples-F1 {s.samples_f1}   (95% bootstrap)",
                  "  per-value F1: " + ", ".join(f"V{v}={f:.3f}" for v, f in s.per_value.items()),
                  f"  uncertain: {s.uncertain_share:.1%}",
                  "  confusion (rows true V1..V5, columns predicted V1..V5 and no tag):"]
        lines += ["    " + " ".join(f"{n:4d}" for n in row) for row in s.confusion]
    return lines


def failures(scores: list[BlindScore]) -> list[str]:
    """Name every blind set whose macro-F1 misses its target."""
    return [f"tagging {s.name} macro-F1 {s.macro_f1.value:.3f} < {TARGETS[s.name]}"
            for s in scores if s.macro_f1.value < TARGETS[s.name]]
