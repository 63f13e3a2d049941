"""A printed primary survey is an accessible PDF: tagged, language set, real text, page numbers."""
import io

from pypdf import PdfReader

from engage.definitions.readability import check_wording
from engage.forms.ballot import DEFAULT_WORDS
from engage.reports.paper_pdf import PAPER_WORDS
from engage.respond.words import words
from tests.workspace.factories import sign_in_as


def _download(client, world, variant="primary"):
    sign_in_as(client, world["officer"])
    return client.get(f"/workspace/consultations/{world['consultation'].id}/paper/{variant}.pdf")


def test_the_primary_form_is_a_tagged_pdf_ua_document(app, paper_world, client):
    got = _download(client, paper_world)
    assert got.status_code == 200 and got.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(got.data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()  # declares PDF/UA-1
    assert reader.metadata.title == "Annual survey 2027"
    assert len(reader.pages) > 3


def test_the_form_has_the_questions_the_privacy_and_help_words_and_its_reference(app, paper_world, client):
    reader = PdfReader(io.BytesIO(_download(client, paper_world).data))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    with app.app_context():
        copy = words("primary")
    for key in ("privacy_anonymous", "privacy_limit", "help_body"):
        assert " ".join(copy[key].split()[:6]) in text, key
    assert "I feel safe where I live." in text and "Tick one box." in text
    reference = f"{paper_world['consultation'].id}-primary-v{paper_world['consultation'].version.number}"
    last = len(reader.pages)
    assert f"Form {reference}" in reader.pages[last - 1].extract_text()
    assert f"Page {last} of {last}" in " ".join(reader.pages[last - 1].extract_text().split())


def test_a_variant_the_consultation_does_not_offer_is_not_found(app, paper_world, client):
    assert _download(client, paper_world, "post16").status_code == 404


def test_paper_and_ballot_words_for_children_pass_the_reading_age_check():
    for text in [*PAPER_WORDS.values(), *DEFAULT_WORDS.values()]:
        plain = text.format(max=3, place="1st")
        assert check_wording(plain, "primary") is None, plain


def test_a_printed_form_carries_its_groups_own_title(app, paper_world, client, db):
    paper_world["consultation"].audience_titles = {"young": "Young people's survey 2027"}
    db.commit()
    reader = PdfReader(io.BytesIO(_download(client, paper_world).data))
    assert reader.metadata.title == "Young people's survey 2027"
