"""Ballot results: individual votes and school tallies combined, without double counting.

The counting rule (docs/definitions.md, "Ballots"):
- every individual vote (answered online, at a kiosk, or typed in from a paper form) is a
  ballot answer, counted once, from the answers;
- a school's tally counts only the paper ballots the school counted itself and did not send
  in to be typed in; the workspace refuses a tally that repeats the school's individual votes;
- the headline is first preferences: a choose-one vote, the 1st choice of a ranked vote, or a
  tally's count for the option;
- ranked ballots also get points from individual votes (1st choice = N points, 2nd = N-1 ...
  for "rank up to N"); tallies carry first preferences only, so points never include them.
Pure functions over plain values; pandas only for the small-number protection of the table.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from engage.results.suppression import DEFAULT_THRESHOLD, label, protect

NO_SCHOOL = "No school given"


@dataclass(frozen=True)
class Vote:
    """One individual ballot: the options picked, 1st choice first, and the voter's school."""

    school: str | None
    picks: tuple[str, ...]


@dataclass(frozen=True)
class Tally:
    """One school's count of its own paper ballots: first preferences per option."""

    school: str
    ballots_cast: int
    votes: dict[str, int] = field(default_factory=dict)


def first_preferences(votes: list[Vote]) -> Counter:
    """Count the 1st choice of each individual vote, by option."""
    return Counter(v.picks[0] for v in votes if v.picks)


def points(votes: list[Vote], rank: int) -> Counter:
    """Score ranked votes: 1st choice gets `rank` points, 2nd `rank - 1`, and so on."""
    scores: Counter = Counter()
    for vote in votes:
        for place, option in enumerate(vote.picks[:rank]):
            scores[option] += rank - place
    return scores


def combine(votes: list[Vote], tallies: list[Tally], options: list[str],
            rank: int | None = None, threshold: int = DEFAULT_THRESHOLD) -> dict:
    """Return the combined result by option, most first preferences first, and the ballots."""
    online = first_preferences(votes)
    paper: Counter = Counter()
    for tally in tallies:
        paper.update({k: v for k, v in tally.votes.items() if k in options})
    scores = points(votes, rank) if rank else None
    ballots = {"individual": len(votes), "tallied": sum(t.ballots_cast for t in tallies)}
    ballots["total"] = ballots["individual"] + ballots["tallied"]
    rows = [{"option": o, "individual": online[o], "tallied": paper[o], "total": online[o] + paper[o],
             "points": scores[o] if scores is not None else None,
             "share": _share(online[o] + paper[o], ballots["total"])} for o in options]
    rows.sort(key=lambda r: (-r["total"], -(r["points"] or 0), options.index(r["option"])))
    hidden = 0 < ballots["total"] < threshold
    if hidden:
        return {"options": [_hide(r, threshold) for r in rows], "ballots": ballots, "hidden": True}
    return {"options": _protected(rows, threshold), "ballots": ballots, "hidden": False}


def _protected(rows: list[dict], threshold: int) -> list[dict]:
    """Protect the options table with the rule every table of a consultation follows (suppression.protect)."""
    table = pd.DataFrame([[r["individual"], r["tallied"]] for r in rows], index=[r["option"] for r in rows],
                         columns=["individual", "tallied"])
    shown = {rec["row"]: rec for rec in protect(table, threshold).records()}
    out = []
    for row in rows:
        rec = shown[row["option"]]
        exact = isinstance(rec["Total"], int)
        out.append({**row, "individual": rec["individual"], "tallied": rec["tallied"], "total": rec["Total"],
                    # Points and shares would give a hidden total away.
                    "points": row["points"] if exact or row["points"] is None else label(threshold),
                    "share": row["share"] if exact else None})
    return out


def _share(count: int, total: int) -> float | None:
    return round(100 * count / total, 1) if total else None


def _hide(row: dict, threshold: int) -> dict:
    """Too few ballots in all: show which options there were, not how people voted."""
    small = label(threshold)
    return {**row, "individual": small, "tallied": small, "total": small,
            "points": None if row["points"] is None else small, "share": None}


def by_school(votes: list[Vote], tallies: list[Tally], options: list[str],
              threshold: int = DEFAULT_THRESHOLD) -> list[dict]:
    """First preferences by school (individual and tallied together), small numbers protected."""
    counts: dict[str, Counter] = {}
    for vote in votes:
        if vote.picks:
            counts.setdefault(vote.school or NO_SCHOOL, Counter())[vote.picks[0]] += 1
    for tally in tallies:
        counts.setdefault(tally.school, Counter()).update(
            {k: v for k, v in tally.votes.items() if k in options})
    if not counts:
        return []
    table = pd.DataFrame([[counts[s][o] for o in options] for s in sorted(counts)],
                         index=sorted(counts), columns=options)
    return protect(table, threshold).records()
