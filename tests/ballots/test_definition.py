"""The ballot question type in survey definitions: what is valid and what is not, in plain words."""
import copy

import pytest

from engage.definitions.survey import from_definition
from engage.definitions.validate import validate
from engage.framework import load_framework

BALLOT = {"family": "vote", "title": "Vote", "variants": ["secondary"], "pages": [{
    "id": "vote", "title": {"secondary": "Your vote"}, "items": [{
        "id": "ranking", "type": "ballot", "rank": 3, "value": 5,
        "text": {"secondary": "Which matter most to you?"},
        "options": [{"id": o, "label": o.capitalize()} for o in ("parks", "buses", "clubs", "food")]}]}]}


@pytest.fixture(scope="module")
def framework():
    return load_framework("surveys/framework.yaml")


def _with(**changes):
    raw = copy.deepcopy(BALLOT)
    raw["pages"][0]["items"][0].update(changes)
    return raw


def test_a_ranked_ballot_is_valid_and_keeps_its_rank(framework):
    assert validate(BALLOT, "vote.yaml", framework) == []
    assert from_definition(BALLOT).item("ranking").rank == 3


@pytest.mark.parametrize(("changes", "message"), [
    ({"rank": 1}, "rank must be a whole number from 2 to 5"),
    ({"rank": "three"}, "rank must be a whole number from 2 to 5"),
    ({"rank": 5}, "rank 5 needs at least 5 options"),
    ({"sensitive": True}, "a ballot takes no 'sensitive' or 'profile'"),
    ({"type": "single"}, "only a ballot item takes 'rank'"),
    ({"options": []}, "a choice question needs options"),
])
def test_a_bad_ballot_is_explained(framework, changes, message):
    problems = [p.reason for p in validate(_with(**changes), "vote.yaml", framework)]
    assert message in problems
