"""Which concepts a sentence holds, after negation, hypotheticals and jokes are set aside."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from engage.analysis.first_chars import compile_fast
from engage.analysis.match_starts import bit_of, possible
from engage.analysis.screen import lexicon

_NAMES = ("KIN", "PARTNER", "HOUSEHOLD", "TRUSTED", "OLDER", "ONLINE", "PEERS", "SIBLING",
          "FRIEND", "HURT", "INJURY", "WEAPON", "SEXUAL", "IMAGES", "SECRECY", "THREAT",
          "MONEY_DRUGS", "NEGLECT", "SELF_HARM", "SUICIDAL", "EATING", "MISSING", "MARRIAGE",
          "MARRIAGE_FORCE", "RADICAL", "CONTROL", "EMOTIONAL", "CARER", "ASK_SAFE", "HOME",
          "URGENT", "PAST", "MEET", "OPINION", "JOKE", "ACCIDENT", "FII", "GIFTS",
          "WANT_BACK", "BULLY", "PERSIST", "COVER", "RESOLVED", "CURRENT", "ACCIDENT_OBJECT",
          "ADULT_HITS_ME", "FIGHTING", "DREAD", "DANGER_WEAPON", "HAPPENING_NOW", "AWAY_DAYS", "FEAR_HOME",
          "BODY_DANGER", "SPREADING", "PLAY_MARKER")
PATTERNS = {name: compile_fast(rf"\b{getattr(lexicon, name)}") for name in _NAMES}
# Acts that "nobody", "never" or "if someone" can cancel ("nobody hurts me"). A negation's reach
# ends at a comma: in "someone i didn't know, it got sexual" the second clause is not negated.
NEGATABLE = {"HURT", "SEXUAL", "SELF_HARM", "IMAGES", "EATING", "MISSING", "SUICIDAL"}
# Forms of a concept whose negation is their meaning: the negation cue never cancels them.
NEGATIVE_FORMS = {"SUICIDAL": compile_fast(rf"\b{lexicon.SUICIDAL_NEGATIVE}")}
_NEGATION = re.compile(r"(?:(?<!a )\bnobody|\bno one|\bno-one|\bnever|\bnot|n't|\bdont|\bdoesnt|\bdidnt"
                       r"|\bwont|\bif (?:someone|anyone|somebody|they|he|she|a \w+|i was|i ever)"
                       r"|\bstop (?:people|kids)|\bwhen people)[^\w,]+(?:[\w']+[^\w,]+){0,3}$")
# The bits of possible()'s mask without which a concept cannot be present in a text.
_CAN_BE_PRESENT = {name: bit_of(pattern) | (bit_of(NEGATIVE_FORMS[name]) if name in NEGATIVE_FORMS else 0)
                   for name, pattern in PATTERNS.items()}
WRITER_IDIOM = compile_fast(lexicon.WRITER_IDIOM)

_SPLIT = re.compile(r"(?<=[.!?;\n])\s*|\s+but\s+")
_OPINION_LEAD = re.compile(r"\bi (?:think|know|believe|reckon|would like|'d like|hope|feel like"
                           r"|want (?:more|there|the|a|to see|to learn|to know)|wish (?:there|we"
                           r"|they|the|schools?|people))\b")
# "my friend", "my son": the account is about someone else, written by a child or a parent.
_NOT_ME = re.compile(r"\bmy (?:best )?(?:friend|mate|bestie|girlfriend|boyfriend|cousin|neighbour|son"
                     r"|daughter|child|kids?|\d+ year old(?: \w+)?|little (?:brother|sister))(?:'?s)?\b")
# "people", "young people", "children": a statement about children in general, not an account.
_GENERIC = re.compile(r"\b(?:people|young people|children|kids|pupils|students|families|teenagers"
                      r"|no child|young carers|care leavers)\b")
# "dad whips us", "our mum": the writer among the children an act is done to.
_FIRST = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|im|ive|me|my|myself|us|our (?:mum|mam|dad|step ?\w+"
                    r"|parents|house|home|flat))\b")
_THIRD_SUBJECT = re.compile(r"\b(?:my \d+ year old|my (?:best )?(?:friend|mate|bestie|girlfriend|boyfriend|cousin"
                            r"|neighbour|sister|brother)s?|(?:a|one|this|the) (?:boy|girl|kid)"
                            r" (?:in|at|from)|(?:she|he)(?:'s| is| has| says| said| wants| keeps"
                            r"| cuts| told)|her|his|him|herself|himself|their|there'?s a)\b")


def concept_bits(names) -> int:
    """Return the mask bits of which a clause needs one before any of the concepts is present."""
    bits = 0
    for name in names:
        bits |= _CAN_BE_PRESENT[name]
    return bits


def sentences(text: str) -> list[str]:
    """Split a normalised text into clauses that can hold one account each, idioms set aside."""
    return [part for part in _SPLIT.split(WRITER_IDIOM.sub(" ", text)) if part and part.strip()]


def _live(name: str, pattern: re.Pattern, text: str) -> bool:
    """Say whether pattern matches text at least once where no negation governs it."""
    negative = NEGATIVE_FORMS.get(name)
    if negative is not None and negative.search(text):
        return True
    if name not in NEGATABLE:  # nothing cancels it: the first match is enough
        return pattern.search(text) is not None
    return any(not _negated(text, match.start()) for match in pattern.finditer(text))


def _negated(text: str, start: int) -> bool:
    """Say whether a negation governs the words at start, looking back no further than the
    sentence they are in ("my boobs don't grow. it burns": the burn is not negated)."""
    begin = max(0, start - 45)
    end_of_sentence = max(text.rfind(mark, begin, start) for mark in ".!?;")
    return bool(_NEGATION.search(text, max(begin, end_of_sentence + 1), start))


@dataclass
class Facts:
    """The concepts of one clause, looked up only when a rule asks (and then remembered)."""

    text: str
    whole: str
    _seen: dict[str, bool] = field(default_factory=dict)
    # Which concepts could begin somewhere in the clause: most asked for cannot, and saying so
    # from one bit costs far less than a search that would find nothing.
    mask: int = field(init=False)

    def __post_init__(self) -> None:
        self.mask = possible(self.text)

    def present(self, name: str) -> bool:
        """True when the named concept occurs in the clause and nothing cancels it."""
        found = self._seen.get(name)
        if found is None:
            found = self._seen[name] = bool(self.mask & _CAN_BE_PRESENT[name]) and _live(
                name, PATTERNS[name], self.text)
        return found

    def could_hold(self, bits: int, words: tuple[str, ...] = ()) -> bool:
        """Say whether a concept of bits (concept_bits) could be present, or a word is there."""
        return bool(self.mask & bits) or any(word in self.text for word in words)

    def has(self, *names: str) -> bool:
        """True when every named concept is present."""
        # map(), not a generator: rules ask this hundreds of times a text, mostly of one name
        return all(map(self.present, names))

    def any(self, *names: str) -> bool:
        """True when at least one named concept is present."""
        return any(map(self.present, names))

    @cached_property
    def first_person(self) -> bool:
        """The writer speaks of themself (not "I think there should be ...", not "my friend")."""
        return bool(_FIRST.search(_NOT_ME.sub(" ", _OPINION_LEAD.sub(" ", self.text))))

    @cached_property
    def third_person(self) -> bool:
        """The account is about another child or person."""
        return bool(_THIRD_SUBJECT.search(self.text))

    @cached_property
    def opinion(self) -> bool:
        """An opinion about services or a lesson, or a statement about children in general,
        with no account of the writer's own or of another named child."""
        if self.first_person:
            return False
        return self.present("OPINION") or (bool(_GENERIC.search(self.text))
                                           and not self.third_person)

    @cached_property
    def joking(self) -> bool:
        """A joke, a game or sport, anywhere in the text."""
        return bool(PATTERNS["JOKE"].search(self.whole))

    @cached_property
    def accident(self) -> bool:
        """An accident, an idiom or a harmless loss, anywhere in the text.

        A thing named ("a football", "the ball") is no accident when an adult is the one hitting
        ("my mum hits me with a football boot"); a cover story ("says i fell") is no accident.
        """
        if PATTERNS["COVER"].search(self.whole):
            return False
        if PATTERNS["ADULT_HITS_ME"].search(self.whole):
            return any(not PATTERNS["ACCIDENT_OBJECT"].fullmatch(m.group())
                       for m in PATTERNS["ACCIDENT"].finditer(self.whole))
        return bool(PATTERNS["ACCIDENT"].search(self.whole))

    @cached_property
    def over(self) -> bool:
        """Somewhere in the text the writer speaks of the past ("used to", "years ago")."""
        return bool(PATTERNS["PAST"].search(self.whole))

    @cached_property
    def resolved(self) -> bool:
        """The text says it is over or help came ("blocked him", "sober for years"), and
        nothing says it is still going on."""
        return bool(PATTERNS["RESOLVED"].search(self.whole)) and not PATTERNS["CURRENT"].search(
            self.whole)


# What an accident can explain: a hurt, a lost thing, hunger after sport, "died laughing".
# Accident words beside anything else explain nothing: "he wants to meet at the park" and
# "we were playing a game online and he asked for pics" are not made safe by "park" or "playing".
ACCIDENT_EXPLAINS = ("HURT", "INJURY", "NEGLECT", "MISSING", "SUICIDAL", "SELF_HARM", "EATING")


def explained_away(norm: str) -> bool:
    """Say whether the rules' checks explain a text away: an opinion, an accident or idiom that
    accounts for a hurt or loss it names, a laugh or a game the writer marks as one, a wedding
    the couple chose, or acts that are all negated or hypothetical ("no one has ever touched
    me")."""
    whole = Facts(norm, norm)
    return (whole.opinion or _accident_explains(whole) or whole.present("PLAY_MARKER")
            or (whole.has("MARRIAGE") and chosen_wedding(norm)) or negated_only(norm, whole))


# A wedding chosen and celebrated: the couple chose, the family dances; no word of pressure
# or of secrecy (a wedding outfit found hidden is a warning sign, not a celebration).
_CHOSEN = re.compile(r"\b(?:(?:chose|choose|picked|met) (?:her|his|my|their|each)"
                     r"|can choose who|choose who i|met (?:at|in) (?:uni|work|college)|mehndi|dance\w*"
                     r"|dancing|feasts?|outfit|so happy|(?:so much|such) fun)")
_PRESSED = re.compile(r"\b(?:forc\w*|have to|has to|mak\w* me|made me|don'?t want|didn'?t want|scared"
                      r"|or else|refuse\w*|said no|passport|sending me|being sent|promised to|a man"
                      r"|the man|older man|shame|disown|threat\w*|kill|hid\w*|secret\w*)")


def chosen_wedding(text: str) -> bool:
    """Say whether a text tells of a wedding chosen and celebrated, with no word of pressure."""
    return bool(_CHOSEN.search(text)) and not _PRESSED.search(text)


def _accident_explains(whole: Facts) -> bool:
    return whole.accident and any(PATTERNS[name].search(whole.text) for name in ACCIDENT_EXPLAINS)


def negated_only(norm: str, whole: Facts | None = None) -> bool:
    """Say whether every act a text names is negated or hypothetical ("nobody hurts me")."""
    whole = whole or Facts(norm, norm)
    written = [name for name in NEGATABLE if PATTERNS[name].search(norm)]
    return bool(written) and not any(whole.present(name) for name in written)
