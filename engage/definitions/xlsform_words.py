"""Wordings in an XLSForm: which label column is the base language, per-audience overrides,
and `label::Language (code)` columns as translations."""
import re
from dataclasses import dataclass, field

from engage.definitions.xlsform_read import Note, Row

# 'Arabic (ar)', 'Portuguese (pt-BR)': engage keys a translation by the language alone.
LANGUAGE = re.compile(r"\((?P<code>[A-Za-z]{2,3})(?:-[A-Za-z0-9]{2,8})*\)\s*$")
# Language names seen in published forms without a "(code)": enough to place them.
NAMES = {"english": "en", "arabic": "ar", "french": "fr", "spanish": "es", "portuguese": "pt",
         "polish": "pl", "urdu": "ur", "bengali": "bn", "somali": "so", "romanian": "ro",
         "swahili": "sw", "welsh": "cy", "punjabi": "pa", "farsi": "fa", "kurdish": "ku",
         "ukrainian": "uk", "russian": "ru", "turkish": "tr", "pashto": "ps", "tigrinya": "ti",
         "chinese": "zh", "mandarin": "zh", "cantonese": "yue", "hindi": "hi", "gujarati": "gu",
         "tamil": "ta", "german": "de", "italian": "it", "dutch": "nl", "lithuanian": "lt", "latvian": "lv",
         "bulgarian": "bg", "hungarian": "hu", "czech": "cs", "slovak": "sk", "greek": "el", "albanian": "sq",
         "dari": "prs", "amharic": "am", "hausa": "ha", "yoruba": "yo", "igbo": "ig", "vietnamese": "vi",
         "japanese": "ja", "korean": "ko", "indonesian": "id", "malay": "ms", "thai": "th", "hebrew": "he",
         "irish": "ga", "gaelic": "gd", "scottish gaelic": "gd", "nepali": "ne", "sinhala": "si", "shona": "sn",
         "kinyarwanda": "rw", "lingala": "ln", "luganda": "lg", "oromo": "om", "swedish": "sv",
         "danish": "da", "norwegian": "no", "finnish": "fi", "croatian": "hr", "serbian": "sr",
         "bosnian": "bs", "slovenian": "sl", "estonian": "et", "english (uk)": "en", "english (us)": "en"}
# A bare code used as the column's name ('label::fr'), as some form builders write it.
CODES = set(NAMES.values())
CODE_NAMES = {code: name.title() for name, code in NAMES.items()}
TAG = re.compile(r"<[^>]+>")


def language_code(name: str) -> str | None:
    """Return the code of an XLSForm language name: 'Arabic (ar)' gives 'ar'."""
    match = LANGUAGE.search(name)
    if match:
        return match.group("code").lower()
    plain = " ".join(name.strip().lower().replace("_", " ").split())
    return NAMES.get(plain) or (plain if plain in CODES else None)


@dataclass
class Languages:
    """The base language's column suffix ('' for a plain `label`) and the translations."""

    base: str = ""
    base_code: str | None = None
    others: dict[str, str] = field(default_factory=dict)  # column suffix -> language code
    notes: list[Note] = field(default_factory=list)

    def text(self, row: Row, column: str) -> str:
        """Return a cell in the base language."""
        return row.get(f"{column}::{self.base}" if self.base else column)

    def codes(self) -> list[str]:
        """Return every language code, the base first; empty for a one-language form."""
        return ["en", *self.others.values()] if self.others else []


def find_languages(rows: list[Row], default_language: str) -> Languages:
    """Work out the base language and the translated ones from the label columns.

    engage surveys are written in English, so an English column is the base wherever it is;
    otherwise the form's default language is.
    """
    suffixes = _suffixes(rows)
    english = [s for s in suffixes if s and language_code(s) == "en"]
    found = Languages()
    if english:
        found.base = english[0]
    elif default_language in suffixes or "" not in suffixes:
        found.base = default_language if default_language in suffixes else (suffixes or [""])[0]
    found.base_code = language_code(found.base or default_language)
    for suffix in suffixes:
        if suffix != found.base:
            _add_language(found, suffix, default_language)
    _base_notes(found, default_language, suffixes)
    return found


def _base_notes(found: Languages, default_language: str, suffixes: list[str]) -> None:
    if found.base and found.base != default_language and len(suffixes) > 1:
        found.notes.append(Note("settings", None, "default_language", "changed",
                                f"engage surveys are written in English, so '{found.base}' is the base wording"))
    if found.base_code not in (None, "en"):
        found.notes.append(Note("settings", None, "default_language", "changed",
                                f"the base wording is in '{found.base or default_language}', not English; "
                                "engage checks reading age as if it were English"))
    if found.others and found.base_code is None:
        found.notes.append(Note("settings", None, "default_language", "changed",
                                "the main labels were taken to be English (en); set default_language "
                                "to name their language"))


def _suffixes(rows: list[Row]) -> list[str]:
    seen: list[str] = []
    for row in rows:
        for key in row.cells:
            column, sep, suffix = key.partition("::")
            if column == "label" and suffix not in seen:
                seen.append(suffix)
    return seen


def _add_language(found: Languages, suffix: str, default_language: str) -> None:
    # A plain `label` beside named ones is in the form's default language.
    code = language_code(suffix or default_language)
    if code is None and not suffix:
        found.notes.append(Note("survey", 1, "label", "skipped",
                                "the plain 'label' column names no language: set default_language on the "
                                "settings sheet to say which, so its labels were left out"))
    elif code is None:
        found.notes.append(Note("survey", 1, f"label::{suffix}" if suffix else "label", "skipped",
                                f"the language '{suffix or 'with no name'}' is not one engage knows by name; "
                                "write it with its code in brackets, like 'French (fr)'. Its labels were left out"))
    elif code in {found.base_code, "en", *found.others.values()}:
        found.notes.append(Note("survey", 1, f"label::{suffix}", "skipped",
                                f"the language code '{code}' is used by another label column"))
    else:
        found.others[suffix] = code


def wordings(row: Row, column: str, languages: Languages, variants: tuple[str, ...],
             fill: bool, paragraphs: bool = False) -> dict[str, str]:
    """Return a wording per audience: `engage_<column>_<variant>` cells where given, the base
    wording otherwise (for every audience, or with fill=False only when no override is given)."""
    own = {v: row.get(f"engage_{column}_{v}") for v in variants if row.get(f"engage_{column}_{v}")}
    base = clean(languages.text(row, column), paragraphs)
    if own and not fill:
        return own
    return {v: own.get(v, base) for v in variants if own.get(v) or base}


def translated(row: Row, column: str, languages: Languages, paragraphs: bool = False) -> dict[str, str]:
    """Return a cell's translation in each other language (code -> text) where given."""
    found = {}
    for suffix, code in languages.others.items():
        text = clean(row.get(f"{column}::{suffix}" if suffix else column), paragraphs)
        if text:
            found[code] = text
    return found


def clean(text: str, paragraphs: bool = False) -> str:
    """Drop the HTML tags some form builders put in labels (colours, bold); engage styles its own.
    With paragraphs, keep blank lines between paragraphs (a note's words)."""
    if paragraphs:
        return "\n\n".join(filter(None, (clean(part) for part in re.split(r"\n\s*\n", text))))
    return " ".join(TAG.sub("", text).split())
