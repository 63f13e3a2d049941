"""Every way a comment leaves engage goes through redaction: the results page (quotes and
recurring phrases), the summary JSON, every export format, the Word and PDF reports, and the
public "You said, we did" page. Each is checked for the raw personal details and for the
placeholders that prove the text was shown, redacted."""
import io
import zipfile
from datetime import timedelta

import pytest
from pypdf import PdfReader

from engage.definitions.survey import survey_of
from engage.models import ConsultationStatus, PlanPublication, Role, YouSaid
from engage.models._time import utcnow
from engage.results import summary as results
from engage.services import free_text
from engage.services.responses import AnswerValue, start_response, submit
from engage.services.setup import create_consultation, ensure_school
from tests.conftest import csrf_token
from tests.summary.known import StubTagger
from tests.workspace.factories import make_user, sign_in_as

COMMENT = "ask Jake Smith in 8B or ring 07700 900123 or snap jojo_2011 about more clubs"
RAW = ("Jake", "Smith", "8B", "07700", "900123", "jojo_2011")
PLACEHOLDERS = ("[name]", "[class]", "[phone]", "[handle]")


@pytest.fixture
def named(loaded, db, monkeypatch):
    """Six secondary pupils (above the quoting threshold) who all wrote the same details."""
    monkeypatch.setattr(free_text, "tagger", lambda: StubTagger())
    now = utcnow()
    consultation = create_consultation(db, "annual-young-people", "named", "Named", ["secondary"],
                                       now - timedelta(days=1), now + timedelta(days=30),
                                       status=ConsultationStatus.OPEN)
    school = ensure_school(db, "Alpha Academy", "secondary", "north")
    db.commit()
    items = survey_of(consultation.version).items()
    for _ in range(6):
        response = start_response(db, consultation, "secondary", now)
        submit(db, response.token, items, {"home_ok": AnswerValue(value="4"), "area": AnswerValue(value="north"),
                                           "school": AnswerValue(value=str(school.id)),
                                           "safe_better": AnswerValue(text=COMMENT)}, now)
    free_text.tag_waiting(db)  # what the officer's pages and the cron job do before a summary
    return consultation


def _clean(text: str, where: str) -> None:
    assert not [r for r in RAW if r in text], where
    assert any(p in text for p in PLACEHOLDERS), f"{where}: the comment was not shown at all"


def test_quotes_and_phrases_of_the_summary_are_redacted(app, named, db):
    with app.app_context():
        summary = results.summarise(db, named)
    value = next(v for v in summary["values"] if v["quotes"])
    _clean(" ".join(q["text"] for q in value["quotes"]), "quotes")
    phrases = " ".join(p["phrase"] for v in summary["values"] for p in v["phrases"])
    assert not [r for r in RAW if r.lower() in phrases.lower()], phrases


def test_results_page_and_summary_json_are_redacted(app, named, db, client, runner):
    sign_in_as(client, make_user(db, Role.OFFICER))
    _clean(client.get(f"/workspace/insights/{named.id}").text, "results page")
    _clean(runner.invoke(args=["summary", "named"]).output, "summary json")


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx", "sav"])
def test_every_download_is_redacted(named, db, client, fmt):
    sign_in_as(client, make_user(db, Role.OFFICER))
    page = client.get(f"/workspace/insights/{named.id}")
    with client.post(f"/workspace/insights/{named.id}/download/{fmt}",
                     data={"csrf_token": csrf_token(page.text)}) as response:
        body = response.get_data()
    _clean(_text_of(body, fmt), fmt)


def _text_of(body: bytes, fmt: str) -> str:
    if fmt == "xlsx":
        book = zipfile.ZipFile(io.BytesIO(body))
        return " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xml"))
    return body.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_word_and_pdf_reports_are_redacted(named, runner, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    assert runner.invoke(args=["export", "named", "--format", fmt, "--out", str(out)]).exit_code == 0
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    else:
        text = zipfile.ZipFile(out).read("word/document.xml").decode()
    _clean(text, fmt)


def test_public_page_is_redacted_even_when_an_officer_pastes_a_comment(named, db, client):
    db.add(YouSaid(consultation_id=named.id, value_id=1, text=COMMENT, child_text={"secondary": COMMENT}))
    db.add(PlanPublication(consultation_id=named.id))
    db.commit()
    _clean(client.get("/you-said-we-did/named").text, "public page")


def test_the_data_api_summary_and_answers_are_redacted(named, runner, client):
    made = runner.invoke(args=["api-tokens", "create", "--name", "dashboard"])
    token = made.stdout.strip().splitlines()[0]
    headers = {"Authorization": f"Bearer {token}"}
    _clean(client.get(f"/api/v1/consultations/{named.id}/summary", headers=headers).text, "api summary")
    with client.get(f"/api/v1/consultations/{named.id}/answers.csv", headers=headers) as response:
        _clean(response.get_data(as_text=True), "api answers")
