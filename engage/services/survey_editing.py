"""Pure edits of a raw survey definition: items, pages and the family's own fields.

Every function changes only the keys it manages and keeps every other key as it was, so
features this editor does not know (translations, easy-read wordings, new question types'
settings) survive an edit made in the browser.
"""
from dataclasses import dataclass, field
from typing import Any

from engage.definitions.variants import CHOICE_TYPES
from engage.services.survey_wordings import OptionRow, apply_options, per_variant

__all__ = ["OptionRow", "per_variant"]  # the editor's forms build rows through this module

NEW_PAGE = "__new__"
# The keys the editor has boxes for; every other key is shown and kept as "other settings".
ITEM_KEYS = ("id", "type", "scale", "value", "subtheme", "indicator", "sensitive", "profile", "variants",
             "text", "hint", "options")
PAGE_KEYS = ("id", "title", "items")


@dataclass(frozen=True)
class ItemChanges:
    """Everything the item editor sets on one item."""

    type: str
    value: int | None
    variants: list[str]
    text: dict[str, str]
    hint: dict[str, str] = field(default_factory=dict)
    options: list[OptionRow] = field(default_factory=list)
    scale: str | None = None
    subtheme: str | None = None
    indicator: str | None = None
    profile: str | None = None
    sensitive: bool = False
    extra: dict[str, Any] | None = None  # other settings; None leaves them as they are


@dataclass(frozen=True)
class PageTarget:
    """Where an item goes: an existing page, or a new one with its id and titles."""

    page_id: str
    titles: dict[str, str] = field(default_factory=dict)
    new: bool = False
    extra: dict[str, Any] | None = None


class Missing(LookupError):
    """The page or item named is not in the definition."""


def find_item(definition: dict[str, Any], item_id: str) -> tuple[dict, int]:
    """Return the page holding an item and the item's position on it."""
    for page in definition.get("pages") or []:
        for position, item in enumerate(page.get("items") or []):
            if isinstance(item, dict) and item.get("id") == item_id:
                return page, position
    raise Missing(item_id)


def find_page(definition: dict[str, Any], page_id: str) -> dict:
    """Return the page with this id."""
    for page in definition.get("pages") or []:
        if page.get("id") == page_id:
            return page
    raise Missing(page_id)


def _set(target: dict, key: str, value: Any) -> None:
    """Set a key, or remove it when the value is empty, keeping its place if it exists."""
    if value in (None, "", False):
        target.pop(key, None)
    else:
        target[key] = value


def other_settings(target: dict[str, Any], managed: tuple[str, ...]) -> dict[str, Any]:
    """Return the keys of an item or page that the editor has no boxes for."""
    return {k: v for k, v in target.items() if k not in managed}


def set_other_settings(target: dict[str, Any], extra: dict[str, Any] | None, managed: tuple[str, ...]) -> None:
    """Replace the keys the editor has no boxes for (None keeps them as they are)."""
    if extra is None:
        return
    for key in [k for k in target if k not in managed and k not in extra]:
        del target[key]
    target.update({k: v for k, v in extra.items() if k not in managed})


def apply_item(item: dict[str, Any], changes: ItemChanges, family: list[str]) -> dict[str, Any]:
    """Set the editor's fields on an item, keeping its other keys."""
    shown = [v for v in family if v in changes.variants]
    item["type"] = changes.type
    _set(item, "scale", changes.scale if changes.type == "scale" else None)
    item["value"] = changes.value
    _set(item, "subtheme", changes.subtheme)
    _set(item, "indicator", changes.indicator)
    _set(item, "sensitive", changes.sensitive)
    _set(item, "profile", changes.profile)
    if "variants" in item or shown != family:
        item["variants"] = shown
    item["text"] = per_variant(item.get("text"), changes.text, shown, family)
    _set(item, "hint", per_variant(item.get("hint"), changes.hint, shown, family) or None)
    if changes.type in CHOICE_TYPES:
        item["options"] = apply_options(item.get("options"), changes.options, shown, family)
    else:
        item.pop("options", None)
    set_other_settings(item, changes.extra, ITEM_KEYS)
    return item


def put_item(definition: dict[str, Any], item_id: str | None, new_id: str, changes: ItemChanges,
             target: PageTarget) -> str:
    """Add or change an item and place it on the target page; return a note for the audit log."""
    family = list(definition.get("variants") or [])
    if item_id is None:
        item, note = {"id": new_id}, f"added {new_id}"
    else:
        page, position = find_item(definition, item_id)
        item, note = page["items"][position], f"changed {item_id}"
    apply_item(item, changes, family)
    destination = _target_page(definition, target)
    if item_id is None:
        destination["items"].append(item)
    elif destination is not page:
        page["items"].pop(position)
        destination["items"].append(item)
        _drop_if_empty(definition, page)
        note += f", moved to page {destination['id']}"
    return note


def _target_page(definition: dict[str, Any], target: PageTarget) -> dict:
    if not target.new:
        return find_page(definition, target.page_id)
    page = {"id": target.page_id, "title": {v: t.strip() for v, t in target.titles.items() if t.strip()},
            "items": []}
    set_other_settings(page, target.extra, PAGE_KEYS)
    definition.setdefault("pages", []).append(page)
    return page


def _drop_if_empty(definition: dict[str, Any], page: dict) -> None:
    if not page.get("items"):
        definition["pages"].remove(page)


def remove_item(definition: dict[str, Any], item_id: str) -> str:
    """Remove an item, and its page if nothing is left on it."""
    page, position = find_item(definition, item_id)
    page["items"].pop(position)
    _drop_if_empty(definition, page)
    return f"removed {item_id}"


def remove_page(definition: dict[str, Any], page_id: str) -> str:
    """Remove a page and every item on it."""
    definition["pages"].remove(find_page(definition, page_id))
    return f"removed page {page_id}"


def _swap(sequence: list, position: int, direction: str) -> bool:
    other = position - 1 if direction == "up" else position + 1
    if direction not in ("up", "down") or not 0 <= other < len(sequence):
        return False
    sequence[position], sequence[other] = sequence[other], sequence[position]
    return True


def move_item(definition: dict[str, Any], item_id: str, direction: str) -> str:
    """Move an item one place up or down its page."""
    page, position = find_item(definition, item_id)
    if not _swap(page["items"], position, direction):
        raise Missing(item_id)
    return f"moved {item_id} {direction}"


def move_page(definition: dict[str, Any], page_id: str, direction: str) -> str:
    """Move a page one place up or down the survey."""
    pages = definition["pages"]
    if not _swap(pages, pages.index(find_page(definition, page_id)), direction):
        raise Missing(page_id)
    return f"moved page {page_id} {direction}"


def set_page_titles(definition: dict[str, Any], page_id: str, titles: dict[str, str],
                    extra: dict[str, Any] | None = None) -> str:
    """Change a page's titles for the family's variants (and its other settings, if given)."""
    page = find_page(definition, page_id)
    family = list(definition.get("variants") or [])
    page["title"] = per_variant(page.get("title"), titles, [v for v in family if titles.get(v)], family)
    set_other_settings(page, extra, PAGE_KEYS)
    return f"page {page_id} titles"


def set_family(definition: dict[str, Any], title: str, description: str) -> str:
    """Change the title and description officers see."""
    definition["title"] = title.strip()
    _set(definition, "description", description.strip())
    return "title and description"


def new_family(slug: str, title: str, description: str, variants: list[str], page: PageTarget,
               item_id: str, changes: ItemChanges) -> dict[str, Any]:
    """Return a new family with one page and one question, to build on."""
    definition: dict[str, Any] = {"family": slug, "title": title.strip()}
    _set(definition, "description", description.strip())
    definition.update(variants=list(variants), pages=[])
    put_item(definition, None, item_id, changes, PageTarget(page.page_id, page.titles, new=True))
    return definition
