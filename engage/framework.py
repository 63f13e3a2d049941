"""The council's outcome framework (five values and sub-themes), read from YAML."""
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Subtheme:
    """A second-level theme under a value, e.g. 2b self-harm."""

    id: str
    title: str
    ref: str
    child_title: dict[str, str]


@dataclass(frozen=True)
class Value:
    """One of the five values, with canonical wording and child-friendly titles."""

    id: int
    short: str
    title: str
    ref: str
    description: str
    child_title: dict[str, str]
    variants: tuple[str, ...] = ()
    subthemes: tuple[Subtheme, ...] = ()


@dataclass(frozen=True)
class Framework:
    """The whole framework plus the priority groups and areas used in "about you"."""

    values: tuple[Value, ...]
    priority_groups: tuple[dict, ...] = ()
    areas: tuple[dict, ...] = ()
    age_bands: tuple[dict, ...] = ()
    subtheme_index: dict[str, int] = field(default_factory=dict)

    def value(self, value_id: int) -> Value:
        """Return the value with this id."""
        return next(v for v in self.values if v.id == value_id)

    def has_subtheme(self, value_id: int, subtheme_id: str) -> bool:
        """Say whether the sub-theme belongs to the value."""
        return self.subtheme_index.get(subtheme_id) == value_id


@lru_cache(maxsize=8)
def load_framework(path: str) -> Framework:
    """Read framework.yaml into typed, immutable objects."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    values = tuple(_value(v) for v in raw["values"])
    index = {s.id: v.id for v in values for s in v.subthemes}
    return Framework(
        values=values,
        priority_groups=tuple(raw.get("priority_groups", ())),
        areas=tuple(raw.get("areas", ())),
        age_bands=tuple(raw.get("age_bands", ())),
        subtheme_index=index,
    )


def _value(raw: dict) -> Value:
    subthemes = tuple(
        Subtheme(str(s["id"]), s["title"], str(s.get("ref", "")), s.get("child_title", {}))
        for s in raw.get("subthemes", ())
    )
    return Value(
        id=int(raw["id"]),
        short=raw["short"],
        title=raw["title"],
        ref=str(raw.get("ref", "")),
        description=raw.get("description", ""),
        child_title=raw.get("child_title", {}),
        variants=tuple(raw.get("variants", ())),
        subthemes=subthemes,
    )
