"""Rows of synthetic respondents, built fast enough for a million (see synthetic for the story).

Everything that is the same for many people is worked out once: each variant's questions and
how to answer them, each mix of priority groups and area's leans and comment weights. A person
then costs a few random draws per question, and rows come out as plain tuples for bulk_insert.
"""
from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

from engage.definitions.survey import Item, Survey
from engage.models import ResponseStatus
from engage.services.demo import synthetic_story as s
from engage.services.demo.bulk_insert import Values

RESPONSE_COLUMNS = ("id", "token", "consultation_id", "version_id", "variant", "channel", "language",
                    "rendition", "assisted", "status", "school_id", "school_fixed", "year_group", "area_id",
                    "page", "started_on", "submitted_at")
# Every generated response is submitted, so each waits for the summary to count it (results.tallies).
QUEUE_COLUMNS = ("response_id", "consultation_id")
ANSWER_COLUMNS = ("id", "response_id", "item_key", "value", "choices", "text", "value_id", "subtheme_id",
                  "polarity", "subjectivity")
TAG_COLUMNS = ("answer_id", "value_id", "subtheme_id", "confidence", "rank", "source", "created_at")
CHANNELS = ("online", "online", "online", "kiosk", "paper")
YES_NO = ("yes", "no", "not_sure")
SCORES = ("0", "1", "2", "3", "4", "5")


@dataclass
class Person:
    """One respondent's facts (the response row before it has an id)."""

    variant: str
    groups: tuple[str, ...]
    channel: str
    language: str
    school_id: int | None
    year_group: int | None
    area_id: str
    day: datetime  # when they started
    submitted: datetime  # midnight of that day: submission is kept to the day


@dataclass
class Batch:
    """A batch's people and their answers, answers as (person index, item, value, choices, text)."""

    people: list[Person]
    answers: list[tuple]


class People:
    """Makes synthetic respondents and their answers for one consultation and story."""

    def __init__(self, survey: Survey, variants: list[str], schools, setting, rng: random.Random, now: datetime):
        self.rng, self.now, self.schools = rng, now, schools
        self.story, self.wave = setting
        self.variants = [v for v in s.VARIANT_SHARE if v in variants]
        self.variant_weights = list(accumulate(s.VARIANT_SHARE[v] for v in self.variants))
        self.values = sorted({i.value for i in survey.items()})
        asked = {v: [i for i in survey.items() if v in i.variants] for v in self.variants}
        self.questions = {v: [((i.id, i.value, i.subtheme), self._answerer(i)) for i in items
                              if i.type != "text" and i.profile != "priority_groups"] for v, items in asked.items()}
        self.priority = {v: [i for i in items if i.profile == "priority_groups"] for v, items in asked.items()}
        self.text_items = {v: [i for i in items if i.type == "text"] for v, items in asked.items()}
        self._leans: dict = {}
        self._wishes: dict = {}

    def batch(self, size: int) -> Batch:
        """Return size new people and their answers."""
        people = [self.person() for _ in range(size)]
        answers = []
        for index, person in enumerate(people):
            answers.extend(self.answers(index, person))
        return Batch(people, answers)

    def person(self) -> Person:
        """Return one respondent: variant, school, groups and how and when they answered."""
        rng = self.rng
        variant = rng.choices(self.variants, cum_weights=self.variant_weights)[0]
        young = variant in s.YEARS
        school = None
        if variant != "professional":
            school = rng.choice(self.schools["primary" if variant == "primary" else "secondary"])
        groups = tuple(g for g, p in s.PRIORITY_SHARE.items() if rng.random() < p) if school else ()
        day = self.now - timedelta(days=rng.randint(0, 40), minutes=rng.randint(0, 600))
        return Person(
            variant=variant, groups=groups, channel=rng.choice(CHANNELS),
            language=rng.choices(("en", "ar", "pl"), cum_weights=(93, 97, 100))[0] if young else "en",
            school_id=school[0] if school else None, year_group=rng.choice(s.YEARS[variant]) if young else None,
            area_id=school[2] if school and rng.random() < 0.8 else rng.choice(s.AREAS),
            day=day, submitted=day.replace(hour=0, minute=0, second=0, microsecond=0))

    def answers(self, index: int, person: Person) -> list[tuple]:
        """Return a person's answers as (index, key, value, choices, text, value id, sub-theme): about nine
        in ten questions, their priority groups and two comments."""
        chance, leans, rows = self.rng.random, self._lean_of(person), []
        for (key, value_id, subtheme), answer in self.questions[person.variant]:
            if chance() < 0.9:
                value, choices = answer(person, leans[value_id])
                if value or choices:
                    rows.append((index, key, value, Values.json(choices), None, value_id, subtheme))
        if person.groups:
            rows.extend((index, i.id, None, Values.json(list(person.groups)), None, i.value, i.subtheme)
                        for i in self.priority[person.variant])
        texts = self.text_items[person.variant]
        if texts:
            wishes = self._wishes_of(person)
            rows.extend((index, i.id, None, None, self._comment(wishes), i.value, i.subtheme)
                        for i in self.rng.sample(texts, min(2, len(texts))))
        return rows

    def _comment(self, wish_weights: list[int]) -> str:
        rng = self.rng
        wish = rng.choices(s.WISHES, cum_weights=wish_weights)[0]
        return f"{rng.choice(s.OPENERS)} {wish}{rng.choice(s.ENDINGS)}".strip()

    def _lean_of(self, person: Person) -> dict[int, float]:
        key = (person.groups, person.area_id)
        found = self._leans.get(key)
        if found is None:
            found = self._leans[key] = {v: s.lean(self.story, list(person.groups), person.area_id, self.wave, v)
                                        for v in self.values}
        return found

    def _wishes_of(self, person: Person) -> list[int]:
        key = (person.groups, person.area_id)
        found = self._wishes.get(key)
        if found is None:
            found = self._wishes[key] = list(accumulate(s.wish_weights(self.story, list(person.groups),
                                                                       person.area_id)))
        return found

    def _answerer(self, item: Item) -> Callable[[Person, float], tuple]:
        """Return how a person answers this question: (value, choices) from the person and their lean."""
        rng = self.rng
        options = [o.id for o in item.options]
        by_profile = {"school": lambda p, _: (str(p.school_id) if p.school_id else None, None),
                      "area": lambda p, _: (p.area_id, None),
                      "year_group": lambda p, _: (str(p.year_group) if p.year_group else None, None)}
        if item.type == "scale":
            gauss = rng.gauss
            return lambda p, lean: (SCORES[min(5, max(1, round(gauss(3.7 + lean, 1.0))))], None)
        if item.type == "yesno":
            return lambda p, _: (rng.choices(YES_NO, cum_weights=(6, 9, 10))[0], None)
        if item.type in ("number", "date"):
            return lambda p, _: (typed_in(rng, item, p.submitted), None)
        if item.profile in by_profile:
            return by_profile[item.profile]
        if not options:
            return lambda p, _: (None, None)
        if item.type in ("multi", "top3"):
            most = min(3, len(options))
            if item.type == "top3":
                return lambda p, _: (None, rng.sample(options, most))
            return lambda p, _: (None, rng.sample(options, rng.randint(1, most)))
        return lambda p, _: (rng.choice(options), None)


def typed_in(rng: random.Random, item: Item, submitted: datetime) -> str:
    """A plausible number within the item's range, or a day in the year before submitting."""
    if item.type == "date":
        return (submitted.date() - timedelta(days=rng.randint(1, 365))).isoformat()
    low, high = (item.min, item.max) if item.min is not None else (0, 10)
    number = rng.triangular(low, high)
    return f"{number:.1f}" if item.decimals else str(round(number))


def response_rows(people: list[Person], ids, where: tuple[int, int], values: Values) -> list[tuple]:
    """Return the responses' rows, in RESPONSE_COLUMNS order; where is (consultation id, version id)."""
    submitted, off = ResponseStatus.SUBMITTED.value, values.flag(False)
    return [(i, secrets.token_urlsafe(32), *where, p.variant, p.channel, p.language, "standard", off, submitted,
             p.school_id, off, p.year_group, p.area_id, 1, values.day(p.day.date()), values.moment(p.submitted))
            for i, p in zip(ids, people, strict=True)]


def queue_rows(ids, consultation_id: int) -> list[tuple]:
    """Return the responses' rows in summary_queue, in QUEUE_COLUMNS order."""
    return [(i, consultation_id) for i in ids]


def answer_rows(answers: list[tuple], response_ids, answer_ids, analysed: dict) -> list[tuple]:
    """Return the answers' rows, in ANSWER_COLUMNS order (comments carry their worked-out sentiment)."""
    return [(answer_id, response_ids[index], key, value, choices, text, value_id, subtheme,
             *(analysed[text][:2] if text else (None, None)))
            for answer_id, (index, key, value, choices, text, value_id, subtheme) in zip(answer_ids, answers,
                                                                                          strict=True)]


def tag_rows(rows: list[tuple], analysed: dict, now, values: Values) -> list[tuple]:
    """Return the value tags of the comments among answer rows, in TAG_COLUMNS order."""
    created = values.moment(now)
    return [(row[0], v, sub, round(c, 4), rank, "model", created)
            for row in rows if row[5] for rank, (v, c, sub) in enumerate(analysed[row[5]][2])]
