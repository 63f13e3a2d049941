"""What the screen says about one text, and the words a lead sees for each category."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES: dict[str, str] = {
    "physical_abuse": "Physical abuse", "sexual_abuse": "Sexual abuse",
    "emotional_abuse": "Emotional abuse", "neglect": "Neglect",
    "domestic_abuse": "Domestic abuse at home", "self_harm": "Self-harm",
    "suicidal_thoughts": "Suicidal thoughts or plans", "online_grooming": "Online grooming",
    "exploitation": "Criminal or sexual exploitation", "severe_bullying": "Severe bullying",
    "going_missing": "Running away or going missing",
    "position_of_trust": "Concern about an adult in a position of trust (LADO)",
    "harmful_practices": "Forced marriage, FGM or honour-based abuse",
    "radicalisation": "Radicalisation or extremism",
    "eating_disorder": "Eating disorder",
    "young_carer": "Young carer under strain",
    "other": "Other worry about safety",
    "not_screened": "Not screened: written in a language the screen cannot read",
}
# A flag that only says no screen could read the text's language (see analysis.language): once a
# lead has read it and closed it with no further action, it is an ordinary comment again.
NOT_SCREENED = "not_screened"

# "check" is the uncertain band: a person should read it, below the definite flags.
SEVERITIES = ("none", "check", "concern", "immediate")
RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Screening:
    """Outcome of screening one text."""

    flag: bool
    severity: str  # "immediate" | "concern" | "check" | "none"
    category: str | None
    matched: tuple[str, ...] = ()


NONE = Screening(False, "none", None, ())
