"""Remove personal details before text is quoted or exported: emails, links, phone numbers in
any format, postcodes and addresses, social media handles, class and form names, and people's
names (pupils' first names alone too, surnames, staff by title). Measured on labelled sets
of children's comments: `python -m engage.analysis.evaluate`.
"""

from __future__ import annotations

import re

import phonenumbers

from engage.analysis.redact_names import redact_people, redact_staff

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.uk|org|org\.uk"
                  r"|net|uk|io|gov\.uk|ly)(?:/\S*)?\b", re.IGNORECASE)
# Any run of 9 to 15 digits with spaces, dashes, dots or brackets between: a phone number the
# phonenumbers library did not recognise (a made-up number, an unusual grouping).
_LONG_NUMBER = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{7,24}\d(?!\w)")
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_SUFFIX = (r"(?:road|rd|street|avenue|ave|lane|close|drive|way|crescent|grove|gardens|place|court|terrace"
           r"|walk|rise|green|hill|row|square|mews|view|parade)")
_BETWEEN = r"(?:(?!(?:in|at|on|to|my|a|of|and|for|from|near|by|is|was|with|me|i)\b)[a-z']+\s+){0,3}"
_ADDRESS = re.compile(rf"(?i)\b(?:(?:flat|apartment|apt|unit)\s*\d+[a-h]?,?\s+)?\d{{1,4}}[a-h]?,?\s+{_BETWEEN}"
                      rf"{_SUFFIX}\b(?:,?\s+(?-i:[A-Z][a-z]+)(?:\s(?-i:[A-Z][a-z]+))?)?")
_STREET = re.compile(r"\b(?:[A-Z][a-z]+\s){1,2}(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|Gardens"
                     r"|Terrace)\b")
# Form and class names: "Year 9 set 3", "class 4B", "form 11H", and codes such as 8B or 10X2
# (capital letters only: "8am" and "3d" are not classes; nor are 3D, 4K and 5G).
_FORM_SET = re.compile(r"(?i)\b(?:year|yr|y)\s?\d{1,2}\s*(?:set|group|grp|band)\s*\d{1,2}[a-z]?\b")
_FORM_LABEL = re.compile(r"(?i)\b(?:class|form|tutor group|tutor)\s+\d{1,2}\s?[a-z]{1,3}\d?\b")
_FORM_CODE = re.compile(r"\b(?:1[0-3]|[1-9])(?!(?:D|K|G|AM|PM|ST|ND|RD|TH|GB|MB|KM|KG|HR|V|W|X)\b)[A-Z]{1,3}\d?\b")
_AT_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{1,30}[A-Za-z0-9_]")
_UNDERSCORED = re.compile(r"\b[A-Za-z0-9.]*[A-Za-z0-9]_[A-Za-z0-9_.]*[A-Za-z0-9]\b|\b[A-Za-z0-9]+_\b")
_CUED_HANDLE = re.compile(
    r"(?i)\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|discord|twitter|kik|whatsapp|telegram|youtube|yt)"
    r"(?:\s+(?:is|me|name|username|handle|on|at))*\s*[:-]?\s*([A-Za-z0-9][A-Za-z0-9_.]{1,29})")


def redact(text: str) -> str:
    """Replace every personal detail the patterns and name lists find with a placeholder."""
    if not text:
        return text
    if "@" in text:
        text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    if _DIGIT.search(text):
        text = _numbers(text)
    text = _STREET.sub("[address]", text)
    text = _handles(text)
    return redact_people(redact_staff(text))


def _numbers(text: str) -> str:
    """Replace phone numbers, postcodes, addresses and class names (each holds a digit)."""
    text = _phones(text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _FORM_SET.sub("[class]", text)
    text = _FORM_LABEL.sub("[class]", text)
    return _FORM_CODE.sub("[class]", text)


def _phones(text: str) -> str:
    if len(_DIGIT.findall(text)) >= 7:
        # POSSIBLE (not VALID) so made-up and new number ranges count too; a real number has at
        # least 9 digits, which keeps years and counts ("1234 people in 2024") out.
        found = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
            text, "GB", leniency=phonenumbers.Leniency.POSSIBLE) if len(_DIGIT.findall(m.raw_string)) >= 9]
        for start, end in reversed(found):
            text = text[:start] + "[phone]" + text[end:]
    return _LONG_NUMBER.sub(_long_number, text)


def _long_number(match: re.Match[str]) -> str:
    digits = len(_DIGIT.findall(match.group(0)))
    return "[phone]" if 9 <= digits <= 15 else match.group(0)


def _handles(text: str) -> str:
    text = _AT_HANDLE.sub("[handle]", text)
    text = _CUED_HANDLE.sub(_cued, text)
    return _UNDERSCORED.sub("[handle]", text)


def _cued(match: re.Match[str]) -> str:
    handle = match.group(1)
    if not re.search(r"[\d_.]", handle) or handle.endswith("."):
        return match.group(0)
    return match.group(0)[: match.start(1) - match.start(0)] + "[handle]"


_DIGIT = re.compile(r"\d")
