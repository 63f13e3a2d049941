"""Score language detection: English never sent away, every other language reaching a person.

Two sets, both in data/language/: the development set the thresholds in analysis.language
were chosen on (English comments and disclosures, short text-speak, 86 sentences in 22 other
languages), and a held-out set written before its first run and never tuned on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from engage.analysis.evaluation.intervals import Proportion

DATA = Path(__file__).resolve().parent.parent / "data"
ENGLISH_SETS = ("comments_train", "comments_heldout", "safeguarding_train", "safeguarding_heldout",
                "framework_seed")
SAME = {"ur-latn": "ur", "am": "ti"}  # a name the detector gives for what the set calls it
TARGETS = {"english_sent_away": 0.05, "other_reaching_a_person": 0.95}


@dataclass(frozen=True)
class LanguageScore:
    """How detection did on one set."""

    name: str
    english_sent_away: Proportion       # English texts the language step sent to the queue
    other_reaching_a_person: Proportion  # texts in other languages flagged (keyword or not screened)
    other_named: Proportion             # texts in other languages given their own language
    misses: tuple[str, ...]


def development() -> tuple[list[str], list[tuple[str, str]]]:
    """Return the English texts and (language, text) pairs the thresholds were chosen on."""
    english = [json.loads(line)["text"] for name in ENGLISH_SETS
               for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    english += _lines("language/english_short.txt")
    return english, _pairs("language/other_languages.tsv")


def short() -> tuple[list[str], list[tuple[str, str]]]:
    """Return the short English answers and short other-language texts (one to five words) the
    short-text rule was chosen on: reported, not held to the targets, which most such texts miss."""
    return _lines("language/english_short.txt"), _pairs("language/other_languages_short.tsv")


def heldout() -> tuple[list[str], list[tuple[str, str]]]:
    """Return the held-out English short answers and other-language sentences."""
    return _lines("language/heldout_english_short.txt"), _pairs("language/heldout_other.tsv")


# Frozen by a writer who never read or ran the detector (data/blind/language_p/README.md); a
# person's help is what the targets ask of it, as of the held-out set.
BLIND = "blind/language_p"


def blind() -> tuple[list[str], list[tuple[str, str]]]:
    """Return the blind set's short English answers and other-language texts."""
    return _lines(f"{BLIND}/english.lst"), _pairs(f"{BLIND}/other.tsv")


def _lines(name: str) -> list[str]:
    # "#" lines cite the pages the wording was modelled on.
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def _pairs(name: str) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in _lines(name)]


def score(name: str, english: list[str], other: list[tuple[str, str]]) -> LanguageScore:
    """Detect every text's language and run the whole analysis on the other-language ones."""
    from engage.analysis.analyse import analyse
    from engage.analysis.language import ENGLISH, detect

    away = [text for text in english if detect(text) != ENGLISH]
    found = analyse([text for _, text in other])
    reached = [a.screening.flag for a in found]
    named = [SAME.get(a.language, a.language) == code for (code, _), a in zip(other, found, strict=True)]
    misses = tuple(f"{code}: {text}" for (code, text), hit in zip(other, reached, strict=True) if not hit)
    return LanguageScore(name, Proportion(len(away), len(english)),
                         Proportion(sum(reached), len(other)), Proportion(sum(named), len(other)),
                         tuple(f"English sent away: {text}" for text in away) + misses)


def evaluate() -> tuple[list[str], list[str]]:
    """Score every set; return (report lines, missed targets)."""
    lines, missed = [], []
    sets = [("language development set", development(), True), ("language held-out set", heldout(), True),
            ("language short texts (development, no target)", short(), False),
            ("language blind set P", blind(), True)]
    for name, texts, judged in sets:
        result = score(name, *texts)
        lines += [f"{result.name}:",
                  f"  English texts sent to the queue     {result.english_sent_away}",
                  f"  other languages reaching a person   {result.other_reaching_a_person}",
                  f"  other languages named right         {result.other_named}"]
        lines += [f"    {miss}" for miss in result.misses]
        if not judged:
            continue
        if result.english_sent_away.value > TARGETS["english_sent_away"]:
            missed.append(f"{result.name}: English sent away {result.english_sent_away.value:.3f}")
        if result.other_reaching_a_person.value < TARGETS["other_reaching_a_person"]:
            missed.append(f"{result.name}: other languages reached {result.other_reaching_a_person.value:.3f}")
    return lines, missed
