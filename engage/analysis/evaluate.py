"""Score the tagger and the safeguarding screen (held-out and frozen blind sets); exit 1 if a target fails.

    python -m engage.analysis.evaluate
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from engage.analysis.analyse import analyse
from engage.analysis.tagging import read_jsonl, train

TARGETS = {"macro_f1": 0.80, "recall": 0.95, "precision": 0.70, "immediate_recall": 1.0}


@dataclass(frozen=True)
class TaggerScore:
    """Held-out tagging quality."""

    macro_f1: float
    per_value: dict[int, float]
    confusion: list[list[int]]


@dataclass(frozen=True)
class ScreenScore:
    """Held-out screening quality (flag vs no flag, and immediate cases screened immediate)."""

    recall: float
    precision: float
    immediate_recall: float
    immediate_missed: tuple[str, ...]


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


def score_screen() -> ScreenScore:
    """Screen safeguarding_heldout.jsonl; an immediate case counts only if screened immediate.

    The texts go through the whole analysis, as a respondent's answer does.
    """
    rows = read_jsonl("safeguarding_heldout.jsonl")
    found = analyse([row["text"] for row in rows])
    results = [(row, analysis.screening) for row, analysis in zip(rows, found, strict=True)]
    true_pos = sum(row["flag"] and s.flag for row, s in results)
    flagged = sum(s.flag for _, s in results)
    positives = sum(row["flag"] for row, _ in results)
    immediate = [(row, s) for row, s in results if row["severity"] == "immediate"]
    missed = tuple(row["text"] for row, s in immediate if s.severity != "immediate")
    return ScreenScore(true_pos / positives, true_pos / flagged if flagged else 0.0,
                       1 - len(missed) / len(immediate), missed)


def report(tagger: TaggerScore, screening: ScreenScore) -> list[str]:
    """Return the printable report lines."""
    lines = [f"tagger macro-F1 (held-out): {tagger.macro_f1:.3f}",
             "per-value F1: " + ", ".join(f"V{v}={f:.3f}" for v, f in tagger.per_value.items()),
             "confusion (rows = true V1..V5, columns = predicted):"]
    lines += ["  " + " ".join(f"{n:4d}" for n in row) for row in tagger.confusion]
    lines += [f"safeguarding recall={screening.recall:.3f} precision={screening.precision:.3f} "
              f"immediate_recall={screening.immediate_recall:.3f}"]
    lines += [f"  immediate not screened immediate: {text}" for text in screening.immediate_missed]
    return lines


def failures(tagger: TaggerScore, screening: ScreenScore) -> list[str]:
    """Name every target that was missed."""
    got = {"macro_f1": tagger.macro_f1, "recall": screening.recall,
           "precision": screening.precision, "immediate_recall": screening.immediate_recall}
    return [f"{name} {got[name]:.3f} < {target}" for name, target in TARGETS.items()
            if got[name] < target]


def main() -> int:
    from engage.analysis.evaluation import language as language_evaluation
    from engage.analysis.evaluation import screen as screen_evaluation
    from engage.analysis.evaluation import tagging as tagging_evaluation

    tagger, screening = score_tagger(), score_screen()
    print("\n".join(report(tagger, screening)))
    missed = failures(tagger, screening)
    blind_lines, blind_missed = screen_evaluation.evaluate(show_misses=False)
    print("\n".join(blind_lines))
    missed += blind_missed
    tagging_scores = tagging_evaluation.score_blind(train())
    print("\n".join(tagging_evaluation.report(tagging_scores)))
    missed += tagging_evaluation.failures(tagging_scores)
    language_lines, language_missed = language_evaluation.evaluate()
    print("\n".join(language_lines))
    missed += language_missed
    print("FAILED: " + "; ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
