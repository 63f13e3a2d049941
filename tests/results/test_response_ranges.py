"""Submitted responses split into id ranges: every one in exactly one range, in order, sizes even."""
import pytest
from sqlalchemy import select, update

from engage.models import Response, ResponseStatus
from engage.results.response_ranges import submitted_ranges
from engage.services import consultations
from tests.summary.known import build_known


@pytest.fixture
def known(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    return consultations.find(db, "known")


def _submitted(db, consultation_id):
    return list(db.scalars(select(Response.id).where(Response.consultation_id == consultation_id,
                                                     Response.status == ResponseStatus.SUBMITTED)
                           .order_by(Response.id)))


@pytest.mark.parametrize("parts", [1, 2, 3, 8, 33, 50])
def test_ranges_cover_every_submitted_response_once(db, known, parts):
    # One response not submitted: it counts in no range, though its id may fall inside one.
    middle = _submitted(db, known.id)[16]
    db.execute(update(Response).where(Response.id == middle).values(status=ResponseStatus.IN_PROGRESS))
    db.commit()
    ids = _submitted(db, known.id)
    ranges = submitted_ranges(db, known.id, parts)
    assert 1 <= len(ranges) <= parts
    inside = [[i for i in ids if r.first <= i <= r.last] for r in ranges]
    assert [i for part in inside for i in part] == ids  # in order, none twice, none missed
    assert [len(part) for part in inside] == [r.count for r in ranges]
    assert all(a.last < b.first for a, b in zip(ranges, ranges[1:], strict=False))
    assert max(r.count for r in ranges) - min(r.count for r in ranges) <= max(2, len(ids) // parts)


@pytest.mark.parametrize("parts, share, counts", [(2, 0.25, [8, 25]), (3, 0.4, [13, 10, 10]),
                                                   (2, 0.0, [1, 32]), (2, 1.0, [33])])
def test_the_first_range_takes_its_share(db, known, parts, share, counts):
    ranges = submitted_ranges(db, known.id, parts, first_share=share)
    assert [r.count for r in ranges] == counts
    assert ranges[0].first == _submitted(db, known.id)[0] and ranges[-1].last == _submitted(db, known.id)[-1]


def test_no_submitted_responses_give_no_ranges(db, known):
    db.execute(update(Response).values(status=ResponseStatus.IN_PROGRESS))
    db.commit()
    assert submitted_ranges(db, known.id, 2) == []
