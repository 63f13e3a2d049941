"""Print recall and false flags at candidate thresholds, from source-grouped folds.

    python -m engage.analysis.screen.calibrate

Only the training part of the development corpus is used (the held-out sources and the
blind sets are not read), so the thresholds in screener.py are not tuned on any set used
to report the screen's figures.
"""

from __future__ import annotations

import zlib

from engage.analysis.screen.corpus import split
from engage.analysis.screen.facts import explained_away
from engage.analysis.screen.screener import build, has_signal, rule_hits
from engage.analysis.screen.spelling import clean

FOLDS = 5


def out_of_fold(rows: list[dict]) -> list[tuple[dict, bool, float, bool]]:
    """Return (row, rules fired, model probability, signal) with each fold trained on the others."""
    fold = [zlib.crc32(row["source_id"].encode()) % FOLDS for row in rows]
    out = []
    for k in range(FOLDS):
        screener = build([r for r, f in zip(rows, fold, strict=True) if f != k])
        for row, f in zip(rows, fold, strict=True):
            if f == k:
                norm = clean(row["text"])
                out.append((row, bool(rule_hits(norm)), screener.probability(norm),
                            has_signal(norm) and not explained_away(norm)))
    return out


def main() -> None:
    train, _ = split()
    scored = out_of_fold(train)
    positives = [s for s in scored if s[0]["flag"]]
    negatives = [s for s in scored if not s[0]["flag"]]
    print(f"rules alone: recall {sum(s[1] for s in positives) / len(positives):.3f} "
          f"false flags {sum(s[1] for s in negatives) / len(negatives):.3f}")
    for concern in (0.8,):
        for check in (0.4, 0.5, 0.6, 0.7, 0.8):
            def flagged(s, concern=concern, check=check):
                return s[1] or s[2] >= min(check, concern) and s[3]
            print(f"concern {concern:.1f} check {check:.1f}: recall "
                  f"{sum(map(flagged, positives)) / len(positives):.3f} false flags "
                  f"{sum(map(flagged, negatives)) / len(negatives):.3f}")


if __name__ == "__main__":
    main()
