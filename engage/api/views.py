"""API views: thin, as every view is; each answer is what the results pages show, as data."""
from flask import Blueprint, Response, current_app, g, jsonify, request, stream_with_context
from sqlalchemy import select

from engage.api.openapi import document
from engage.db import get_session, results_sessionmaker
from engage.extensions import limiter
from engage.models import ApiToken, Consultation, ConsultationStatus
from engage.models._time import utcnow
from engage.results import exports
from engage.results import summary as summaries
from engage.services import api_tokens, audit, free_text
from engage.services.errors import DomainError, NotFound

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Once, here: the limiter is shared by every app made in this process (tests make many).
limiter.limit(lambda: current_app.config["API_RATE_LIMIT"])(bp)
PUBLIC = {"api.openapi"}  # the description of the API needs no token
SHOWN = (ConsultationStatus.OPEN, ConsultationStatus.CLOSED, ConsultationStatus.PUBLISHED)


@bp.before_request
def require_token():
    """Turn away any request without a live token: 401, saying how to send one."""
    if request.endpoint in PUBLIC:
        return None
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    token = api_tokens.check(get_session(), presented.strip(), utcnow()) if scheme.lower() == "bearer" else None
    if token is None:
        body, status = _problem(401, "Send a valid API token: Authorization: Bearer <token>. An administrator "
                                     "makes one with `flask api-tokens create --name NAME`.")
        return body, status, {"WWW-Authenticate": "Bearer"}
    g.api_token = token
    return None


@bp.after_request
def no_cookies(response: Response) -> Response:
    """Never set a cookie or let a shared cache keep the data."""
    response.headers.pop("Set-Cookie", None)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    """Map a refused request to its status, as JSON."""
    return _problem(error.status, error.message)


@bp.errorhandler(404)
def not_found(_error):
    """Say what is missing, as JSON."""
    return _problem(404, "There is no such consultation or address in this API.")


@bp.errorhandler(429)
def too_many(_error):
    """Say to slow down, as JSON."""
    return _problem(429, "Too many requests. Wait a minute, then try again.")


@bp.get("/openapi.json")
def openapi():
    """Describe the API (OpenAPI 3.1)."""
    return jsonify(document())


@bp.get("/consultations")
def consultations():
    """List the consultations that may have results: open, closed or published, never drafts."""
    found = get_session().scalars(select(Consultation).where(Consultation.status.in_(SHOWN))
                                  .order_by(Consultation.id))
    return jsonify({"consultations": [_listed(c) for c in found]})


@bp.get("/consultations/<int:consultation_id>/summary")
def summary(consultation_id: int):
    """Return the consultation's suppressed summary, as on the results page."""
    session = get_session()
    consultation = _consultation(consultation_id)
    _audit("api_summary", consultation)
    free_text.catch_up()  # as on the results page: comments saved since the last batch get their tags first
    return jsonify(summaries.summarise(session, consultation))


@bp.get("/consultations/<int:consultation_id>/answers.csv")
def answers(consultation_id: int):
    """Stream one row per answer: redacted, and never a flagged text (the long CSV export)."""
    consultation = _consultation(consultation_id)
    _audit("api_answers", consultation)
    free_text.catch_up()
    chunks = exports.stream(results_sessionmaker(), consultation.id, "long.csv")
    return Response(stream_with_context(chunks), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{consultation.slug}-answers.csv"'})


def _consultation(consultation_id: int) -> Consultation:
    found = get_session().get(Consultation, consultation_id)
    if found is None or found.status not in SHOWN:
        raise NotFound(f"There is no consultation {consultation_id} with results.")
    return found


def _listed(c: Consultation) -> dict:
    return {"id": c.id, "slug": c.slug, "title": c.title, "status": str(c.status), "series": c.series,
            "audiences": list(c.variants), "opens_at": _when(c.opens_at), "closes_at": _when(c.closes_at),
            "summary": f"/api/v1/consultations/{c.id}/summary", "answers": f"/api/v1/consultations/{c.id}/answers.csv"}


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _audit(action: str, consultation: Consultation) -> None:
    token: ApiToken = g.api_token
    session = get_session()
    audit.record(session, action, None, target=consultation.slug, detail=f"API token {token.name}")
    session.commit()


def _problem(status: int, message: str):
    return jsonify({"status": status, "error": message}), status
