"""The language rules' word counts, made with map() over set membership, decide as the plain counts did."""

from engage.analysis import language
from engage.analysis.language_words import POLISH_WORDS, ROMAN_URDU_WORDS, english_share, english_words
from scripts.analysis_snapshot import texts as development_texts


def _plain_latin(text: str) -> str:
    """language._latin as it was written with a generator per count."""
    lowered = text.lower()
    words = language.WORD.findall(lowered)
    lettered = not language.POLISH_LETTERS.isdisjoint(lowered)
    polish = sum(1 for w in words if w in POLISH_WORDS or lettered and language.POLISH_LETTERS & set(w))
    english = sum(1 for w in words if w in language.ENGLISH_WORDS)
    distinctive = sum(1 for w in words if w in POLISH_WORDS and w not in language.ENGLISH_LOOKING)
    if polish > english and (polish > 1 or distinctive or lettered):
        other = language._other_latin(text, words)
        return other if other not in (None, language.ENGLISH) else "pl"
    share = sum(1 for w in words if w in english_words()) / len(words) if words else 1.0
    if english >= 2 and share >= 0.8:
        return language.ENGLISH
    if sum(1 for w in words if w in ROMAN_URDU_WORDS) >= 2 and english == 0:
        return "ur-latn"
    return language._other_latin(text, words) or language._short_not_english(text, words) or language.ENGLISH


def test_the_latin_rules_decide_as_the_plain_counts_did():
    texts = [*development_texts(), "nie wiem co robic, w domu jest zle", "tata mnie bije w domu",
             "i na to", "mujhe school pasand nahi hai yaar", "mera dil nahi lagta", "zażółć gęślą"]
    found = [(language._latin(text), _plain_latin(text)) for text in texts]
    assert all(fast == plain for fast, plain in found)
    verdicts = [fast for fast, _ in found]
    assert verdicts.count("pl") >= 3 and "ur-latn" in verdicts and len(verdicts) - verdicts.count("en") > 100


def test_the_english_share_is_the_plain_share():
    for words in ([], ["the"], ["the", "zzxq"], ["zzxq"], "i want more buses to school".split()):
        plain = sum(1 for w in words if w in english_words()) / len(words) if words else 1.0
        assert english_share(words) == plain
