"""XLSForm question types mapped to engage's, with a plain reason for each one engage cannot ask."""
import re
from dataclasses import dataclass

from engage.definitions.variants import ITEM_TYPES, SCALES, TOP_CHOICES

CHOICE_TYPES = {"select_one": "single", "select_multiple": "multi", "rank": "top3"}
# Older forms spell the select types in words.
SPELLINGS = (("select all that apply ", "select_multiple "), ("select multiple ", "select_multiple "),
             ("select one ", "select_one "))
ANONYMOUS = "engage never keeps device or timing details, so answers stay anonymous"
SKIPPED = {
    "range": "engage has no slider questions",
    "time": "engage asks for dates but not times of day",
    "datetime": "engage asks for dates but not times of day",
    "geopoint": "engage does not ask where people are, so answers stay anonymous",
    "geotrace": "engage does not ask where people are, so answers stay anonymous",
    "geoshape": "engage does not ask where people are, so answers stay anonymous",
    "image": "engage does not take photos, recordings or files",
    "audio": "engage does not take photos, recordings or files",
    "video": "engage does not take photos, recordings or files",
    "file": "engage does not take photos, recordings or files",
    "barcode": "engage does not scan barcodes",
    "calculate": "calculations are not supported",
    "hidden": "hidden values are not supported",
    "acknowledge": "engage has no 'acknowledge' questions",
    "select_one_from_file": "choices read from another file are not supported",
    "select_multiple_from_file": "choices read from another file are not supported",
    "select_one_external": "choices read from another file are not supported",
    "xml-external": "data read from another file is not supported",
    "csv-external": "data read from another file is not supported",
}
METADATA = {"start", "end", "today", "deviceid", "username", "phonenumber", "simserial",
            "subscriberid", "email", "audit", "imei", "start-geopoint", "background-audio",
            "background-geopoint"}
YES_NO = {"yes", "no", "not sure", "don't know", "dont know", "do not know", "unsure"}
SCALE_WORDS = {"agree": ("strongly agree", "strongly disagree"),
               "satisfied": ("very satisfied", "very dissatisfied")}
OVERRIDE = re.compile(r"^(?P<type>[a-z0-9]+)(?:\s+(?P<scale>[a-z]+))?$")


@dataclass(frozen=True)
class Kind:
    """What a survey row's type asks for: an engage type and its choice list, or a reason to skip."""

    type: str | None
    list_name: str = ""
    or_other: bool = False
    reason: str = ""
    decimals: bool = False


def question_kind(type_text: str) -> Kind:
    """Map an XLSForm type such as 'select_one colours or_other' to an engage type."""
    text = " ".join(type_text.lower().split()) + " "
    for old, new in SPELLINGS:
        text = text.replace(old, new) if text.startswith(old) else text
    words = text.split()
    if len(words) >= 3 and words[1] == "from":  # 'select one from list', as older forms write it
        del words[1]
    base = words[0] if words else ""
    if base in CHOICE_TYPES and len(words) >= 2:
        return Kind(CHOICE_TYPES[base], words[1], or_other="or_other" in words[2:])
    if base in ("text", "date"):
        return Kind(base)
    if base in ("integer", "decimal"):
        return Kind("number", decimals=base == "decimal")
    if base in METADATA:
        return Kind(None, reason=ANONYMOUS)
    return Kind(None, reason=SKIPPED.get(base, f"engage has no '{type_text}' questions"))


def refine(kind: str, labels: list[str]) -> tuple[str, str | None, str]:
    """Turn a choice question whose options are yes/no or a five-point scale into engage's own
    type, which shows each audience its own words; return (type, scale, how it changed)."""
    plain = [label.lower().strip(" .?!") for label in labels]
    if kind == "single" and {"yes", "no"} <= set(plain) and set(plain) <= YES_NO:
        return "yesno", None, "a yes/no list became a yes/no question (engage shows Yes, No and Not sure)"
    for scale, (top, bottom) in SCALE_WORDS.items():
        if kind == "single" and len(plain) == 5 and {plain[0], plain[-1]} == {top, bottom}:
            return "scale", scale, f"a five-point list became an '{scale}' scale, in each audience's words"
    if kind == "top3" and len(labels) <= TOP_CHOICES:
        return "multi", None, f"a ranking of {TOP_CHOICES} or fewer options became 'choose any'"
    if kind == "top3":
        return "top3", None, f"a ranking became 'pick your top {TOP_CHOICES}'"
    return kind, None, ""


def override(text: str) -> tuple[str, str | None] | None:
    """Read an `engage_type` cell ('top3', 'scale agree'); None if it names no engage type."""
    match = OVERRIDE.match(" ".join(text.lower().split()))
    if not match or match.group("type") not in ITEM_TYPES:
        return None
    scale = match.group("scale")
    if (match.group("type") == "scale") != (scale in SCALES):
        return None
    return match.group("type"), scale
