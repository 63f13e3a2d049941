"""Rewrite a text in the registers children and parents type or dictate in, for robustness checks.

Each transform is seeded by the text itself, so a run is repeatable. They imitate what reaches a
survey box, not what a careful writer would send: a phone with no punctuation, the caps lock on,
a voice-to-text transcript (spoken punctuation, numbers as words, homophones), a phone's
autocorrect swapping one real word for another, English that went through a translation app.
Used by `python -m engage.analysis.screen.robustness`; never by the screen itself.

Where the tables come from (paraphrased): Android's speech-to-text types "new paragraph" as the
words themselves (thedroidlawyer.com/2015/09/punctuation-commands-for-dictation-in-voice-to-text-for-android/);
dictation names marks "full stop", "comma", "question mark", "exclamation mark", "new line"
(docs.conjure-ai.dev/voice-commands; Nuance's Dragon user guide, chapter 3, punctuation);
typing fast without apostrophes leaves "ill, hell, well, were" for I'll, he'll, we'll, we're
(writerscentre.com.au/blog/hack-of-the-week-make-love-to-your-apostrophe/; itworld.com/article/2930628;
umatechnology.org/how-to-stop-iphone-from-auto-correcting-were-to-were); "ducking" is the famous
one (styleblueprint.com/everyday/when-autocorrect-goes-wrong/); speech recognition confuses
their/there and two/to/too (assemblyai.com/blog/transcription-errors); machine translation
trips over articles and pronouns (kumagaku.ac.jp, Judy's wiki "ProblemsWithOnlineTranslation";
memex.naughtons.org/date/2018/11/07). The one-key slips ("dad" -> "sad") are keyboard
neighbours chosen here, not from a source.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable

_PUNCT = re.compile(r"[.,!?;:()\"\u2026-]+")
_SPACES = re.compile(r"[ \t]+")
_WORDS = re.compile(r"[A-Za-z']+|\d+|[^\w\s']+|\s+")

# What a dictating speaker says for each mark (British voice typing: "full stop", "new line").
_SPOKEN = {".": " full stop ", ",": " comma ", "?": " question mark ", "!": " exclamation mark ",
           ":": " colon ", ";": " semicolon ", "\n": " new line "}
_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            " fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
# Homophones speech recognition confuses (each word to one it is heard as).
HOMOPHONES = {
    "their": "there", "there": "their", "they're": "there", "to": "too", "too": "to", "two": "to",
    "know": "no", "no": "know", "hear": "here", "here": "hear", "right": "write", "by": "buy",
    "new": "knew", "knew": "new", "week": "weak", "one": "won", "for": "four", "whole": "hole",
    "its": "it's", "it's": "its", "your": "you're", "you're": "your", "where": "wear",
    "son": "sun", "made": "maid", "would": "wood", "our": "hour", "allowed": "aloud",
    "through": "threw", "threw": "through", "past": "passed", "see": "sea", "break": "brake",
    "ate": "eight", "weight": "wait", "wait": "weight", "meet": "meat", "which": "witch",
    "whether": "weather", "scene": "seen", "knight": "night", "night": "knight", "bored": "board",
    "aloud": "allowed", "died": "dyed", "pain": "pane", "hole": "whole", "thrown": "throne",
}
# Real-word swaps a phone's autocorrect or a slip on the next key makes: the typed word is
# itself a word, so no spell checker catches it. Apostrophes dropped and restored as another
# word ("we're" -> "were", "i'll" -> "ill", "he'll" -> "hell"), words completed or "corrected"
# to another ("scared" -> "scarred", "hurt" -> "hurry"), and one key out ("dad" -> "sad").
AUTOCORRECT = {
    "we're": "were", "i'll": "ill", "he'll": "hell", "she'll": "shell", "we'll": "well",
    "it's": "its", "can't": "cant", "won't": "wont", "i'd": "id", "she'd": "shed",
    "he'd": "hed", "we'd": "wed", "let's": "lets", "you're": "your", "they're": "their",
    "fucking": "ducking", "mum": "mom", "scared": "scarred", "choked": "chocked",
    "myself": "my self", "hurt": "hurry", "cut": "cute", "tablets": "tables",
    # one key out: the slip is itself a word
    "dad": "sad", "hit": "hot", "hits": "gits", "beat": "best", "home": "hone",
    "drunk": "drink", "dead": "deaf", "rape": "tape", "raped": "taped", "pills": "polls",
    "sex": "sec", "him": "jim", "bed": "bad", "bruises": "bruised", "punched": "punches",
}
_ARTICLES = re.compile(r"\b(?:the|a|an)\s+", re.IGNORECASE)
# Past to present, as translation apps flatten tense from languages that mark it otherwise.
_PAST = {
    "was": "is", "were": "are", "did": "do", "had": "have", "hit": "hit", "took": "take",
    "told": "tell", "said": "say", "came": "come", "went": "go", "got": "get", "gave": "give",
    "left": "leave", "kept": "keep", "threw": "throw", "held": "hold", "brought": "bring",
    "felt": "feel", "thought": "think", "made": "make", "saw": "see", "sent": "send",
    "began": "begin", "beat": "beat", "broke": "break", "caught": "catch", "bought": "buy",
    "ran": "run", "slept": "sleep", "stood": "stand", "put": "put", "cut": "cut", "hid": "hide",
}
_FORMAL_KIN = {"mum": "mother", "dad": "father", "nan": "grandmother", "grandad": "grandfather",
               "stepdad": "stepfather", "mam": "mother", "mom": "mother"}


def _rng(text: str, salt: str) -> random.Random:
    return random.Random(zlib.crc32(f"{salt}:{text}".encode()))


def _number_words(match: re.Match[str]) -> str:
    n = int(match.group(0))
    if n < 20:
        return _NUMBERS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _NUMBERS[n % 10])
    return match.group(0)


def _swap(text: str, table: dict[str, str], share: float, rng: random.Random) -> str:
    """Swap words found in table (case kept loosely) for their partner, each with chance share."""
    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if low in table and rng.random() < share:
            new = table[low]
            return new.upper() if word.isupper() and len(word) > 1 else new
        return word
    return re.sub(r"[A-Za-z']+", one, text)


def caps(text: str) -> str:
    """The caps lock on."""
    return text.upper()


def no_punctuation(text: str) -> str:
    """A phone message with no punctuation, one line, lower case, most apostrophes dropped."""
    rng = _rng(text, "nopunct")
    flat = _SPACES.sub(" ", _PUNCT.sub(" ", text.replace("\n", " "))).strip().lower()
    return re.sub(r"'", lambda _: "" if rng.random() < 0.7 else "'", flat)


def voice(text: str) -> str:
    """A voice-to-text transcript: punctuation spoken as words, numbers as words, homophones."""
    rng = _rng(text, "voice")
    spoken = re.sub(r"[.,?!:;\n]", lambda m: _SPOKEN[m.group(0)], text)
    spoken = re.sub(r"\d+", _number_words, _PUNCT.sub(" ", spoken))
    spoken = _swap(spoken, HOMOPHONES, 0.5, rng)
    return _SPACES.sub(" ", spoken).strip()


def autocorrect(text: str) -> str:
    """Phone typing: one word (two in a longer text) swapped for a real word autocorrect put there."""
    rng = _rng(text, "autocorrect")
    spots = [m for m in re.finditer(r"[A-Za-z']+", text) if m.group(0).lower() in AUTOCORRECT]
    chosen = rng.sample(spots, min(len(spots), 1 + (len(text) > 200)))
    for match in sorted(chosen, key=lambda m: -m.start()):
        word = match.group(0)
        new = AUTOCORRECT[word.lower()]
        new = new.upper() if word.isupper() and len(word) > 1 else new
        text = text[:match.start()] + new + text[match.end():]
    return text


def translated(text: str) -> str:
    """English from a translation app: articles dropped, tense flattened, formal kin words."""
    rng = _rng(text, "translated")
    out = _ARTICLES.sub(lambda m: "" if rng.random() < 0.7 else m.group(0), text)
    out = _swap(out, _PAST, 0.8, rng)
    return _swap(out, _FORMAL_KIN, 0.8, rng)


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "caps": caps, "no punctuation": no_punctuation, "voice-to-text": voice,
    "autocorrect": autocorrect, "translation app": translated,
    "voice, all caps": lambda text: voice(text).upper(),
    "autocorrect, no punctuation": lambda text: no_punctuation(autocorrect(text)),
}
