"""Easy read: the primary questions in the shortest words, one idea per line, a picture per option.

An item shown to primary carries an ``easy_read`` block in its definition::

    easy_read:
      text: "Do you feel safe at school?"
      hint: "Pick the face that fits."          # optional
      options:                                 # choice items: every option, with a symbol
        parks: {label: "Parks", symbol: park}

A survey offers easy read only when every item primary sees has one. Scales and yes/no
questions take no options: their easy-read labels come from the
``easy_read`` section of copy.yaml, with faces and symbols drawn by the app.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from engage.definitions.problems import Problem
from engage.definitions.readability import fk_grade, words_in

# Easy read sits well under primary's grade 4, and no line runs on.
EASY_READ_GRADE = 3.0
MAX_LINE_WORDS = 12
KEYS = {"text", "hint", "options"}
SYMBOLS_DIR = Path(__file__).resolve().parents[2] / "static" / "images" / "symbols"
_LINE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class EasyOption:
    """An option's easy-read label and the picture symbol drawn beside it."""

    label: str
    symbol: str


@dataclass(frozen=True)
class EasyRead:
    """An item's easy-read wording."""

    text: str
    hint: str | None = None
    options: dict[str, EasyOption] = field(default_factory=dict)


def parse_easy_read(raw: object) -> EasyRead | None:
    """Build the typed easy-read wording from a validated definition."""
    if not isinstance(raw, dict):
        return None
    options = {str(k): EasyOption(str(v["label"]), str(v["symbol"]))
               for k, v in (raw.get("options") or {}).items()}
    return EasyRead(str(raw["text"]), raw.get("hint"), options)


def offers_easy_read(items: list) -> bool:
    """Say whether every primary item has easy-read wording, so the rendition is whole."""
    primary = [i for i in items if "primary" in i.variants]
    return bool(primary) and all(i.easy_read is not None for i in primary)


def lines(text: str | None) -> list[str]:
    """Split easy-read wording into lines: one sentence, one idea, per line."""
    return [piece.strip() for piece in _LINE_END.split(text or "") if piece.strip()]


def symbols() -> set[str]:
    """Return the names of the picture symbols in static/images/symbols."""
    return {p.stem for p in SYMBOLS_DIR.glob("*.svg")}


def check_easy_wording(text: str) -> str | None:
    """Return why text is not easy read (too hard, or a line too long), or None."""
    for line in lines(text):
        if len(words_in(line)) > MAX_LINE_WORDS:
            return f"easy read: a line has more than {MAX_LINE_WORDS} words: '{line}'"
    grade = fk_grade(text)
    if grade > EASY_READ_GRADE:
        return f"easy read: reading grade {grade:.1f} is above {EASY_READ_GRADE:g}"
    return None


def problems(item: dict, shown_to: tuple, file: str, where: str) -> list[Problem]:
    """Check an item's easy_read block: present for primary items, readable, a symbol per option."""
    raw = item.get("easy_read")
    if "primary" not in shown_to:
        return [Problem(file, "easy_read is only for items primary sees", where)] if raw else []
    if raw is None:
        return []  # then the survey offers no easy read (see offers_easy_read)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return [Problem(file, "easy_read needs a text", where, "easy_read")]
    found = [Problem(file, f"unknown key '{k}' in easy_read", where) for k in sorted(set(raw) - KEYS)]
    for key in ("text", "hint"):
        reason = check_easy_wording(str(raw.get(key) or ""))
        found += [Problem(file, f"{key}: {reason}", where, "easy_read")] if reason else []
    return found + _options(item, raw.get("options"), file, where)


def _options(item: dict, given: object, file: str, where: str) -> list[Problem]:
    wanted = [str(o.get("id")) for o in item.get("options") or [] if isinstance(o, dict)]
    if not wanted:
        return [Problem(file, "easy_read options are only for items with options", where)] if given else []
    if not isinstance(given, dict):
        return [Problem(file, "easy_read needs options: a label and symbol for each", where, "easy_read")]
    found = [Problem(file, f"easy_read has no option '{o}'", where, "easy_read") for o in wanted if o not in given]
    known = symbols()
    for option_id, option in given.items():
        if str(option_id) not in wanted:
            found.append(Problem(file, f"easy_read option '{option_id}' is not an option", where))
        elif not isinstance(option, dict) or not option.get("label") or option.get("symbol") not in known:
            found.append(Problem(file, f"easy_read option '{option_id}' needs a label and a symbol "
                                       f"from static/images/symbols", where, "easy_read"))
    labels = " ".join(f"{str(o.get('label')).rstrip('.?!')}." for o in given.values() if isinstance(o, dict))
    reason = check_easy_wording(labels)
    found += [Problem(file, f"options: {reason}", where, "easy_read")] if reason else []
    if item.get("profile") == "priority_groups":  # sentences about the reader: each must be easy
        found += _each_label(given, file, where)
    return found


def _each_label(given: dict, file: str, where: str) -> list[Problem]:
    found = []
    for option_id, option in given.items():
        reason = check_easy_wording(str(option.get("label") or "")) if isinstance(option, dict) else None
        found += [Problem(file, f"option '{option_id}' label: {reason}", where, "easy_read")] if reason else []
    return found
