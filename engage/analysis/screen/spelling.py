"""Undo text-speak and misspellings before the screen reads a text.

Three steps, cheapest first: the shared normaliser (analysis.text), a table of texting forms
that matter to safeguarding, and a small SymSpell-style corrector that maps an unknown word
to the nearest word the screen cares about ("tuchis" -> "touches", "strangld" ->
"strangled"). Only words missing from the English word list are corrected, and only towards
the screen's own vocabulary, so ordinary words are never rewritten.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from engage.analysis.text import normalise

_TEXTING = {
    "wiv": "with", "wid": "with", "sed": "said", "sez": "says", "ses": "says", "dnt": "don't",
    "dont": "don't", "nt": "not", "4": "for", "ima": "i'm going to", "imma": "i'm going to",
    "tryna": "trying to", "dunno": "don't know", "rn": "right now", "fr": "for real",
    "sh": "self harm", "shd": "should", "wud": "would", "cud": "could", "ov": "of",
    "da": "the", "dat": "that", "dem": "them", "ova": "over", "aint": "isn't", "yr": "year",
    "bro": "brother", "sis": "sister", "bruv": "brother", "step-dad": "step dad",
    "stepdads": "step dad's", "mums": "mum's", "dads": "dad's", "nans": "nan's",
    "evry": "every", "evryone": "everyone", "evrything": "everything", "nite": "night",
    "nites": "nights", "2nite": "tonight", "tonite": "tonight", "wanna": "want to",
    "gunna": "going to", "gona": "going to", "wil": "will", "hav": "have", "sumone": "someone",
    "sum1": "someone", "sumthing": "something", "summat": "something", "nuthin": "nothing",
    "nudez": "nudes", "pix": "pictures", "vid": "video", "vids": "videos", "cam": "camera",
    "snap": "snapchat", "insta": "instagram", "kms": "kill myself", "kys": "kill yourself",
    "unalive": "kill", "unalived": "killed", "suicde": "suicide", "sucide": "suicide",
    "suicidle": "suicidal", "bruses": "bruises", "brused": "bruised", "willy": "penis",
    "dick": "penis", "lamps": "hits", "lamped": "hit", "leathered": "beaten",
    "battrd": "battered", "bet": "beat", "kil": "kill", "bout": "about", "killin": "killing",
    "wasnt": "wasn't", "clapped": "beaten", "mam": "mum", "mammy": "mum",
}
# "me mam", "me dad": the possessive "me" of many regional dialects.
_ME_POSSESSIVE = re.compile(r"\bme (?=(?:step )?(?:mum|dad|nan|grandad|uncle|brother|sister"
                            r"|mum's|dad's)\b)")
_MY_SELF = re.compile(r"\bmy self\b")
_WORD = re.compile(r"[a-z][a-z']*")

# Words the screen's concepts are built from: the only targets of spelling correction.
CONCEPT_WORDS = frozenset("""
abuse abused abusing touches touched touching touch private privates bottom penis hits hitting
punches punched punching kicks kicked kicking slaps slapped smacks smacked beats beating beaten
battered battering strangled strangles strangling choked chokes choking bruises bruised burns
burned burnt whipped belt scared frightened terrified secret secrets nudes naked pictures photos
videos boyfriend girlfriend stepdad uncle auntie grandad grandma cousin brother sister father
mother parents teacher coach tutor instructor someone somebody threatened threatening threatens
blackmail blackmailing kill killing myself suicide suicidal overdose tablets paracetamol pills
cutting harming harm bleeding bled bleed blood scars razor blade hungry starving neglect drunk drinking
drugs alone missing runaway running tonight tomorrow sleeping bedroom shower bathroom babysits
babysitter afraid hurts hurting hurt pushed grabbed dragged thrown throws throwing knife stab
stabbed marry married wedding forced forcing sexual sexually raped rape molested undress
undressed clothes underwear webcam camera pregnant because people family friend friends school
""".split())


def textblob_words() -> Path:
    """Return TextBlob's folder of English word lists without importing it (and NLTK)."""
    from importlib.util import find_spec

    return Path(find_spec("textblob").submodule_search_locations[0]) / "en"


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Return English word forms from TextBlob's bundled tagger lexicon and word list."""
    folder = textblob_words()
    words: set[str] = set()
    for name in ("en-lexicon.txt", "en-spelling.txt"):
        with (folder / name).open(encoding="utf-8") as handle:
            words.update(line.split(" ", 1)[0].lower() for line in handle if line[:1].isalpha())
    return frozenset(words)


def deletes(word: str, depth: int) -> set[str]:
    """Return every string made by deleting up to depth letters from word."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for word in CONCEPT_WORDS:
        for variant in deletes(word, 2):
            index.setdefault(variant, set()).add(word)
    return index


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus swapped neighbours)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


@lru_cache(maxsize=50_000)
def correct(word: str) -> str:
    """Return the nearest concept word for an unknown word, else the word unchanged."""
    if word in _TEXTING:
        return _TEXTING[word]
    if len(word) < 4 or "'" in word or word in known_words():
        return word
    # The word list holds many nouns in the singular only: "carers" had become "camera".
    if word.endswith("s") and word[:-1] in known_words():
        return word
    if word.endswith("in") and word + "g" in known_words():  # "killin" -> "killing"
        return word + "g"
    limit = 1 if len(word) < 6 else 2
    candidates = set().union(*(_index().get(v, ()) for v in deletes(word, limit)))
    scored = sorted((edit_distance(word, c), c) for c in candidates if c[0] == word[0])
    if scored and scored[0][0] <= limit:
        return scored[0][1]
    return word


@lru_cache(maxsize=1)
def _left_alone() -> frozenset[str]:
    """Return words correct() returns unchanged: English words with no texting form."""
    return known_words() - _TEXTING.keys()


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Normalise a text for the screen: shared normaliser, texting table, corrections."""
    norm = normalise(text)
    # Most texts have nothing to correct: one set check is cheaper than a call per word.
    if not _left_alone().issuperset(_WORD.findall(norm)):
        norm = _WORD.sub(lambda m: correct(m.group(0)), norm)
    norm = _MY_SELF.sub("myself", norm)
    return _ME_POSSESSIVE.sub("my ", norm)
