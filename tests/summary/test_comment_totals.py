"""Comments counted by profile and day are added up into every kept kind (engage.results.comment_totals).

The sums are worked out here by hand from a few rows: days of a profile added together before its
slices, a response without a day in no day's row, a priority group per group, the usual channel and
language kept by slice but not per day, polarity summed in the rows' order (the same float as adding
them one by one) and an integer 0 where no comment is rated.
"""
import json

from engage.results.comment_totals import rollup

# (variant, channel, language, school, area, priority groups)
KIOSK_PL = ("child", "kiosk", "pl", 3, 7, '["young_carer", "sen"]')
ONLINE_EN = ("child", "online", "en", 3, None, "[]")


def _row(profile, day, value, subtheme, comments, rated, polarity):
    return (*profile, day, value, subtheme, comments, rated, polarity)


ROWS = [
    _row(KIOSK_PL, "2026-11-01", 4, "s1", 2, 2, 0.1),
    _row(KIOSK_PL, "2026-11-02", 4, "s1", 1, 1, 0.2),
    _row(KIOSK_PL, None, 4, "s1", 3, 1, 0.7),
    _row(ONLINE_EN, "2026-11-01", 4, "s1", 5, 0, 0),
    _row(ONLINE_EN, "2026-11-01", None, None, 1, 0, 0),
]


def _kept(counted: dict, kind: str) -> dict:
    return {tuple(json.loads(dims)): figures for dims, figures in counted[kind].items()}


def test_each_kind_adds_its_rows_up():
    counted = rollup(ROWS)
    kiosk_total = 0.1 + 0.2 + 0.7
    assert _kept(counted, "comments") == {("child", 4, "s1"): [11, 4, kiosk_total],
                                          ("child", None, None): [1, 0, 0]}
    by = _kept(counted, "comments_by")
    assert by[("channel", "kiosk", "child", 4, "s1")] == [6, 4, kiosk_total]
    assert by[("channel", "online", "child", 4, "s1")] == [5, 0, 0]
    assert by[("group", "young_carer", "child", 4, "s1")] == by[("group", "sen", "child", 4, "s1")]
    assert by[("school", "3", "child", 4, "s1")] == [11, 4, kiosk_total]
    assert ("area", "None", "child", 4, "s1") not in by
    assert _kept(counted, "comments_day") == {("2026-11-01", "child", 4, "s1"): [7, 2, 0.1],
                                              ("2026-11-02", "child", 4, "s1"): [1, 1, 0.2],
                                              ("2026-11-01", "child", None, None): [1, 0, 0]}
    # Per day, only the keys that are not the usual ones (online, English).
    assert _kept(counted, "comments_dby") == {
        ("2026-11-01", "channel", "kiosk", "child", 4, "s1"): [2, 2, 0.1],
        ("2026-11-02", "channel", "kiosk", "child", 4, "s1"): [1, 1, 0.2],
        ("2026-11-01", "language", "pl", "child", 4, "s1"): [2, 2, 0.1],
        ("2026-11-02", "language", "pl", "child", 4, "s1"): [1, 1, 0.2]}
    assert _kept(counted, "comments_two")[("channel", "online", "language", "en", "child", None, None)] == [1, 0, 0]


def test_a_group_with_no_rated_comment_keeps_an_integer_zero():
    counted = rollup(ROWS)
    for kind in counted:
        for figures in counted[kind].values():
            assert isinstance(figures[0], int) and isinstance(figures[1], int)
            assert isinstance(figures[2], float) if figures[1] else figures[2] == 0 and isinstance(figures[2], int)


def test_nothing_to_add():
    assert rollup([]) == {kind: {} for kind in ("comments", "comments_by", "comments_day", "comments_dby",
                                                "comments_two")}
