"""Pure tables of the summary: one item's distribution, net agreement, recurring phrases, quotes, change.

Every function takes small DataFrames (and plain values) and returns a DataFrame or plain data;
none reads the database. Counts come out protected (see suppression) wherever they are
shown, and quotes are taken only from groups with enough respondents to hide in.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from engage.analysis import phrases
from engage.definitions.choices import RATHER_NOT, SCALE_VALUES, YESNO_VALUES
from engage.definitions.variants import AUDIENCE_ORDER
from engage.results.suppression import DEFAULT_THRESHOLD, protect, share

SCALE = list(SCALE_VALUES)
POSITIVE, NEGATIVE = ("5", "4"), ("2", "1")
YESNO = list(YESNO_VALUES)
AUDIENCE_ORDER = list(AUDIENCE_ORDER)


def hide_small(counts: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Hide counts under the threshold in a table whose cells do not add up to anything."""
    shown = counts.astype(object)
    return shown.mask((counts > 0) & (counts < threshold), f"fewer than {threshold}")


def options_of(item_type: str, option_ids: list[str]) -> list[str]:
    """Return the answer values of an item in display order."""
    if item_type == "scale":
        return SCALE + [RATHER_NOT]
    if item_type == "yesno":
        return YESNO + [RATHER_NOT]
    return list(option_ids) + [RATHER_NOT]


def distribution(counts: pd.Series, item_key: str, item_type: str, option_ids: list[str],
                 groups: list[str]) -> pd.DataFrame:
    """Return one item's counts: groups (rows) by answer value (columns), in display order."""
    keys = counts.index.get_level_values(0)
    table = counts.loc[item_key].unstack(fill_value=0) if item_key in keys else pd.DataFrame()
    columns = [c for c in options_of(item_type, option_ids) if c in table.columns or c != RATHER_NOT]
    return table.reindex(index=groups, columns=columns, fill_value=0).fillna(0).astype("int64")


def net_agreement(row: pd.Series, threshold: int = DEFAULT_THRESHOLD) -> float | None:
    """Return (agree - disagree) / answered, excluding "rather not say", as a percentage."""
    base = int(sum(row.get(v, 0) for v in SCALE))
    positive = sum(row.get(v, 0) for v in POSITIVE)
    negative = sum(row.get(v, 0) for v in NEGATIVE)
    return share(int(positive - negative), base, threshold)


def item_summary(counts: pd.Series, answered: pd.Series, item_key: str, item_type: str,
                 option_ids: list[str], groups: list[str],
                 threshold: int = DEFAULT_THRESHOLD) -> dict:
    """Summarise one item by group: protected counts, respondents, and net agreement."""
    table = distribution(counts, item_key, item_type, option_ids, groups)
    if item_type in ("multi", "top3"):
        base = answered.loc[item_key] if item_key in answered.index.get_level_values(0) \
            else pd.Series(dtype="int64")
        rows = _multi_records(table, base, threshold)
    else:
        rows = protect(table, threshold).records()
    nets = {str(g): net_agreement(table.loc[g], threshold) for g in table.index} \
        if item_type == "scale" else {}
    return {"key": item_key, "type": item_type, "columns": [str(c) for c in table.columns],
            "rows": rows, "net_agreement": nets}


def _multi_records(table: pd.DataFrame, answered: pd.Series, threshold: int) -> list[dict]:
    """Multi-choice counts overlap, so no totals: small cells and small bases are hidden."""
    counts = table.assign(Answered=answered.reindex(table.index).fillna(0).astype("int64"))
    shown = hide_small(counts, threshold)
    return [{"row": str(g), **row.to_dict()} for g, row in shown.iterrows()]


def people_records(table: pd.DataFrame, grouping: str, threshold: int = DEFAULT_THRESHOLD) -> list[dict]:
    """Order a group x audience table of respondents and protect it as records."""
    table = table.reindex(columns=[a for a in AUDIENCE_ORDER if a in table.columns])
    if grouping == "audience":
        table = table.reindex([a for a in AUDIENCE_ORDER if a in table.index])
    if grouping == "priority_group":
        # People may be in several groups, so the rows do not add up: hide small cells only.
        return [{"row": str(g), **r.to_dict()} for g, r in hide_small(table, threshold).iterrows()]
    return protect(table, threshold).records()


PHRASE_SAMPLE = 3000  # part-of-speech tagging is slow: big sets are read through a sample


def recurring(comments: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD, top: int = 8,
              of: int | None = None) -> list[dict]:
    """Return phrases said by at least threshold people (fewer could identify someone).

    Over PHRASE_SAMPLE comments a fixed random sample is read, and "sample" says so; `of` is
    the number of comments the given ones were already sampled from, when they were.
    """
    sample = comments if len(comments) <= PHRASE_SAMPLE else comments.sample(PHRASE_SAMPLE,
                                                                             random_state=0)
    found = phrases.recurring_phrases(sample["text"].tolist(), top=top, min_count=threshold)
    return [{"phrase": p, "count": n, "sample": len(sample), "of": of or len(comments)} for p, n in found]


def rank_quotes(pool: pd.DataFrame, redact: Callable[[str], str], count: int = 3,
                common: list[str] = ()) -> list[dict]:
    """Rank candidate comments: readable length first, then how many common phrases they say."""
    if pool.empty:
        return []
    lowered = pool["text"].str.lower()
    score = sum(lowered.str.contains(p, regex=False).astype(int) for p in common) if common \
        else pd.Series(0, index=pool.index)
    length = pool["text"].str.len()
    readable = ((length >= 20) & (length <= 300)).astype(int)
    ranked = pool.assign(score=score, readable=readable).sort_values(
        ["readable", "score", "answer_id"], ascending=[False, False, True]).drop_duplicates("text")
    return [{"text": redact(row.text), "audience": row.audience, "variant": row.variant,
             "answer_id": int(row.answer_id), "response_id": int(row.response_id)}
            for row in ranked.head(count).itertuples()]


def change(now: dict[str, float | None], before: dict[str, float | None]) -> list[dict]:
    """Compare net agreement item by item with the previous wave (points of change)."""
    rows = []
    for key in sorted(set(now) & set(before)):
        a, b = now[key], before[key]
        rows.append({"item": key, "now": a, "before": b,
                     "change": round(a - b, 1) if a is not None and b is not None else None})
    return rows
