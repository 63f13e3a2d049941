"""Screen every development text clean and rewritten in other registers, out of fold.

    python -m engage.analysis.screen.robustness [--folds 10] [--changes]

The folds are calibrate's (whole source groups held out); each held-out text is screened as
written and after each transform in screen.registers (caps lock, no punctuation, voice-to-text,
autocorrect slips, translation-app English). The screen should flag a rewritten text as it flags
the text itself: the figures say how far it does. Blind sets are never read.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

from engage.analysis.evaluation.intervals import Proportion
from engage.analysis.screen.calibrate import FOLDS, fold_of, is_consultation, once_blind_texts
from engage.analysis.screen.corpus import all_rows
from engage.analysis.screen.registers import TRANSFORMS
from engage.analysis.screen.screener import build

CLEAN = "clean"


def screen_out_of_fold(rows: list[dict], folds: int = FOLDS) -> dict[str, list]:
    """Return, for the clean texts and each transform, every row's Screening out of fold."""
    fold = [fold_of(row, folds) for row in rows]
    versions = {CLEAN: [row["text"] for row in rows]}
    versions.update({name: [transform(row["text"]) for row in rows] for name, transform in TRANSFORMS.items()})
    out: dict[str, list] = {name: [None] * len(rows) for name in versions}
    for k in range(folds):
        screener = build([r for r, f in zip(rows, fold, strict=True) if f != k])
        for i in range(len(rows)):
            if fold[i] == k:
                for name, texts in versions.items():
                    out[name][i] = screener.screen(texts[i])
    return out


def figures(rows: list[dict], screened: list) -> dict[str, Proportion]:
    """Recall, immediate caught and screened "immediate", ordinary flagged (all, consultation)."""
    pos = [s for r, s in zip(rows, screened, strict=True) if r["flag"]]
    imm = [s for r, s in zip(rows, screened, strict=True) if r["flag"] and r.get("severity") == "immediate"]
    neg = [s for r, s in zip(rows, screened, strict=True) if not r["flag"]]
    consult = [s for r, s in zip(rows, screened, strict=True) if not r["flag"] and is_consultation(r)]
    return {
        "disclosures flagged": Proportion(sum(s.flag for s in pos), len(pos)),
        "immediate flagged": Proportion(sum(s.flag for s in imm), len(imm)),
        "immediate as immediate": Proportion(sum(s.severity == "immediate" for s in imm), len(imm)),
        "ordinary flagged": Proportion(sum(s.flag for s in neg), len(neg)),
        "consultation flagged": Proportion(sum(s.flag for s in consult), len(consult)),
        "ordinary as immediate": Proportion(sum(s.severity == "immediate" for s in neg), len(neg)),
    }


def changes(rows: list[dict], clean: list, other: list) -> dict[str, int]:
    """How a transform moved each text against its clean form."""
    moved: dict[str, int] = defaultdict(int)
    for row, a, b in zip(rows, clean, other, strict=True):
        if row["flag"]:
            moved["disclosures lost"] += a.flag and not b.flag
            moved["disclosures gained"] += b.flag and not a.flag
            if row.get("severity") == "immediate":
                moved["immediate lost 'immediate'"] += a.severity == "immediate" and b.severity != "immediate"
        else:
            moved["ordinary newly flagged"] += b.flag and not a.flag
            moved["ordinary no longer flagged"] += a.flag and not b.flag
    return dict(moved)


def report(rows: list[dict], out: dict[str, list], show_changes: bool = False) -> list[str]:
    lines = []
    slices = {"all development texts": [True] * len(rows)}
    retired = once_blind_texts()
    slices["G-N (once blind)"] = [row["text"] in retired for row in rows]
    for slice_name, keep in slices.items():
        sub = [r for r, k in zip(rows, keep, strict=True) if k]
        lines.append(f"{slice_name} ({len(sub)} texts):")
        clean = [s for s, k in zip(out[CLEAN], keep, strict=True) if k]
        for name, screened in out.items():
            part = [s for s, k in zip(screened, keep, strict=True) if k]
            lines.append(f"  {name}:")
            lines += [f"    {key:24s} {value}" for key, value in figures(sub, part).items()]
            if name != CLEAN:
                lines.append("    moved against clean: " + ", ".join(
                    f"{k} {v}" for k, v in sorted(changes(sub, clean, part).items())))
    if show_changes:
        for name, screened in out.items():
            if name == CLEAN:
                continue
            for row, a, b in zip(rows, out[CLEAN], screened, strict=True):
                urgent = row["flag"] and row.get("severity") == "immediate"
                if a.flag != b.flag or urgent and (a.severity == "immediate") != (b.severity == "immediate"):
                    lines.append(f"  [{name}] {row['flag'] and row.get('severity')} {a.severity}->{b.severity}"
                                 f" {row['source_id']}: {TRANSFORMS[name](row['text'])[:220]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--changes", action="store_true", help="print every text a transform moved")
    parser.add_argument("--dump", help="write every text's severity per version to this JSON file"
                        " (to compare two versions of the screen text by text)")
    args = parser.parse_args()
    rows = all_rows()
    print(f"{len(rows)} texts, {args.folds} folds by source group; transforms: {', '.join(TRANSFORMS)}")
    out = screen_out_of_fold(rows, args.folds)
    print("\n".join(report(rows, out, args.changes)))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            json.dump({name: [s.severity for s in screened] for name, screened in out.items()}, handle)


if __name__ == "__main__":
    main()
