"""The needs-assessment report: the DOCX and PDF open and hold one section per value."""
import io

import pytest
from docx import Document

from engage.db import get_session
from engage.reports import pdf_report
from engage.results import exports
from engage.results import report as report_service
from engage.results import summary as svc
from engage.services import consultations
from tests.summary.known import DISCLOSURE, build_known


@pytest.fixture
def model(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    with loaded.app_context():
        return report_service.report_model(svc.summarise(get_session(), consultations.find(get_session(), "known")))


def test_docx_opens_with_one_section_per_value(loaded, model):
    with loaded.app_context():
        data = b"".join(exports.export(get_session(), consultations.find(get_session(), "known"), "docx"))
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h.startswith("Value ")] == [
        f"Value {s['id']}: {s['short']}" for s in model["sections"]]
    assert len([h for h in headings if h.startswith("Value ")]) == 5
    assert "Method" in headings and "Who took part and how representative they are" in headings
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "We need more street lights in the park" in text and DISCLOSURE not in text
    assert "fewer than 5" in text
    assert len(doc.inline_shapes) == 5  # a chart per value


def test_pdf_opens_with_one_section_per_value(loaded, model):
    with loaded.app_context():
        document = pdf_report.document(model)
        data = document.write_pdf()
    assert data.startswith(b"%PDF")
    titles = list(_titles(document.make_bookmark_tree()))
    assert [t for t in titles if t.startswith("Value ")] == [
        f"Value {s['id']}: {s['short']}" for s in model["sections"]]
    assert "Method" in titles


def _titles(tree):
    """Flatten WeasyPrint's nested bookmarks (label, target, children, state)."""
    for label, _target, children, *_ in tree:
        yield label
        yield from _titles(children)
