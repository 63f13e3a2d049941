"""Flagged text is absent from every summary and export (counts may appear in aggregate)."""
import io
import json
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from engage.models import Consultation, Role
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete, fill
from tests.respond.test_safeguarding_journey import DISCLOSURE
from tests.workspace.factories import make_user, sign_in_as

SIGNATURE = "hits my mum"
ORDINARY = "The park needs more benches and a zip wire please"


@pytest.fixture
def consultation_with_a_disclosure(app, demo):
    """Six parent responses with ordinary comments and one with a disclosure."""
    for text in [ORDINARY] * 6 + [DISCLOSURE]:
        client = app.test_client()
        begin(client, demo["annual"], "parent")
        complete(client, answer=lambda html, t=text: fill(html, text=t))
    return demo["annual"]


def _docx_text(data: bytes) -> str:
    """The text a reader sees: paragraphs and table cells (Word may split a phrase into runs)."""
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _text_of(path, fmt: str) -> str:
    data = path.read_bytes()
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "docx":
        return _docx_text(data)
    if fmt == "xlsx":
        with zipfile.ZipFile(path) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx", "sav", "docx", "pdf"])
def test_flagged_text_is_in_no_export(runner, tmp_path, consultation_with_a_disclosure, fmt):
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(args=["export", consultation_with_a_disclosure, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = _text_of(out, fmt)
    assert SIGNATURE not in text
    if fmt in ("csv", "long.csv", "docx", "pdf"):
        assert ORDINARY in text  # the export does hold free text: the absence is meaningful
    if fmt in ("docx", "pdf"):
        assert "Method" in text  # the text was really extracted from the report


def test_flagged_text_is_not_in_the_summary(runner, consultation_with_a_disclosure):
    result = runner.invoke(args=["summary", consultation_with_a_disclosure, "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = result.output[result.output.index("{"):]
    assert SIGNATURE not in summary
    json.loads(summary)


def test_flagged_text_is_not_in_the_you_said_we_did_docx(app, client, db, consultation_with_a_disclosure):
    """The plan drafted from the summary, exported to Word, holds no flagged text."""
    consultation = db.query(Consultation).filter_by(slug=consultation_with_a_disclosure).one()
    sign_in_as(client, make_user(db, Role.OFFICER))
    base = f"/workspace/insights/{consultation.id}/plan"
    token = csrf_token(client.get(base).get_data(as_text=True))
    assert client.post(f"{base}/draft", data={"csrf_token": token}).status_code == 302
    response = client.get(f"{base}.docx")
    assert response.status_code == 200
    text = _docx_text(response.data)
    assert "comments were about" in text  # a drafted statement is in the document
    assert SIGNATURE not in text and "hits" not in text
