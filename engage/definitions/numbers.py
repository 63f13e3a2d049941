"""Number and date questions: the keys they take, checked as `surveys check` checks the rest.

A number question may allow decimals (`decimals: true`) and give the smallest and largest answer
it accepts (`min`, `max`); without them any whole number goes. A date question is answered as a
day, a month and a year, stored as YYYY-MM-DD.
"""
from engage.definitions.problems import Problem

ANSWER_TYPES = ("number", "date")
KEYS = {"decimals", "min", "max"}


def problems(item: dict, file: str, where: str) -> list[Problem]:
    """Return what is wrong with a number or date item's own keys (or their use elsewhere)."""
    kind = item.get("type")
    given = sorted(KEYS & set(item))
    if kind not in ANSWER_TYPES:
        return [Problem(file, f"only a number item takes '{key}'", where) for key in given]
    found = []
    if item.get("sensitive") or item.get("profile"):
        found.append(Problem(file, f"a {kind} item takes no 'sensitive' or 'profile'", where))
    if kind == "date":
        return found + [Problem(file, f"only a number item takes '{key}'", where) for key in given]
    if "decimals" in item and not isinstance(item["decimals"], bool):
        found.append(Problem(file, "decimals must be true or false", where))
    bounds = {key: item[key] for key in ("min", "max") if key in item}
    for key, bound in bounds.items():
        if not _is_number(bound):
            found.append(Problem(file, f"{key} must be a number", where))
    if len(bounds) == 1:
        found.append(Problem(file, "give both min and max, or neither", where))
    if len(bounds) == 2 and all(_is_number(b) for b in bounds.values()) and bounds["min"] >= bounds["max"]:
        found.append(Problem(file, "min must be smaller than max", where))
    return found


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
