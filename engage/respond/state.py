"""What the respondent pages share: the session's keys and the language a page is shown in."""
from flask import url_for
from sqlalchemy import select

from engage import i18n
from engage.db import get_session
from engage.models import Consultation
from engage.respond.words import GENERAL, copy_languages
from engage.services import plan

TOKEN = "response"
CODE = "class_code"
DONE = "done"
HELP = "help"
RESUMED = "resumed"  # this browser reopened the response with a code


def general_language() -> str:
    """Pages before the audience is known: the chosen language if its copy is written."""
    chosen = i18n.chosen_language()
    return i18n.use_language(chosen if chosen in copy_languages(GENERAL) else "en")


def survey_language(consultation, variant: str) -> str:
    """Pages of one survey: the chosen language if the survey and copy both offer it to this audience."""
    return i18n.use_language(i18n.language_for(consultation.version, variant,
                                               copy_languages(variant)))


def closed_said_link(slug: str | None) -> str | None:
    """Link to what came of a closed consultation: its own page, else its series' newest."""
    session = get_session()
    consultation = session.scalar(select(Consultation).where(Consultation.slug == slug)) if slug else None
    if consultation is None:
        return None
    if plan.published(session, consultation.id) is not None:
        return url_for("public.you_said", slug=consultation.slug)
    newest = plan.latest_published_slug(session, consultation.series) if consultation.series else None
    return url_for("public.you_said", slug=newest) if newest else None


def you_said_link(consultation=None) -> str | None:
    """Link to the newest published "You said, we did" page (this consultation's series first)."""
    slug = plan.latest_published_slug(get_session(), consultation.series if consultation else None)
    return url_for("public.you_said", slug=slug) if slug else None
