"""The data API: bearer tokens only (no token or a revoked one: 401), the summary the results
page shows, redacted answers without flagged text, writes only where the results pages write
(tags for waiting comments, audit), and a valid OpenAPI document."""
import csv
import io

import pytest
from sqlalchemy import func, select, update

from engage.models import Answer, AuditEvent, Role
from engage.models._time import utcnow
from engage.results import summary as summaries
from engage.services import api_tokens
from tests.summary.known import DISCLOSURE, HYPERLINK, NAMED, build_known
from tests.workspace.factories import make_user, sign_in_as

# endpoint -> needs a token. A new API route fails test_every_api_route_is_listed until added.
ROUTES = {"api.consultations": True, "api.summary": True, "api.answers": True, "api.openapi": False}


@pytest.fixture
def known(app, db, loaded, monkeypatch):
    return build_known(db, monkeypatch)


@pytest.fixture
def token(app, db):
    with app.app_context():
        return api_tokens.create(db, "Power BI dashboard", utcnow())


def _get(client, path: str, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(f"/api/v1{path}", headers=headers)


def _urls(known) -> dict[str, str]:
    c = known.consultation.id
    return {"api.consultations": "/consultations", "api.summary": f"/consultations/{c}/summary",
            "api.answers": f"/consultations/{c}/answers.csv", "api.openapi": "/openapi.json"}


def test_every_api_route_is_listed(app):
    assert {r.endpoint for r in app.url_map.iter_rules() if r.rule.startswith("/api/")} == set(ROUTES)


@pytest.mark.parametrize("role", [None, *Role], ids=lambda r: r.value if r else "anonymous")
def test_a_signed_in_session_is_not_a_token(app, db, client, known, role):
    """Staff cookies open nothing here: every route but the description needs a token."""
    if role:
        sign_in_as(client, make_user(db, role))
    for endpoint, url in _urls(known).items():
        response = _get(client, url)
        assert response.status_code == (401 if ROUTES[endpoint] else 200), (endpoint, role)
        if ROUTES[endpoint]:
            assert response.headers["WWW-Authenticate"] == "Bearer"
            assert "api-tokens create" in response.json["error"]


def test_a_live_token_reads_every_route_and_sets_no_cookie(app, client, known, token):
    for endpoint, url in _urls(known).items():
        response = _get(client, url, token)
        assert response.status_code == 200, endpoint
        assert "Set-Cookie" not in response.headers and response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("presented", ["engage_not-a-real-token", "Basic abc", "", "engage_" + "x" * 300])
def test_wrong_tokens_are_refused(app, client, known, presented):
    response = client.get("/api/v1/consultations", headers={"Authorization": f"Bearer {presented}"})
    assert response.status_code == 401


def test_a_revoked_token_is_refused_at_once(app, db, client, known, token, runner):
    assert _get(client, "/consultations", token).status_code == 200
    result = runner.invoke(args=["api-tokens", "revoke", "--name", "Power BI dashboard"])
    assert result.exit_code == 0 and "Revoked 'Power BI dashboard'." in result.output
    assert _get(client, "/consultations", token).status_code == 401


def test_the_summary_is_the_results_pages_suppressed_summary(app, db, client, known, token):
    got = _get(client, f"/consultations/{known.consultation.id}/summary", token)
    with app.app_context():
        expected = summaries.summarise(db, known.consultation)
    assert got.json["items"] == expected["items"] and got.json["responses"] == expected["responses"]
    home = next(i for i in got.json["items"] if i["key"] == "home_ok")
    assert home["value"] == 1 and home["wording"]  # with ids and labels
    small = [r for r in got.json["took_part"]["school"] if r["row"] == "Beta School"]
    assert small and "fewer than" in str(small[0])  # three pupils: hidden, as on the page
    assert got.json["suppression"]["threshold"] == 5


def test_answers_are_one_row_per_answer_redacted_without_flagged_text(app, client, known, token):
    got = _get(client, f"/consultations/{known.consultation.id}/answers.csv", token)
    assert got.mimetype == "text/csv"
    text = got.data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len({r["Response number"] for r in rows}) == 33 and len(rows) > 33
    assert DISCLOSURE not in text  # flagged: never
    assert "Tom" not in text and NAMED not in text  # names redacted
    assert HYPERLINK not in text or f"'{HYPERLINK}" in text  # formulas never live


def test_drafts_and_unknown_consultations_are_404(app, db, client, known, token):
    from engage.models import ConsultationStatus

    known.consultation.status = ConsultationStatus.DRAFT
    db.commit()
    assert _get(client, "/consultations", token).json == {"consultations": []}
    for path in (f"/consultations/{known.consultation.id}/summary", "/consultations/999/answers.csv"):
        got = _get(client, path, token)
        assert got.status_code == 404 and "error" in got.json


def test_reads_are_audited_with_the_token_name(app, db, client, known, token):
    _get(client, f"/consultations/{known.consultation.id}/summary", token)
    _get(client, f"/consultations/{known.consultation.id}/answers.csv", token).close()
    db.rollback()
    events = {(e.action, e.detail) for e in db.scalars(select(AuditEvent))}
    assert ("api_token_created", "scope results") in events
    assert ("api_summary", "API token Power BI dashboard") in events
    assert ("api_answers", "API token Power BI dashboard") in events


def test_requests_are_rate_limited(app, client, known, token):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    codes = [_get(client, "/consultations", token).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert "Too many requests" in _get(client, "/consultations", token).json["error"]


def test_the_openapi_document_is_valid(app, client):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json
    validate(document)
    assert set(document["paths"]) == {"/consultations", "/consultations/{consultation_id}/summary",
                                      "/consultations/{consultation_id}/answers.csv", "/openapi.json"}


def _mark_comments_waiting(db) -> int:
    """Put the consultation's comments back in the queue for value tags, as if just saved."""
    db.execute(update(Answer).where(Answer.text.is_not(None)).values(needs_tagging=True))
    db.commit()
    return _waiting(db)


def _waiting(db) -> int:
    db.rollback()  # read afresh what the app committed
    return db.scalar(select(func.count(Answer.id)).where(Answer.needs_tagging.is_(True)))


def test_only_reading_answers_sets_the_tagger_to_work(app, db, client, known, token):
    """Listing, the description and refused requests write nothing; a summary tags what waits first."""
    waiting = _mark_comments_waiting(db)
    assert waiting > 0
    summary_path = f"/consultations/{known.consultation.id}/summary"
    assert _get(client, "/openapi.json").status_code == 200
    assert _get(client, summary_path).status_code == 401
    assert _get(client, summary_path, "engage_not-a-real-token").status_code == 401
    assert _get(client, "/consultations", token).status_code == 200
    assert _get(client, "/consultations/999/summary", token).status_code == 404
    assert _waiting(db) == waiting
    assert _get(client, summary_path, token).status_code == 200
    assert _waiting(db) == 0
