"""One analysis of free text: language, safeguarding screen, value tags and sentiment.

Pure (texts in, results out; no database), and the only way text is analysed: the survey
journey (services.free_text), `flask classify` and the evaluation all call `analyse`, so what
the command and the evaluation report is what a respondent's answer gets.

Text the English models cannot read (another language) gets no tags and no sentiment, and its
screen comes from analysis.language: a keyword hit, or "not screened" so a person reads it.
A flagged text is tagged by its safeguarding category (analysis.disclosure).

`screen` is the part a respondent must wait for (the language and the safeguarding screen, so a
disclosure is flagged and help shown at once); value tags and sentiment can follow in batches,
where the tagger costs a small fraction of what it costs one text at a time.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engage.analysis import keywords, language, safeguarding
from engage.analysis.disclosure import tag_disclosure
from engage.analysis.sentiment import sentiment
from engage.analysis.tagging import Tagging, ValueTagger, default_tagger

SEVERITY_RANK = {"none": 0, "check": 1, "concern": 2, "immediate": 3}


@dataclass(frozen=True)
class TextAnalysis:
    """Everything learned from one text."""

    text: str
    language: str
    screening: safeguarding.Screening
    tagging: Tagging | None
    polarity: float | None
    subjectivity: float | None

    @property
    def english(self) -> bool:
        """Say whether the English models read this text."""
        return self.language == language.ENGLISH


@dataclass(frozen=True)
class Screened:
    """A text's language and its safeguarding screen."""

    text: str
    language: str
    screening: safeguarding.Screening

    @property
    def english(self) -> bool:
        """Say whether the English models read this text."""
        return self.language == language.ENGLISH


def screen(text: str) -> Screened:
    """Find a text's language and screen it, as analyse() would, without tags or sentiment."""
    lang = language.detect(text or "")
    screening = safeguarding.screen(text or "") if lang == language.ENGLISH else _screen_other(text or "", lang)
    return Screened(text or "", lang, screening)


def analyse(texts: Sequence[str], tagger: ValueTagger | None = None) -> list[TextAnalysis]:
    """Analyse each text, in order; the tagger defaults to the one built from shipped data."""
    screened = [screen(text) for text in texts]
    english = [found.text for found in screened if found.english]
    taggings = iter((tagger or default_tagger()).predict(english) if english else ())
    return [_one(found, taggings) for found in screened]


def warm_up() -> None:
    """Load every model an answer can need: the screen, the language identifier, the tagger, sentiment.

    A server calls this once before it forks its workers, so every worker (and every worker started
    later in its place) shares the loaded models instead of loading its own.
    """
    language.load_models()
    analyse(["Warming up: somewhere safe to go after school.", "Chcę więcej zajęć po szkole.",
             "أريد مكانا آمنا بعد المدرسة"])


def _one(found: Screened, taggings) -> TextAnalysis:
    if not found.english:
        return TextAnalysis(found.text, found.language, found.screening, None, None, None)
    polarity, subjectivity = sentiment(found.text)
    return TextAnalysis(found.text, found.language, found.screening,
                        tag_disclosure(next(taggings), found.screening), polarity, subjectivity)


def _screen_other(text: str, lang: str) -> safeguarding.Screening:
    """Screen text in another language; the English rules still run and may only add.

    English written with a few Polish-looking words, or a sentence mixing languages, keeps
    whatever the English screen found when that is at least as serious.
    """
    other = keywords.screen_other(text, lang)
    english = safeguarding.screen(text)
    if english.flag and SEVERITY_RANK[english.severity] >= SEVERITY_RANK[other.severity]:
        return english
    return other
