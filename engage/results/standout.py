"""Draft "what stands out" for one value, in plain words, from the overview's figures.

A draft for the officer to edit and carry into the plan: every sentence says who, what and how
many, and only what the figures support (significant differences and changes, the lowest share,
the phrase said most often).
"""
from __future__ import annotations

from engage.results.labels import AUDIENCE_WORDS


def in_ten(percent: int) -> str:
    """Say a share the way people say it: "6 in 10" (under 5%: "fewer than 1 in 10")."""
    return f"{round(percent / 10)} in 10" if percent >= 5 else "fewer than 1 in 10"


def quoted(text: str) -> str:
    """Put a question in quotation marks, without its own full stop."""
    return f"\u201c{text.rstrip('.')}\u201d"


def _difference(d: dict, short: str) -> str:
    direction = "less" if d["points"] < 0 else "more"
    return (f"{d['name']}: {d['percent']}% agreed with the {short} questions, "
            f"{abs(d['points'])} points {direction} than everyone else ({d['others']}%).")


def _changes(value: dict) -> list[str]:
    found = []
    for row in value["headlines"]:
        for audience, cell in row["cells"].items():
            change = cell["change"]
            if change and change.get("significant"):
                way = "up" if change["points"] > 0 else "down"
                found.append((abs(change["points"]),
                              f"{quoted(row['wording'][audience])}: {cell['share']['percent']}% of "
                              f"{AUDIENCE_WORDS[audience]} {row['kind']}, {way} from {change['before']}% last time."))
    return [text for _, text in sorted(found, reverse=True)[:2]]


def _lowest(value: dict) -> str | None:
    shown = [(cell["share"]["percent"], row, a) for row in value["headlines"]
             for a, cell in row["cells"].items() if cell["share"]]
    if not shown:
        return None
    percent, row, audience = min(shown, key=lambda s: s[0])
    return (f"Lowest: {in_ten(percent)} {AUDIENCE_WORDS[audience]} ({percent}%) {row['kind']} "
            f"{quoted(row['wording'][audience])}.")


def stand_out(value: dict) -> list[str]:
    """Return up to five plain sentences about one value, the strongest first."""
    lines = [_difference(d, value["short"]) for d in value["differences"][:3]]
    lines += _changes(value)
    lowest = _lowest(value)
    if lowest:
        lines.append(lowest)
    if value["phrases"]:
        top = value["phrases"][0]
        lines.append(f"Said most often: \u201c{top['phrase']}\u201d ({top['count']} comments).")
    return lines[:5]
