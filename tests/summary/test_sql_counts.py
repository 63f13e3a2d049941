"""The summary counted by the database gives the very figures the long pandas frame gives.

Synthetic responses (varied audiences, schools, areas, priority groups, channels, languages),
with an officer's tag overriding the model's and a flagged comment, are summarised both ways
under several filters; every protected table must match cell by cell.
"""
from datetime import timedelta

import pandas as pd
import pytest

from engage.analysis.tagging import Tagging
from engage.definitions.survey import survey_of
from engage.models import Answer, AnswerTag, Consultation, SafeguardingFlag, TagSource
from engage.models._time import utcnow
from engage.results import aggregates as agg
from engage.results import summary as svc
from engage.results.filters import Filters
from engage.services.demo.synthetic import generate
from tests.summary import reference as ref

T = 5


class SpreadTagger:
    """Tags each comment with a value that depends on its length, so every value gets some."""

    def predict(self, texts):
        out = []
        for text in texts:
            value = len(text) % 5 + 1
            out.append(Tagging(primary_value=value, values=((value, 0.8), (value % 5 + 1, 0.3)),
                               subtheme=f"{value}a", confidence=0.8))
        return out


@pytest.fixture
def synthetic(loaded, db):
    from engage.services.demo.content import create_demo

    with loaded.app_context():
        consultation = create_demo(db, utcnow()).consultations[0]
        generate(db, consultation, 300, seed=7, batch=150, tagger=SpreadTagger())
        comments = db.scalars(db.query(Answer.id).filter(Answer.text.is_not(None)).order_by(Answer.id)
                              .limit(3).statement).all()
        db.add(AnswerTag(answer_id=comments[0], value_id=4, subtheme_id="4b", confidence=1.0, rank=0,
                         source=TagSource.OFFICER))
        flagged = db.get(Answer, comments[1])
        db.add(SafeguardingFlag(response_id=flagged.response_id, consultation_id=consultation.id,
                                variant="secondary", item_key=flagged.item_key, text=flagged.text,
                                severity="high", category="harm"))
        db.commit()
        return consultation.id


def _both(loaded, db, consultation_id, filters):
    with loaded.app_context():
        consultation = db.get(Consultation, consultation_id)
        survey = survey_of(consultation.version)
        frame = ref.filter_frame(ref.answers_frame(db, consultation.id, survey), filters)
        return frame, svc.count(db, consultation.id, survey, filters), survey


def _same(a: pd.DataFrame, b: pd.DataFrame):
    assert a.astype(object).to_dict() == b.astype(object).to_dict()


FILTERS = [Filters(), Filters(audience="young"), Filters(priority_group="send"),
           Filters(area_id="north"), Filters(channel="paper"),
           Filters(variant="parent", priority_group="free_school_meals"),
           Filters(date_from=(utcnow() - timedelta(days=20)).date(), date_to=utcnow().date()),
           Filters(date_from=(utcnow() - timedelta(days=20)).date(), date_to=utcnow().date(), priority_group="send")]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f.active()) or "everyone")
def test_database_counts_match_the_frame(loaded, db, synthetic, filters):
    frame, counts, survey = _both(loaded, db, synthetic, filters)
    assert len(frame) > 0
    assert counts.people["n"].sum() == frame["response_id"].nunique()
    for grouping in ("audience", *svc.GROUPINGS):
        assert agg.who_took_part(counts.people, grouping, T) == ref.who_took_part(frame, grouping, T)
        assert svc._records(agg.value_by_group(counts.values, grouping, T)) == \
            svc._records(ref.value_by_group(frame, grouping, T))
    _same(agg.value_counts(counts.values, counts.comments, T), ref.value_counts(frame, T))
    _same(agg.subtheme_counts(counts.subthemes, counts.comments, T), ref.subtheme_counts(frame, T))
    assert agg.mean_sentiment(counts.comments, T) == ref.mean_sentiment(frame, T)
    kinds = {i.id: i.type for i in survey.items() if i.type != "text" and not i.profile}
    assert agg.answer_counts(counts.cells, kinds).sort_index().to_dict() == \
        ref.answer_counts(frame).sort_index().to_dict()
    assert agg.answered_counts(counts.cells).to_dict() == ref.answered_counts(frame).to_dict()
    assert svc.net_by_item(counts.cells, survey, T) == ref.net_by_item(frame, T)


def test_officer_tag_and_flag_count_as_in_the_frame(loaded, db, synthetic):
    frame, counts, _ = _both(loaded, db, synthetic, Filters())
    said = counts.comments.groupby("value_id")["comments"].sum()
    # 600 comments, one flagged (never counted), one moved to value 4 by an officer.
    assert said.sum() == 599 == len(frame.loc[frame["text"].notna() & (frame["item_type"] == "text")])


def test_channel_and_language_breakdowns(loaded, db, synthetic):
    with loaded.app_context():
        consultation = db.get(Consultation, synthetic)
        result = svc.summarise(db, consultation)
        paper = svc.summarise(db, consultation, Filters(channel="paper"))
    channel = {r["row"]: r["Total"] for r in result["took_part"]["channel"]}
    assert set(channel) == {"online", "paper", "kiosk", "Total"}
    assert paper["responses"] == channel["paper"]
    assert [r["row"] for r in paper["took_part"]["channel"]] == ["paper", "Total"]
    language = {r["row"] for r in result["took_part"]["language"]}
    assert {"en", "ar", "Total"} <= language
    assert {r["row"] for r in result["groups"]["channel"]} == {"online", "paper", "kiosk"}


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f.active()) or "everyone")
def test_the_comment_sample_is_the_same_read_either_way(loaded, db, synthetic, filters):
    # Narrow filters read the filtered responses' comments, wide ones walk every comment: the plan
    # may differ, the sample may not.
    from engage.results import queries as q
    from engage.results import scope_comments

    with loaded.app_context():
        consultation = db.get(Consultation, synthetic)
        scope = q.Scope(consultation.id, svc.keys_of(survey_of(consultation.version)), filters)
        for value_id in range(1, 6):
            of = int(q.comments(db, scope).set_index("value_id")["comments"].groupby(level=0).sum().get(value_id, 0))
            walked = q.sample(db, scope, value_id, of, 7)
            read = scope_comments.sample_of(db, scope_comments.scope_comments(db, scope), value_id, of, 7)
            assert 0 < len(walked) <= 7
            pd.testing.assert_frame_equal(walked, read)  # a school may be missing (NaN) in both
