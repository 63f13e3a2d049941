"""Pages and questions named for officers in words (a title or a wording), not by their ids."""
from typing import Any

LONGEST = 70  # characters of a wording, enough to tell questions apart in a heading or a list
TYPES = {"scale": "Scale (5 points)", "single": "Choose one", "multi": "Choose any", "yesno": "Yes, no or not sure",
         "text": "Free text", "top3": "Pick up to 3", "ballot": "Ballot", "number": "Number", "date": "Date"}


def first_words(value: Any) -> str:
    """Return the first wording of a per-audience dict (or a plain string), shortened."""
    text = next(iter(value.values()), "") if isinstance(value, dict) else value or ""
    text = " ".join(str(text).split())
    return text if len(text) <= LONGEST else text[:LONGEST].rsplit(" ", 1)[0] + "…"


def item_name(item: dict[str, Any]) -> str:
    """Name a question by its first wording, in quotes."""
    words = first_words(item.get("text"))
    return f"“{words}”" if words else "a question with no wording"


def page_title(page: dict[str, Any]) -> str:
    """Return a page's title in words, or, when it has none, its first question's wording."""
    items = page.get("items") or []
    return first_words(page.get("title")) or (first_words(items[0].get("text")) if items else "") or "No title"


def page_names(definition: dict[str, Any]) -> dict[str, str]:
    """Name every page as "page 2, “Keeping well”": its place in the survey and its title."""
    return {page.get("id"): f"page {number}, “{page_title(page)}”"
            for number, page in enumerate(definition.get("pages") or [], start=1)}


def problem_words(problem: Any, definition: dict[str, Any], audiences: dict[str, str]) -> str:
    """Say where a problem is as an officer reads it: the question's wording and the audience's name."""
    items = {i.get("id"): i for p in definition.get("pages") or [] for i in p.get("items") or []}
    pages = page_names(definition)
    where = problem.item or ""
    if where in items:
        where = item_name(items[where])
    elif where.startswith("page ") and where[5:] in pages:
        where = pages[where[5:]]
    if problem.variant:
        where = f"{where} ({audiences.get(problem.variant, problem.variant)})".strip()
    return f"{where}: {problem.reason}" if where else problem.reason
