"""Every figure of the summary of a consultation with known answers (see known.py)."""
import json

import pytest

from engage.db import get_session
from engage.results import summary as svc
from engage.services import consultations
from tests.summary.known import DISCLOSURE, HYPERLINK, build_known

F, H = "fewer than 5", "not shown"


@pytest.fixture
def summary(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    with loaded.app_context():
        return svc.summarise(get_session(), consultations.find(get_session(), "known"))


def _item(summary, key):
    return next(i for i in summary["items"] if i["key"] == key)


def test_headline_counts(summary):
    assert summary["responses"] == 33
    assert summary["suppression"]["threshold"] == 5
    # One disclosure was flagged: a count under 5, so itself hidden.
    assert summary["flags"] == F


def test_values_and_subthemes(summary):
    safe = summary["values"][0]
    assert (safe["responses"], safe["answers"], safe["comments"]) == (33, 33, 8)
    subs = {s["id"]: s for s in safe["subthemes"]}
    assert (subs["1b"]["responses"], subs["1b"]["answers"], subs["1b"]["comments"]) == (33, 33, 0)
    # The stub tagger puts all 8 unflagged comments (the disclosure is dropped) in 1d.
    assert (subs["1d"]["responses"], subs["1d"]["answers"], subs["1d"]["comments"]) == (0, 0, 8)
    for other in summary["values"][1:]:
        assert (other["responses"], other["answers"], other["comments"]) == (0, 0, 0)


def test_linked_item_distribution_with_secondary_suppression(summary):
    home = _item(summary, "home_ok")
    assert home["linked"] is True
    assert set(home["wording"]) == {"young", "parent"}
    assert home["columns"] == ["5", "4", "3", "2", "1"]
    assert home["rows"] == [
        # 4 (8) is hidden only because parent/4 (3) is: its column would give it away.
        {"row": "young", "5": 8, "4": H, "3": F, "2": F, "1": F, "Total": 23},
        {"row": "parent", "5": 5, "4": F, "3": 0, "2": F, "1": 0, "Total": 10},
        {"row": "Total", "5": 13, "4": 11, "3": F, "2": 5, "1": F, "Total": 33},
    ]
    assert home["net_agreement"] == {"young": 52.2, "parent": 60.0}


def test_who_took_part(summary):
    took = summary["took_part"]
    assert took["audience"] == [
        {"row": "young", "young": 23, "parent": 0, "Total": 23},
        {"row": "parent", "young": 0, "parent": 10, "Total": 10},
        {"row": "Total", "young": 23, "parent": 10, "Total": 33},
    ]
    area = {r["row"]: r for r in took["area"]}
    # South has 3: hidden, and north's 20 must go too or 23 - 20 gives it away.
    assert area["south"]["young"] == F and area["south"]["Total"] == F
    assert area["north"]["young"] == H
    assert area["Total"] == {"row": "Total", "young": 23, "parent": 10, "Total": 33}
    groups = {r["row"]: r for r in took["priority_group"]}
    assert groups["young_carer"] == {"row": "young_carer", "young": 6, "parent": 0}
    assert groups["send"] == {"row": "send", "young": F, "parent": F}


def test_groups_show_net_agreement_only_for_big_enough_groups(summary):
    area = {r["row"]: r for r in summary["groups"]["area"]}
    # north: 8x5, 6x4, 3x3, 2x2, 1x1 -> (14 - 3) / 20; east (parents) (8 - 2) / 10; south has 3.
    assert area["north"]["1"] == 55.0
    assert area["east"]["1"] == 60.0
    assert area["south"]["1"] is None
    bands = {r["row"]: r for r in summary["groups"]["priority_group"]}
    assert bands["young_carer"]["1"] == 100.0  # the first six pupils all said 5
    assert bands["send"]["1"] is None


def test_quotes_redacted_from_big_groups_never_flagged(summary):
    safe = summary["values"][0]
    texts = [q["text"] for q in safe["quotes"]]
    assert texts[0] == "We need more street lights in the park"
    assert len(texts) == len(set(texts)) == 3
    blob = json.dumps(summary)
    assert DISCLOSURE not in blob
    assert "Our tiny school" not in blob  # a school of 3 is too small to quote from
    assert "Tom" not in blob
    assert {"phrase": "street light", "count": 5, "sample": 8, "of": 8} in safe["phrases"]
    assert safe["sentiment"]["comments"] == 8
    assert HYPERLINK in texts or HYPERLINK not in blob  # quotes are data; exports escape them


def test_change_since_previous_wave(loaded, db, monkeypatch):
    build_known(db, monkeypatch, slug="wave1", series="annual")
    build_known(db, monkeypatch, slug="wave2", series="annual")
    with loaded.app_context():
        result = svc.summarise(get_session(), consultations.find(get_session(), "wave2"))
    home = next(r for r in result["change"] if r["item"] == "home_ok")
    # The same answers twice: (24 - 6) / 33 both times, no change.
    assert home == {"item": "home_ok", "now": 54.5, "before": 54.5, "change": 0.0,
                    "previous": "wave1", "previous_title": "Known answers",
                    "question": "My home is a good place to live. It is warm and dry, and there is enough space."}
    # The overview compares shares who agreed, wave with wave: the same answers, no change, not significant.
    row = next(r for r in result["overview"][0]["headlines"] if r["key"] == "home_ok")
    change = row["cells"]["young"]["change"]
    assert (change["points"], change["significant"]) == (0, False)
    assert change["before"] == row["cells"]["young"]["share"]["percent"]
