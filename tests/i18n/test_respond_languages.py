"""A respondent chooses a language; pages, survey wordings and the stored response follow it."""
import re

from sqlalchemy import select

from engage.models import Response, ResponseStatus
from tests.respond.journey import begin, complete

HTML_TAG = re.compile(r"<html[^>]*>")


def _html_tag(text: str) -> str:
    return HTML_TAG.search(text).group(0)


def test_start_page_lists_languages_in_their_own_names(client, demo):
    page = client.get("/").text
    assert 'href="/?lang=ar" lang="ar" hreflang="ar">العربية</a>' in page
    assert 'href="/?lang=pl" lang="pl" hreflang="pl">Polski</a>' in page
    assert '<strong lang="en" aria-current="true">English</strong>' in page
    assert 'lang="en" dir="ltr"' in _html_tag(page)


def test_a_link_chooses_arabic_for_the_whole_visit(client, demo):
    start = client.get("/?lang=ar").text
    assert 'lang="ar" dir="rtl"' in _html_tag(start)
    assert "قل رأيك" in start and "انتقل إلى المحتوى الرئيسي" in start  # copy.yaml and the catalogue
    notice = client.get(f"/c/{demo['annual']}/secondary").text  # no ?lang here: the session keeps it
    assert 'lang="ar" dir="rtl"' in _html_tag(notice)
    assert "ماذا يحدث لإجاباتك" in notice


def test_polish_survey_wordings_and_scale_labels(client, demo):
    client.get("/?lang=pl")
    begin(client, demo["annual"], "primary")
    first = client.get("/answer/1").text
    assert 'lang="pl" dir="ltr"' in _html_tag(first)
    assert "Czuję się bezpiecznie tam, gdzie mieszkam." in first
    assert "Bardzo się zgadzam" in first and "Pytanie 1 z" in first


def test_an_audience_the_language_does_not_reach_is_wholly_english(client, demo):
    client.get("/?lang=ar")
    notice = client.get(f"/c/{demo['annual']}/parent").text
    assert 'lang="en" dir="ltr"' in _html_tag(notice)
    assert "How we use your answers" in notice


def test_an_unknown_language_in_a_link_is_ignored(client, demo):
    page = client.get("/?lang=xx")
    assert page.status_code == 200 and 'lang="en"' in _html_tag(page.text)


def test_the_response_records_its_language_and_the_thanks_page_keeps_it(client, demo, db):
    client.get("/?lang=ar")
    begin(client, demo["annual"], "secondary")
    complete(client, answer=_first_choices)
    thanks = client.get("/thanks").text
    assert 'lang="ar"' in _html_tag(thanks) and "شكرًا لك!" in thanks
    response = db.scalar(select(Response).where(Response.status == ResponseStatus.SUBMITTED))
    assert response.language == "ar"


def test_english_responses_record_english(client, demo, db):
    begin(client, demo["annual"], "post16")
    complete(client, answer=_first_choices)
    assert db.scalar(select(Response.language)) == "en"


def test_staff_pages_stay_english_after_choosing_arabic(client, demo):
    client.get("/?lang=ar")
    page = client.get("/workspace/sign-in", follow_redirects=True).text
    assert 'lang="en" dir="ltr"' in _html_tag(page) and "Skip to main content" in page


def _first_choices(html: str) -> dict:
    """Pick the first radio and checkbox on a page, and leave free text empty."""
    data: dict[str, object] = {}
    for name, value in re.findall(r'name="(q_[a-z0-9_]+)" type="radio" value="([^"]+)"', html):
        data.setdefault(name, value)
    for name, value in re.findall(r'name="(q_[a-z0-9_]+)" type="checkbox" value="([^"]+)"', html):
        data.setdefault(name, [value])
    return data
