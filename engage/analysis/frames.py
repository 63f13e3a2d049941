"""The long DataFrame every summary, chart and export starts from: one row per submitted answer.

One query reads the answers (with their response, school and area) and a second the value
tags of free-text answers; everything else is derived here by pure functions. The text of
any answer with a safeguarding flag is dropped inside the query, so it never reaches pandas:
only the fact that an answer was flagged (for aggregate counts) travels on.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from engage.definitions.survey import Survey
from engage.definitions.variants import YOUNG
from engage.models import Answer, AnswerTag, Response, ResponseStatus, School, TagSource
from engage.models.safeguarding import withholds_text

ANSWER_COLUMNS = [
    "answer_id", "response_id", "variant", "channel", "school_id", "school", "area_id",
    "year_group", "started_on", "submitted_at", "item_key", "value_id", "subtheme_id", "value",
    "choices", "text", "polarity", "flagged",
]
TAG_COLUMNS = ["answer_id", "value_id", "subtheme_id", "source", "rank", "confidence"]
AUDIENCES = {"primary": "young", "secondary": "young", "post16": "young",
             "parent": "parent", "professional": "professional"}


@dataclass(frozen=True)
class Filters:
    """Who to include; None means everyone."""

    audience: str | None = None
    variant: str | None = None
    school_id: int | None = None
    area_id: str | None = None
    priority_group: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    language: str | None = None

    def active(self) -> dict:
        """Return the filters that are set, as plain values."""
        return {k: str(v) for k, v in self.__dict__.items() if v not in (None, "")}


def _flagged():
    """True for an answer whose item has a safeguarding flag on the same response."""
    return withholds_text(Answer)


def answers_query(consultation_id: int, by_answer: bool = False) -> Select:
    """Select every answer of the consultation's submitted responses, flagged text removed.

    Ordered by response (for one row per response) or by answer id (to merge with tags).
    """
    flagged = _flagged()
    return (
        select(Answer.id, Answer.response_id, Response.variant, Response.channel,
               Response.school_id, School.name, func.coalesce(Response.area_id, School.area_id),
               Response.year_group, Response.started_on, Response.submitted_at, Answer.item_key,
               Answer.value_id, Answer.subtheme_id, Answer.value, Answer.choices,
               case((flagged, None), else_=Answer.text), case((flagged, None), else_=Answer.polarity),
               flagged)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(School, School.id == Response.school_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED)
        .order_by(*((Answer.id,) if by_answer else (Answer.response_id, Answer.id)))
    )


def tags_query(consultation_id: int) -> Select:
    """Select the value tags of submitted free-text answers, by answer; none of flagged ones."""
    return (
        select(AnswerTag.answer_id, AnswerTag.value_id, AnswerTag.subtheme_id, AnswerTag.source,
               AnswerTag.rank, AnswerTag.confidence)
        .join(Answer, Answer.id == AnswerTag.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED, ~_flagged())
        .order_by(AnswerTag.answer_id, AnswerTag.source.desc(), AnswerTag.rank)
    )


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


def respondents(frame: pd.DataFrame) -> pd.DataFrame:
    """Return one row per response with the columns summaries group by."""
    columns = ["response_id", "variant", "audience", "age_band", "school_id", "school", "area_id",
               "year_group", "priority_groups", "submitted_at"]
    return frame[columns].drop_duplicates("response_id").reset_index(drop=True)


def records_frame(records: list[list], columns: list[str], numeric: list[str] = ()) -> pd.DataFrame:
    """Return rows as a DataFrame (for writers such as pyreadstat), numeric columns as floats."""
    frame = pd.DataFrame.from_records(records, columns=columns)
    for name in numeric:
        frame[name] = pd.to_numeric(frame[name]).astype("float64")
    return frame
