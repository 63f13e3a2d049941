"""Number and date answers grouped into a few bands, so they can be counted and protected like
choices; and the median and quartiles of the numbers.

Bands are even and round (1, 2, 5, 10, 20, 25, 50 ... wide) so a table reads "10 to 19", "20 to
29"; dates fall in months, or in years when the answers span more than two years. Pure: values
and counts in, labels out.
"""
import math
from datetime import date

import pandas as pd

MAX_BANDS = 6
STEPS = (1, 2, 2.5, 5)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def band_labels(kind: str, values: list[str], decimals: bool = False) -> dict[str, str]:
    """Map each stored answer to its band's label (answers that cannot be read are left out)."""
    if kind == "date":
        days = {v: _day(v) for v in values}
        return _date_bands({v: d for v, d in days.items() if d})
    numbers = {v: _number(v) for v in values}
    return _number_bands({v: n for v, n in numbers.items() if n is not None}, decimals)


def banded(counts: pd.Series, item_key: str, kind: str, decimals: bool = False) -> tuple[pd.Series, list[str]]:
    """Return one item's counts (item_key, audience, value) with values replaced by band labels,
    and the labels in order."""
    if item_key not in counts.index.get_level_values(0):
        return counts.iloc[0:0], []
    own = counts.loc[[item_key]]
    labels = band_labels(kind, list(own.index.get_level_values(2).unique()), decimals)
    keep = own.index.get_level_values(2).isin(list(labels))
    own = own[keep]
    index = pd.MultiIndex.from_arrays([own.index.get_level_values(0), own.index.get_level_values(1),
                                       own.index.get_level_values(2).map(labels)], names=own.index.names)
    grouped = pd.Series(own.to_numpy(), index=index).groupby(level=[0, 1, 2]).sum()
    return grouped, list(dict.fromkeys(labels[v] for v in sorted(labels, key=lambda v: _order(kind, v))))


def spread(counts: pd.Series, item_key: str, threshold: int) -> dict | None:
    """Return the median and quartiles of a number item's answers; None under the threshold."""
    if item_key not in counts.index.get_level_values(0):
        return None
    by_value = counts.loc[item_key].groupby(level=1).sum()
    numbers = pd.Series(by_value.to_numpy(), index=[_number(v) for v in by_value.index]).drop(labels=[None],
                                                                                           errors="ignore")
    total = int(numbers.sum())
    if total < max(threshold, 1):
        return None
    ordered = numbers.sort_index()
    return {"answered": total, "lower_quartile": _at(ordered, 0.25), "median": _at(ordered, 0.5),
            "upper_quartile": _at(ordered, 0.75)}


def _at(ordered: pd.Series, share: float) -> float:
    """The value below which this share of answers falls (the nearest-rank method)."""
    rank = max(1, math.ceil(share * int(ordered.sum())))
    return float(ordered.index[int((ordered.cumsum() >= rank).to_numpy().argmax())])


def _number_bands(numbers: dict[str, float], decimals: bool) -> dict[str, str]:
    if not numbers:
        return {}
    low, high = min(numbers.values()), max(numbers.values())
    width = _width(low, high, decimals)
    return {v: _number_label(math.floor(n / width) * width, width, decimals) for v, n in numbers.items()}


def _width(low: float, high: float, decimals: bool) -> float:
    scale = 0.01 if decimals else 1
    while True:
        for step in STEPS:
            width = step * scale
            if (decimals or float(width).is_integer()) and \
                    math.floor(high / width) - math.floor(low / width) < MAX_BANDS:
                return width
        scale *= 10


def _number_label(start: float, width: float, decimals: bool) -> str:
    if not decimals and width == 1:
        return _plain(start)
    if not decimals:
        return f"{_plain(start)} to {_plain(start + width - 1)}"
    return f"{_plain(start)} to under {_plain(start + width)}"


def _plain(number: float) -> str:
    return f"{round(number, 6):g}"


def _date_bands(days: dict[str, date]) -> dict[str, str]:
    if not days:
        return {}
    by_year = max(days.values()).year - min(days.values()).year >= 2
    return {v: str(d.year) if by_year else f"{MONTHS[d.month - 1]} {d.year}" for v, d in days.items()}


def _order(kind: str, value: str):
    return _day(value) if kind == "date" else _number(value)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _number(value: str) -> float | None:
    try:
        found = float(str(value))
    except ValueError:
        return None
    return found if math.isfinite(found) else None
