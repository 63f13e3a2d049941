"""Which priority groups and areas differ from everyone else, by a margin that matters and is not chance.

For each value, the share of agreeing answers to its scale questions in a group is compared with
the share among everyone else. Each person gives several answers, so the test counts people, not
answers (the group's share over its number of people): a difference is not made to look surer
because one person answered many questions. Groups or remainders with fewer people than the
threshold are left out before any test (suppression first); the p-values of every comparison
made are corrected together with Holm's method.
"""
from __future__ import annotations

import pandas as pd

from engage.definitions.choices import WHOLE_BOROUGH
from engage.results import stats

MEANINGFUL = 5  # percentage points: smaller differences are not reported as findings
SIGNIFICANCE = 0.05
TEST_NOTE = ("Each group is compared with everyone else who answered, on the share of agreeing answers to "
             "the value's questions: a two-proportion z-test counting people (not answers), with Holm's "
             "correction for the number of comparisons, and 95% Wilson intervals. A difference is shown "
             f"when it is at least {MEANINGFUL} percentage points and significant at the 5% level after correction.")
FIGURES = ["scale_people", "scale_answers", "positive"]


def _group_tables(values: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Sum the figures by group for each grouping (priority groups: one row per group a person is in)."""
    scales = values.loc[values["scale_answers"] > 0]
    groups = scales.assign(priority_group=scales["priority_groups"].str.split("|")).explode("priority_group")
    groups = groups.loc[groups["priority_group"].fillna("") != ""]
    # Working across the whole borough is not an area to compare with the others.
    areas = scales.dropna(subset=["area_id"]).loc[lambda t: t["area_id"] != WHOLE_BOROUGH]
    return {"priority_group": groups.groupby(["priority_group", "value_id"])[FIGURES].sum(),
            "area": areas.groupby(["area_id", "value_id"])[FIGURES].sum()}


def _comparisons(values: pd.DataFrame, threshold: int) -> list[dict]:
    if values.empty or "positive" not in values:
        return []
    everyone = values.loc[values["scale_answers"] > 0].groupby("value_id")[FIGURES].sum()
    found = []
    for grouping, table in _group_tables(values).items():
        for (group, value_id), row in table.iterrows():
            rest = everyone.loc[value_id] - row
            if min(row["scale_people"], rest["scale_people"]) < threshold:
                continue
            found.append(_compare(grouping, group, int(value_id), row, rest))
    return found


def _compare(grouping: str, group: str, value_id: int, row: pd.Series, rest: pd.Series) -> dict:
    p_group, p_rest = row["positive"] / row["scale_answers"], rest["positive"] / rest["scale_answers"]
    people, others = int(row["scale_people"]), int(rest["scale_people"])
    test = stats.two_proportion(round(p_group * people), people, round(p_rest * others), others)
    low, high = stats.wilson(round(p_group * people), people)
    return {"grouping": grouping, "group": str(group), "value_id": value_id, "people": people,
            "percent": round(100 * p_group), "low": round(100 * low), "high": round(100 * high),
            "others": round(100 * p_rest), "points": round(100 * (p_group - p_rest)), "p": test.p}


def differences(values: pd.DataFrame, threshold: int, names: dict[str, str]) -> list[dict]:
    """Return the meaningful, significant differences, largest first, each with its group's name."""
    found = _comparisons(values, threshold)
    for row, adjusted in zip(found, stats.holm([r["p"] for r in found]), strict=True):
        row["adjusted_p"] = adjusted
        name = names.get(row["group"], row["group"])
        row["name"] = f"{name} area" if row["grouping"] == "area" else name
    kept = [r for r in found if r["adjusted_p"] < SIGNIFICANCE and abs(r["points"]) >= MEANINGFUL]
    return sorted(kept, key=lambda r: -abs(r["points"]))
