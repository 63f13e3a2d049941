"""Find people's names in children's free text: first names (in any case), surnames after
them, staff by title ("Mr Patel", "miss taylor"), and names introduced by a cue ("my name is",
"a girl called"). Capitalised ordinary words ("this is Stupid") are left alone: a capital
letter alone never makes a name, because children capitalise words at random.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words that end a name, so they are never taken as a surname or a name after a cue.
_STOP = frozenset("""a an and are as at be but by did do does for from had has have he her him his
i if in is it its just me my never no not of on or our said says she so that the their them then
there they this to too was we were when who will with you your always really very""".split())
# After one of these, a capitalised word is a name ("a girl called Oluwaseun", "my friend Kacper").
_CUES = frozenset("""called named name's names friend friends mate mates bestie bff bf gf boyfriend
girlfriend brother sister cousin nan grandad auntie uncle stepdad stepmum""".split())
# A wordy name followed by one of these is the ordinary word ("I May not", "Will there be").
_AS_WORD = frozenset("""not be have i you we they there he she it get go do never always just is are
was were bushes holidays paying tree trees flowers colour colours""".split())
# A wordy name at the start of a sentence is a name when one of these follows ("Grace said").
_DOING = frozenset("""said says told tells keeps kept hit hits hits pushed pushes took takes called
calls posted posts put puts sent sends made makes bullies bullied""".split())
_ADJECTIVES = frozenset("""sad happy scared worried angry fine ok okay autistic disabled deaf blind gay
muslim christian english british black white asian polish going stupid good bad new not""".split())
_TITLE = re.compile(r"\b(mr|mrs|ms|mx|dr|miss|sir|mister|prof)\b\.?\s+([A-Za-z][A-Za-z'-]*)", re.IGNORECASE)


@cache
def _names(filename: str) -> frozenset[str]:
    text = (DATA / filename).read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def redact_staff(text: str) -> str:
    """Replace a title and the name after it ("Mr Patel", "mrs green") with [name]."""
    return _TITLE.sub(_staff, text)


def _staff(match: re.Match[str]) -> str:
    title, name = match.group(1), match.group(2)
    lower = name.lower()
    if lower in _STOP:
        return match.group(0)
    loose = title.lower() in ("miss", "sir") and title.islower()  # "i miss football", "yes sir"
    if loose and not (name[0].isupper() or lower in _names("surnames.txt") or lower in _names("first_names.txt")):
        return match.group(0)
    return "[name]"


def redact_people(text: str) -> str:
    """Replace first names, the surnames after them and cued names with [name]."""
    words = list(_WORD.finditer(text))
    spans, previous_was_name = [], False
    for i, match in enumerate(words):
        context = _Context(text, words, i)
        is_name = _is_name(context) or (previous_was_name and _is_surname(context))
        if is_name:
            spans.append((match.start(), match.end()))
        previous_was_name = is_name
    return _replace(text, spans)


class _Context:
    """A word with what comes before and after it."""

    def __init__(self, text: str, words: list[re.Match[str]], i: int):
        self.word = words[i].group(0)
        self.lower = self.word.lower()
        self.before = words[i - 1].group(0).lower() if i else ""
        self.after = words[i + 1].group(0) if i + 1 < len(words) else ""
        start = text[: words[i].start()].rstrip()
        self.starts_sentence = not start or start[-1] in ".!?\n"
        self.capital = self.word[0].isupper()


def _is_name(c: _Context) -> bool:
    if c.lower in _STOP or c.lower in _ADJECTIVES:
        return False
    if c.lower in _names("first_names.txt"):
        return True
    if c.lower in _names("wordy_names.txt"):
        return _wordy_is_name(c)
    return c.capital and (c.before in _CUES or c.before in ("im", "i'm") and not c.starts_sentence)


def _wordy_is_name(c: _Context) -> bool:
    if not c.capital or c.after.lower() in _AS_WORD:
        return c.before in _CUES
    if c.starts_sentence:
        return c.after.lower() in _DOING or c.after.lower() in _names("surnames.txt")
    return True


def _is_surname(c: _Context) -> bool:
    if c.lower in _STOP or c.lower in _ADJECTIVES:
        return False
    return c.capital or c.lower in _names("surnames.txt")


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each run of adjacent name spans with one [name]."""
    out, last, run_end = [], 0, None
    for start, end in spans:
        if run_end is not None and text[run_end:start].strip() == "":
            run_end = end
            continue
        if run_end is not None:
            out.append("[name]")
            last = run_end
        out.append(text[last:start])
        run_end = end
    if run_end is not None:
        out.append("[name]")
        last = run_end
    out.append(text[last:])
    return "".join(out)
