"""Add up people and values per respondent profile and day with numpy, rather than group by group.

A value's figures are sums over a group's packed answers (closed answers, scale answers, score,
agreeing answers) and over its marks (respondents, scale respondents). Worked out group by group in
Python, with a dictionary per group, this was about a fifth of a first fold's counting (a million
responses make about 300,000 groups of a profile and a day). Here every group's entries become
arrays once, each packed answer and mark is looked up once, and one bincount per figure adds them all
up by (group, value); the same again adds the days of a profile together.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

import numpy as np

from engage.results import queries as q
from engage.results.rollup import Numbers

# The figures of a values row, in order: from marks (respondents, scale respondents) and from answers.
FROM_MARKS = {"v": 0, "c": 2}
RESPONDENTS, ANSWERS = 0, 1


def by_profile(profiles: Mapping[tuple, object], pieces: Mapping) -> tuple[tuple[dict, dict], tuple[dict, dict]]:
    """People and values at profile grain (days added together) and by day and profile.

    profiles: {(*profile, day): group with people, answers (Counter) and marks (Counter)}; pieces: each
    packed answer decoded (value_id, score, cell)."""
    heads = _Heads()
    people: dict[str, list] = {}
    people_day: dict[str, list] = {}
    own = Numbers()  # each profile (days together) numbered
    owner = []  # each group's profile number
    for (*profile, day), group in profiles.items():
        head = heads.of(key := tuple(profile))
        owner.append(own[key])
        kept = people.get(head + "]")
        people[head + "]"] = [group.people + (kept[0] if kept else 0)]
        if day is not None:  # a response without a date is in no date range
            people_day[heads.dated(day, key) + "]"] = [group.people]
    groups = list(profiles.values())
    figures, value_ids = _figures(groups, pieces)
    by_day = [heads.dated(day, tuple(profile)) for *profile, day in profiles]
    dated = np.array([day is not None for *_, day in profiles], dtype=bool)
    values_day = _rows(figures, value_ids, by_day, dated)
    whole = [_summed(column, np.array(owner, dtype=np.int64), len(own), len(value_ids)) for column in figures]
    values = _rows(whole, value_ids, [heads.of(profile) for profile in own], np.ones(len(own), dtype=bool))
    return (people, people_day), (values, values_day)


class _Heads:
    """Each profile's dims, and each day's and profile's, as JSON without the closing bracket, made once:
    json.dumps per kept row was a fifth of the fold once every profile was counted per day."""

    def __init__(self):
        self.profiles: dict[tuple, str] = {}
        self.days: dict[str, str] = {}

    def of(self, profile: tuple) -> str:
        head = self.profiles.get(profile)
        if head is None:
            head = self.profiles[profile] = json.dumps(list(profile))[:-1]
        return head

    def dated(self, day: str | None, profile: tuple) -> str | None:
        if day is None:
            return None
        day_head = self.days.get(day)
        if day_head is None:
            day_head = self.days[day] = json.dumps([day])[:-1] + ", "
        return day_head + self.of(profile)[1:]


def _figures(groups: list, pieces: Mapping) -> tuple[list[np.ndarray], list[int]]:
    """Return the six values figures as dense (group, value) arrays, and the value id of each column."""
    answers, marks = Numbers(), Numbers()
    answer_of, answer_n, answer_sizes = [], [], []
    mark_of, mark_n, mark_sizes = [], [], []
    for group in groups:
        answer_of.extend(map(answers.__getitem__, group.answers))
        answer_n.extend(group.answers.values())
        answer_sizes.append(len(group.answers))
        mark_of.extend(map(marks.__getitem__, group.marks))
        mark_n.extend(group.marks.values())
        mark_sizes.append(len(group.marks))
    values = Numbers()
    decoded = [pieces[packed] for packed in answers]
    value_of = np.array([-1 if p.value_id is None else values[p.value_id] for p in decoded], dtype=np.int64)
    scored = [p.value_id is not None and p.score is not None for p in decoded]
    score = np.array([p.score if s else 0 for p, s in zip(decoded, scored, strict=True)], dtype=np.float64)
    agree = np.array([s and p.cell[1] in q.AGREE for p, s in zip(decoded, scored, strict=True)], dtype=np.float64)
    width = len(groups) * max(len(values), 1)
    at, n = _cells(answer_of, answer_n, answer_sizes, value_of, len(values))
    taken = at >= 0
    at, n, which = at[taken], n[taken], np.array(answer_of, dtype=np.int64)[taken]
    out = [np.zeros(width) for _ in range(6)]
    out[ANSWERS] = np.bincount(at, weights=n, minlength=width)
    out[3] = np.bincount(at, weights=n * np.array(scored, dtype=np.float64)[which], minlength=width)
    out[4] = np.bincount(at, weights=n * score[which], minlength=width)
    out[5] = np.bincount(at, weights=n * agree[which], minlength=width)
    for kind, column in FROM_MARKS.items():
        mark_value = np.array([values[int(m[1:])] if m[0] == kind else -1 for m in marks], dtype=np.int64)
        at, n = _cells(mark_of, mark_n, mark_sizes, mark_value, len(values))
        out[column] = np.bincount(at[at >= 0], weights=n[at >= 0], minlength=width)
    return out, list(values)


def _cells(of: list[int], n: list[int], sizes: list[int], value_of: np.ndarray, width: int):
    """Return each entry's (group, value) cell (-1 for an entry of no value) and its count."""
    things = np.array(of, dtype=np.int64)
    group = np.repeat(np.arange(len(sizes), dtype=np.int64), np.array(sizes, dtype=np.int64))
    value = value_of[things] if len(things) else np.zeros(0, dtype=np.int64)
    return np.where(value >= 0, group * width + value, -1), np.array(n, dtype=np.float64)


def _summed(column: np.ndarray, owner: np.ndarray, owners: int, width: int) -> np.ndarray:
    """Add a (group, value) column up by the groups' owners: (owner, value)."""
    if not width:
        return np.zeros(0)
    cells = (owner[:, None] * width + np.arange(width)[None, :]).ravel()
    return np.bincount(cells, weights=column, minlength=owners * width)


def _rows(figures: list[np.ndarray], value_ids: list[int], heads: list[str | None], wanted: np.ndarray) -> dict:
    """Return {dims: figures} for every (row, value) cell with an answer, of the rows wanted."""
    width = len(value_ids)
    if not width:
        return {}
    found = np.flatnonzero((figures[ANSWERS] > 0) & np.repeat(wanted, width))
    columns = [column[found].astype(np.int64).tolist() for column in figures]
    tails = [f", {value_id}]" for value_id in value_ids]
    dims = [heads[row] + tails[value] for row, value in zip((found // width).tolist(), (found % width).tolist(),
                                                           strict=True)]
    return dict(zip(dims, map(list, zip(*columns, strict=True)), strict=True))
