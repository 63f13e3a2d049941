"""The kept tallies give the very figures the SQL path counts from every answer.

Synthetic responses (with an officer's tag and a flagged comment, as in test_sql_counts) are
summarised from the tallies and by SQL under the filters the tallies cover; again after more
responses are submitted (a warm fold), and after an officer corrects a counted comment's tag.
Date ranges read from the tallies' days are checked in test_tallies_days.
"""
import json
import random
from datetime import date, timedelta

from sqlalchemy import func, select

from engage.definitions.survey import survey_of
from engage.models import (
    Answer,
    AnswerTag,
    Consultation,
    Response,
    Role,
    SafeguardingFlag,
    SummaryQueue,
    SummaryTally,
)
from engage.models._time import utcnow
from engage.results import aggregates as agg
from engage.results import fold_parts, tallies
from engage.results import summary as svc
from engage.results.filters import Filters
from engage.services.corrections import correct_tag
from engage.services.demo.synthetic import generate
from engage.services.demo.synthetic_story import PRIORITY_SHARE
from engage.services.erasure import erase_response
from tests.summary.test_sql_counts import SpreadTagger, T, synthetic  # noqa: F401 (fixture)
from tests.workspace.factories import make_user

COVERED = [Filters(), Filters(audience="young"), Filters(audience="parent"),
           Filters(variant="secondary"), Filters(audience="young", variant="primary"),
           Filters(audience="professional", variant="primary")]


def _tables(counts: svc.Counts, survey) -> dict:
    """Every protected table the summary builds from its counts, as plain data."""
    kinds = {i.id: i.type for i in survey.items() if i.type != "text" and not i.profile}
    out = {"people": int(counts.people["n"].sum()),
           "values": agg.value_counts(counts.values, counts.comments, T).astype(object).to_dict(),
           "subthemes": agg.subtheme_counts(counts.subthemes, counts.comments, T).astype(object).to_dict(),
           "sentiment": agg.mean_sentiment(counts.comments, T),
           "answers": agg.answer_counts(counts.cells, kinds).sort_index().to_dict(),
           "answered": agg.answered_counts(counts.cells).sort_index().to_dict(),
           "net": svc.net_by_item(counts.cells, survey, T)}
    for grouping in ("audience", *svc.GROUPINGS, "channel", "language"):
        out[f"took_part {grouping}"] = agg.who_took_part(counts.people, grouping, T)
        out[f"by group {grouping}"] = svc._records(agg.value_by_group(counts.values, grouping, T))
    return out


def _assert_same(app, db, consultation_id):
    with app.app_context():
        consultation = db.get(Consultation, consultation_id)
        survey = survey_of(consultation.version)
        for filters in COVERED:
            assert tallies.covers(filters)
            kept = _tables(svc.count(db, consultation_id, survey, filters), survey)
            assert kept == _tables(svc.count_by_sql(db, consultation_id, survey, filters), survey), filters
            db.rollback()
        return svc.summarise(db, consultation)


def test_tallies_match_sql_cold_and_warm(loaded, db, synthetic):  # noqa: F811
    first = _assert_same(loaded, db, synthetic)
    assert db.scalar(select(func.count()).select_from(SummaryQueue)) == 0
    with loaded.app_context():
        generate(db, db.get(Consultation, synthetic), 40, seed=11, batch=40, tagger=SpreadTagger())
    second = _assert_same(loaded, db, synthetic)
    assert second["responses"] == first["responses"] + 40
    # The page and the CLI read the same summary either way: the tallies and SQL agree.
    assert _assert_same(loaded, db, synthetic) == second


def test_officer_correction_moves_a_counted_comment(loaded, db, synthetic):  # noqa: F811
    from engage.workspace.support import framework

    before = _assert_same(loaded, db, synthetic)
    officer = make_user(db, Role.OFFICER)
    # A comment the model put under another value than 2, so the correction moves it.
    answer = db.scalar(select(Answer).join(AnswerTag, AnswerTag.answer_id == Answer.id)
                       .where(Answer.text.is_not(None), AnswerTag.rank == 0, AnswerTag.value_id != 2)
                       .order_by(Answer.id.desc()))
    with loaded.app_context():
        correct_tag(db, framework(), answer.id, 2, "2a", officer)
    after = _assert_same(loaded, db, synthetic)
    assert after["responses"] == before["responses"]
    comments = {v["id"]: v["comments"] for v in after["values"]}
    assert comments != {v["id"]: v["comments"] for v in before["values"]}


def test_folding_twice_counts_once(loaded, db, synthetic):  # noqa: F811
    with loaded.app_context():
        consultation = db.get(Consultation, synthetic)
        keys = svc.keys_of(survey_of(consultation.version))
        assert tallies.fold(db, synthetic, keys) == 300
        kept = db.scalars(select(SummaryTally.figures).order_by(SummaryTally.id)).all()
        assert tallies.fold(db, synthetic, keys) == 0
        assert db.scalars(select(SummaryTally.figures).order_by(SummaryTally.id)).all() == kept


def test_a_fold_in_steps_counts_every_response_once(loaded, db, synthetic):  # noqa: F811
    with loaded.app_context():
        keys = svc.keys_of(survey_of(db.get(Consultation, synthetic).version))
        with fold_parts.workers() as workers:
            steps = [tallies._fold_some(db, synthetic, keys, 70, workers) for _ in range(6)]
        assert steps == [70, 70, 70, 70, 20, 0]
        assert db.scalar(select(func.count()).select_from(SummaryQueue)) == 0
    _assert_same(loaded, db, synthetic)
    _assert_filtered_same(loaded, db, synthetic, _random_filters(db, synthetic, 5))


def test_filters_the_tallies_do_not_cover_fall_back_to_sql():
    assert not tallies.covers(Filters(date_from=date(2026, 1, 1), school_id=3))
    assert not tallies.covers(Filters(date_from=date(2026, 1, 1), priority_group="send", audience="young"))
    assert not tallies.covers(Filters(school_id=3, channel="paper"))
    assert not tallies.covers(Filters(area_id="north", language="pl"))
    assert not tallies.covers(Filters(date_to=date(2026, 1, 1), channel="paper", language="pl"))
    assert tallies.covers(Filters(date_to=date(2026, 1, 1), channel="paper", audience="young"))
    assert tallies.covers(Filters(date_from=date(2026, 1, 1), language="pl", variant="primary"))
    assert tallies.covers(Filters(channel="paper", language="pl", audience="young"))
    assert tallies.covers(Filters(audience="young", school_id=3))
    assert tallies.covers(Filters(variant="secondary", priority_group="young_carer"))
    assert tallies.covers(Filters(date_from=date(2026, 1, 1)))
    assert tallies.covers(Filters(audience="young", date_from=date(2026, 1, 1), date_to=date(2026, 1, 14)))


def _unfolded(db, consultation_id: int) -> int:
    db.rollback()
    return db.scalar(select(func.count()).where(SummaryQueue.consultation_id == consultation_id))


def test_a_date_range_that_leaves_nobody_out_is_read_from_the_tallies(loaded, db, synthetic):  # noqa: F811
    """A range alone is read from the tallies' days; with a school, only a range that takes in every
    response, and cannot miss one sent meanwhile, skips the scan."""
    with loaded.app_context():
        survey = survey_of(db.get(Consultation, synthetic).version)
        school = db.scalar(select(Response.school_id).where(Response.consultation_id == synthetic,
                                                            Response.school_id.is_not(None)).limit(1))
        today = utcnow().date()
        # (days every response is moved back, filters, whether the tallies answer)
        cases = {"from the first day, a school": (0, lambda first: Filters(date_from=first, school_id=school), True),
                 "up to today": (0, lambda first: Filters(date_from=first, date_to=today), True),
                 "leaves out the first day": (0, lambda first: Filters(date_from=first + timedelta(days=1)), True),
                 "ends before today": (3, lambda first: Filters(date_to=today - timedelta(days=1)), True),
                 "ends before today, a school": (0, lambda first: Filters(date_to=today - timedelta(days=1),
                                                                          school_id=school), False)}
        for name, (back, make, from_tallies) in cases.items():
            for response in db.scalars(select(Response).where(Response.consultation_id == synthetic)):
                if response.submitted_at and back:
                    response.submitted_at -= timedelta(days=back)
            tallies.reset(db, synthetic)
            db.commit()
            first = db.scalar(select(func.min(Response.submitted_at)).where(Response.consultation_id == synthetic))
            filters = make(first.date())
            waiting = _unfolded(db, synthetic)
            counted = _tables(svc.count(db, synthetic, survey, filters), survey)
            assert counted == _tables(svc.count_by_sql(db, synthetic, survey, filters), survey), name
            assert _unfolded(db, synthetic) == (0 if from_tallies else waiting), name


def _random_filters(db, consultation_id: int, seed: int) -> list[Filters]:
    """One filter of each slice with a value drawn from the data (audience or variant added at random),
    and a school nobody from this consultation named."""
    rng = random.Random(seed)
    submitted = select(Response).where(Response.consultation_id == consultation_id).subquery()
    schools = sorted(db.scalars(select(submitted.c.school_id).distinct().where(submitted.c.school_id.is_not(None))))
    areas = sorted(db.scalars(select(submitted.c.area_id).distinct().where(submitted.c.area_id.is_not(None))))
    channels = sorted(db.scalars(select(submitted.c.channel).distinct()))
    languages = sorted(db.scalars(select(submitted.c.language).distinct()))
    picked = [{"school_id": rng.choice(schools)}, {"area_id": rng.choice(areas)}, {"channel": rng.choice(channels)},
              {"language": rng.choice(languages)}, {"priority_group": rng.choice(sorted(PRIORITY_SHARE))},
              {"priority_group": "looked_after"}, {"school_id": max(schools) + 1000}]
    also = [{}, {"audience": "young"}, {"audience": "parent"}, {"variant": "secondary"}]
    return [Filters(**f, **rng.choice(also)) for f in picked]


def _assert_filtered_same(app, db, consultation_id: int, filters: list[Filters]) -> None:
    with app.app_context():
        survey = survey_of(db.get(Consultation, consultation_id).version)
        for chosen in filters:
            assert tallies.covers(chosen)
            kept = _tables(svc.count(db, consultation_id, survey, chosen), survey)
            assert kept == _tables(svc.count_by_sql(db, consultation_id, survey, chosen), survey), chosen
            db.rollback()


def test_filters_the_tallies_do_not_keep_are_counted_in_one_pass_as_sql_counts(loaded, db, synthetic):  # noqa: F811
    """A date range with a slice, and two slices at once, are counted from the filtered responses alone:
    the same figures as the GROUP BY over every answer, and nothing is folded or kept."""
    rng = random.Random(5)
    singles = _random_filters(db, synthetic, 4)
    first = db.scalar(select(func.min(Response.submitted_at)).where(Response.consultation_id == synthetic))
    pairs = [Filters(**{**_set(a), **_set(b)}) for a, b in zip(singles, singles[1:] + singles[:1], strict=True)
             if not set(_set(a)) & set(_set(b))]
    ranged = [Filters(**_set(f), date_from=first.date() + timedelta(days=1),
                      date_to=utcnow().date() - timedelta(days=rng.choice((0, 1)))) for f in singles]
    chosen = [f for f in pairs + ranged if not tallies.covers(f)]
    assert len(chosen) >= 8
    with loaded.app_context():
        survey = survey_of(db.get(Consultation, synthetic).version)
        waiting = _unfolded(db, synthetic)
        for filters in chosen:
            counted = svc.count(db, synthetic, survey, filters)
            assert _tables(counted, survey) == _tables(svc.count_by_sql(db, synthetic, survey, filters), survey), \
                filters
            db.rollback()
        assert _unfolded(db, synthetic) == waiting


def _set(filters: Filters) -> dict:
    return {k: v for k, v in vars(filters).items() if v not in (None, "")}


def counted_unflagged(db, consultation_id: int) -> list[int]:
    """Return the ids of responses already folded into the tallies and not held for safeguarding."""
    return db.scalars(select(Response.id).where(Response.consultation_id == consultation_id,
                                                tallies.counted(),
                                                Response.id.not_in(select(SafeguardingFlag.response_id)))
                      .order_by(Response.id)).all()


def test_filtered_tallies_match_a_direct_count(loaded, db, synthetic):  # noqa: F811
    """Random single filters: cold, after new submissions (warm) and after a response is erased."""
    for seed in (1, 2):
        _assert_filtered_same(loaded, db, synthetic, _random_filters(db, synthetic, seed))
    with loaded.app_context():
        generate(db, db.get(Consultation, synthetic), 40, seed=12, batch=40, tagger=SpreadTagger())
    _assert_filtered_same(loaded, db, synthetic, _random_filters(db, synthetic, 3))
    counted = counted_unflagged(db, synthetic)
    admin = make_user(db, Role.ADMIN)
    with loaded.app_context():
        for response_id in counted[::37]:  # a few counted responses, from several slices
            erase_response(db, synthetic, response_id, admin, "asked to be forgotten")
    _assert_filtered_same(loaded, db, synthetic, _random_filters(db, synthetic, 4))
    # Taking responses out leaves no empty group behind in any slice.
    assert all(any(figures[:2]) for figures in db.scalars(select(SummaryTally.figures)))


def test_reset_counts_afresh(loaded, db, synthetic):  # noqa: F811
    before = _assert_same(loaded, db, synthetic)
    tallies.reset(db, synthetic)
    db.commit()
    assert db.scalar(select(func.count(SummaryTally.id))) == 0
    assert _assert_same(loaded, db, synthetic) == before


def test_answers_holding_the_fold_separators_are_counted_as_given(loaded, db, synthetic):  # noqa: F811
    """The fold packs a response's answers into one string: a value or choice holding the packing's
    separator characters, quotes, accents or a backslash must still be counted as itself, not split (and
    on PostgreSQL the kept rows go in as COPY text, where a backslash is an escape)."""
    odd_value, odd_choice = 'a\x1eb\x1fc "é" \\ d', 'x\x1ey\x1d"z'
    counted = Response.consultation_id == synthetic
    single = db.scalar(select(Answer).join(Response).where(counted, Answer.value.is_not(None),
                                                         Answer.choices.is_(None)).order_by(Answer.id))
    multi = db.scalar(select(Answer).join(Response).where(counted, Answer.choices.is_not(None),
                                                        Answer.response_id != single.response_id).order_by(Answer.id))
    single.value, multi.choices = odd_value, [odd_choice, "other"]
    db.commit()
    _assert_same(loaded, db, synthetic)
    with loaded.app_context():
        cells = svc.count(db, synthetic, survey_of(db.get(Consultation, synthetic).version)).cells
    assert cells.loc[cells["value"] == odd_value, "n"].sum() == 1
    assert cells["choices"].dropna().map(json.loads).map(lambda c: odd_choice in c).sum() == 1
