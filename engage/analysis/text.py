"""Regex tokenising and normalisation of children's spelling and texting (no NLTK data)."""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WORD_RE = re.compile(r"[a-z0-9']+")
_ELONGATED_RE = re.compile(r"([a-z])\1{2,}")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\s*[\r\n]+\s*")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})

# Texting and common misspellings seen in children's free text, mapped to one canonical form
# so that the tagger and the safeguarding rules only have to know one spelling.
_SPELLING: dict[str, str] = {
    "dont": "don't", "doesnt": "doesn't", "dosnt": "doesn't", "dosent": "doesn't",
    "didnt": "didn't", "cant": "can't", "carnt": "can't", "wont": "won't", "isnt": "isn't",
    "wasnt": "wasn't", "arent": "aren't", "havent": "haven't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "couldnt": "couldn't", "aint": "ain't",
    "im": "i'm", "ive": "i've", "hes": "he's", "shes": "she's",
    "theyre": "they're", "youre": "you're", "thats": "that's", "theres": "there's",
    "whats": "what's", "lets": "let's", "u": "you", "ur": "your", "r": "are", "ppl": "people",
    "pls": "please", "plz": "please", "pleas": "please", "cos": "because", "coz": "because",
    "cuz": "because", "bc": "because", "becuase": "because", "becuse": "because",
    "becos": "because", "becoz": "because", "wanna": "want to", "gonna": "going to",
    "gotta": "got to", "kms": "kill myself", "kys": "kill yourself", "wen": "when",
    "wot": "what", "wat": "what", "nite": "night", "tonite": "tonight", "2nite": "tonight",
    "2day": "today", "2moro": "tomorrow", "tmrw": "tomorrow", "b4": "before", "no1": "no one",
    "noone": "no one", "some1": "someone", "any1": "anyone", "evry": "every", "evryday": "every day",
    "enuf": "enough", "alot": "a lot", "abit": "a bit", "freind": "friend", "frend": "friend",
    "freinds": "friends", "frends": "friends", "abuze": "abuse", "abuzed": "abused",
    "hurtes": "hurts", "hurtin": "hurting", "hert": "hurt", "herts": "hurts", "scaired": "scared",
    "scard": "scared", "scarred": "scared", "skared": "scared", "touchs": "touches",
    "tuches": "touches", "tuched": "touched", "teecher": "teacher", "techer": "teacher",
    "skool": "school", "skul": "school", "leevs": "leaves", "libary": "library", "thier": "their",
    "bully's": "bullies", "bullys": "bullies", "nervus": "nervous", "lonley": "lonely",
    "vegtables": "vegetables", "harrassment": "harassment", "privites": "privates",
    "mummy": "mum", "mom": "mum", "mam": "mum", "mommy": "mum", "daddy": "dad",
    "stepdad": "step dad", "stepmum": "step mum", "stepbrother": "step brother",
    "stepsister": "step sister", "nd": "and", "n": "and", "tho": "though", "ok": "okay",
    "bf": "boyfriend", "gf": "girlfriend", "pic": "picture", "pics": "pictures",
    "hurt's": "hurts", "hit's": "hits", "kick's": "kicks", "touche's": "touches",
    "selfharm": "self harm", "selfharming": "self harming", "self-harm": "self harm",
}


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Load TextBlob's bundled English word list (used only to undo elongations)."""
    import warnings

    from textblob.en import spelling

    with warnings.catch_warnings():
        # textblob reads its bundled word list with an unclosed open(); nothing we can fix.
        warnings.simplefilter("ignore", ResourceWarning)
        spelling.load()
    return frozenset(dict.keys(spelling))


def _shorten(match: re.Match[str]) -> str:
    return match.group(1) * 2


def _unelongate(word: str) -> str:
    """Turn "sooo" into "so" and "killlll" into "kill" by checking which form is a word."""
    double = _ELONGATED_RE.sub(_shorten, word)
    single = _ELONGATED_RE.sub(r"\1", word)
    if double in _vocabulary() or double in _SPELLING:
        return double
    return single if single in _vocabulary() else double


def _fix_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if _ELONGATED_RE.search(word):
        word = _unelongate(word)
    return _SPELLING.get(word, word)


# The screen and the tagger both normalise each text: a small cache does it once.
@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lowercase, unify quotes and rewrite texting/misspellings to a canonical spelling."""
    lowered = text.translate(_QUOTES).lower()
    # Most texts have no stretched letters and no texting form: then no word needs a call.
    if not _ELONGATED_RE.search(lowered) and _SPELLING.keys().isdisjoint(_WORD_RE.findall(lowered)):
        return lowered
    return _WORD_RE.sub(_fix_word, lowered)


def tokens(text: str) -> list[str]:
    """Split normalised text into word tokens (keeps contractions like "don't")."""
    return TOKEN_RE.findall(normalise(text))


def sentences(text: str) -> list[str]:
    """Split text into sentences on end punctuation and line breaks."""
    return [part for part in _SENTENCE_RE.split(text.strip()) if part]
