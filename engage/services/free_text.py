"""Free text as it arrives: the safeguarding screen at once; value tags and sentiment in batches.

The screen (analysis.analyse.screen) runs before the write transaction (`prepare`), so it never
holds the database's write lock; `store` then writes its result in the transaction that saves
the page, so an answer is never stored without its screen and a child who discloses is shown
where to get help on the very next page. A flag copies the verbatim text: it outlives edits of
the answer and unfinished responses, because a disclosure must reach a person whether or not the
survey is submitted.

Value tags and sentiment are for officers, not the respondent, and the tagger costs about 40
times more for one text than for each text of a batch. So English text is stored marked
`needs_tagging`, and `tag_waiting` analyses the waiting answers in batches (analysis.analyse, the
same one `flask classify` and the evaluation run): from cron (`flask comments tag`) and, at the
latest, before any officer reads comments, results or exports (the officer blueprints call
`catch_up`). The summary's fold never counts a response whose text is still waiting.

Text in another language (engage/analysis/language.py) gets no model tags and no
sentiment: the English models would mis-tag it. It is marked with its language and always
reaches the safeguarding queue, by a keyword hit or as "not screened: written in Arabic".
"""
from pathlib import Path
from typing import Protocol

from flask import current_app, has_app_context
from sqlalchemy import delete, func, insert, select, true, update
from sqlalchemy.orm import Session

from engage.analysis import keywords, safeguarding, tagging
from engage.analysis.analyse import Screened, TextAnalysis, analyse, screen
from engage.db import begin_write, get_session
from engage.models import Answer, AnswerTag, SafeguardingFlag, TagSource
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


def prepare(texts: list[str]) -> dict[str, Screened]:
    """Screen texts outside any transaction; return the results by text."""
    return {text: screen(text) for text in dict.fromkeys(t for t in texts if t)}


def mark(answer: Answer, found: Screened) -> None:
    """Give a new answer its text's language and mark English text to be tagged (before it is written)."""
    answer.polarity = answer.subjectivity = None
    answer.text_language = None if found.english else found.language
    answer.needs_tagging = found.english


def remark(session: Session, answer: Answer, found: Screened) -> None:
    """Mark a changed answer afresh: the old text's tags and sentiment no longer describe it."""
    mark(answer, found)
    session.execute(delete(AnswerTag).where(AnswerTag.answer_id == answer.id, AnswerTag.source == TagSource.MODEL))


class FlaggedResponse(Protocol):
    """What a flag records of its response: the row read under the save's lock will do."""

    id: int
    consultation_id: int
    school_id: int | None
    variant: str


def store(session: Session, response: FlaggedResponse, answers: list[Answer],
          screened: dict[str, Screened]) -> list[SafeguardingFlag]:
    """Flag new or changed free-text answers whose screen found something; return flags that show help."""
    flags = []
    for answer in answers:
        found = screened.get(answer.text or "")
        if found is None:
            continue
        flag = _flag(session, response, answer, found.screening)
        if flag is not None and shows_help(found.screening):
            flags.append(flag)
    return flags


# Texts analysed together: the tagger's cost per text stops falling long before this.
BATCH = 500


def catch_up() -> None:
    """Tag whatever is still waiting, before an officer's page, export or API call reads it."""
    tag_waiting(get_session())


def tag_waiting(session: Session, batch: int = BATCH) -> int:
    """Give waiting answers their value tags and sentiment, a batch at a time; return how many."""
    done = 0
    while rows := _waiting(session, batch):
        session.commit()  # analyse outside any transaction: no lock is held meanwhile
        tagged = _write_tags(session, rows, analyse([text for _, text in rows], tagger()))
        done += tagged
        if not tagged:  # every text changed under us: the next call reads the new ones
            break
    return done


def waiting_count(session: Session) -> int:
    """Return how many answers wait for their value tags."""
    return session.scalar(select(func.count(Answer.id)).where(Answer.needs_tagging == true()))


def _waiting(session: Session, batch: int) -> list[tuple[int, str]]:
    query = select(Answer.id, Answer.text).where(Answer.needs_tagging == true()).order_by(Answer.id).limit(batch)
    return [(answer_id, text or "") for answer_id, text in session.execute(query)]


def _write_tags(session: Session, rows: list[tuple[int, str]], analyses: list[TextAnalysis]) -> int:
    """Store the analyses of answers whose text is still the one analysed; return how many."""
    begin_write(session)
    current = dict(session.execute(select(Answer.id, Answer.text).where(
        Answer.id.in_([answer_id for answer_id, _ in rows]), Answer.needs_tagging == true())).all())
    kept = [(answer_id, found) for (answer_id, text), found in zip(rows, analyses, strict=True)
            if current.get(answer_id) == text]
    if kept:
        ids = [answer_id for answer_id, _ in kept]
        session.execute(delete(AnswerTag).where(AnswerTag.answer_id.in_(ids), AnswerTag.source == TagSource.MODEL))
        session.execute(update(Answer), [_scores(answer_id, found) for answer_id, found in kept])
        tags = [tag for answer_id, found in kept for tag in _model_tags(answer_id, found.tagging)]
        if tags:
            session.execute(insert(AnswerTag), tags)
    session.commit()
    return len(kept)


def _scores(answer_id: int, found: TextAnalysis) -> dict:
    return {"id": answer_id, "polarity": found.polarity, "subjectivity": found.subjectivity,
            "text_language": None if found.english else found.language, "needs_tagging": False}


def _model_tags(answer_id: int, tags: tagging.Tagging | None) -> list[dict]:
    """Rows for the model's tags (none for another language: left for a person to read and tag)."""
    if tags is None:
        return []
    return [{"answer_id": answer_id, "value_id": value_id, "confidence": round(float(confidence), 4),
             "subtheme_id": tags.subtheme if value_id == tags.primary_value else None, "rank": rank,
             "source": TagSource.MODEL, "created_at": utcnow()}
            for rank, (value_id, confidence) in enumerate(tags.values)]


def shows_help(screening: safeguarding.Screening) -> bool:
    """Say whether a flag sends the respondent to the help page.

    "Not screened" (another language) and "check" (the screen is unsure) go to the queue for a
    lead to read, but are no sign of harm by themselves: the child goes on with the survey.
    """
    return screening.severity != "check" and not keywords.is_not_screened(screening)


def _flag(session: Session, response: FlaggedResponse, answer: Answer,
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
