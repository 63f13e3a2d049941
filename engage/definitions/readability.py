"""Reading age of respondent-facing wording: a Flesch-Kincaid grade computed here.

We count words, sentences and syllables ourselves (no textstat, no NLTK corpora offline).
The syllable counter is a heuristic tuned on everyday English; a small exceptions table
fixes common words it gets wrong. Placeholders such as ``{n}`` and numbers such as
``0800 1111`` are not words a child has to read, so they are left out.
"""
import re

GRADE_LIMITS = {"primary": 4.0, "secondary": 7.0, "post16": 9.0}
YOUNG_VARIANTS = ("primary", "secondary", "post16")

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A hyphenated compound ("anti-social", "grown-ups") is one word, as readers and other
# Flesch-Kincaid tools take it: counted as two short words it would look easier than it is.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+|\n+")
_VOWELS = "aeiou"

# Words the heuristic miscounts, with their usual British pronunciation.
_EXCEPTIONS = {
    "adhd": 4, "any": 2, "anyone": 3, "area": 3, "areas": 3, "being": 2, "biology": 4,
    "business": 2, "businesses": 3, "camhs": 1, "childline": 2, "create": 2,
    "created": 3, "creative": 3, "every": 2, "everything": 3, "geography": 4,
    "idea": 3, "ideas": 3, "lgbt": 4, "lgbtq": 5, "museum": 3, "museums": 3,
    "people": 2, "period": 3, "poem": 2, "poems": 2, "poet": 2, "real": 1,
    "really": 2, "recipe": 3, "school": 1, "schools": 1, "science": 2,
    "sciences": 3, "suicide": 3, "theatre": 3, "video": 3, "videos": 3, "violence": 3,
    "violent": 3, "wednesday": 2, "wherever": 3, "whether": 2, "yourself": 2,
}

# Compounds whose first part ends in a silent e ("some-times", "home-work").
_COMPOUND_HEADS = ("some", "home", "every", "where", "there", "time", "life", "care", "fire")
# Suffixes after a silent e ("safe-ly", "state-ment").
_SUFFIXES = ("ments", "ment", "ness", "less", "ful", "ly", "ty")
# Vowel pairs usually said as two syllables; each match adds one.
_SPLITS = (
    re.compile(r"(?<![cgstxq])ia"),           # media, trial (not social, Asian)
    re.compile(r"(?<![cgstx])io(?!n|ur)"),    # various, radio, priority (not onion, behaviour)
    re.compile(r"(?<![qg])ua"),               # usual, situation (not equal, language)
    re.compile(r"(?<![ct])ien(?=[tc])|iet"),  # client, experience, quiet, society
    re.compile(r"[aeiou]ing"),                # being, doing, going, seeing
    re.compile(r"(?<=[^aeiou])ie(?=rs?$|st$)"),  # easier, happiest
    re.compile(r"ism$"),                      # autism, racism
)


def count_syllables(word: str) -> int:
    """Return the number of syllables in one English word (at least 1)."""
    if "-" in word:
        return sum(count_syllables(part) for part in word.split("-") if part)
    letters = re.sub(r"[^\w]", "", word)
    if not letters:
        return 0
    if letters.isupper() and (len(letters) <= 2 or not re.search("[AEIOU]", letters)):
        return len(letters)  # spelled-out initials: GP, UK, PE
    lower = letters.lower()
    if lower in _EXCEPTIONS:
        return _EXCEPTIONS[lower]
    if len(lower) <= 3:
        return 1
    for head in _COMPOUND_HEADS:
        rest = lower[len(head):]
        # Not when the rest starts with e: careers is not care + ers.
        if lower.startswith(head) and len(rest) >= 2 and rest[0] != "e":
            return count_syllables(head) + count_syllables(rest)
    for suffix in _SUFFIXES:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and re.search(r"[^aeiou]e$", stem) and len(stem) >= 3:
            return count_syllables(stem) + 1
    return max(1, _base_count(lower))


def _base_count(word: str) -> int:
    """Count vowel groups, then adjust for silent endings and split vowel pairs."""
    marks = [_is_vowel(word, i) for i in range(len(word))]
    groups = sum(1 for i, v in enumerate(marks) if v and (i == 0 or not marks[i - 1]))
    groups += sum(1 for i in range(2, len(word)) if _vowel_y_before_vowel(word, marks, i))
    groups += sum(len(p.findall(word)) for p in _SPLITS)
    if groups > 1 and _silent_ending(word, marks):
        groups -= 1
    return groups


def _vowel_y_before_vowel(word: str, marks: list[bool], i: int) -> bool:
    """Say whether a vowel starts a new syllable after a vowel y (crying, bullying)."""
    return word[i - 1] == "y" and marks[i - 1] and marks[i] and not marks[i - 2]


def _is_vowel(word: str, i: int) -> bool:
    """Treat y as a vowel except at the start or between two vowels (player, beyond)."""
    ch = word[i]
    if ch in _VOWELS:
        return True
    if ch != "y" or i == 0:
        return False
    before = word[i - 1] in _VOWELS
    after = i + 1 < len(word) and word[i + 1] in _VOWELS
    return not (before and after)


def _silent_ending(word: str, marks: list[bool]) -> bool:
    """Say whether a final -e, -es or -ed adds no syllable (make, likes, worked)."""
    if word.endswith("e"):
        e_at = len(word) - 1
        if re.search(r"[^aeiouy][lr]e$", word):
            return False  # table, little, centre
    elif word.endswith("es"):
        e_at = len(word) - 2
        if re.search(r"([sxzgc]|ch|sh|[^aeiouy][lr])es$", word):
            return False  # places, changes, tables
    elif word.endswith("ed"):
        e_at = len(word) - 2
        if re.search(r"([td]|[bcdfgkpstz]l)ed$", word):
            return False  # wanted, needed, disabled
    else:
        return False
    return not marks[e_at - 1]


def words_in(text: str) -> list[str]:
    """Return the words a reader reads, leaving out placeholders and numbers."""
    return _WORD.findall(_PLACEHOLDER.sub(" ", text))


def sentence_count(text: str) -> int:
    """Count sentences: pieces ended by . ! ? or a line break that hold a word."""
    pieces = _SENTENCE_END.split(_PLACEHOLDER.sub(" ", text))
    return sum(1 for piece in pieces if _WORD.search(piece))


def fk_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of the text (0.0 for text with no words)."""
    words = words_in(text)
    if not words:
        return 0.0
    sentences = max(1, sentence_count(text))
    syllables = sum(count_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def check_wording(text: str, variant: str) -> str | None:
    """Return why the text is too hard for this young audience, or None if it is fine."""
    limit = GRADE_LIMITS.get(variant)
    if limit is None:
        return None
    grade = fk_grade(text)
    if grade <= limit:
        return None
    return f"reading grade {grade:.1f} is above {limit:g} for {variant}"
