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
    "wasnt": "wasn't", "clapped": "beaten", "mam": "mum", "mammy": "mum", "chocked": "choked",
    "chocking": "choking",
}
# "me mam", "me dad": the possessive "me" of many regional dialects.
_ME_POSSESSIVE = re.compile(r"\bme (?=(?:step )?(?:mum|dad|nan|grandad|uncle|brother|sister"
                            r"|mum's|dad's)\b)")
_MY_SELF = re.compile(r"\bmy self\b")
# Voice typing that is not set to punctuate writes the marks a speaker names as words ("he hit me
# full stop new line"): read them as the marks, so clauses split where the speaker meant.
_SPOKEN_MARKS = {"full stop": ".", "question mark": "?", "exclamation mark": "!",
                 "exclamation point": "!", "comma": ",", "semicolon": ";", "semi colon": ";",
                 "new line": "\n", "new paragraph": "\n", "dot dot dot": "...", "ellipsis": "..."}
_SPOKEN = re.compile(r" ?\b(?:" + "|".join(_SPOKEN_MARKS) + r")\b")
# A phone's autocorrect turns a contraction typed without its apostrophe into another real word
# ("hell kill me", "ill be better off dead", "id rather die"); before a verb it can only be the
# contraction.
_VERB_AFTER = (r"(?:be|go|do|get|kill|hurt|hit|beat|batter|kick|punch|slap|find|never|just|end|take"
               r"|tell|say|come|make|run|cut|jump|die|lose|leave|put|throw|send|post|share|show|smash"
               r"|stab|not|probably|definitely|have|know|see|rather|only|stop|try|ruin|break|lock)\b")
_CONTRACTION_SLIPS = re.compile(rf"\b(hell|shell|ill|id)(?= {_VERB_AFTER})")
_CONTRACTIONS = {"hell": "he'll", "shell": "she'll", "ill": "i'll", "id": "i'd"}
# Real words a slip or a voice transcript puts where the screen's word was, mapped back only in
# company where the written word could not stand: "he through a plate"
# "he threw a plate", "i cute myself" "i cut myself", "not aloud" "not allowed".
_REAL_WORD_SLIPS = tuple((key, re.compile(pattern), replacement) for key, pattern, replacement in (
    ("through", r"\b(he|she|they|dad|mum) through\b(?= (?:me|her|him|us|it|a|the|my|his|things|stuff)\b)",
     r"\1 threw"),
    ("cute", r"\bcute(?= (?:myself|my (?:arm|wrist|leg|thigh)s?)\b)", "cut"),
    ("hurry", r"\bhurry(?= (?:me|myself|her|him|us)\b)(?! \w+ (?:up|along))", "hurt"),
    ("hot", r"\bhot(?= (?:me|her|him|us|myself)\b)", "hit"),
    ("aloud", r"\b(not|n't|never|am|i'm|be|was|were|are|get) aloud\b", r"\1 allowed"),
    ("weak", r"\b(last|this|next|every|per|each|all) weak\b", r"\1 week"),
    ("drink", r"\b(is|was|always|so|really|very|too|gets|getting) drink\b(?! (?:water|tea|coffee|milk|juice))",
     r"\1 drunk"),
    ("tables", r"\b(take|took|taking|swallow|swallowed|save|saved|saving|stockpile|stockpiling|on) tables\b",
     r"\1 tablets"),
    ("hone", r"\b(go|going|at|get|got|come|came|went|back|sent|from|walk|walking) hone\b", r"\1 home"),
    # the next key along: "my sad drinks" is "my dad drinks", "they best me up" "beat me up"
    ("sad", r"\b(my|your|his|her|our|their) sad (?=(?:is|was|has|had|hits?|drinks?|makes?|gets?|says?|said"
     r"|reported|works?|worked|will|won't|doesn't|didn't|keeps?|beats?|kicks?|locks?|when|who|left|came"
     r"|comes|goes|went|shouts?|screams?|does|did|takes?|took)\b)", r"\1 dad "),
    ("best", r"\bbest (?=(?:me|us|him|her|them) up\b)", "beat "),
    ("best", r"\b(got|get|gets|getting) best up\b", r"\1 beat up"),
    ("polls", r"\b(diet|sleeping|load of|lots of|took|take|taking|swallowed|saved|saving|mum's|dad's) polls\b",
     r"\1 pills"),
    # voice typing's homophones, only where the word it wrote cannot stand: "i want too die",
    # "i don't want to be hear", "there's know food", "hour house", "i don't sea the point"
    ("too", r"\btoo (?=(?:me|him|her|us|them|my|the|a|school|someone|anyone|somebody|be|die|go|do|get"
     r"|kill|keep|see|talk|tell|feed|teach|hurt|leave|eat|sleep|live|stay|cope|say|make|take|come"
     r"|help|speak|end|stop|delete|run|sell|carry|hide|meet|send)\b)", "to "),
    ("four", r"\bfour (?=(?:him|her|them|me|us|my|his|their|a|an|the|being|ages|it|no|ever)\b)", "for "),
    ("know", r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bto )(?<!n't )\bknow "
     r"(?=(?:one|body|point|reason|longer|hope|choice|heating|electric|electricity)\b)(?!one of)", "no "),
    ("body", r"\bno body\b", "nobody"),
    ("know", r"\b(there'?s|there is|there was|there are|we have|we've got|we got|i have|i've got|had|with)"
     r" know\b", r"\1 no"),
    ("hear", r"\b(be|being|stay|staying|living|out of|from|around) hear\b", r"\1 here"),
    ("know", r"\b(here|there|be) know more\b", r"\1 no more"),
    ("hour", r"(?<!\ban )(?<!\bper )(?<!\bone )(?<!\bevery )\bhour "
     r"(?=(?:house|home|own|flat|mum|dad|family|daughter|son|kids|children|school|special"
     r"|secret|parents|brother|sister|baby|street)\b)", "our "),
    ("meat", r"\bmeat (?=(?:him|her|them|me|us|up)\b)", "meet "),
    ("no", r"n't no\b(?=$|[.,!?]| (?:what|how|why|where|who|if|that|them|him|her|anyone|anything)\b)", "n't know"),
    ("sea", r"\b(don't|can't|not|never|to|i) sea\b", r"\1 see"),
    ("buy", r"\bbuy (?=my (?:hair|neck|throat|arms?|wrists?|collar|hood|legs?)\b)", "by "),
    ("maid", r"\bmaid (?=(?:me|him|her|us|them)\b)", "made "),
    ("wood", r"\bwood (?=(?:be|rather|have|never|not|kill|hurt|do|go|die|make|say|tell)\b)", "would "),
    ("sun", r"\b(my|her|his|their|\w+'s) sun\b(?! ?(?:cream|glasses|bed|hat|tan|lounger|shine|light))",
     r"\1 son"),
))
_WORD = re.compile(r"[a-z][a-z']*")
# The words without which a step of spoken_forms cannot apply: most texts skip them all.
_MARK_WORDS = frozenset(word for mark in _SPOKEN_MARKS for word in mark.split())
_SLIP_KEYS = _MARK_WORDS | _CONTRACTIONS.keys() | {key for key, _, _ in _REAL_WORD_SLIPS}

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


def spoken_forms(norm: str) -> str:
    """Undo what voice typing and autocorrect do to a lowercased text: spoken marks, contractions
    turned into other words, real-word slips and homophones in company they cannot fit."""
    words = set(_WORD.findall(norm))
    if words.isdisjoint(_SLIP_KEYS):  # most texts: nothing to undo
        return norm
    if not words.isdisjoint(_MARK_WORDS):
        norm = _SPOKEN.sub(lambda m: _SPOKEN_MARKS[m.group(0).strip()], norm)
    if not words.isdisjoint(_CONTRACTIONS):
        norm = _CONTRACTION_SLIPS.sub(lambda m: _CONTRACTIONS[m.group(1)], norm)
    for key, pattern, replacement in _REAL_WORD_SLIPS:
        if key in words:
            norm = pattern.sub(replacement, norm)
    return norm


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Normalise a text for the screen: shared normaliser, dictation and autocorrect slips undone,
    texting table, corrections."""
    return _corrected(spoken_forms(normalise(text)))


def clean_as_written(text: str) -> str:
    """Normalise a text as clean() does, leaving dictation and autocorrect slips as written.

    The models learn from this form: a handful of development texts hold such slips, and
    undoing them in training would shift every weight a little, and with it the scores of
    texts that hold no slip at all. Learnt this way, a text with no slip is scored exactly as
    before spoken_forms existed.
    """
    return _corrected(normalise(text))


def _corrected(norm: str) -> str:
    # Most texts have nothing to correct: one set check is cheaper than a call per word.
    if not _left_alone().issuperset(_WORD.findall(norm)):
        norm = _WORD.sub(lambda m: correct(m.group(0)), norm)
    norm = _MY_SELF.sub("myself", norm)
    return _ME_POSSESSIVE.sub("my ", norm)
