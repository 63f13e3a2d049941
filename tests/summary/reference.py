"""The long-frame pandas reference: the summary computed from one row per answer.

The results wing counts in SQL (engage.results.queries, aggregates); this slow, obvious path
reads every answer into pandas and counts there, so tests can check both give the same figures.
"""
from __future__ import annotations

import gc

import pandas as pd
from sqlalchemy.orm import Session

from engage.definitions.survey import Survey
from engage.definitions.variants import AUDIENCES, YOUNG
from engage.models import TagSource
from engage.reports.layout import ANSWER_COLUMNS
from engage.results.answers import answers_query, tags_query
from engage.results.filters import Filters
from engage.results.suppression import DEFAULT_THRESHOLD
from engage.results.tables import RATHER_NOT, hide_small, net_agreement, people_records

TAG_COLUMNS = ["answer_id", "value_id", "subtheme_id", "source", "rank", "confidence"]
GROUPINGS = {"age_band": "age_band", "school": "school", "area": "area_id",
             "priority_group": "priority_group", "audience": "audience"}


def read_answers(session: Session, consultation_id: int) -> pd.DataFrame:
    """Run the answers query into a raw DataFrame."""
    # Millions of small objects make the cyclic GC rescan everything again and again while
    # the rows arrive; none of them can form cycles, so it is paused for the read.
    paused = gc.isenabled()
    gc.disable()
    try:
        # Core rows through the connection: the ORM's row processing adds nothing here.
        result = session.connection().execute(answers_query(consultation_id))
        return pd.DataFrame.from_records([tuple(r) for r in result], columns=ANSWER_COLUMNS)
    finally:
        if paused:
            gc.enable()


def read_tags(session: Session, consultation_id: int) -> pd.DataFrame:
    """Run the tags query into a raw DataFrame."""
    rows = session.connection().execute(tags_query(consultation_id)).all()
    return pd.DataFrame.from_records(rows, columns=TAG_COLUMNS)


def answers_frame(session: Session, consultation_id: int, survey: Survey) -> pd.DataFrame:
    """Return the enriched long frame of a consultation's submitted answers."""
    return enrich(read_answers(session, consultation_id), read_tags(session, consultation_id), survey)


def enrich(raw: pd.DataFrame, tags: pd.DataFrame, survey: Survey) -> pd.DataFrame:
    """Add audience, age band, priority groups, item type and each answer's tags."""
    frame = raw.copy()
    frame["flagged"] = frame["flagged"].astype(bool)
    frame["audience"] = frame["variant"].map(AUDIENCES)
    frame["age_band"] = frame["variant"].where(frame["variant"].isin(YOUNG))
    kinds = {i.id: (i.type, i.profile or "") for i in survey.items()}
    frame["item_type"] = frame["item_key"].map(lambda k: kinds.get(k, ("", ""))[0])
    frame["profile"] = frame["item_key"].map(lambda k: kinds.get(k, ("", ""))[1])
    frame = frame.merge(priority_groups(frame), on="response_id", how="left")
    frame["priority_groups"] = frame["priority_groups"].fillna("")
    return frame.merge(primary_tags(tags), on="answer_id", how="left")


def priority_groups(frame: pd.DataFrame) -> pd.DataFrame:
    """Return each response's self-identified priority groups, joined by "|"."""
    picked = frame.loc[frame["item_key"].isin(_profile_keys(frame, "priority_groups")),
                       ["response_id", "choices"]]
    joined = picked["choices"].map(lambda c: "|".join(x for x in (c or []) if x != "rather_not"))
    return pd.DataFrame({"response_id": picked["response_id"], "priority_groups": joined})


def _profile_keys(frame: pd.DataFrame, profile: str) -> list[str]:
    if "profile" not in frame:
        return []
    return frame.loc[frame["profile"] == profile, "item_key"].unique().tolist()


def primary_tags(tags: pd.DataFrame) -> pd.DataFrame:
    """Return one row per tagged answer: the primary tag (an officer's wins) and all values."""
    if tags.empty:
        return pd.DataFrame(columns=["answer_id", "tag_value_id", "tag_subtheme_id", "tag_source",
                                     "tag_values"])
    ordered = tags.assign(officer=tags["source"] != TagSource.OFFICER).sort_values(
        ["answer_id", "officer", "rank"])
    primary = ordered.drop_duplicates("answer_id")[["answer_id", "value_id", "subtheme_id", "source"]]
    primary.columns = ["answer_id", "tag_value_id", "tag_subtheme_id", "tag_source"]
    values = ordered.groupby("answer_id")["value_id"].agg(
        lambda v: ";".join(str(x) for x in dict.fromkeys(v))).rename("tag_values")
    return primary.merge(values.reset_index(), on="answer_id")


def filter_frame(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Keep the answers of responses that match every filter that is set."""
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (("audience", filters.audience), ("variant", filters.variant),
                           ("school_id", filters.school_id), ("area_id", filters.area_id),
                           ("channel", filters.channel), ("language", filters.language)):
        if wanted not in (None, "") and column in frame:
            keep &= frame[column] == wanted
    if filters.priority_group:
        keep &= frame["priority_groups"].str.split("|").map(lambda g: filters.priority_group in g)
    submitted_on = pd.to_datetime(frame["submitted_at"]).dt.date
    if filters.date_from:
        keep &= submitted_on >= filters.date_from
    if filters.date_to:
        keep &= submitted_on <= filters.date_to
    return frame.loc[keep]


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
        mean = round(round(float(group["polarity"].sum()), 9) / n, 3) if n >= threshold else None
        result[str(value_id)] = {"comments": n if n >= threshold else None, "mean": mean}
    return result


def net_by_item(frame: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> dict[str, float | None]:
    """Return each scale item's net agreement over everyone who answered it."""
    scales = frame.loc[frame["item_type"] == "scale"]
    table = pd.crosstab(scales["item_key"], scales["value"]) if not scales.empty else pd.DataFrame()
    return {str(k): net_agreement(row, threshold) for k, row in table.iterrows()}
