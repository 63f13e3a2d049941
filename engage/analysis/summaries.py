"""Pure summaries of the long answers frame: by value, by item, by group, over time.

Every function takes DataFrames (and plain values) and returns a DataFrame or plain data;
none reads the database. Counts come out protected (see suppression) wherever they are
shown, and quotes are taken only from groups with enough respondents to hide in.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from engage.analysis import phrases
from engage.analysis.suppression import DEFAULT_THRESHOLD, protect, share

SCALE = ["5", "4", "3", "2", "1"]
POSITIVE, NEGATIVE = ("5", "4"), ("2", "1")
RATHER_NOT = "rather_not"
YESNO = ["yes", "no", "not_sure"]
AUDIENCE_ORDER = ["young", "parent", "professional"]
GROUPINGS = {"age_band": "age_band", "school": "school", "area": "area_id",
             "priority_group": "priority_group", "audience": "audience"}


def content(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop "about you" answers: they describe who answered, not what they think."""
    return frame.loc[frame["profile"] == ""]


def value_counts(frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Count responses, answers and comments for each value; small counts hidden."""
    return _theme_counts(content(frame), "value_id", "tag_value_id", threshold)


def subtheme_counts(frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Count responses, answers and comments for each sub-theme; small counts hidden."""
    return _theme_counts(content(frame), "subtheme_id", "tag_subtheme_id", threshold)


def _theme_counts(frame: pd.DataFrame, item_col: str, tag_col: str, threshold: int) -> pd.DataFrame:
    closed = frame.loc[frame["item_type"] != "text"]
    counts = closed.groupby(item_col).agg(responses=("response_id", "nunique"),
                                          answers=("answer_id", "size"))
    comments = _comments(frame)
    theme = comments[tag_col].fillna(comments[item_col]) if tag_col in comments else comments[item_col]
    theme = theme.astype(frame[item_col].dtype) if len(theme) else theme
    said = comments.groupby(theme)["answer_id"].size().rename("comments")
    counts = counts.join(said, how="outer").fillna(0).astype("int64")
    counts.index = counts.index.astype(str)
    return hide_small(counts, threshold)


def _comments(frame: pd.DataFrame) -> pd.DataFrame:
    """Free-text answers that carry text (flagged ones have none by now)."""
    return frame.loc[(frame["item_type"] == "text") & frame["text"].notna()]


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


def answer_counts(frame: pd.DataFrame, by: str = "audience") -> pd.Series:
    """Count answers by item, group and answer value in one pass (multi choices exploded)."""
    closed = content(frame).loc[lambda f: f["item_type"] != "text"]
    multi = closed["item_type"].isin(("multi", "top3"))
    single = closed.loc[~multi, ["item_key", by, "value"]]
    picked = closed.loc[multi, ["item_key", by, "choices"]].explode("choices")
    both = pd.concat([single, picked.rename(columns={"choices": "value"})])
    return both.dropna(subset=["value"]).groupby(["item_key", by, "value"]).size()


def answered_counts(frame: pd.DataFrame, by: str = "audience") -> pd.Series:
    """Count respondents who answered each item, by group."""
    return frame.groupby(["item_key", by])["response_id"].nunique()


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


def group_column(frame: pd.DataFrame, grouping: str) -> tuple[pd.DataFrame, str]:
    """Return the frame ready to group by one of GROUPINGS (priority groups exploded)."""
    if grouping == "priority_group":
        exploded = frame.assign(priority_group=frame["priority_groups"].str.split("|"))
        exploded = exploded.explode("priority_group")
        return exploded.loc[exploded["priority_group"] != ""], "priority_group"
    return frame, GROUPINGS[grouping]


def who_took_part(frame: pd.DataFrame, grouping: str, threshold: int = DEFAULT_THRESHOLD) -> list[dict]:
    """Count respondents by group and audience, protected with secondary suppression."""
    people, column = group_column(frame.drop_duplicates("response_id"), grouping)
    table = pd.crosstab(people[column].fillna("not known"), people["audience"])
    return people_records(table, grouping, threshold)


def people_records(table: pd.DataFrame, grouping: str, threshold: int = DEFAULT_THRESHOLD) -> list[dict]:
    """Order a group x audience table of respondents and protect it as records."""
    table = table.reindex(columns=[a for a in AUDIENCE_ORDER if a in table.columns])
    if grouping == "audience":
        table = table.reindex([a for a in AUDIENCE_ORDER if a in table.index])
    if grouping == "priority_group":
        # People may be in several groups, so the rows do not add up: hide small cells only.
        return [{"row": str(g), **r.to_dict()} for g, r in hide_small(table, threshold).iterrows()]
    return protect(table, threshold).records()


def value_by_group(frame: pd.DataFrame, grouping: str,
                   threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Net agreement across each value's scale items, for each group with enough people."""
    scales = content(frame).loc[lambda f: (f["item_type"] == "scale") & (f["value"] != RATHER_NOT)]
    scales, column = group_column(scales, grouping)
    if scales.empty:
        return pd.DataFrame()
    scored = scales.assign(score=scales["value"].map({"5": 1, "4": 1, "3": 0, "2": -1, "1": -1}))
    grouped = scored.groupby([column, "value_id"])
    people = grouped["response_id"].nunique().unstack(fill_value=0)
    net = (grouped["score"].mean() * 100).round(1).unstack()
    return net.where(people >= threshold)


def mean_sentiment(frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> dict[str, dict]:
    """Mean polarity of each value's comments, shown only for enough comments."""
    comments = _comments(frame)
    theme = comments["tag_value_id"].fillna(comments["value_id"]) if "tag_value_id" in comments \
        else comments["value_id"]
    result = {}
    for value_id, group in comments.groupby(theme.astype(int)):
        n = int(group["polarity"].notna().sum())
        mean = round(float(group["polarity"].mean()), 3) if n >= threshold else None
        result[str(value_id)] = {"comments": n if n >= threshold else None, "mean": mean}
    return result


def comments_for_value(frame: pd.DataFrame, value_id: int) -> pd.DataFrame:
    """Return the comments about one value (by tag, or by the question when untagged)."""
    comments = _comments(frame)
    if comments.empty:
        return comments
    theme = comments["tag_value_id"].fillna(comments["value_id"]).astype(int)
    return comments.loc[theme == value_id]


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


def quote_candidates(frame: pd.DataFrame, comments: pd.DataFrame,
                     threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Keep comments whose audience, and school when known, have at least threshold respondents."""
    people = frame.drop_duplicates("response_id")
    big_audiences = _groups_of_size(people, "audience", threshold)
    big_schools = _groups_of_size(people, "school_id", threshold)
    ok = comments["audience"].isin(big_audiences) & (
        comments["school_id"].isna() | comments["school_id"].isin(big_schools))
    return comments.loc[ok]


def _groups_of_size(people: pd.DataFrame, column: str, threshold: int) -> set:
    sizes = people[column].value_counts()
    return set(sizes[sizes >= threshold].index)


def quotes(frame: pd.DataFrame, comments: pd.DataFrame, redact: Callable[[str], str],
           threshold: int = DEFAULT_THRESHOLD, count: int = 3, common: list[str] = ()) -> list[dict]:
    """Pick representative comments: those that say the common phrases, of readable length."""
    return rank_quotes(quote_candidates(frame, comments, threshold), redact, count, common)


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


def net_by_item(frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> dict[str, float | None]:
    """Return each scale item's net agreement over everyone who answered it."""
    scales = frame.loc[frame["item_type"] == "scale"]
    table = pd.crosstab(scales["item_key"], scales["value"]) if not scales.empty else pd.DataFrame()
    return {str(k): net_agreement(row, threshold) for k, row in table.iterrows()}


def change(now: dict[str, float | None], before: dict[str, float | None]) -> list[dict]:
    """Compare net agreement item by item with the previous wave (points of change)."""
    rows = []
    for key in sorted(set(now) & set(before)):
        a, b = now[key], before[key]
        rows.append({"item": key, "now": a, "before": b,
                     "change": round(a - b, 1) if a is not None and b is not None else None})
    return rows
