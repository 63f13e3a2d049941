"""Realistic synthetic responses for demos and benchmarks, written in bulk (not through the forms).

Audiences, schools, areas, year groups and priority groups follow rough local shares; scale
answers lean positive, less so where the story says (some priority groups and an area feel less
safe or healthy, and health fell since the year before), and some comment themes recur; each
response answers about 25 items and two free-text questions, from varied templates; a few young
people answer in Arabic or Polish.
Sentiment and value tags are worked out once per possible text, so a million responses do not
mean a million classifier calls; rows go in through Core bulk inserts.
"""
from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from engage.analysis import sentiment
from engage.definitions.survey import Item, Survey, survey_of
from engage.models import Answer, AnswerTag, Consultation, Response, ResponseStatus
from engage.models._time import utcnow
from engage.services.setup import ensure_school

VARIANT_SHARE = {"primary": 30, "secondary": 35, "post16": 10, "parent": 15, "professional": 10}
AREAS = ("north", "south", "east", "west", "central")
PRIORITY_SHARE = {"send": 0.15, "free_school_meals": 0.2, "eal": 0.18, "young_carer": 0.06,
                  "looked_after": 0.03, "care_leaver": 0.02, "youth_justice": 0.01,
                  "gypsy_roma_traveller": 0.005, "uasc": 0.003}
YEARS = {"primary": (4, 5, 6), "secondary": (7, 8, 9, 10, 11), "post16": (12, 13)}
OPENERS = ("I think", "It would help if", "Honestly", "We need", "Please", "I wish", "Maybe")
WISHES = ("there were more street lights", "there was a youth club near me", "buses ran later",
          "school had more mental health support", "parks were cleaner and safer",
          "it was easier to talk to someone", "there were cheaper activities",
          "teachers listened more", "there was less bullying online", "we had more sport clubs",
          "the waiting list for CAMHS was shorter", "there was help for young carers",
          "there were more places to meet friends", "the police were around more")
ENDINGS = ("", " in my area.", ".", " after school.", " at weekends.", " because it feels unsafe.",
           " for everyone.", " thank you.")


@dataclass(frozen=True)
class Story:
    """What the demo data holds, so the results have something real to find.

    Leans move the centre of scale answers (on 1 to 5) for a value; `wave` is the series wave
    (0 this year, -1 the year before), whose leans show a change between the two.
    """

    groups: dict[str, dict[int, float]] = field(default_factory=dict)
    other_groups: float = 0.0  # the lean of a priority group with no value of its own
    areas: dict[str, dict[int, float]] = field(default_factory=dict)
    waves: dict[int, dict[int, float]] = field(default_factory=dict)
    wishes: dict[str, dict[str, int]] = field(default_factory=dict)  # extra weight by group or area
    common: dict[str, int] = field(default_factory=dict)  # extra weight for everyone


DEMO_STORY = Story(
    groups={"young_carer": {1: -0.6, 2: -0.7}, "looked_after": {1: -0.7, 2: -0.5},
            "send": {1: -0.4, 5: -0.5}, "free_school_meals": {3: -0.4, 4: -0.35}},
    other_groups=-0.1,
    areas={"east": {1: -0.4}},
    waves={-1: {2: 0.3, 1: -0.1}},
    wishes={"young_carer": {"there was help for young carers": 12},
            "east": {"there were more street lights": 6, "the police were around more": 4}},
    common={"school had more mental health support": 3, "the waiting list for CAMHS was shorter": 2},
)


def lean(story: Story, groups: list[str], area: str | None, wave: int, value_id: int) -> float:
    """Return how far a person's scale answers about one value move from the usual centre."""
    moves = [story.groups.get(g, {}).get(value_id, story.other_groups) for g in groups]
    shift = min(moves, default=0.0)  # the most disadvantaged of a person's groups decides
    shift += story.areas.get(area or "", {}).get(value_id, 0.0)
    return shift + story.waves.get(wave, {}).get(value_id, 0.0)


def wish_weights(story: Story, groups: list[str], area: str | None) -> list[int]:
    """Return a weight for each wish in WISHES: the story's recurring themes come up more often."""
    extra = dict(story.common)
    for key in (*groups, area or ""):
        for wish, weight in story.wishes.get(key, {}).items():
            extra[wish] = extra.get(wish, 0) + weight
    return [1 + extra.get(w, 0) for w in WISHES]


def texts(rng: random.Random, weights: list[int] | None = None) -> str:
    """Return one free-text comment from the templates (wishes weighted when weights are given)."""
    wish = rng.choices(WISHES, weights)[0] if weights else rng.choice(WISHES)
    return f"{rng.choice(OPENERS)} {wish}{rng.choice(ENDINGS)}".strip()


def all_texts() -> list[str]:
    """Return every comment the templates can make (a few hundred)."""
    return [f"{o} {w}{e}".strip() for o in OPENERS for w in WISHES for e in ENDINGS]


def analyse_all(tagger) -> dict[str, tuple[float, float, tuple]]:
    """Work out sentiment and value tags once per possible text, in one classifier call."""
    found = all_texts()
    analysed = {}
    for text, tags in zip(found, tagger.predict(found), strict=True):
        polarity, subjectivity = sentiment.sentiment(text)
        analysed[text] = (polarity, subjectivity, tuple(
            (v, c, tags.subtheme if v == tags.primary_value else None) for v, c in tags.values))
    return analysed


def generate(session: Session, consultation: Consultation, n: int, seed: int = 1,
             batch: int = 1000, progress: Callable[[int], None] | None = None,
             tagger=None, story: Story = DEMO_STORY, wave: int = 0) -> int:
    """Add n submitted responses to the consultation; return how many were added."""
    survey = survey_of(consultation.version)
    rng = random.Random(seed)
    schools = _schools(session)
    if tagger is None:
        from engage.services.free_text import tagger as default_tagger

        tagger = default_tagger()
    analysed = analyse_all(tagger)
    done = 0
    while done < n:
        size = min(batch, n - done)
        _write_batch(session, consultation, survey, rng, schools, size, analysed, (story, wave))
        session.commit()
        done += size
        if progress:
            progress(done)
    return done


def _schools(session: Session) -> list[tuple[int, str, str]]:
    found = []
    for i in range(12):
        phase = "primary" if i < 7 else "secondary"
        school = ensure_school(session, f"Synthetic {phase} school {i + 1}", phase, AREAS[i % 5])
        found.append((school.id, phase, school.area_id))
    session.commit()
    return found


def _write_batch(session, consultation, survey: Survey, rng, schools, size: int, analysed: dict, told):
    variants = [v for v in VARIANT_SHARE if v in consultation.variants]
    weights = [VARIANT_SHARE[v] for v in variants]
    now = utcnow()
    people = []
    for _ in range(size):
        variant = rng.choices(variants, weights)[0]
        people.append(_person(rng, variant, schools, now))
    ids = _insert_returning(session, Response.__table__, [
        {**p["row"], "consultation_id": consultation.id, "version_id": consultation.version_id}
        for p in people])
    closed, open_text = [], []
    for response_id, person in zip(ids, people, strict=True):
        for row in _answers(rng, survey, person, *told):
            (open_text if row["text"] else closed).append({**row, "response_id": response_id})
    if closed:
        session.connection().execute(insert(Answer.__table__), closed)
    if open_text:
        _write_text(session, open_text, analysed)


def _person(rng: random.Random, variant: str, schools, now) -> dict:
    young = variant in YEARS
    pool = [s for s in schools if s[1] == ("primary" if variant == "primary" else "secondary")]
    school = rng.choice(pool) if variant != "professional" else None
    groups = [g for g, p in PRIORITY_SHARE.items() if rng.random() < p] if variant != "professional" \
        else []
    day = now - timedelta(days=rng.randint(0, 40), minutes=rng.randint(0, 600))
    row = {"token": secrets.token_urlsafe(32), "variant": variant, "status": ResponseStatus.SUBMITTED,
           "channel": rng.choice(("online", "online", "online", "kiosk", "paper")),
           "language": rng.choices(("en", "ar", "pl"), (93, 4, 3))[0] if young else "en",
           "school_id": school[0] if school else None,
           "year_group": rng.choice(YEARS[variant]) if young else None,
           "area_id": school[2] if school and rng.random() < 0.8 else rng.choice(AREAS),
           "started_on": day.date(), "submitted_at": day.replace(hour=0, minute=0, second=0, microsecond=0)}
    return {"row": row, "variant": variant, "groups": groups}


def _answers(rng: random.Random, survey: Survey, person: dict, story: Story, wave: int) -> list[dict]:
    variant, area = person["variant"], person["row"]["area_id"]
    items = [i for i in survey.items() if variant in i.variants]
    text_items = [i for i in items if i.type == "text"]
    chosen_text = set(i.id for i in rng.sample(text_items, min(2, len(text_items))))
    weights = wish_weights(story, person["groups"], area)
    rows = []
    for item in items:
        if item.type == "text":
            if item.id in chosen_text:
                rows.append(_row(item, text=texts(rng, weights)))
        elif item.profile == "priority_groups":
            rows.append(_row(item, choices=person["groups"] or None, value=None))
        elif rng.random() < 0.9:
            rows.append(_closed(rng, item, person, lean(story, person["groups"], area, wave, item.value)))
    return [r for r in rows if r["value"] or r["choices"] or r["text"]]


def _row(item: Item, value=None, choices=None, text=None) -> dict:
    return {"item_key": item.id, "value": value, "choices": choices, "text": text,
            "value_id": item.value, "subtheme_id": item.subtheme}


def _closed(rng: random.Random, item: Item, person: dict, lean: float) -> dict:
    row = person["row"]
    if item.type == "scale":
        score = min(5, max(1, round(rng.gauss(3.7 + lean, 1.0))))
        return _row(item, value=str(score))
    if item.type == "yesno":
        return _row(item, value=rng.choices(("yes", "no", "not_sure"), (6, 3, 1))[0])
    if item.type in ("number", "date"):
        return _row(item, value=_typed_in(rng, item, row["submitted_at"]))
    if item.profile == "school":
        return _row(item, value=str(row["school_id"]) if row["school_id"] else None)
    if item.profile == "area":
        return _row(item, value=row["area_id"])
    if item.profile == "year_group":
        return _row(item, value=str(row["year_group"]) if row["year_group"] else None)
    options = [o.id for o in item.options]
    if not options:
        return _row(item)
    if item.type in ("multi", "top3"):
        k = 3 if item.type == "top3" else rng.randint(1, min(3, len(options)))
        return _row(item, choices=rng.sample(options, min(k, len(options))))
    return _row(item, value=rng.choice(options))


def _write_text(session: Session, rows: list[dict], analysed: dict) -> None:
    for row in rows:
        row["polarity"], row["subjectivity"], _ = analysed[row["text"]]
    ids = _insert_returning(session, Answer.__table__, rows)
    tags = [{"answer_id": answer_id, "value_id": v, "subtheme_id": sub, "confidence": round(c, 4),
             "rank": rank, "source": "model"}
            for answer_id, row in zip(ids, rows, strict=True)
            for rank, (v, c, sub) in enumerate(analysed[row["text"]][2])]
    if tags:
        session.connection().execute(insert(AnswerTag.__table__), tags)


def _insert_returning(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert rows in bulk through Core (many rows per statement) and return their ids in order.

    The ORM's bulk insert with RETURNING sends one statement per row on SQLite; Core's
    "insertmanyvalues" batches them, which is what makes a million responses practical.
    """
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.connection().execute(statement, rows).scalars())


def _typed_in(rng: random.Random, item: Item, submitted) -> str:
    """A plausible number within the item's range, or a day in the year before submitting."""
    if item.type == "date":
        return (submitted.date() - timedelta(days=rng.randint(1, 365))).isoformat()
    low, high = (item.min, item.max) if item.min is not None else (0, 10)
    number = rng.triangular(low, high)
    return f"{number:.1f}" if item.decimals else str(round(number))
