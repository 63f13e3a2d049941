"""The story synthetic data tells: who answers, how groups and areas feel, what comments recur.

Audiences, schools, areas, year groups and priority groups follow rough local shares; scale
answers lean positive, less so where the story says (some priority groups and an area feel less
safe or healthy, and health fell since the year before), and some comment themes recur.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

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
