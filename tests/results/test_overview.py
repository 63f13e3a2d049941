"""The overview's figures from small count tables: shares, groups that differ, what stands out."""
import pandas as pd

from engage.insights.overview import change_text
from engage.results import overview
from engage.results.differences import differences
from engage.results.standout import in_ten, stand_out

COLUMNS = ["variant", "channel", "language", "school", "area_id", "priority_groups", "value_id",
           "responses", "answers", "scale_people", "scale_answers", "score", "positive"]


def _values(rows):
    return pd.DataFrame([dict(zip(COLUMNS, r, strict=True)) for r in rows])


def test_a_group_that_agrees_much_less_is_a_finding_with_its_name():
    # Care: 60 people, 120 answers, 30 agreeing (25%). Everyone else: 600 people, 1,200 answers, 720 (60%).
    table = _values([
        ("secondary", "online", "en", "A", "north", "looked_after", 1, 60, 120, 60, 120, 0, 30),
        ("secondary", "online", "en", "A", "north", "", 1, 600, 1200, 600, 1200, 0, 720),
    ])
    found = differences(table, 5, {"looked_after": "Looked after (in care)", "north": "North"})
    care = [d for d in found if d["group"] == "looked_after"]
    assert care and care[0]["name"] == "Looked after (in care)"
    assert (care[0]["percent"], care[0]["others"], care[0]["points"]) == (25, 60, -35)
    assert care[0]["low"] < 25 < care[0]["high"] and care[0]["adjusted_p"] < 0.05


def test_a_small_group_is_never_tested_and_a_small_gap_is_not_a_finding():
    table = _values([
        ("secondary", "online", "en", "A", "north", "uasc", 1, 4, 8, 4, 8, 0, 0),  # fewer than 5 people
        ("secondary", "online", "en", "A", "south", "send", 1, 400, 800, 400, 800, 0, 470),  # 58.75%
        ("secondary", "online", "en", "A", "north", "", 1, 2000, 4000, 2000, 4000, 0, 2400),  # 60%
    ])
    found = differences(table, 5, {})
    assert [d["group"] for d in found] == []


def test_agreement_counts_positive_answers_by_item_and_audience():
    cells = pd.DataFrame([("primary", "safe", "5", None, 3), ("secondary", "safe", "4", None, 2),
                          ("secondary", "safe", "2", None, 5), ("secondary", "safe", "rather_not", None, 9),
                          ("parent", "safe", "yes", None, 4), ("parent", "safe", "no", None, 1)],
                         columns=["variant", "item_key", "value", "choices", "n"])
    assert overview.agreement(cells) == {("safe", "young"): (5, 10), ("safe", "parent"): (4, 5)}


def test_share_is_protected_before_anything_is_shown():
    assert overview.share(2, 4, 5) is None
    shown = overview.share(5, 10, 5)
    assert shown["percent"] == 50 and shown["low"] == 24 and shown["high"] == 76


def test_what_stands_out_says_who_what_and_how_many():
    value = {"short": "Healthy", "phrases": [{"phrase": "mental health", "count": 41}],
             "differences": [{"name": "Young carer", "percent": 35, "others": 56, "points": -21}],
             "headlines": [{"kind": "agreed", "wording": {"young": "I have someone I can talk to."},
                            "cells": {"young": {"share": {"percent": 53}, "change": {
                                "before": 68, "points": -15, "significant": True}}}}]}
    lines = stand_out(value)
    assert lines[0] == ("Young carer: 35% agreed with the Healthy questions, 21 points less than "
                        "everyone else (56%).")
    assert lines[1] == ("\u201cI have someone I can talk to\u201d: 53% of young people agreed, down from "
                        "68% last time.")
    assert lines[2] == "Lowest: 5 in 10 young people (53%) agreed \u201cI have someone I can talk to\u201d."
    assert lines[3] == "Said most often: \u201cmental health\u201d (41 comments)."
    assert (in_ten(63), in_ten(97), in_ten(3)) == ("6 in 10", "10 in 10", "fewer than 1 in 10")


def test_a_change_of_one_point_reads_as_one_point():
    assert change_text({"points": -1, "before": 51, "significant": False}) == \
        "down 1 point since last time (51%), could be chance"
    assert change_text({"points": 15, "before": 36, "significant": True}) == \
        "up 15 points since last time (36%), significant"
    assert change_text({"points": 0, "before": 40}) == "no change since last time (40%), could be chance"


def test_working_across_the_whole_borough_is_never_compared_as_an_area():
    # Professionals across the borough agree far less than everyone else; an area as different is a finding.
    table = _values([
        ("professional", "online", "en", None, "borough", "", 1, 60, 120, 60, 120, 0, 30),
        ("secondary", "online", "en", "A", "east", "", 1, 60, 120, 60, 120, 0, 30),
        ("secondary", "online", "en", "A", "north", "", 1, 600, 1200, 600, 1200, 0, 720),
    ])
    found = differences(table, 5, {"east": "East", "borough": "Across the whole borough"})
    areas = [d["group"] for d in found if d["grouping"] == "area"]
    assert "east" in areas and "borough" not in areas
