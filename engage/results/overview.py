"""The overview per value: headline questions side by side, change, groups that differ, what stands out.

Pure: from the summary's small count tables (already counted by the database) to plain dicts.
Every share is protected first (nothing from fewer than the threshold), then compared.
"""
from __future__ import annotations

import pandas as pd

from engage.definitions.survey import Item, Survey
from engage.definitions.variants import AUDIENCE_ORDER, AUDIENCES
from engage.results import stats
from engage.results.differences import differences
from engage.results.standout import stand_out

POSITIVE = {"scale": ("5", "4"), "yesno": ("yes",)}
ANSWERED = {"scale": ("5", "4", "3", "2", "1"), "yesno": ("yes", "no", "not_sure")}
SIGNIFICANCE = 0.05


def headline_items(survey: Survey, value_id: int, offered: set[str]) -> list[Item]:
    """Return a value's headline questions: indicators and questions asked of more than one audience."""
    found = []
    for item in survey.items():
        if item.value != value_id or item.profile or item.type not in POSITIVE:
            continue
        audiences = {AUDIENCES[v] for v in item.variants if v in offered}
        if audiences and (item.indicator or len(audiences) > 1):
            found.append(item)
    return found


def agreement(cells: pd.DataFrame) -> dict[tuple[str, str], tuple[int, int]]:
    """Count, per item and audience, positive answers and answers (agree or yes; "rather not say" left out)."""
    if cells.empty:
        return {}
    table = cells.assign(audience=cells["variant"].map(AUDIENCES))
    answered = table.loc[table["value"].isin(ANSWERED["scale"] + ANSWERED["yesno"])]
    positive = answered.loc[answered["value"].isin(POSITIVE["scale"] + POSITIVE["yesno"])]
    n = answered.groupby(["item_key", "audience"])["n"].sum()
    k = positive.groupby(["item_key", "audience"])["n"].sum().reindex(n.index, fill_value=0)
    return {key: (int(k[key]), int(n[key])) for key in n.index}


def share(k: int, n: int, threshold: int) -> dict | None:
    """Return a protected share with its Wilson interval (None: fewer than threshold answered)."""
    if n < threshold:
        return None
    low, high = stats.wilson(k, n)
    return {"percent": round(100 * k / n), "low": round(100 * low), "high": round(100 * high), "n": n}


# Whose wording names a row: the middle age band reads closest to how officers talk.
WORDING_ORDER = ("secondary", "post16", "primary", "parent", "professional")


def _row(item: Item, offered: set[str], now: dict, before: dict, threshold: int) -> dict:
    asked = {}
    for variant in sorted((v for v in item.variants if v in offered), key=WORDING_ORDER.index):
        asked.setdefault(AUDIENCES[variant], variant)
    cells = {}
    for audience in AUDIENCE_ORDER:
        if audience not in asked:
            continue
        k, n = now.get((item.id, audience), (0, 0))
        cells[audience] = {"share": share(k, n, threshold), "change": _change(k, n, before.get((item.id, audience)),
                                                                               threshold)}
    wording = {a: item.text[asked[a]] for a in AUDIENCE_ORDER if a in asked}
    return {"key": item.id, "question": item.text[next(iter(asked.values()))], "wording": wording,
            "kind": "agreed" if item.type == "scale" else "said yes", "cells": cells}


def _change(k: int, n: int, old: tuple[int, int] | None, threshold: int) -> dict | None:
    if old is None or n < threshold or old[1] < threshold:
        return None
    test = stats.two_proportion(k, n, *old)
    return {"before": round(100 * old[0] / old[1]), "points": round(100 * test.difference), "p": test.p}


def _correct_changes(values: list[dict]) -> None:
    """Mark a change significant only after Holm's correction over every change shown."""
    found = [c["change"] for v in values for r in v["headlines"] for c in r["cells"].values() if c["change"]]
    for change, adjusted in zip(found, stats.holm([c["p"] for c in found]), strict=True):
        change["adjusted_p"] = adjusted
        change["significant"] = adjusted < SIGNIFICANCE


def build(survey: Survey, framework, offered: set[str], cells: pd.DataFrame, previous: pd.DataFrame | None,
          values_table: pd.DataFrame, value_summaries: list[dict], names: dict[str, str], threshold: int) -> list[dict]:
    """Return the overview: one dict per value of the framework."""
    now, before = agreement(cells), agreement(previous) if previous is not None else {}
    found = differences(values_table, threshold, names)
    out = []
    for value, summary in zip(framework.values, value_summaries, strict=True):
        rows = [_row(i, offered, now, before, threshold) for i in headline_items(survey, value.id, offered)]
        out.append({"id": value.id, "short": value.short, "title": value.title, "headlines": rows,
                    "differences": [d for d in found if d["value_id"] == value.id],
                    "phrases": summary["phrases"], "quotes": summary.get("quotes_by_audience", {}),
                    "sentiment": summary["sentiment"], "subthemes": summary["subthemes"]})
    _correct_changes(out)
    for value in out:
        value["stand_out"] = stand_out(value)
    return out
