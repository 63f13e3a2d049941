"""Which language a free-text answer is written in, so that every language reaches a person.

Pure and offline. The English models (value tags, sentiment, the safeguarding rules) cannot
read other languages, and only Arabic and Polish have keyword screens (analysis.keywords), so
a text in any other language is sent to the safeguarding queue as "not screened: written in
<language>". Two opinions decide, and the second can only add texts to the queue:

1. Rules: the script tells Arabic (and Urdu, by its extra letters) and other scripts from
   Latin text; for Latin text a count of little words tells Polish, or Urdu and Hindi typed in
   English letters, from English (a Polish speaker may well write in English).
2. A model shipped inside its wheel (py3langid, 97 languages) names the language, and says
   a Latin text is not English only when it is confident and few of its words are English
   words. The thresholds were chosen on 1,415 English consultation comments and disclosures,
   106 short text-speak answers and 86 sentences in 22 other languages (data/language/,
   evaluation/language.py): no English text was sent to the queue by this step.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from engage.analysis.language_words import (
    ENGLISH_LIKE,
    POLISH_WORDS,
    ROMAN_URDU_WORDS,
    TEXT_SPEAK,
    english_share,
)

ENGLISH = "en"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")
POLISH_LETTERS = set("ąćęłńśźż")
ENGLISH_WORDS = {
    "the", "a", "and", "is", "to", "of", "in", "it", "i", "my", "me", "we", "you", "more", "not",
    "are", "be", "for", "that", "with", "have", "like", "school", "at", "on", "do", "there", "they",
    "would", "want", "please", "should", "can", "help", "people", "because", "so", "but", "no",
    "was", "by", "know", "someone",
}
# Polish little words that are also English or text-speak ("na", "i", "do"): alone they prove nothing.
ENGLISH_LOOKING = {"i", "w", "na", "to", "do", "co", "by", "za", "od", "mi", "ja", "tak", "ze", "dla"}
NAMES = {"ar": "Arabic", "ur": "Urdu", "pl": "Polish", "und": "a language we cannot read",
         "ur-latn": "Urdu or Hindi in English letters",
         "am": "Amharic or Tigrinya"}  # one script; the model knows only Amharic
ARABIC_SCRIPT_LANGUAGES = {"ar", "ary", "arz", "fa", "ps", "ur", "ug", "sdh", "ku", "uzs"}
# A Latin text is called another language when the model is this sure of it (first number)
# and fewer than this share of its words are English words (second number); see the docstring.
LATIN_RULES = ((0.9, 1.01, 1), (0.5, 0.6, 1), (0.3, 0.34, 4))  # (probability, share, min words)
# A short text is another language when it has at most this many words, the model gives English
# less than this probability, and at most this share of its words are English words or texting
# (chosen on data/language/other_languages_short.tsv and every English set in data/).
SHORT_TEXT = (8, 0.05, 0.5)


def detect(text: str) -> str:
    """Return the language's code: en, ar, pl, ur, another ISO 639 code, or und."""
    if (text or "").isascii():
        # Every ASCII letter is Latin, so the count below would say "Latin" anyway; naming
        # each character (unicodedata) was most of the time spent on an ordinary answer.
        return _latin(text) if LETTER.search(text) else ENGLISH
    letters = LETTER.findall(text or "")
    if not letters:
        return ENGLISH
    arabic = sum(1 for ch in letters if ARABIC_SCRIPT.match(ch))
    if arabic * 3 >= len(letters):
        return _arabic_script(text)
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin * 2 < len(letters):  # the lead sees the model's best name, if it has one
        return _model_guess(text, 0.3) or "und"
    return _latin(text)


def _arabic_script(text: str) -> str:
    if URDU_LETTERS.search(text):
        return "ur"
    named = _model_guess(text, 0.5)
    return named if named in ARABIC_SCRIPT_LANGUAGES - {"ary", "arz"} else "ar"


def _latin(text: str) -> str:
    """Polish or Roman Urdu by little words, else English unless the model confidently differs."""
    lowered = text.lower()
    words = WORD.findall(lowered)
    # Most texts hold no Polish letter at all; then no word needs taking apart to look for one.
    lettered = not POLISH_LETTERS.isdisjoint(lowered)
    # Counted with map() over set membership: a generator's step per word cost more than the test.
    polish = (sum(1 for w in words if w in POLISH_WORDS or POLISH_LETTERS & set(w)) if lettered
              else sum(map(POLISH_WORDS.__contains__, words)))
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    if polish > english and (polish > 1 or lettered or _distinctive(words)):
        other = _other_latin(text, words)
        return other if other not in (None, ENGLISH) else "pl"
    if english >= 2 and english_share(words) >= 0.8:
        # Plainly English: the model is not asked (most comments; no sentence in another
        # language in data/language/ looks like this).
        return ENGLISH
    if sum(map(ROMAN_URDU_WORDS.__contains__, words)) >= 2 and english == 0:
        return "ur-latn"
    return _other_latin(text, words) or _short_not_english(text, words) or ENGLISH


def _distinctive(words: list[str]) -> int:
    """Count the Polish little words that are not also English or text-speak."""
    return sum(1 for w in words if w in POLISH_WORDS and w not in ENGLISH_LOOKING)


def _other_latin(text: str, words: list[str]) -> str | None:
    """Return the model's language when the rules in LATIN_RULES say it is not English."""
    lang, probability = _identifier().classify(text)
    if lang in ENGLISH_LIKE:
        return None
    share = english_share(words)
    for least, share_below, min_words in LATIN_RULES:
        if probability >= least and share < share_below and len(words) >= min_words:
            return lang
    return None


def _short_not_english(text: str, words: list[str]) -> str | None:
    """Return another language (its name when the model can say which, else "und") for a short text
    that is plainly not English: a child's "tengo miedo" or "quero morrer" is too short for the
    model to be sure which language it is, but not too short to be sure it is not English.

    Names and brands are in no word list ("Greggs", "more Nandos", "Mr Okonkwo"), so a capitalised
    word after the first is taken for one, and one unknown word is never enough."""
    most_words, english_below, share_at_most = SHORT_TEXT
    if not 2 <= len(words) <= most_words:
        return None
    known = _english_or_texting()
    names = {w.lower() for w in WORD.findall(text)[1:] if w[:1].isupper()}
    unknown = [w for w in words if w not in known and w not in names]
    if len(unknown) < 2 or len(unknown) < (1 - share_at_most) * len(words):
        return None
    ranked = _identifier().rank(text)
    if dict(ranked).get(ENGLISH, 0.0) >= english_below or ranked[0][0] in ENGLISH_LIKE:
        return None
    best, probability = ranked[0]
    # Below this the model's best guess is as likely wrong as right: better no name than a wrong one.
    return best if probability >= 0.3 else "und"


def load_models() -> None:
    """Load the language model and word lists now rather than on the first text that needs them.

    Most English answers never reach the model, so a warm-up with English text alone leaves it
    to be read (about a second of CPU) by the first worker that meets another language.
    """
    _identifier()
    _english_or_texting()


@lru_cache(maxsize=1)
def _english_or_texting() -> frozenset[str]:
    from engage.analysis.screen.spelling import known_words

    return known_words() | TEXT_SPEAK


def _model_guess(text: str, least: float) -> str | None:
    lang, probability = _identifier().classify(text)
    return lang if probability >= least and lang not in ("zxx",) else None


@lru_cache(maxsize=1)
def _identifier():
    """Load py3langid's model once (from its wheel; nothing is downloaded)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    """Say a detected language in words, for a safeguarding lead."""
    if code in NAMES:
        return NAMES[code]
    from babel import Locale

    return Locale("en").languages.get(code) or f"a language we cannot read ({code})"
