"""Turn the summary's overview into what the page shows: cells in words, marks in words."""
from __future__ import annotations

from engage.results.labels import AUDIENCE_LABELS, points


def cell_text(cell: dict | None, threshold_label: str) -> dict:
    """Return one audience's cell: the share, its interval, and the change in words."""
    if cell is None:
        return {"asked": False}
    share = cell["share"]
    if share is None:
        return {"asked": True, "share": threshold_label}
    change = cell["change"]
    return {"asked": True, "share": f"{share['percent']}%",
            "detail": f"{share['low']} to {share['high']}%, {share['n']:,} answered",
            "change": change_text(change) if change else None,
            "significant": bool(change and change.get("significant"))}


def change_text(change: dict) -> str:
    """Say a change since the last wave, and whether it is more than chance."""
    moved = change["points"]
    way = "up" if moved > 0 else "down" if moved < 0 else "no change"
    amount = f"{way} {points(abs(moved))}" if moved else way
    mark = "significant" if change.get("significant") else "could be chance"
    return f"{amount} since last time ({change['before']}%), {mark}"


def sections(summary: dict) -> list[dict]:
    """Return the overview of each value, ready for the template (labels, never ids)."""
    label = summary["suppression"]["label"]
    audiences = [a for a in AUDIENCE_LABELS if any(a in r["cells"] for v in summary["overview"]
                                                   for r in v["headlines"])]
    out = []
    for value in summary["overview"]:
        rows = [{"question": r["question"], "kind": r["kind"],
                 "others": [(AUDIENCE_LABELS[a], w) for a, w in r["wording"].items() if w != r["question"]],
                 "cells": [cell_text(r["cells"].get(a), label) if a in r["cells"] else {"asked": False}
                           for a in audiences]} for r in value["headlines"]]
        quotes = [(AUDIENCE_LABELS[a], q) for a, q in value["quotes"].items()]
        out.append({**value, "rows": rows, "audiences": [AUDIENCE_LABELS[a] for a in audiences],
                    "quotes": quotes, "draft": "\n".join(value["stand_out"]),
                    "mood": mood(value["sentiment"])})
    return out


def mood(sentiment: dict) -> str | None:
    """Say the mean sentiment of comments in words (None when too few comments)."""
    mean = sentiment.get("mean")
    if mean is None:
        return None
    words = "mostly positive" if mean >= 0.1 else "mostly negative" if mean <= -0.1 else "mixed"
    return f"The tone of {sentiment['comments']:,} comments was {words} (mean sentiment {mean:+.2f}, from -1 to 1)."
