"""Score the tagger (held-out) and the safeguarding screen; exit 1 if a target fails.

    python -m engage.analysis.evaluate

The screen's figures come from analysis.evaluation.screen: development held-out sources and
the frozen blind sets, each with 95% intervals.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from engage.analysis.tagging import read_jsonl, train

TARGETS = {"macro_f1": 0.80}


@dataclass(frozen=True)
class TaggerScore:
    """Held-out tagging quality."""

    macro_f1: float
    per_value: dict[int, float]
    confusion: list[list[int]]


def score_tagger() -> TaggerScore:
    """Train on shipped data only and score primary values on comments_heldout.jsonl."""
    from sklearn.metrics import confusion_matrix, f1_score

    rows = read_jsonl("comments_heldout.jsonl")
    truth = [row["value"] for row in rows]
    guess = [t.primary_value for t in train().predict([row["text"] for row in rows])]
    labels = [1, 2, 3, 4, 5]
    per_value = f1_score(truth, guess, labels=labels, average=None)
    return TaggerScore(float(f1_score(truth, guess, labels=labels, average="macro")),
                       dict(zip(labels, map(float, per_value), strict=False)),
                       confusion_matrix(truth, guess, labels=labels).tolist())


def report(tagger: TaggerScore) -> list[str]:
    """Return the printable report lines."""
    lines = [f"tagger macro-F1 (held-out): {tagger.macro_f1:.3f}",
             "per-value F1: " + ", ".join(f"V{v}={f:.3f}" for v, f in tagger.per_value.items()),
             "confusion (rows = true V1..V5, columns = predicted):"]
    lines += ["  " + " ".join(f"{n:4d}" for n in row) for row in tagger.confusion]
    return lines


def failures(tagger: TaggerScore) -> list[str]:
    """Name every target that was missed."""
    got = {"macro_f1": tagger.macro_f1}
    return [f"{name} {got[name]:.3f} < {target}" for name, target in TARGETS.items()
            if got[name] < target]


def main() -> int:
    from engage.analysis.evaluation import agreement
    from engage.analysis.evaluation import language as language_evaluation
    from engage.analysis.evaluation import redaction as redaction_evaluation
    from engage.analysis.evaluation import screen as screen_evaluation
    from engage.analysis.evaluation import tagging as tagging_evaluation

    tagger = score_tagger()
    print("\n".join(report(tagger)))
    missed = failures(tagger)
    screen_lines, screen_missed = screen_evaluation.evaluate(show_misses=False)
    print("\n".join(screen_lines))
    missed += screen_missed
    tagging_scores = tagging_evaluation.score_blind(train())
    print("\n".join(tagging_evaluation.report(tagging_scores)))
    missed += tagging_evaluation.failures(tagging_scores)
    print("\n".join(agreement.report(agreement.agreement())))
    model_scores = {s.name: s for s in tagging_scores}
    print("\n".join(agreement.blind_report(agreement.blind_agreement(), model_scores)))
    language_lines, language_missed = language_evaluation.evaluate()
    print("\n".join(language_lines))
    missed += language_missed
    redaction_lines, redaction_missed = redaction_evaluation.evaluate()
    print("\n".join(redaction_lines))
    missed += redaction_missed
    print("FAILED: " + "; ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
