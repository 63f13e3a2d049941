"""A date-range summary read from the tallies' days gives the very figures the SQL path counts.

The synthetic responses are spread over several weeks. Random date ranges (with audience or
variant at random), single days, open ends, empty and reversed ranges are summarised both ways,
with responses sent at the very first and last moment of a day, one at midnight of the day after a
range, and a submitted response without a date; again after more responses arrive (a warm fold),
after an officer corrects a counted comment's tag (unfold), and after a response is erased.
"""
import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from engage.definitions.survey import survey_of
from engage.models import Answer, AnswerTag, Consultation, Response, Role, SummaryQueue, SummaryTally
from engage.results import summary as svc
from engage.results import tallies
from engage.results.filters import Filters
from engage.services.corrections import correct_tag
from engage.services.demo.synthetic import generate
from engage.services.erasure import erase_response
from tests.summary.test_sql_counts import SpreadTagger, T, synthetic  # noqa: F401 (fixture)
from tests.summary.test_tallies import _tables, counted_unflagged
from tests.workspace.factories import make_user

ALSO = [{}, {}, {"audience": "young"}, {"audience": "parent"}, {"variant": "secondary"},
        {"audience": "professional", "variant": "primary"}]


def _days(db, consultation_id: int) -> list[date]:
    sent = select(func.min(Response.submitted_at), func.max(Response.submitted_at)).where(
        Response.consultation_id == consultation_id, Response.status == "submitted")
    first, last = db.execute(sent).one()
    return [first.date() + timedelta(days=i) for i in range((last.date() - first.date()).days + 1)]


def _ranges(db, consultation_id: int, seed: int) -> list[Filters]:
    """Random ranges inside the data, single days, open ends, a range before any response, a reversed
    range, and two ranges that end just before or start just after the moments set by _edges."""
    rng = random.Random(seed)
    days = _days(db, consultation_id)
    before, mid, after = days[0] - timedelta(days=9), days[len(days) // 2], days[-1] + timedelta(days=1)
    picked = []
    for _ in range(4):
        start, end = sorted(rng.sample(days, 2))
        picked.append({"date_from": start, "date_to": end})
    picked += [{"date_from": day, "date_to": day} for day in rng.sample(days, 2)]
    picked += [{"date_from": mid}, {"date_to": mid}, {"date_from": before, "date_to": before + timedelta(days=3)},
               {"date_from": mid, "date_to": mid - timedelta(days=1)}, {"date_from": after},
               {"date_from": mid + timedelta(days=1), "date_to": days[-2]}, {"date_to": mid - timedelta(days=1)}]
    return [Filters(**f, **rng.choice(ALSO)) for f in picked]


def _edges(db, consultation_id: int) -> None:
    """Send responses at a day's first and last moment around the middle day, and one at midnight after
    it, and take one response's date away, so a range's ends are tested where they cut."""
    days = _days(db, consultation_id)
    mid = days[len(days) // 2]
    responses = db.scalars(select(Response).where(Response.consultation_id == consultation_id,
                                                  Response.status == "submitted").order_by(Response.id)).all()
    moments = [datetime.combine(mid, time()), datetime.combine(mid, time.max),
               datetime.combine(mid - timedelta(days=1), time.max), datetime.combine(mid + timedelta(days=1), time())]
    for response, moment in zip(responses[5:45:10], moments, strict=True):
        response.submitted_at = moment
    responses[50].submitted_at = None
    db.commit()


def _context(db, consultation_id: int) -> svc.Context:
    consultation = db.get(Consultation, consultation_id)
    return svc.Context(consultation, survey_of(consultation.version), svc.framework(), T)


def _assert_dated_same(app, db, consultation_id: int, ranges: list[Filters]) -> list[int]:
    """Compare every range's protected tables and built summary both ways; return each range's people."""
    people = []
    with app.app_context():
        ctx = _context(db, consultation_id)
        for filters in ranges:
            assert tallies.covers(filters)
            kept, counted = svc.count(db, consultation_id, ctx.survey, filters), \
                svc.count_by_sql(db, consultation_id, ctx.survey, filters)
            assert _tables(kept, ctx.survey) == _tables(counted, ctx.survey), filters
            assert svc.build(kept, ctx) == svc.build(counted, ctx), filters
            people.append(int(counted.people["n"].sum()))
            db.rollback()
            # Read from the tallies: counting folded every response in.
            assert db.scalar(select(func.count()).where(SummaryQueue.consultation_id == consultation_id)) == 0
    return people


def test_date_ranges_from_the_tallies_match_sql(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    total = db.scalar(select(func.count()).where(Response.consultation_id == synthetic,
                                                 Response.status == "submitted"))
    people = _assert_dated_same(loaded, db, synthetic, _ranges(db, synthetic, 1) + _ranges(db, synthetic, 2))
    # The ranges cut: some leave everyone out, some take in part, none (a response has no date) all.
    assert 0 in people and any(0 < n < total - 1 for n in people) and max(people) < total


def test_a_range_ending_or_starting_at_a_day_cut_counts_the_edge_moments_as_sql_does(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    mid = _days(db, synthetic)[len(_days(db, synthetic)) // 2]
    ranges = [Filters(date_from=mid, date_to=mid), Filters(date_to=mid - timedelta(days=1)),
              Filters(date_from=mid + timedelta(days=1)), Filters(date_from=mid)]
    people = _assert_dated_same(loaded, db, synthetic, ranges)
    # The middle day holds its first and last moments; the moments either side fall outside it.
    sent = db.scalars(select(Response.submitted_at).where(Response.consultation_id == synthetic,
                                                          Response.status == "submitted")).all()
    assert people[0] == sum(1 for s in sent if s and s.date() == mid) and people[0] >= 2


def corrected_response(loaded, db) -> Response:
    """An officer moves the newest counted comment tagged other than value 2 to 2a; return its response."""
    from engage.workspace.support import framework

    officer = make_user(db, Role.OFFICER)
    answer = db.scalar(select(Answer).join(AnswerTag, AnswerTag.answer_id == Answer.id)
                       .where(Answer.text.is_not(None), AnswerTag.rank == 0, AnswerTag.value_id != 2)
                       .order_by(Answer.id.desc()))
    with loaded.app_context():
        correct_tag(db, framework(), answer.id, 2, "2a", officer)
    return db.get(Response, answer.response_id)


def add_responses(loaded, db, consultation_id: int, seed: int) -> None:
    """Submit 40 more synthetic responses, so the kept tallies must fold them in warm."""
    with loaded.app_context():
        generate(db, db.get(Consultation, consultation_id), 40, seed=seed, batch=40, tagger=SpreadTagger())


def erase_every(loaded, db, consultation_id: int, step: int) -> None:
    """Erase every step-th counted response, as a young person asking to be forgotten would."""
    counted = counted_unflagged(db, consultation_id)
    admin = make_user(db, Role.ADMIN)
    with loaded.app_context():
        for response_id in counted[::step]:
            erase_response(db, consultation_id, response_id, admin, "asked to be forgotten")


def test_date_ranges_stay_right_when_warm_after_a_correction_and_an_erasure(loaded, db, synthetic):  # noqa: F811
    _edges(db, synthetic)
    _assert_dated_same(loaded, db, synthetic, _ranges(db, synthetic, 3))
    add_responses(loaded, db, synthetic, seed=13)
    _assert_dated_same(loaded, db, synthetic, _ranges(db, synthetic, 4))
    sent = corrected_response(loaded, db).submitted_at.date()
    _assert_dated_same(loaded, db, synthetic, [Filters(date_from=sent, date_to=sent), *_ranges(db, synthetic, 5)])
    erase_every(loaded, db, synthetic, 41)
    _assert_dated_same(loaded, db, synthetic, _ranges(db, synthetic, 6))
    # Taking responses out leaves no empty group behind on any day.
    assert all(any(figures[:2]) for figures in db.scalars(select(SummaryTally.figures)))


def test_a_response_is_kept_on_the_day_it_was_sent_only(loaded, db, synthetic):  # noqa: F811
    with loaded.app_context():
        keys = svc.keys_of(survey_of(db.get(Consultation, synthetic).version))
        tallies.fold(db, synthetic, keys)
    days = db.scalars(select(func.substr(SummaryTally.dims, 3, 10)).where(SummaryTally.kind == "people_day")).all()
    kept = {}
    for day, figures in db.execute(select(func.substr(SummaryTally.dims, 3, 10), SummaryTally.figures)
                                   .where(SummaryTally.kind == "people_day")):
        kept[day] = kept.get(day, 0) + figures[0]
    sent = db.execute(select(func.date(Response.submitted_at), func.count()).where(
        Response.consultation_id == synthetic, Response.status == "submitted",
        select(Answer.id).where(Answer.response_id == Response.id).exists())
        .group_by(func.date(Response.submitted_at))).all()
    assert len(set(days)) > 7
    assert kept == {str(day): n for day, n in sent}
