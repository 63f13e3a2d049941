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


# Audiences as the new-survey form names them.
_AUDIENCE = {"primary": "primary", "secondary": "secondary", "post16": "post-16", "parent": "parents and carers",
             "professional": "professionals"}


def place_new_family(problems: list[Problem], page_id: str, item_id: str) -> tuple[list[Placed], dict]:
    """Place the validator's problems beside the new-survey form's boxes, in the words of its labels.

    The validator speaks the file format ("family must be a short id ..."); someone starting a
    survey in the editor has typed a "Survey id" and a "First page id", and reads those words.
    """
    summary, by_field = [], {}
    for problem in problems:
        field, text = _new_family_field(problem, page_id, item_id)
        summary.append(Placed(text, field))
        if field:
            by_field.setdefault(field, []).append(text)
    return summary, by_field


def _new_family_field(problem: Problem, page_id: str, item_id: str) -> tuple[str | None, str]:
    reason, who = problem.reason, _AUDIENCE.get(problem.variant or "", problem.variant)
    for_whom = f" ({who})" if who else ""
    if reason.startswith("family must be"):
        return "family", "Survey id: use only lower-case letters, digits and dashes, for example youth-priorities-2027."
    if problem.item == f"page {page_id}":
        if reason.startswith("page id"):
            return "page_id", "First page id: use only lower-case letters, digits and _, for example about_you."
        if reason.startswith(("title", "no title")):
            return "page_title", f"First page title{for_whom}: {reason.removeprefix('title: ')}"
    if problem.item == item_id:
        if reason.startswith("item id"):
            return "item_id", "First question id: use only lower-case letters, digits and _, for example ideas."
        if reason.startswith(("question", "no question")):
            return "question", f"First question{for_whom}: {reason.removeprefix('question: ')}"
    return None, problem.in_editor()
