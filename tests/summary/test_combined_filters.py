"""Filters the kept tallies do not cover (a date range with a school, an area or a priority group, a
school or area with a channel or a language, a date range with a channel and a language) give the very
figures the SQL path counts from every answer, and the comment sample they list once is the one the
walk over every comment reads.

Random date ranges (single days, open ends, an empty and a reversed range, ranges cut where responses
were moved to a day's first and last moment) each with a slice drawn from the data, or one nobody used,
and pairs of slices; again after the tallies were folded and more responses arrived, after an officer
moved a counted comment to another value, and after responses were erased.
"""
import random

from sqlalchemy import select

from engage.definitions.survey import survey_of
from engage.models import Answer, Consultation, Response, Role
from engage.results import queries as q
from engage.results import scope_comments, tallies
from engage.results import summary as svc
from engage.results.filters import Filters
from engage.results.tables import PHRASE_SAMPLE
from engage.services.corrections import correct_tag
from tests.summary.test_sql_counts import SpreadTagger, synthetic  # noqa: F401 (fixture)
from tests.summary.test_tallies import _tables
from tests.summary.test_tallies_days import (
    ALSO,
    _context,
    _edges,
    _ranges,
    add_responses,
    corrected_response,
    erase_every,
)
from tests.workspace.factories import make_user


def _used(db, consultation_id: int, column) -> list:
    return sorted(db.scalars(select(column).distinct().where(Response.consultation_id == consultation_id,
                                                             column.is_not(None))))


def _combined(db, consultation_id: int, seed: int) -> list[Filters]:
    """Date ranges each with a school, an area or a priority group (sometimes one nobody used), or with a
    channel and a language; and pairs of slices. Audience or variant at random."""
    rng = random.Random(seed)
    schools, areas = _used(db, consultation_id, Response.school_id), _used(db, consultation_id, Response.area_id)
    channels, languages = _used(db, consultation_id, Response.channel), _used(db, consultation_id, Response.language)
    wide = ([{"school_id": s} for s in schools] + [{"area_id": a} for a in areas]
            + [{"priority_group": g} for g in ("young_carer", "send", "free_school_meals", "looked_after")])
    nobody = [{"school_id": max(schools) + 1000}, {"area_id": "atlantis"}]
    dated = [Filters(**{**_set(r), **rng.choice(wide + nobody + [{"channel": rng.choice(channels),
                                                                  "language": rng.choice(languages)}])})
             for r in _ranges(db, consultation_id, seed)]
    pairs = [{**rng.choice([{"school_id": s} for s in schools] + [{"area_id": a} for a in areas]),
              **rng.choice([{"channel": c} for c in channels] + [{"language": lang} for lang in languages]
                           + [{"priority_group": "young_carer"}])} for _ in range(4)]
    # With the usual language: the filter without it read from the tallies, less the other languages.
    usual = [Filters(**{**_set(r), "channel": rng.choice(channels), "language": "en"})
             for r in _ranges(db, consultation_id, seed + 100)[:6]]
    usual += [Filters(**slice_, language="en", **rng.choice(ALSO)) for slice_ in rng.sample(wide, 4) + nobody[:1]]
    return dated + [Filters(**p, **rng.choice(ALSO)) for p in pairs] + usual


def _set(filters: Filters) -> dict:
    return {k: v for k, v in vars(filters).items() if v not in (None, "")}


def _assert_same(app, db, consultation_id: int, chosen: list[Filters]) -> list[int]:
    """Compare every filter's protected tables, built summary and comment samples both ways; return each
    filter's people."""
    people = []
    with app.app_context():
        ctx = _context(db, consultation_id)
        for filters in chosen:
            assert not tallies.covers(filters), filters
            counted, by_sql = svc.count(db, consultation_id, ctx.survey, filters), \
                svc.count_by_sql(db, consultation_id, ctx.survey, filters)
            assert _tables(counted, ctx.survey) == _tables(by_sql, ctx.survey), filters
            assert svc.build(counted, ctx) == svc.build(by_sql, ctx), filters
            _assert_same_samples(db, counted.scope, by_sql)
            people.append(int(by_sql.people["n"].sum()))
            db.rollback()
    return people


def _assert_same_samples(db, scope: q.Scope, counts: svc.Counts) -> None:
    listed = scope_comments.scope_comments(db, scope)
    said = counts.comments.groupby("value_id")["comments"].sum()
    for value_id, n in said.items():
        for size in (PHRASE_SAMPLE, 3):  # every comment, and every k-th
            walked = q.sample(db, scope, int(value_id), int(n), size)
            assert walked.equals(scope_comments.sample_of(db, listed, int(value_id), int(n), size)), scope.filters


def test_combined_filters_match_sql_at_cut_days_and_empty_ranges(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    people = _assert_same(loaded, db, synthetic, _combined(db, synthetic, 1) + _combined(db, synthetic, 2))
    total = len(db.scalars(select(Response.id).where(Response.consultation_id == synthetic)).all())
    # They cut: some leave everyone out, several take in part of the responses.
    assert 0 in people and sum(0 < n < total // 2 for n in people) >= 10


def test_combined_filters_stay_right_after_a_fold_new_responses_a_correction_and_erasures(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    with loaded.app_context():
        svc.fold_new(db, db.get(Consultation, synthetic))
    add_responses(loaded, db, synthetic, seed=15)
    _assert_same(loaded, db, synthetic, _combined(db, synthetic, 3))
    response = corrected_response(loaded, db)
    sent = response.submitted_at.date()
    own = [Filters(date_from=sent, date_to=sent, school_id=response.school_id) if response.school_id else
           Filters(date_from=sent, date_to=sent, channel=response.channel, language=response.language)]
    _assert_same(loaded, db, synthetic, own + _combined(db, synthetic, 4))
    erase_every(loaded, db, synthetic, 23)
    _assert_same(loaded, db, synthetic, _combined(db, synthetic, 5))


def test_a_corrected_comment_is_listed_under_its_new_value(loaded, db, synthetic):  # noqa: F811
    """The list takes an officer's tag over the question's value, as the walk does."""
    from engage.workspace.support import framework

    answer = db.scalar(select(Answer).join(Response).where(Response.consultation_id == synthetic,
                                                          Answer.text.is_not(None), Answer.value_id != 3)
                       .order_by(Answer.id.desc()))
    with loaded.app_context():
        correct_tag(db, framework(), answer.id, 3, None, make_user(db, Role.OFFICER))
        response = db.get(Response, answer.response_id)
        sent = response.submitted_at.date()
        scope = q.Scope(synthetic, svc.keys_of(survey_of(db.get(Consultation, synthetic).version)),
                        Filters(date_from=sent, date_to=sent, channel=response.channel, language=response.language))
    listed = dict(scope_comments.scope_comments(db, scope))
    assert listed[answer.id] == 3
