"""Keyword screens for Arabic and Polish, and "not screened" for every other language.

Recall first, like the English screen: each entry is a few word stems that must all appear
within a few words of each other, in any order, because both languages move words freely
("tata mnie bije", "mnie bije tata", "bije mnie tata"). Polish stems are matched at the
start of a word, without accents; Arabic stems anywhere in a word (it joins "and", "will" and
pronouns to the verb), without vowel marks and with one form of each letter. A hit is a flag
like any other; the lead reads the text itself, with a translator if needed.
"""
from __future__ import annotations

import re
import unicodedata

from engage.analysis.language import language_name
from engage.analysis.safeguarding import NOT_SCREENED, Screening

WINDOW = 5  # every stem of an entry within this many consecutive words
NOW, C = "immediate", "concern"  # short names keep the tables readable
RAW: dict[str, tuple[tuple[str, str, str], ...]] = {
    "pl": (
        ("zabic sie", "suicidal_thoughts", NOW), ("zabije sie", "suicidal_thoughts", NOW),
        ("samoboj", "suicidal_thoughts", NOW), ("nie chce zyc", "suicidal_thoughts", NOW),
        ("chce umrzec", "suicidal_thoughts", NOW), ("skoncz soba", "suicidal_thoughts", NOW),
        ("tne sie", "self_harm", NOW), ("tnie sie", "self_harm", NOW), ("krzywdze sie", "self_harm", NOW),
        ("okalecz", "self_harm", NOW), ("pocie sie", "self_harm", NOW), ("poci sie", "self_harm", NOW),
        ("bije mnie", "physical_abuse", NOW), ("bija mnie", "physical_abuse", NOW),
        ("bil mnie", "physical_abuse", NOW), ("uderz mnie", "physical_abuse", NOW),
        ("kopie mnie", "physical_abuse", NOW), ("krzywdzi mnie", "physical_abuse", NOW),
        ("leje mnie", "physical_abuse", NOW), ("szarpie mnie", "physical_abuse", NOW),
        ("dotyk mnie", "sexual_abuse", NOW), ("molest", "sexual_abuse", NOW),
        ("gwalt", "sexual_abuse", NOW), ("zgwalc", "sexual_abuse", NOW),
        ("nagie zdjec", "online_grooming", NOW), ("nagich zdjec", "online_grooming", NOW),
        ("nudes", "online_grooming", NOW), ("bije mame", "domestic_abuse", C),
        ("boje sie wracac", "other", C), ("boje sie taty", "domestic_abuse", C),
        ("boje sie ojc", "domestic_abuse", C), ("boje sie mamy", "domestic_abuse", C),
        ("glodn", "neglect", C), ("uciekn domu", "going_missing", C), ("nekaj", "severe_bullying", C),
    ),
    "ar": (
        ("انتحار", "suicidal_thoughts", NOW), ("نتحر", "suicidal_thoughts", NOW),
        ("قتل نفسي", "suicidal_thoughts", NOW), ("قتل حالي", "suicidal_thoughts", NOW),
        ("لا اريد اعيش", "suicidal_thoughts", NOW), ("اريد اموت", "suicidal_thoughts", NOW),
        ("بدي موت", "suicidal_thoughts", NOW), ("نفسي اموت", "suicidal_thoughts", NOW),
        ("اوذي نفسي", "self_harm", NOW), ("اذيت نفسي", "self_harm", NOW),
        ("جرح نفسي", "self_harm", NOW), ("جرحت نفسي", "self_harm", NOW),
        ("يضربني", "physical_abuse", NOW), ("ضربني", "physical_abuse", NOW),
        ("تضربني", "physical_abuse", NOW), ("يضربوني", "physical_abuse", NOW),
        ("ضربوني", "physical_abuse", NOW), ("يوذيني", "physical_abuse", NOW),
        ("اذاني", "physical_abuse", NOW), ("يعنفني", "physical_abuse", NOW),
        ("يركلني", "physical_abuse", NOW), ("يصفعني", "physical_abuse", NOW),
        ("يعذبني", "physical_abuse", NOW), ("يلمسني", "sexual_abuse", NOW),
        ("لمسني", "sexual_abuse", NOW), ("غتصب", "sexual_abuse", NOW), ("تحرش", "sexual_abuse", NOW),
        ("صور عاري", "online_grooming", NOW), ("يهددني", "other", C), ("خايف", "other", C),
        ("جايع", "neglect", C), ("جوعان", "neglect", C),
    ),
}
ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # vowel marks and the stretching tatweel
ARABIC_LETTERS = str.maketrans("أإآٱؤئىة", "ااااوييه")
WORD = re.compile(r"\w+")


def normalise(text: str, lang: str) -> str:
    """Fold a text the way KEYWORDS are written for its language."""
    lowered = text.lower()
    if lang == "ar":
        return ARABIC_MARKS.sub("", lowered).translate(ARABIC_LETTERS)
    stripped = unicodedata.normalize("NFKD", lowered.replace("ł", "l"))
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


KEYWORDS = {lang: tuple((tuple(normalise(stems, lang).split()), category, severity)
                        for stems, category, severity in entries)
            for lang, entries in RAW.items()}


def _found(stems: tuple[str, ...], words: list[str], inside: bool) -> bool:
    """Say whether every stem starts (or, inside, is part of) a word within WINDOW words."""
    def hit(stem: str, word: str) -> bool:
        return stem in word if inside else word.startswith(stem)

    starts = [i for i, word in enumerate(words) if hit(stems[0], word)]
    return any(all(any(hit(stem, word) for word in words[max(0, i - WINDOW + 1):i + WINDOW])
                   for stem in stems[1:]) for i in starts)


def screen_other(text: str, lang: str) -> Screening:
    """Screen a text the English rules cannot read: a keyword hit, or 'not screened' for a person.

    Either way the result is a flag, so the text reaches a safeguarding lead rather than sitting
    unread; `not_screened` tells the two apart (only a keyword hit shows the child the help page).
    Any text in Arabic script is read with the Arabic keywords (Persian or Urdu shares words).
    """
    keys = "ar" if lang in ("ar", "fa", "ur", "ps") else lang
    words = WORD.findall(normalise(text, keys))
    hits = [(stems, category, severity) for stems, category, severity in KEYWORDS.get(keys, ())
            if _found(stems, words, inside=keys == "ar")]
    if hits:
        severity = NOW if any(s == NOW for _, _, s in hits) else C
        reasons = tuple(f"{language_name(keys)} keyword: {' '.join(stems)}" for stems, _, _ in hits)
        return Screening(True, severity, hits[0][1], reasons)
    return Screening(True, C, NOT_SCREENED, (not_screened(lang),))


def not_screened(lang: str) -> str:
    """The reason a safeguarding lead sees on a text no screen could read."""
    return f"not screened: written in {language_name(lang)}"


def is_not_screened(screening: Screening) -> bool:
    """Say whether a screening only says 'no screen could read this'."""
    return any(reason.startswith("not screened:") for reason in screening.matched)
