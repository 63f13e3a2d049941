"""A date range with a channel or a language, and a channel with a language, read from the kept tallies
give the very figures the SQL path counts from every answer.

The synthetic responses are spread over several weeks, channels and languages. Random date ranges
(single days, open ends, an empty and a reversed range, and ranges cut where responses were moved to a
day's first and last moment) with a channel or a language drawn from the data (and one nobody used),
and every channel with every language, audience or variant at random, are summarised both ways; again
after a fold in steps, after more responses arrive (a warm fold), after an officer corrects a counted
comment's tag (unfold) and after responses are erased.
"""
import random

from sqlalchemy import func, select

from engage.definitions.survey import survey_of
from engage.models import Consultation, Response, SummaryTally
from engage.results import summary as svc
from engage.results import tallies
from engage.results.filters import Filters
from tests.summary.test_sql_counts import SpreadTagger, synthetic  # noqa: F401 (fixture)
from tests.summary.test_tallies_days import (
    ALSO,
    _assert_dated_same,
    _edges,
    _ranges,
    add_responses,
    corrected_response,
    erase_every,
)


def _used(db, consultation_id: int, column) -> list[str]:
    return sorted(db.scalars(select(column).distinct().where(Response.consultation_id == consultation_id,
                                                             column.is_not(None))))


def _few_filters(db, consultation_id: int, seed: int) -> list[Filters]:
    """Date ranges each with a channel or a language (one nobody used among them), and every channel with
    every language; audience or variant at random."""
    rng = random.Random(seed)
    channels, languages = _used(db, consultation_id, Response.channel), _used(db, consultation_id, Response.language)
    assert len(channels) >= 2 and len(languages) >= 2
    slices = [{"channel": c} for c in channels] + [{"language": lang} for lang in languages]
    dated = [Filters(**{**_set(r), **rng.choice(slices + [{"channel": "carrier pigeon"}])})
             for r in _ranges(db, consultation_id, seed)]
    pairs = [Filters(channel=c, language=lang, **rng.choice(ALSO)) for c in channels for lang in languages]
    return dated + pairs + [Filters(channel=channels[0], language="xx")]


def _set(filters: Filters) -> dict:
    return {k: v for k, v in vars(filters).items() if v not in (None, "")}


def test_few_valued_slices_with_dates_or_each_other_match_sql(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    chosen = _few_filters(db, synthetic, 1) + _few_filters(db, synthetic, 2)
    people = _assert_dated_same(loaded, db, synthetic, chosen)
    # They cut: some leave everyone out, most take in part of the responses, none all.
    total = db.scalar(select(func.count()).where(Response.consultation_id == synthetic,
                                                 Response.status == "submitted"))
    assert 0 in people and sum(0 < n < total // 2 for n in people) >= 10 and max(people) < total


def test_a_fold_in_steps_keeps_the_same_few_valued_slices(loaded, db, synthetic):  # noqa: F811
    with loaded.app_context():
        keys = svc.keys_of(survey_of(db.get(Consultation, synthetic).version))
        tallies.fold(db, synthetic, keys, chunk=70)
    stepped = _kept(db)
    tallies.reset(db, synthetic)
    db.commit()
    with loaded.app_context():
        tallies.fold(db, synthetic, keys)
    assert _kept(db) == stepped
    assert {"cells_dby", "subs_dby", "comments_dby", "cells_two", "subs_two", "comments_two"} <= {k for k, _ in stepped}
    _assert_dated_same(loaded, db, synthetic, _few_filters(db, synthetic, 3))


def _kept(db) -> dict:
    """Every kept row's counts by (kind, dims), summed polarities rounded (added in another order)."""
    return {(kind, dims): [round(f, 9) for f in figures]
            for kind, dims, figures in db.execute(select(SummaryTally.kind, SummaryTally.dims, SummaryTally.figures))}


def test_few_valued_slices_stay_right_when_warm_after_a_correction_and_an_erasure(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    _assert_dated_same(loaded, db, synthetic, _few_filters(db, synthetic, 4))
    add_responses(loaded, db, synthetic, seed=14)
    _assert_dated_same(loaded, db, synthetic, _few_filters(db, synthetic, 5))
    response = corrected_response(loaded, db)
    sent = response.submitted_at.date()
    # The corrected response's own day, channel and language, and its pair.
    own = [Filters(date_from=sent, date_to=sent, channel=response.channel),
           Filters(date_from=sent, date_to=sent, language=response.language),
           Filters(channel=response.channel, language=response.language)]
    _assert_dated_same(loaded, db, synthetic, own + _few_filters(db, synthetic, 6))
    erase_every(loaded, db, synthetic, 29)
    _assert_dated_same(loaded, db, synthetic, _few_filters(db, synthetic, 7))
    # Taking responses out leaves no empty group behind in any day, slice or pair.
    assert all(any(figures[:2]) for figures in db.scalars(select(SummaryTally.figures)))
