"""The participation dashboard: counts only, scoped to a school contact's schools."""
import pytest

from engage.models import Role
from engage.services.workspace.participation import participation
from tests.workspace.factories import FREE_TEXT, sign_in_as, submitted

AREAS = [{"id": "north", "name": "North"}, {"id": "south", "name": "South"}, {"id": "east", "name": "East"}]
BANDS = [{"id": "primary", "years": [4, 5, 6]}, {"id": "secondary", "years": [7, 8, 9, 10, 11]}]


def test_counts_by_every_split_with_rates_against_roll(db, world):
    for _ in range(4):
        submitted(db, world.open, "primary", world.mine, 5)
    submitted(db, world.open, "parent", None, None)
    result = participation(db, world.open, AREAS, BANDS)
    assert result.total == 7
    assert {r.label: r.count for r in result.by_variant} == {"primary": 5, "secondary": 1, "parent": 1}
    mine = next(r for r in result.by_school if r.label == world.mine.name)
    assert (mine.count, mine.roll, mine.rate) == (5, 58, 9)
    year5 = next(r for r in result.by_year if r.label == "Year 5")
    assert (year5.count, year5.roll, year5.rate) == (5, 30, 17)
    assert {r.label: r.count for r in result.by_area} == {"North": 5, "South": 1, "East": 0}
    # Riverside has 5 responses but 9% of its roll: not heard either, by rate.
    assert sorted(r.label for r in result.quiet_schools) == sorted([world.mine.name, world.other.name])
    assert [r.label for r in result.quiet_years] == ["Year 5", "Year 6"]  # 17% and 0% of the roll
    assert [r.label for r in result.quiet_areas] == ["South", "East"]


def test_year_rates_count_only_schools_that_gave_their_roll(db, world):
    for _ in range(9):
        submitted(db, world.open, "primary", world.mine, 5)
    for _ in range(40):
        submitted(db, world.open, "primary", world.other, 5)  # no roll: counted, never rated
    result = participation(db, world.open, AREAS, BANDS)
    year5 = next(r for r in result.by_year if r.label == "Year 5")
    assert (year5.count, year5.roll, year5.rate) == (50, 30, 33)  # 10 of Riverside's 30, not 50 of 30
    assert year5 not in result.quiet_years
    year4 = next(r for r in result.by_year if r.label == "Year 4")
    assert (year4.roll, year4.rate) == (None, None)


def test_school_contact_counts_cover_their_schools_only(db, world):
    result = participation(db, world.open, AREAS, BANDS, {world.mine.id})
    assert result.total == 1
    assert [r.label for r in result.by_school] == [world.mine.name]
    assert [r.label for r in result.by_area] == ["North"]


def test_school_contact_page_names_no_other_school(client, world):
    sign_in_as(client, world.users["school_contact"])
    page = client.get(f"/workspace/consultations/{world.open.id}/participation")
    assert page.status_code == 200
    assert world.mine.name in page.text and world.other.name not in page.text
    assert "1 response sent in from your schools" in page.text


@pytest.mark.parametrize("role", list(Role))
def test_no_page_shows_free_text_to_anyone(client, world, role):
    sign_in_as(client, world.users[role.value])
    urls = ["/workspace/", "/workspace/participation", f"/workspace/consultations/{world.open.id}",
            f"/workspace/consultations/{world.open.id}/participation",
            f"/workspace/consultations/{world.open.id}/codes"]
    for url in urls:
        assert FREE_TEXT not in client.get(url).text


def test_audit_page_lists_events_for_admin(client, world, db):
    from engage.services import audit

    audit.record(db, "role_changed", world.users["admin"], "someone@example.org", "officer -> admin")
    db.commit()
    sign_in_as(client, world.users["admin"])
    page = client.get("/workspace/audit")
    assert "Role changed" in page.text and "officer -&gt; admin" in page.text
    assert client.get("/workspace/audit?page=abc").status_code == 200


def test_professionals_across_the_whole_borough_have_a_line_of_their_own(db, world):
    for _ in range(3):
        submitted(db, world.open, "professional", None, None).area_id = "borough"
    db.commit()
    result = participation(db, world.open, AREAS, BANDS)
    assert {r.label: r.count for r in result.by_area} == {
        "North": 1, "South": 1, "East": 0, "Across the whole borough": 3}
    # Not an area, so never listed among the areas not being heard.
    assert "Across the whole borough" not in [r.label for r in result.quiet_areas]
