"""Cross-validate the screen by source group and print recall and false flags at thresholds.

    python -m engage.analysis.screen.calibrate [--folds 10] [--groups]

Every development text is scored by a model trained without any text from its source group
(whole sources are held out together, never single items), so a source's wording is always
unseen when it is scored. The rules are the same in every fold: they were written while
reading development texts, so "rules alone" here flatters them; the model's share is honest.
Blind sets are never read.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import defaultdict
from dataclasses import dataclass

from engage.analysis.screen import model
from engage.analysis.screen.corpus import SCREEN_DATA, all_rows
from engage.analysis.screen.facts import explained_away
from engage.analysis.screen.result import RANK
from engage.analysis.screen.screener import (
    CHECK_THRESHOLD,
    CONCERN_THRESHOLD,
    EXPLAINED_OVERRIDE,
    IMMEDIATE_SCORE,
    URGENT_KINDS,
    build,
    has_signal,
    rule_hits,
    wholly_explained,
)
from engage.analysis.screen.spelling import clean

FOLDS = 10
PREVALENCE = 0.40  # precision is reported as on a set where 40% of texts are disclosures


@dataclass(frozen=True)
class Scored:
    """One development text, scored out of fold."""

    row: dict
    rules: bool        # a concept rule fired
    probability: float  # the model's P(disclosure), trained without this text's source
    signal: bool       # a worrying word: needed for a flag between CHECK and CONCERN
    explained: bool    # negated, hypothetical, an opinion or an accident: no model flag unless sure
    rule_severity: str = "none"  # the most severe rule verdict, "none" when no rule fired
    category: str = "other"      # the category model's choice, trained without this source
    urgency: float = 0.0         # the severity model's P(current danger), likewise
    wholly: bool = False         # explained away in every clause: no score outweighs it

    def flagged(self, check: float, concern: float = CONCERN_THRESHOLD,
                override: float = EXPLAINED_OVERRIDE) -> bool:
        """Say whether the screen flags this text at these thresholds (as Screener.screen)."""
        if self.rules:
            return True
        if self.explained and (self.probability < override or self.wholly) or self.probability < check:
            return False
        return self.signal or self.probability >= concern

    def severity(self, check: float, concern: float = CONCERN_THRESHOLD,
                 urgent: float = IMMEDIATE_SCORE) -> str:
        """Return the severity the screen gives this text at these thresholds (as Screener.screen)."""
        if self.rules:
            raised = self.rule_severity == "concern" and self.urgency >= urgent
            return "immediate" if raised else self.rule_severity
        if not self.flagged(check, concern):
            return "none"
        if self.probability < concern:
            return "check"
        return "immediate" if self.category in URGENT_KINDS or self.urgency >= urgent else "concern"


def fold_of(row: dict, folds: int) -> int:
    """Put every text of one source group in the same fold."""
    return zlib.crc32(row["source_id"].encode()) % folds


def out_of_fold(rows: list[dict], folds: int = FOLDS) -> list[Scored]:
    """Score every row with a model trained on the other folds' source groups."""
    fold = [fold_of(row, folds) for row in rows]
    norms = [clean(row["text"]) for row in rows]
    found = [rule_hits(norm) for norm in norms]
    rules = [bool(hits) for hits in found]
    severity = [max((hit[1] for hit in hits), key=RANK.__getitem__, default="none")
                for hits in found]
    signal = [has_signal(norm) for norm in norms]
    # Texts explained away in every clause are never flagged by the model, however sure.
    explained = [explained_away(norm) for norm in norms]
    wholly = [wholly_explained(norm) for norm in norms]
    out = []
    for k in range(folds):
        screener = build([r for r, f in zip(rows, fold, strict=True) if f != k])
        for i, row in enumerate(rows):
            if fold[i] == k:
                feats = model.features(norms[i])
                out.append(Scored(row, rules[i], screener.probability(norms[i]), signal[i],
                                  explained[i], severity[i], screener.category_model.best(feats),
                                  screener.urgency(feats), wholly[i]))
    return out


def summary(scored: list[Scored], check: float, concern: float = CONCERN_THRESHOLD,
            urgent: float = IMMEDIATE_SCORE) -> dict[str, float]:
    """Recall, immediate caught, precision at 40% prevalence, ordinary flagged, worst groups."""
    positives = [s for s in scored if s.row["flag"]]
    negatives = [s for s in scored if not s.row["flag"]]
    immediate = [s for s in positives if s.row.get("severity") == "immediate"]
    recall = sum(s.flagged(check, concern) for s in positives) / len(positives)
    false_rate = sum(s.flagged(check, concern) for s in negatives) / len(negatives)
    consultation = [s for s in negatives if is_consultation(s.row)]
    near_miss = [s for s in negatives if is_near_miss(s.row)]
    hard = [s for s in negatives if not is_consultation(s.row) and not is_near_miss(s.row)]
    caught = PREVALENCE * recall
    by_group: dict[str, list[Scored]] = defaultdict(list)
    for s in positives:
        by_group[s.row["source_id"]].append(s)
    group_recall = sorted(sum(s.flagged(check, concern) for s in g) / len(g) for g in by_group.values()
                          if len(g) >= 5)
    return {
        "recall": recall,
        "immediate": sum(s.flagged(check, concern) for s in immediate) / len(immediate),
        "immediate as immediate": sum(s.severity(check, concern, urgent) == "immediate"
                                      for s in immediate) / len(immediate),
        "concern disclosures as immediate": sum(
            s.severity(check, concern, urgent) == "immediate" for s in positives
            if s.row.get("severity") != "immediate") / max(1, len(positives) - len(immediate)),
        "precision@40%": caught / (caught + (1 - PREVALENCE) * false_rate) if caught else 0.0,
        "ordinary flagged": false_rate,
        "consultation comments flagged": _share(consultation, check, concern),
        "hard negatives flagged": _share(hard, check, concern),
        "near-miss comments flagged": _share(near_miss, check, concern),
        "ordinary as immediate": sum(s.severity(check, concern, urgent) == "immediate"
                                     for s in negatives) / len(negatives),
        "worst group recall": group_recall[0] if group_recall else 1.0,
        "groups under 0.9": sum(r < 0.9 for r in group_recall) / max(1, len(group_recall)),
    }


# Retired blind sets no rule was written from (A-F's misses shaped the rules; G-N's did not).
ONCE_BLIND = "ghijklmn"


def once_blind_texts() -> set[str]:
    """The texts of retired blind sets G-N: written by people who never saw the screen, so the
    slice of the folds closest to wording nobody has seen. The thresholds hold recall here."""
    return {json.loads(line)["text"] for x in ONCE_BLIND
            for line in (SCREEN_DATA / f"retired_blind_{x}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()}


def once_blind(scored: list[Scored]) -> list[Scored]:
    """The scored texts of retired blind sets G-N (see once_blind_texts)."""
    texts = once_blind_texts()
    return [s for s in scored if s.row["text"] in texts]


def print_once_blind(scored: list[Scored]) -> None:
    retired = once_blind(scored)
    print(f"once-blind texts (retired blind sets G-N, {len(retired)} texts), out of fold:")
    for check, concern in ((0.25, 0.35), (0.3, 0.35), (0.3, 0.4), (0.4, 0.43), (0.5, 0.52)):
        print(f"  check {check:.2f} concern {concern:.2f}: " + "  ".join(
            f"{k} {v:.3f}" for k, v in summary(retired, check, concern).items()))


def is_consultation(row: dict) -> bool:
    """Comments from published consultations and surveys, as an officer's export holds them."""
    return row["source_id"].startswith("consult-")


def is_near_miss(row: dict) -> bool:
    """Ordinary comments on the topics of disclosures: idioms, resolved or safe versions."""
    return row["source_id"].startswith("nearmiss-")


def _share(scored: list[Scored], check: float, concern: float) -> float:
    return sum(s.flagged(check, concern) for s in scored) / len(scored) if scored else 0.0


def group_table(scored: list[Scored], check: float, concern: float) -> list[str]:
    """One line per source group: its size, and the share flagged (recall or false flags)."""
    by_group: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        by_group[s.row["source_id"]].append(s)
    lines = []
    for name, group in sorted(by_group.items()):
        pos = [s for s in group if s.row["flag"]]
        neg = [s for s in group if not s.row["flag"]]
        parts = []
        if pos:
            parts.append(f"recall {sum(s.flagged(check, concern) for s in pos)}/{len(pos)}")
        if neg:
            parts.append(f"false flags {sum(s.flagged(check, concern) for s in neg)}/{len(neg)}")
        lines.append(f"  {name:40s} {'  '.join(parts)}")
    return lines


def misses(scored: list[Scored], check: float, concern: float) -> list[str]:
    """One line per disclosure missed, and per immediate one given a lesser severity."""
    lines = []
    for s in scored:
        got = s.severity(check, concern)
        want = s.row.get("severity")
        if s.row["flag"] and (got == "none" or want == "immediate" and got != "immediate"):
            lines.append(f"  {want}->{got} p={s.probability:.2f} rules={s.rules} "
                         f"[{s.row.get('category')}->{s.category}] {s.row['source_id']}: {s.row['text']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--groups", action="store_true", help="print every source group")
    parser.add_argument("--misses", action="store_true",
                        help="print missed disclosures and immediate ones screened less urgent")
    parser.add_argument("--false-flags", action="store_true", help="print flagged ordinary texts")
    args = parser.parse_args()
    rows = all_rows()
    scored = out_of_fold(rows, args.folds)
    groups = len({row["source_id"] for row in rows})
    print(f"{len(rows)} texts, {groups} source groups, {args.folds} folds by source group")
    rules_only = summary(scored, check=2.0)
    print("rules alone: " + "  ".join(f"{k} {v:.3f}" for k, v in rules_only.items()))
    for concern in (0.35, 0.43, 0.52, 0.55, 0.6, 0.7, 0.8, 0.9, 2.0):
        for check in (0.25, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
            if check > concern:
                continue
            print(f"check {check:.2f} concern {concern:.2f}: " + "  ".join(
                f"{k} {v:.3f}" for k, v in summary(scored, check, concern).items()))
    print_once_blind(scored)
    for override in (0.8, 0.85, 0.9, 0.95):
        shifted = [Scored(s.row, s.rules, s.probability, s.signal, s.explained and s.probability < override)
                   for s in scored]
        print(f"negation cue outweighed at {override:.2f}: " + "  ".join(
            f"{k} {v:.3f}" for k, v in summary(shifted, CHECK_THRESHOLD).items() if "immediate" not in k))
    for urgent in (0.6, 0.7, 0.8, 0.9, 2.0):
        print(f"severity score {urgent:.2f}: " + "  ".join(f"{k} {v:.3f}" for k, v in summary(
            scored, CHECK_THRESHOLD, CONCERN_THRESHOLD, urgent).items() if "immediate" in k))
    # The model with no rules and no gate: the honest part, since no rule was written for it.
    alone = [Scored(s.row, False, s.probability, True, False, category=s.category,
                    urgency=s.urgency) for s in scored]
    for check in (0.3, 0.5, 0.7):
        print(f"model alone {check:.2f}: " + "  ".join(
            f"{k} {v:.3f}" for k, v in summary(alone, check).items()))
    if args.groups:
        print(f"by source group at check {CHECK_THRESHOLD}, concern {CONCERN_THRESHOLD}:")
        print("\n".join(group_table(scored, CHECK_THRESHOLD, CONCERN_THRESHOLD)))
    if args.misses:
        print("\n".join(misses(scored, CHECK_THRESHOLD, CONCERN_THRESHOLD)))
    if args.false_flags:
        print("\n".join(f"  none->{s.severity(CHECK_THRESHOLD)} p={s.probability:.2f} rules={s.rules} "
                        f"{s.row['source_id']}: {s.row['text']}" for s in scored
                        if not s.row["flag"] and s.flagged(CHECK_THRESHOLD)))


if __name__ == "__main__":
    main()
