"""Error handling in one place: a page per status, in plain words; never a bare 500."""
import logging

from flask import Flask, current_app, g, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from engage.services.errors import ConsultationClosed, DomainError

log = logging.getLogger(__name__)
PAGES = {400: "errors/400.html", 403: "errors/403.html", 404: "errors/404.html", 413: "errors/413.html"}


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(ConsultationClosed, _closed)
    app.register_error_handler(DomainError, _domain)
    app.register_error_handler(CSRFError, _csrf)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)


def _rollback() -> None:
    session = g.get("db_session")
    if session is not None:
        session.rollback()


def _closed(exc: ConsultationClosed):
    _rollback()
    from engage.respond.state import closed_said_link
    from engage.respond.words import words

    return render_template("respond/closed.html", copy=words(),
                           said_link=closed_said_link(exc.slug)), exc.status


def _domain(exc: DomainError):
    _rollback()
    template = PAGES.get(exc.status, "errors/400.html")
    return render_template(template, message=exc.message), exc.status


def _csrf(_exc: CSRFError):
    return render_template("errors/csrf.html"), 400


def _http(exc: HTTPException):
    template = PAGES.get(exc.code or 500)
    if template is None:
        return exc
    return render_template(template, limit=_size(current_app.config.get("MAX_CONTENT_LENGTH"))), exc.code


def _size(limit: int | None) -> str:
    """Say a byte limit as people say it: "1 MB"."""
    return f"{limit / 1024 / 1024:g} MB" if limit else "the limit"


def _unexpected(exc: Exception):
    _rollback()
    log.exception("Unexpected error", exc_info=exc)
    return render_template("errors/500.html"), 500
