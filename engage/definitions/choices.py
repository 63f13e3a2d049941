"""The choices a question offers to one variant, with their labels in its own words."""
from dataclasses import dataclass

from engage.definitions.survey import Item

FACES = ("very-happy", "happy", "neutral", "sad", "very-sad")
RATHER_NOT = "rather_not"
NOT_LISTED = "not_listed"
# Home-educated children, apprentices, young people in work or in neither: an answer, not a school.
NOT_AT_SCHOOL = "not_at_school"
# Many professionals work across every area: an answer to "which area", counted apart from the areas.
WHOLE_BOROUGH = "borough"
# Its name wherever officers read it (results, participation, exports).
WHOLE_BOROUGH_LABEL = "Across the whole borough"
SCALE_VALUES = ("5", "4", "3", "2", "1")  # most positive first, as shown
YESNO_VALUES = ("yes", "no", "not_sure")


@dataclass(frozen=True)
class Choice:
    """One option: the stored value, the label shown, and a face for primary scales."""

    value: str
    label: str
    face: str | None = None


def choices_for(item: Item, variant: str, copy: dict, schools: list[tuple[str, str]]) -> list[Choice]:
    """Return the options a respondent of this variant sees for this item."""
    if item.type == "scale":
        labels = copy[f"{item.scale}_scale"]
        faces = FACES if variant == "primary" else (None,) * len(FACES)
        found = [Choice(v, lab, f) for v, lab, f in zip(SCALE_VALUES, labels, faces, strict=True)]
    elif item.type == "yesno":
        found = [Choice(v, copy[v]) for v in YESNO_VALUES]
    elif item.profile == "school":
        # A child whose school is missing, who goes to none, or who would rather not name it,
        # still has an answer.
        found = [Choice(value, name) for value, name in schools]
        found += [Choice(o.id, o.label[variant]) for o in item.options]
        found += [Choice(NOT_LISTED, copy["school_not_listed"]), Choice(NOT_AT_SCHOOL, copy["not_at_school"]),
                  Choice(RATHER_NOT, copy["rather_not_say"])]
    elif item.type == "text":
        found = []
    else:
        found = [Choice(o.id, o.label[variant]) for o in item.options]
    if item.profile == "area" and "area_whole_borough" in copy:
        found.append(Choice(WHOLE_BOROUGH, copy["area_whole_borough"]))
    if item.sensitive and item.type != "text" and item.profile != "school":
        found.append(Choice(RATHER_NOT, copy["rather_not_say"]))
    return found
