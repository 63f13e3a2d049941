"""The counting rule with known numbers: individual votes once, school tallies added, no double count."""
from engage.results.ballots import Tally, Vote, by_school, combine, points

OPTIONS = ["parks", "buses", "clubs"]


def _votes(school, *picks):
    return [Vote(school, tuple(p) if isinstance(p, (list, tuple)) else (p,)) for p in picks]


def test_choose_one_combines_individual_votes_and_tallies():
    votes = _votes("Riverside", *["parks"] * 4, *["buses"] * 2) + _votes(None, "clubs")
    tallies = [Tally("Park Hill", 30, {"parks": 10, "buses": 15, "clubs": 3}),  # 2 spoilt
               Tally("Riverside", 12, {"parks": 2, "clubs": 10})]
    result = combine(votes, tallies, OPTIONS, threshold=1)  # the counting rule, nothing hidden
    assert result["ballots"] == {"individual": 7, "tallied": 42, "total": 49}
    rows = {r["option"]: r for r in result["options"]}
    assert (rows["parks"]["individual"], rows["parks"]["tallied"], rows["parks"]["total"]) == (4, 12, 16)
    assert (rows["buses"]["total"], rows["clubs"]["total"]) == (17, 14)
    assert [r["option"] for r in result["options"]] == ["buses", "parks", "clubs"]
    assert rows["buses"]["share"] == round(100 * 17 / 49, 1)
    assert rows["parks"]["points"] is None


def test_ranked_ballot_counts_first_choices_and_points_from_individual_votes_only():
    votes = _votes("A", ("parks", "buses", "clubs"), ("buses", "parks"), ("parks",), ("clubs", "buses"))
    result = combine(votes, [Tally("B", 5, {"clubs": 5})], OPTIONS, rank=3, threshold=1)
    rows = {r["option"]: r for r in result["options"]}
    assert {o: rows[o]["total"] for o in OPTIONS} == {"parks": 2, "buses": 1, "clubs": 6}
    # parks 3 + 2 + 3; buses 2 + 3 + 2; clubs 1 + 3: tallies add no points.
    assert {o: rows[o]["points"] for o in OPTIONS} == {"parks": 8, "buses": 7, "clubs": 4}
    assert points(votes, 3) == {"parks": 8, "buses": 7, "clubs": 4}


def test_too_few_ballots_hide_how_people_voted():
    result = combine(_votes("A", "parks", "buses"), [], OPTIONS)
    assert result["hidden"] and {r["total"] for r in result["options"]} == {"fewer than 5"}


def test_by_school_protects_small_counts():
    votes = _votes("Riverside", *["parks"] * 6, "buses")
    rows = {r["row"]: r for r in by_school(votes, [Tally("Park Hill", 20, {"buses": 9, "clubs": 8})], OPTIONS)}
    assert rows["Riverside"]["buses"] == "fewer than 5" and rows["Park Hill"]["clubs"] == 8
    # The buses total is 10, so Park Hill's 9 would give Riverside's 1 away: hidden as well.
    assert rows["Park Hill"]["buses"] == "not shown" and rows["Total"]["buses"] == 10
    assert rows["Total"]["Total"] == 24


def _numbers_shown(records: list[dict]) -> list[int]:
    return [v for r in records for k, v in r.items() if k not in ("row", "option", "share") and isinstance(v, int)]


def test_one_suppression_rule_for_every_table_of_a_ballot():
    # Riverside's 1 vote for buses and 2 for clubs: hidden in the options table as in the by-school one.
    votes = _votes("Riverside", *["parks"] * 6, "buses", "clubs", "clubs")
    tallies = [Tally("Park Hill", 20, {"parks": 9, "buses": 8})]
    combined = combine(votes, tallies, OPTIONS)
    schools = by_school(votes, tallies, OPTIONS)
    for table in (combined["options"], schools):
        assert all(n == 0 or n >= 5 for n in _numbers_shown(table))
    rows = {r["option"]: r for r in combined["options"]}
    assert rows["clubs"]["individual"] == "fewer than 5" and rows["clubs"]["share"] is None
    assert rows["parks"]["total"] == 15  # what is safe to show still shows
