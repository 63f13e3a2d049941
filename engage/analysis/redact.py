"""Remove contact details and self-introduced names before text is quoted or exported (R34)."""

from __future__ import annotations

import re

from engage.analysis.first_chars import compile_fast

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.uk|org|org\.uk"
                  r"|net|uk|io|gov\.uk|ly)(?:/\S*)?\b", re.IGNORECASE)
# UK numbers: +44 or 0, then 9-10 more digits with optional spaces, dashes or brackets.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?|\(?0)(?:[\s\-()]*\d){9,10}\b")
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b",
                       re.IGNORECASE)
_NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
_TITLED = compile_fast(rf"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sir|Prof)\.?\s+{_NAME}(?:\s+{_NAME})?")
# After a strong cue the next word is a name even when a child types it in lower case.
_STRONG_CUE = re.compile(
    rf"(?i:\b(my name is|my name's|my names|i am called|i'm called|im called|call me)\s+)"
    rf"(?!(?i:not|a|an|the|really|very)\b)({_NAME}(?:\s+{_NAME})?|[a-z]+)")
# After a weak cue ("I'm", "this is") only a capitalised word that is not a common adjective.
_WEAK_CUE = re.compile(rf"(?i:\b(i am|i'm|im|this is)\s+)({_NAME}(?:\s+{_NAME})?)")
_NOT_NAMES = frozenset({"I", "A", "The", "So", "Not", "In", "At", "On", "Year", "Really", "Very",
                        "Sad", "Happy", "Scared", "Worried", "Angry", "Fine", "Ok", "Okay",
                        "Autistic", "Disabled", "Deaf", "Blind", "Gay", "Muslim", "Christian",
                        "English", "British", "Black", "White", "Asian", "Polish", "Going"})


def _weak(match: re.Match[str]) -> str:
    if match.group(2).split()[0] in _NOT_NAMES:
        return match.group(0)
    return match.group(0)[: match.start(2) - match.start(0)] + "[name]"


def _strong(match: re.Match[str]) -> str:
    return match.group(0)[: match.start(2) - match.start(0)] + "[name]"


def redact(text: str) -> str:
    """Replace emails, links, UK phones and postcodes, and introduced names with placeholders."""
    if not text:
        return text
    # Each pattern runs only when the text holds something every match must contain; most
    # comments hold none of it, and exports redact millions of them. The checks use a folded
    # lower-case copy so they see what the case-insensitive patterns see (see _fold).
    low = _fold(text)
    if "@" in text:
        text = _EMAIL.sub("[email]", text)
    if any(part in low for part in _LINK_PARTS):
        text = _URL.sub("[link]", text)
    if _DIGIT.search(text):
        text = _PHONE.sub("[phone]", text)
        text = _POSTCODE.sub("[postcode]", text)
    text = _TITLED.sub("[name]", text)
    if "name" in low or "call" in low:
        text = _STRONG_CUE.sub(_strong, text)
    if any(cue in low for cue in _WEAK_PARTS):
        text = _WEAK_CUE.sub(_weak, text)
    return text


def _fold(text: str) -> str:
    """Lower-case text as the regex engine does when it ignores case.

    str.lower() turns "İ" into "i" plus a combining dot and leaves "ı" and "ſ" alone, where
    the engine matches all three as plain "i" and "s".
    """
    return text.lower().translate(_FOLDS)


_FOLDS = str.maketrans({"\u0307": None, "ı": "i", "ſ": "s"})
_DIGIT = re.compile(r"\d")
_LINK_PARTS = ("http", "www.", ".com", ".co", ".org", ".net", ".uk", ".io", ".gov", ".ly")
_WEAK_PARTS = ("i am", "i'm", "im", "this is")
