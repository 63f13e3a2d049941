"""Pure summaries of counts the database has already aggregated (see results.queries).

The inputs are small tables of counts by group, never one row per answer, so a summary costs
the same whatever the number of responses once the database has counted. Every figure is the
one the long-frame pandas reference in the tests gives: the same protection, the same
rounding, the same order of rows.
"""
from __future__ import annotations

import json

import pandas as pd

from engage.definitions.variants import AUDIENCES, YOUNG
from engage.results.suppression import DEFAULT_THRESHOLD
from engage.results.tables import RATHER_NOT, hide_small, people_records

# Where each breakdown's group is found in the aggregated tables.
COLUMNS = {"audience": "audience", "age_band": "age_band", "school": "school", "area": "area_id",
           "priority_group": "priority_group", "channel": "channel", "language": "language"}


def priority_groups(raw) -> str:
    """Return a priority-groups answer (JSON text of a list) as "a|b", without "rather not say"."""
    picked = json.loads(raw) if isinstance(raw, str) and raw else raw
    if not isinstance(picked, list):  # no answer: NULL, JSON null or NaN
        return ""
    return "|".join(x for x in picked if x != RATHER_NOT)


def with_groups(table: pd.DataFrame) -> pd.DataFrame:
    """Add audience, age band and the joined priority groups to a table with variant and groups."""
    out = table.copy()
    out["audience"] = out["variant"].map(AUDIENCES)
    out["age_band"] = out["variant"].where(out["variant"].isin(YOUNG))
    out["priority_groups"] = out["groups"].map(priority_groups) if len(out) else ""
    return out


def grouped(table: pd.DataFrame, grouping: str) -> tuple[pd.DataFrame, str]:
    """Return the table ready to group by one breakdown (priority groups exploded, none dropped)."""
    if grouping != "priority_group":
        return table, COLUMNS[grouping]
    exploded = table.assign(priority_group=table["priority_groups"].str.split("|")).explode("priority_group")
    return exploded.loc[exploded["priority_group"] != ""], "priority_group"


def who_took_part(people: pd.DataFrame, grouping: str, threshold: int = DEFAULT_THRESHOLD) -> list[dict]:
    """Count respondents by group and audience, protected with secondary suppression."""
    rows, column = grouped(people, grouping)
    # astype(object): a breakdown nobody gave (all empty) is read as floats, which take no label.
    table = (rows.assign(row=rows[column].astype(object).fillna("not known")).groupby(["row", "audience"])["n"].sum()
             .unstack(fill_value=0).astype("int64"))
    return people_records(table, grouping, threshold)


def theme_counts(closed: pd.DataFrame, said: pd.Series, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Join closed-question counts (responses, answers) with comment counts by theme; hide small."""
    counts = closed[["responses", "answers"]].join(said.rename("comments"), how="outer")
    counts = counts.fillna(0).astype("int64")
    counts.index = counts.index.astype(str)
    return hide_small(counts, threshold)


def value_counts(values: pd.DataFrame, comments: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Count responses, answers and comments for each value."""
    closed = values.groupby("value_id")[["responses", "answers"]].sum()
    return theme_counts(closed, comments.groupby("value_id")["comments"].sum(), threshold)


def subtheme_counts(subthemes: pd.DataFrame, comments: pd.DataFrame,
                    threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Count responses, answers and comments for each sub-theme."""
    said = comments.dropna(subset=["subtheme_id"]).groupby("subtheme_id")["comments"].sum()
    return theme_counts(subthemes.set_index("subtheme_id"), said, threshold)


def value_by_group(values: pd.DataFrame, grouping: str, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Net agreement across each value's scale items, for each group with enough people."""
    scales = values.loc[values["scale_answers"] > 0]
    rows, column = grouped(scales, grouping)
    rows = rows.dropna(subset=[column])
    if rows.empty:
        return pd.DataFrame()
    sums = rows.groupby([column, "value_id"])[["scale_people", "scale_answers", "score"]].sum()
    people = sums["scale_people"].unstack(fill_value=0)
    net = (sums["score"] / sums["scale_answers"] * 100).round(1).unstack()
    return net.where(people >= threshold)


def mean_sentiment(comments: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> dict[str, dict]:
    """Mean polarity of each value's comments, shown only for enough comments."""
    result = {}
    for value_id, group in comments.groupby("value_id"):
        n = int(group["rated"].sum())
        # Sums added up in a different order (batch by batch, or all at once) differ in the last
        # bits; rounding the sum first keeps a mean on a rounding edge the same both ways.
        mean = round(round(float(group["polarity"].sum()), 9) / n, 3) if n >= threshold else None
        result[str(int(value_id))] = {"comments": n if n >= threshold else None, "mean": mean}
    return result


def answer_counts(cells: pd.DataFrame, kinds: dict[str, str]) -> pd.Series:
    """Count answers by item, audience and answer value (multi choices exploded), from cells.

    kinds maps each closed, non-profile item to its type; other items are left out.
    """
    closed = cells.loc[cells["item_key"].isin(list(kinds))].assign(audience=lambda c: c["variant"].map(AUDIENCES))
    kind = closed["item_key"].map(kinds)
    multi = kind.isin(("multi", "top3"))
    # A ranked ballot stores its places as a list; like the ballot results, count 1st choices.
    ranked = (kind == "ballot") & closed["choices"].map(_choices).notna()
    single = closed.loc[~multi & ~ranked, ["item_key", "audience", "value", "n"]]
    picked = closed.loc[multi, ["item_key", "audience", "choices", "n"]]
    picked = picked.assign(value=picked["choices"].map(_choices)).explode("value")
    firsts = closed.loc[ranked, ["item_key", "audience", "choices", "n"]]
    firsts = firsts.assign(value=firsts["choices"].map(_first_choice))
    parts = [single, picked.drop(columns="choices"), firsts.drop(columns="choices")]
    both = pd.concat(parts).dropna(subset=["value"])
    return both.groupby(["item_key", "audience", "value"])["n"].sum()


def _choices(raw) -> list | None:
    picked = json.loads(raw) if isinstance(raw, str) and raw else None
    return picked if isinstance(picked, list) else None


def _first_choice(raw) -> str | None:
    picked = _choices(raw)
    return picked[0] if picked else None


def answered_counts(cells: pd.DataFrame) -> pd.Series:
    """Count respondents who answered each item, by audience (one answer per item and response)."""
    return cells.assign(audience=cells["variant"].map(AUDIENCES)).groupby(["item_key", "audience"])["n"].sum()


def scale_table(cells: pd.DataFrame, scale_keys: list[str]) -> pd.DataFrame:
    """Return scale items (rows) by answer value (columns), over everyone who answered."""
    scales = cells.loc[cells["item_key"].isin(scale_keys)].dropna(subset=["value"])
    if scales.empty:
        return pd.DataFrame()
    return scales.groupby(["item_key", "value"])["n"].sum().unstack(fill_value=0)
