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
    assert headings[0] == "Summary of findings"  # the report opens on what was found
    assert "Method and small numbers" in headings and "Appendix: tables" in headings
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "We need more street lights in the park" in text and DISCLOSURE not in text
    assert "fewer than 5" in text
    assert len(doc.inline_shapes) >= 1  # a chart for each value with headline questions answered
    for shape in doc.inline_shapes:
        described = shape._inline.docPr.get("descr")
        assert described and described.startswith("Share who agreed: ")
    assert doc.core_properties.language == "en-GB"


def test_pdf_opens_with_one_section_per_value(loaded, model):
    with loaded.app_context():
        document = pdf_report.document(model)
        data = document.write_pdf()
    assert data.startswith(b"%PDF")
    titles = list(_titles(document.make_bookmark_tree()))
    assert [t for t in titles if t.startswith("Value ")] == [
        f"Value {s['id']}: {s['short']}" for s in model["sections"]]
    assert titles[1] == "Summary of findings" and "Method and small numbers" in titles


def test_pdf_is_tagged_with_its_language_and_headings(loaded, model):
    from pypdf import PdfReader

    with loaded.app_context():
        data = pdf_report.render(model)
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]
    tags = _tags(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/L"} <= tags
    assert "/Figure" in tags  # the charts, each with its alternative text
    assert all(alt for alt in _figure_alts(root["/StructTreeRoot"]))


def _kids(node):
    kids = node.get_object().get("/K", [])
    return kids if isinstance(kids, list) else [kids]


def _tags(node) -> set:
    found = set()
    for kid in _kids(node):
        kid = kid.get_object()
        if hasattr(kid, "get") and "/S" in kid:
            found.add(kid["/S"])
            found |= _tags(kid)
    return found


def _figure_alts(node):
    for kid in _kids(node):
        kid = kid.get_object()
        if hasattr(kid, "get") and "/S" in kid:
            if kid["/S"] == "/Figure":
                yield kid.get("/Alt")
            yield from _figure_alts(kid)


def _titles(tree):
    """Flatten WeasyPrint's nested bookmarks (label, target, children, state)."""
    for label, _target, children, *_ in tree:
        yield label
        yield from _titles(children)
