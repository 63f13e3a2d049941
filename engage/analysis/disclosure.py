"""A disclosure's value tag follows its safeguarding category when the tagger finds it plausible.

The tagger may read "my dad hits me" as parenting (value 4) because of "dad", with being safe
(value 1) close behind; as a disclosure it is about being safe, and self-harm or suicidal
thoughts are about health (value 2). But the screen flags widely on purpose (a person reads
every flag), so many flagged comments are about something else: a food-poverty comment
flagged for neglect is still value 4. Overriding every flag cost 0.016 macro-F1 in
cross-validation by source group; following the category only when its value is among the
tagger's suggestions (at least SECONDARY_THRESHOLD) won most of that back and keeps
disclosures like the one above on their safeguarding value.
"""
from engage.analysis.safeguarding import Screening
from engage.analysis.tagging import SECONDARY_THRESHOLD, Tagging

CATEGORY_TAGS: dict[str, tuple[int, str]] = {
    "physical_abuse": (1, "1a"), "sexual_abuse": (1, "1a"), "emotional_abuse": (1, "1a"),
    "neglect": (1, "1a"), "domestic_abuse": (1, "1a"), "exploitation": (1, "1a"),
    "severe_bullying": (1, "1a"), "going_missing": (1, "1a"), "position_of_trust": (1, "1a"),
    "online_grooming": (1, "1d"), "self_harm": (2, "2b"), "suicidal_thoughts": (2, "2c"),
    "harmful_practices": (1, "1a"), "radicalisation": (1, "1a"), "young_carer": (1, "1e"),
    "eating_disorder": (2, "2a"),
}


def tag_disclosure(tagging: Tagging, screening: Screening) -> Tagging:
    """Put the category's value first when the screen flags the text and the tagger suggests it."""
    if not screening.flag or screening.category not in CATEGORY_TAGS:
        return tagging
    value, subtheme = CATEGORY_TAGS[screening.category]
    if dict(tagging.values).get(value, 0.0) < SECONDARY_THRESHOLD:
        return tagging
    others = tuple((v, c) for v, c in tagging.values if v != value)
    return Tagging(value, ((value, 1.0), *others), subtheme, 1.0)
