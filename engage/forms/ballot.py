"""The ballot question: choose one (radios), or rank up to N with "1st choice" selects.

Ranking needs no JavaScript: the page shows N selects that share one name, and browsers send
form fields in page order, so the list the field receives is already 1st, 2nd, 3rd ...
Blank places are dropped (a 2nd choice without a 1st moves up); picking the same option
twice is an error in plain words.
"""
from wtforms import Field
from wtforms.validators import ValidationError

from engage.definitions.choices import Choice
from engage.definitions.survey import Item

# Defaults for words a survey's copy.yaml may override per variant (checked for grade 4).
DEFAULT_WORDS = {
    "ballot_place": "{place} choice",
    "ballot_none": "Pick one",
    "error_ballot_twice": "You picked the same one twice. Pick a different one each time.",
}
ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")


def ballot_words(copy: dict) -> dict:
    """Return the ballot's words in this variant's copy, or the plain defaults."""
    return {key: copy.get(key, default) for key, default in DEFAULT_WORDS.items()}


def place_labels(item: Item, copy: dict) -> list[str]:
    """Return "1st choice", "2nd choice" ... for a ranked ballot."""
    template = ballot_words(copy)["ballot_place"]
    return [template.format(place=ORDINALS[n]) for n in range(item.rank or 1)]


def ranked(data: list[str] | None) -> list[str]:
    """Return the picked options in order, blanks dropped."""
    return [v for v in data or [] if v]


class RankField(Field):
    """Up to `places` options in order of preference, from selects sharing one name."""

    def __init__(self, places: int, allowed: set[str], messages: dict, **kwargs):
        super().__init__(**kwargs)
        self.places, self.allowed, self.messages = places, allowed, messages

    def process_formdata(self, valuelist):
        self.data = [str(v) for v in valuelist[: self.places]]

    def process_data(self, value):
        self.data = list(value or [])

    def pre_validate(self, form):
        picked = ranked(self.data)
        if any(v not in self.allowed for v in picked):
            raise ValidationError(self.messages["error_invalid_choice"])
        if len(set(picked)) != len(picked):
            raise ValidationError(self.messages["error_ballot_twice"])


def rank_field(item: Item, choices: list[Choice], copy: dict) -> RankField:
    """Build the field of a ranked ballot."""
    messages = {"error_invalid_choice": copy["error_invalid_choice"], **ballot_words(copy)}
    return RankField(item.rank or 1, {c.value for c in choices}, messages)
