"""Wordings per variant and options, as the editor merges them into a raw definition.

Only the family's variants are touched: any other key of a wording or an option is kept.
"""
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OptionRow:
    """One option as typed in the editor: its id, a label for everyone, overrides by variant."""

    id: str
    label: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    was: str = ""  # the id it had before, so a renamed option keeps its other keys
    order: int = 0


def per_variant(old: Any, new: dict[str, str], shown: list[str], family: list[str]) -> dict[str, str]:
    """Merge wordings typed for the family's variants into the old ones, keeping other keys."""
    merged = dict(old) if isinstance(old, dict) else {}
    for variant in family:
        words = (new.get(variant) or "").strip()
        if variant in shown and words:
            merged[variant] = words
        else:
            merged.pop(variant, None)
    return merged


def _label(row: OptionRow, old: Any, shown: list[str], family: list[str]) -> str | dict[str, str]:
    overrides = {v: row.labels[v].strip() for v in shown if (row.labels.get(v) or "").strip()}
    if not overrides and not isinstance(old, dict):
        return row.label.strip()
    common = row.label.strip()
    return per_variant(old, {v: overrides.get(v) or common for v in shown}, shown, family)


def apply_options(old: Any, rows: list[OptionRow], shown: list[str], family: list[str]) -> list[dict]:
    """Return the options in the rows' order, each keeping the keys the editor does not set."""
    by_id = {str(o.get("id")): o for o in (old or []) if isinstance(o, dict)}
    options = []
    for row in sorted(rows, key=lambda r: r.order):
        before = by_id.get(row.was or row.id, {})
        option = dict(before)
        option["id"] = before["id"] if str(before.get("id")) == row.id else row.id
        option["label"] = _label(row, before.get("label"), shown, family)
        options.append(option)
    return options
