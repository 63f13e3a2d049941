"""Number and date questions on paper: a box to write in, and typed back in as numbers and dates."""
import io
import re

from pypdf import PdfReader
from sqlalchemy import select

from engage.models import Answer, Response, Role
from tests.conftest import csrf_token
from tests.workspace.factories import make_user, sign_in_as


def _entry(client, consultation, **answers):
    url = f"/workspace/consultations/{consultation.id}/paper/parent/enter"
    page = client.get(url)
    assert page.status_code == 200
    token = re.search(r'name="entry_token" type="hidden" value="([^"]+)"', page.text).group(1)
    data = {"csrf_token": csrf_token(page.text), "entry_token": token, "school": "",
            **{f"q_{k}": v for k, v in answers.items()}}
    return page, client.post(url, data=data)


def test_the_printed_form_asks_for_a_written_number_and_date(app, db, numbers_consultation, client):
    sign_in_as(client, make_user(db, Role.OFFICER))
    pdf = client.get(f"/workspace/consultations/{numbers_consultation.id}/paper/parent.pdf")
    assert pdf.status_code == 200, pdf.status_code
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "How old is your child? Write in the box." in text
    assert "When did you move here? Write in the box. Write it like this: 27 3 2015." in text


def test_typed_in_numbers_and_dates_are_stored_as_online(app, db, numbers_consultation, client):
    sign_in_as(client, make_user(db, Role.OFFICER))
    page, saved = _entry(client, numbers_consultation, age="9", hours="8.5", moved="27/3/2015")
    assert "Type the date as day, month and year, like 27 3 2015." in page.text
    assert saved.status_code == 302, saved.text[:2000]
    db.rollback()
    assert {a.item_key: a.value for a in db.scalars(select(Answer))} == {
        "age": "9", "hours": "8.5", "moved": "2015-03-27"}


def test_a_number_or_date_that_cannot_be_read_is_refused_plainly(app, db, numbers_consultation, client):
    sign_in_as(client, make_user(db, Role.OFFICER))
    _page, refused = _entry(client, numbers_consultation, age="99", moved="31 2 2015")
    assert refused.status_code == 400
    assert "Question 1: type a number from 5 to 25." in refused.text
    assert "Question 3: type a real date as day, month and year, like 27 3 2015." in refused.text
    db.rollback()
    assert db.scalar(select(Response.id)) is None
