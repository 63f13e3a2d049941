"""Words for people: audience, group, area, age band, channel and language names, never ids or codes."""
from __future__ import annotations

from engage.definitions.choices import WHOLE_BOROUGH, WHOLE_BOROUGH_LABEL
from engage.definitions.translations import NAMES as LANGUAGE_NAMES
from engage.framework import Framework
from engage.words import noun_for

AUDIENCE_LABELS = {"young": "Young people", "parent": "Parents and carers", "professional": "Professionals"}
# The same audiences inside a sentence ("6 in 10 young people ...").
AUDIENCE_WORDS = {"young": "young people", "parent": "parents and carers", "professional": "professionals"}
VARIANT_LABELS = {"primary": "Young people aged 8 to 10", "secondary": "Young people aged 11 to 16",
                  "post16": "Young people aged 16 to 25", "parent": "Parents and carers",
                  "professional": "Professionals"}
CHANNEL_LABELS = {"online": "Online", "paper": "On paper (entered by an officer)", "kiosk": "At a kiosk"}


def points(n: int, signed: bool = False) -> str:
    """A difference in percentage points in words: "1 point", "12 points"; signed: "+1 point", "-12 points"."""
    number = f"{n:+d}" if signed else str(n)
    return f"{number} {noun_for(n, 'point')}"


def names(framework: Framework) -> dict[str, str]:
    """Return every id or code a results table may hold, mapped to the words people read."""
    found = {**AUDIENCE_LABELS, **VARIANT_LABELS, **CHANNEL_LABELS, **LANGUAGE_NAMES}
    found.update({g["id"]: g["label"] for g in framework.priority_groups})
    found.update({a["id"]: a["name"] for a in framework.areas})
    found[WHOLE_BOROUGH] = WHOLE_BOROUGH_LABEL
    found.update({b["id"]: b["label"] for b in framework.age_bands})
    found.update({str(v.id): v.short for v in framework.values})
    found["not known"] = "Not known"
    return found
