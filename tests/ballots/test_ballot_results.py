"""A ballot with online votes and school tallies gives the right combined result (known numbers)."""
import re

from sqlalchemy import select

from engage.models import AuditEvent, BallotTallySheet
from engage.services import ballots
from tests.ballots.conftest import vote
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as


def _enter_tally(client, ballot, school, cast: int, votes: dict, question: str = "top_issue"):
    url = f"/workspace/consultations/{ballot.consultation.id}/ballots/tally?question={question}"
    page = client.get(url)
    assert page.status_code == 200
    data = {"csrf_token": csrf_token(page.text), "school": str(school.id), "ballots_cast": str(cast),
            **{f"votes_{k}": str(v) for k, v in votes.items()}}
    return client.post(url, data=data)


def _cast_online_votes(db, ballot):
    for top in ["safe_streets"] * 4 + ["cheap_buses"] * 2:
        vote(db, ballot, ballot.riverside, top, ["safe_streets", "cheap_buses"])
    for _ in range(5):
        vote(db, ballot, ballot.park_hill, "mental_health", ["mental_health", "clean_air", "safe_streets"])


def test_online_votes_and_school_tallies_combine_without_double_counting(app, ballot, db, client):
    _cast_online_votes(db, ballot)
    sign_in_as(client, ballot.users["officer"])
    saved = _enter_tally(client, ballot, ballot.riverside, 20, {"safe_streets": 8, "things_to_do": 10})
    assert saved.status_code == 302
    saved = _enter_tally(client, ballot, ballot.park_hill, 30,
                         {"mental_health": 12, "cheap_buses": 15, "clean_air": 3})
    assert saved.status_code == 302
    db.rollback()  # end this session's read snapshot to see what the requests wrote
    with app.app_context():
        result = ballots.results(db, ballot.consultation, "top_issue", 5)
    totals = {r["option"]: r["total"] for r in result["combined"]["options"]}
    # One suppression rule for both tables: clean air's 3 is hidden here as in the by-school table,
    # and things to do's 10 with it, or the tallied column's total would give the 3 away.
    assert totals == {"safe_streets": 12, "mental_health": 17, "cheap_buses": 17, "things_to_do": "not shown",
                      "clean_air": "fewer than 5", "online_safety": 0}
    assert result["combined"]["ballots"] == {"individual": 11, "tallied": 50, "total": 61}
    schools = {r["row"]: r for r in result["schools"]}
    assert schools["Park Hill School"]["mental_health"] == 17 and schools["Total"]["Total"] == 59  # 2 spoilt
    assert schools["Park Hill School"]["clean_air"] == "fewer than 5"  # small counts stay hidden
    page = client.get(f"/workspace/consultations/{ballot.consultation.id}/ballots")
    assert page.status_code == 200
    assert re.search(r"Ballots: 61 in all \(11 individual votes, 50 counted at 2 schools\)", page.text)


def test_ranked_ballot_scores_points_from_individual_votes(app, ballot, db):
    _cast_online_votes(db, ballot)
    with app.app_context():
        result = ballots.results(db, ballot.consultation, "issue_ranking", 5)
    rows = {r["option"]: r for r in result["combined"]["options"]}
    # 6 x (safe 3, buses 2) + 5 x (mental 3, air 2, safe 1)
    assert rows["safe_streets"]["points"] == 23 and rows["cheap_buses"]["points"] == 12
    assert rows["mental_health"]["points"] == 15 and rows["clean_air"]["points"] == 10
    assert rows["safe_streets"]["total"] == 6 and rows["mental_health"]["total"] == 5


def test_a_school_cannot_enter_its_online_votes_again(app, ballot, db, client):
    _cast_online_votes(db, ballot)
    sign_in_as(client, ballot.users["contact"])
    refused = _enter_tally(client, ballot, ballot.park_hill, 5, {"mental_health": 5})
    assert refused.status_code == 400
    assert "counted already" in refused.text
    assert db.scalar(select(BallotTallySheet.id)) is None


def test_a_tally_must_add_up_and_stay_in_the_contacts_school(app, ballot, db, client):
    sign_in_as(client, ballot.users["contact"])
    too_many = _enter_tally(client, ballot, ballot.park_hill, 10, {"mental_health": 8, "clean_air": 4})
    assert too_many.status_code == 400 and "add up to 12, more than the 10" in too_many.text
    other_school = _enter_tally(client, ballot, ballot.riverside, 10, {"mental_health": 8})
    assert other_school.status_code == 400
    assert db.scalar(select(BallotTallySheet.id)) is None
    fixed = _enter_tally(client, ballot, ballot.park_hill, 10, {"mental_health": 8, "clean_air": 2})
    assert fixed.status_code == 302
    db.rollback()
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "ballot_tally"))
    assert event.detail == "Park Hill School: 10 paper ballots"


def test_the_summary_counts_a_ranked_ballot_by_first_choices(ballot, db, app):
    from engage.results import summary

    for top, ranking in [("cheap_buses", ["clean_air", "cheap_buses"])] * 5 + [("clean_air", ["mental_health"])] * 6:
        vote(db, ballot, None, top, ranking)
    with app.app_context():
        result = summary.summarise(db, ballot.consultation)
    rows = {item["key"]: item["rows"][-1] for item in result["items"]}
    assert rows["top_issue"]["cheap_buses"] == 5 and rows["top_issue"]["clean_air"] == 6
    assert rows["issue_ranking"]["clean_air"] == 5 and rows["issue_ranking"]["mental_health"] == 6
    assert rows["issue_ranking"]["cheap_buses"] == 0  # a 2nd choice is not a 1st choice
    assert rows["issue_ranking"]["Total"] == 11


def test_exports_keep_a_ranked_ballot_in_order(ballot, db, app, tmp_path):
    import csv
    import io

    import pyreadstat

    from engage.results import exports

    vote(db, ballot, None, "cheap_buses", ["clean_air", "cheap_buses"])
    with app.app_context():
        wide = b"".join(exports.export(db, ballot.consultation, "csv")).decode("utf-8-sig")
        long = b"".join(exports.export(db, ballot.consultation, "long.csv")).decode("utf-8-sig")
        (tmp_path / "b.sav").write_bytes(b"".join(exports.export(db, ballot.consultation, "sav")))
    row = next(csv.DictReader(io.StringIO(wide)))
    ranking = row["Put the issues in order. Which matter most to you?"]  # headed by its question
    assert ranking == "1. Clean air and the climate; 2. Cheap buses and trains"
    assert "1. Clean air and the climate; 2. Cheap buses and trains" in long
    frame, _meta = pyreadstat.read_sav(str(tmp_path / "b.sav"))
    assert frame.loc[0, "issue_ranking_clean_air"] == 1 and frame.loc[0, "issue_ranking_cheap_buses"] == 2
    assert frame["issue_ranking_safe_streets"].isna().all()
