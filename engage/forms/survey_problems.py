"""Place each problem the validator found beside the editor field it is about."""
from dataclasses import dataclass

from engage.definitions.problems import Problem

# The start of a validator reason -> the item form field it names ({v} is the variant).
ITEM_FIELDS = (
    ("question", "text_{v}"), ("no question", "text_{v}"), ("hint", "hint_{v}"),
    ("options", "options"), ("option ", "options"), ("a choice question", "options"),
    ("'pick your top", "options"), ("each option", "options"), ("item id", "item_id"),
    ("unknown type", "type"), ("a scale needs", "scale"), ("only a scale", "scale"),
    ("value must", "value"), ("unknown sub-theme", "subtheme"), ("indicator", "indicator"),
    ("unknown profile", "profile"), ("variants must", "variants"), ("the item names", "variants"),
)
PAGE_FIELDS = (("title", "new_title_{v}"), ("no title", "new_title_{v}"), ("page id", "new_page_id"))


@dataclass(frozen=True)
class Placed:
    """A problem as the summary shows it, with the id of the field it links to (if any)."""

    text: str
    field: str | None


def _match(reason: str, table: tuple, variant: str | None) -> str | None:
    for start, name in table:
        if reason.startswith(start):
            if "{v}" in name and not variant:
                return None
            return name.format(v=variant)
    return None


def field_of(problem: Problem, item_id: str | None, page_id: str | None,
             item_extra: str = "extra", page_extra: str = "new_page_extra") -> str | None:
    """Return the name of the field a problem is about, if it is on this form.

    What no box names (translations, easy read, unknown keys) is about the other settings.
    """
    if item_id and problem.item == item_id:
        return _match(problem.reason, ITEM_FIELDS, problem.variant) or item_extra
    if page_id and problem.item == f"page {page_id}":
        return _match(problem.reason, PAGE_FIELDS, problem.variant) or page_extra
    return None


def place(problems: list[Problem], item_id: str | None, page_id: str | None = None,
          fields: set[str] | None = None, page_extra: str = "new_page_extra") -> tuple[list[Placed], dict]:
    """Return the summary (every problem, in order) and each field's own problems."""
    summary, by_field = [], {}
    for problem in problems:
        name = field_of(problem, item_id, page_id, page_extra=page_extra)
        if name is not None and fields is not None and name not in fields:
            name = None
        summary.append(Placed(problem.in_editor(), name))
        if name:
            by_field.setdefault(name, []).append(problem.reason)
    return summary, by_field
