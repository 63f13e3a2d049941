"""A validated definition as typed objects, and how it is paged for each variant."""
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from engage.definitions.easy_read import EasyRead, parse_easy_read
from engage.definitions.variants import CHOICE_TYPES


@dataclass(frozen=True)
class Option:
    """A choice in a single, multiple or top-3 question."""

    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Item:
    """One question, with one id and a wording per variant."""

    id: str
    type: str
    value: int
    variants: tuple[str, ...]
    text: dict[str, str]
    hint: dict[str, str]
    options: tuple[Option, ...] = ()
    scale: str | None = None
    subtheme: str | None = None
    indicator: str | None = None
    sensitive: bool = False
    profile: str | None = None
    # The easy-read wording primary items carry.
    easy_read: EasyRead | None = None
    # Ballots only: rank up to this many options (None: choose one).
    rank: int | None = None
    # Number questions only: decimals allowed, and the smallest and largest answer accepted.
    decimals: bool = False
    min: float | None = None
    max: float | None = None

    @property
    def has_options(self) -> bool:
        """Say whether the respondent picks from listed options."""
        return self.type in CHOICE_TYPES


@dataclass(frozen=True)
class Page:
    """A group of items shown together (for primary, each item has its own page)."""

    id: str
    title: dict[str, str]
    items: tuple[Item, ...]
    # Words shown under the title before the questions (an XLSForm's notes), per variant.
    intro: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Survey:
    """A whole survey family version."""

    family: str
    title: str
    description: str
    variants: tuple[str, ...]
    pages: tuple[Page, ...]
    _pages: dict[Hashable, tuple[Page, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def items(self) -> list[Item]:
        """Return every item in order."""
        return [item for page in self.pages for item in page.items]

    def item(self, item_id: str) -> Item:
        """Return the item with this id."""
        return next(i for i in self.items() if i.id == item_id)

    def pages_for(self, variant: str) -> list[Page]:
        """Return the pages the variant sees; primary sees one question per page."""
        # Worked out once per audience: a parsed survey is kept per version and asked on every page.
        if variant not in self._pages:
            self._pages[variant] = tuple(self._pages_of(variant))
        return list(self._pages[variant])

    def pages_asking(self, variant: str, skipped_profiles: tuple[str, ...] = ()) -> list[Page]:
        """Return the variant's pages that still ask something once these "about you" items are skipped."""
        key = (variant, skipped_profiles)
        if key not in self._pages:
            self._pages[key] = tuple(page for page in self.pages_for(variant)
                                     if any(i.profile not in skipped_profiles for i in page.items))
        return list(self._pages[key])

    def _pages_of(self, variant: str) -> list[Page]:
        pages = []
        for page in self.pages:
            items = tuple(i for i in page.items if variant in i.variants)
            if not items:
                continue
            if variant == "primary":  # the intro goes before the page's first question only
                pages += [Page(f"{page.id}.{i.id}", page.title, (i,), page.intro if n == 0 else {})
                          for n, i in enumerate(items)]
            else:
                pages.append(Page(page.id, page.title, items, page.intro))
        return pages


def from_definition(raw: dict[str, Any]) -> Survey:
    """Build typed objects from a definition that has passed validation."""
    variants = tuple(raw["variants"])
    pages = tuple(
        Page(str(p["id"]), dict(p["title"]), tuple(_item(i, variants) for i in p["items"]), dict(p.get("intro") or {}))
        for p in raw["pages"]
    )
    return Survey(raw["family"], raw["title"], raw.get("description", ""), variants, pages)


def _item(raw: dict[str, Any], family_variants: tuple[str, ...]) -> Item:
    variants = tuple(raw.get("variants") or family_variants)
    options = tuple(
        Option(str(o["id"]), _per_variant(o["label"], variants)) for o in raw.get("options") or ()
    )
    return Item(
        id=raw["id"],
        type=raw["type"],
        value=int(raw["value"]),
        variants=variants,
        text=dict(raw["text"]),
        hint=dict(raw.get("hint") or {}),
        options=options,
        scale=raw.get("scale"),
        subtheme=str(raw["subtheme"]) if raw.get("subtheme") is not None else None,
        indicator=raw.get("indicator"),
        sensitive=bool(raw.get("sensitive", False)),
        profile=raw.get("profile"),
        easy_read=parse_easy_read(raw.get("easy_read")),
        rank=raw.get("rank"),
        decimals=bool(raw.get("decimals", False)),
        min=raw.get("min"),
        max=raw.get("max"),
    )


def _per_variant(label: str | dict[str, str], variants: tuple[str, ...]) -> dict[str, str]:
    if isinstance(label, str):
        return {v: label for v in variants}
    return dict(label)


# Versions never change, so a parsed survey is reused for the life of the process.
_SURVEYS: dict[tuple[int, str], Survey] = {}


def survey_of(version) -> Survey:
    """Return the typed survey of a stored version (anything with id, checksum and definition)."""
    key = (version.id, version.checksum)
    if key not in _SURVEYS:
        _SURVEYS[key] = from_definition(version.definition)
    return _SURVEYS[key]
