"""Free text as it arrives: sentiment, value tags and the safeguarding screen.

The analysis (analysis.analyse, the same one `flask classify` and the evaluation run) is pure
and runs before the write transaction (`prepare`), so it never holds
the database's write lock; `store` then writes the results in the transaction that saves the
page, so an answer is never stored without its screen. A flag copies the verbatim text: it
outlives edits of the answer and unfinished responses, because a disclosure must reach a
person whether or not the survey is submitted.

Text in another language (engage/analysis/language.py) gets no model tags and no
sentiment: the English models would mis-tag it. It is marked with its language and always
reaches the safeguarding queue, by a keyword hit or as "not screened: written in Arabic".
"""
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engage.analysis import keywords, safeguarding, tagging
from engage.analysis.analyse import TextAnalysis, analyse
from engage.models import Answer, AnswerTag, Response, SafeguardingFlag, TagSource
from engage.models._time import utcnow
from engage.services import retraining
from engage.services.safeguarding import alerts

MODEL_FILE = "value_model.joblib"
# The retrained model, keyed by file and modification time so a retrain is picked up.
_RETRAINED: dict[tuple[str, float], tagging.ValueTagger] = {}


def model_path() -> Path:
    """Return where `flask model train` writes the retrained tagger."""
    return Path(current_app.instance_path) / MODEL_FILE


def tagger() -> tagging.ValueTagger:
    """Return the retrained tagger if one was trained, else the one built from shipped data."""
    if has_app_context() and model_path().exists():
        key = (str(model_path()), model_path().stat().st_mtime)
        if key not in _RETRAINED:
            _RETRAINED.clear()
            _RETRAINED[key] = retraining.installed_tagger(model_path())
        return _RETRAINED[key]
    return tagging.default_tagger()


def prepare(texts: list[str]) -> dict[str, TextAnalysis]:
    """Analyse texts outside any transaction; return the results by text."""
    unique = list(dict.fromkeys(t for t in texts if t))
    return {found.text: found for found in analyse(unique, tagger())}


def store(session: Session, response: Response, answers: list[Answer],
          analyses: dict[str, TextAnalysis]) -> list[SafeguardingFlag]:
    """Write prepared results for new or changed free-text answers; return new flags."""
    flags = []
    for answer in answers:
        analysis = analyses.get(answer.text or "")
        if analysis is None:
            continue
        answer.polarity, answer.subjectivity = analysis.polarity, analysis.subjectivity
        answer.text_language = None if analysis.english else analysis.language
        _replace_model_tags(session, answer, analysis.tagging)
        flag = _flag(session, response, answer, analysis.screening)
        if flag is not None and shows_help(analysis.screening):
            flags.append(flag)
    return flags


def shows_help(screening: safeguarding.Screening) -> bool:
    """Say whether a flag sends the respondent to the help page.

    "Not screened" (another language) and "check" (the screen is unsure) go to the queue for a
    lead to read, but are no sign of harm by themselves: the child goes on with the survey.
    """
    return screening.severity != "check" and not keywords.is_not_screened(screening)


def _replace_model_tags(session: Session, answer: Answer, tags: tagging.Tagging | None) -> None:
    """Swap the model's tags for new ones; an officer's correction is never overwritten."""
    session.execute(delete(AnswerTag).where(AnswerTag.answer_id == answer.id,
                                            AnswerTag.source == TagSource.MODEL))
    if tags is None:  # another language: left for a person to read and tag
        return
    for rank, (value_id, confidence) in enumerate(tags.values):
        subtheme = tags.subtheme if value_id == tags.primary_value else None
        session.add(AnswerTag(answer_id=answer.id, value_id=value_id, subtheme_id=subtheme,
                              confidence=round(float(confidence), 4), rank=rank))


def _flag(session: Session, response: Response, answer: Answer,
          result: safeguarding.Screening) -> SafeguardingFlag | None:
    if not result.flag:
        return None
    already = session.scalar(select(SafeguardingFlag.id).where(
        SafeguardingFlag.response_id == response.id, SafeguardingFlag.item_key == answer.item_key,
        SafeguardingFlag.text == answer.text))
    if already is not None:
        return None
    flag = SafeguardingFlag(
        response_id=response.id, consultation_id=response.consultation_id,
        school_id=response.school_id, variant=response.variant, item_key=answer.item_key,
        text=answer.text, severity=result.severity, category=result.category or "other",
        reasons=list(result.matched),
    )
    session.add(flag)
    session.flush()  # the alert names the flag by its id
    alerts.for_new_flag(session, flag, flag.created_at or utcnow())
    return flag
