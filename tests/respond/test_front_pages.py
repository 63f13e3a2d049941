"""The start page and the privacy notice drawn once and filled per request: the same page as
drawing it whole, never anything of another respondent's, and a change to a consultation at once."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.models import Consultation
from engage.models._time import utcnow
from engage.respond.blank_pages import CACHE
from tests.conftest import csrf_token
from tests.respond.journey import publish_next_version
from tests.respond.test_kiosk import kiosk  # noqa: F401  (fixture)
from tests.respond.test_page_cache import _same_page

VARIANTS = ("primary", "secondary", "post16", "parent", "professional")


def _kept_text(app) -> str:
    return "".join(piece for blank in app.extensions[CACHE] for piece in blank.texts)


def _consultation(db, slug: str) -> Consultation:
    return db.scalar(select(Consultation).where(Consultation.slug == slug))


@pytest.mark.parametrize("lang", [None, "pl", "ar"])
def test_start_page_and_notices_match_pages_drawn_whole(app, client, demo, lang):
    query = f"?lang={lang}" if lang else ""
    start = _same_page(app, client, "/" + query)
    for variant in VARIANTS:
        _same_page(app, client, f"/c/{demo['annual']}/{variant}{query}")
    assert f'lang="{lang or "en"}"' in start
    assert len(app.extensions[CACHE]) == 1 + len(VARIANTS)  # each drawn once, then filled


def test_display_settings_and_the_settings_link_are_each_browsers_own(app, demo):
    amira, ben = app.test_client(), app.test_client()
    settings = amira.get("/settings?next=/").text
    amira.post("/settings", data={"csrf_token": csrf_token(settings), "large_text": "y", "back": "/"})
    notice = f"/c/{demo['annual']}/secondary"
    amira_page = _same_page(app, amira, notice + "?lang=pl")
    ben_page = _same_page(app, ben, notice)
    assert "engage-large-text" in amira_page and "engage-large-text" not in ben_page
    assert 'lang="pl"' in amira_page and 'lang="en"' in ben_page
    assert "next=/c/" in ben_page and "lang%3Dpl" in amira_page and "lang%3Dpl" not in ben_page
    ben_polish = _same_page(app, ben, notice + "?lang=pl")  # Amira's page but for her settings
    assert 'lang="pl"' in ben_polish and "engage-large-text" not in ben_polish


def _raw(page: str) -> str:
    """The session's own token inside a page's signed CSRF token. The signature carries the second
    it was made, so two pages of one session drawn a second apart have different signed tokens."""
    return csrf_token(page).split(".")[0]


def test_two_respondents_never_see_each_others_token_code_or_errors(app, demo):
    amira, ben = app.test_client(), app.test_client()
    amira_start = amira.get("/").text
    wrong = amira.post("/code", data={"csrf_token": csrf_token(amira_start), "code": "AMIRA-9"})
    assert wrong.status_code == 400 and "AMIRA9" in wrong.text.replace("-", "")
    ben_start = ben.get("/").text
    amira_notice = amira.get(f"/c/{demo['annual']}/secondary").text
    ben_notice = ben.get(f"/c/{demo['annual']}/secondary").text

    assert "AMIRA" not in ben_start and "govuk-error-message" not in ben_start
    assert _raw(ben_start) != _raw(amira_start)
    assert _raw(ben_notice) == _raw(ben_start) != _raw(amira_notice)
    # Each token is the one its own session checks: Ben starting with Amira's token is refused.
    refused = ben.post(f"/c/{demo['annual']}/secondary/start", data={"csrf_token": csrf_token(amira_notice)})
    assert refused.status_code == 400
    started = ben.post(f"/c/{demo['annual']}/secondary/start", data={"csrf_token": csrf_token(ben_notice)})
    assert started.headers["Location"].endswith("/answer/1")
    kept = _kept_text(app)
    assert kept and "AMIRA" not in kept
    assert not [t for t in (csrf_token(amira_start), csrf_token(ben_start)) if t in kept]


def test_a_resume_code_is_never_kept_nor_shown_to_the_next_respondent(app, demo):
    amira, ben = app.test_client(), app.test_client()
    notice = amira.get(f"/c/{demo['annual']}/parent").text
    amira.post(f"/c/{demo['annual']}/parent/start", data={"csrf_token": csrf_token(notice)})
    page = amira.get("/answer/1").text
    saved = amira.post("/answer/1", data={"csrf_token": csrf_token(page), "action": "save"})
    code = re.search(r'id="resume-code"[^>]*>([^<]+)<', amira.get(saved.headers["Location"]).text)
    words = code.group(1).strip() if code else None
    assert words
    assert words not in ben.get("/").text and words not in ben.get(f"/c/{demo['annual']}/parent").text
    assert words not in _kept_text(app)


@pytest.mark.usefixtures("kiosk")
def test_a_kiosk_draws_its_pages_whole(app, client, demo):
    # Its idle timer names the page and its session may hold a "wiped" message: nothing is shared.
    notice = client.get(f"/c/{demo['annual']}/secondary")
    assert notice.status_code == 200 and "kiosk-idle.js" in notice.text
    assert len(app.extensions[CACHE]) == 0


def test_a_renamed_or_closed_consultation_shows_at_once(app, client, demo, db):
    notice = f"/c/{demo['annual']}/secondary"
    assert client.get(notice).status_code == 200 and client.get("/").status_code == 200
    consultation = _consultation(db, demo["annual"])
    consultation.title = "Our brand new title"
    consultation.audience_titles = {"young": "Our new title for young people"}
    db.commit()
    assert "Our new title for young people" in client.get(notice).text
    assert "Our brand new title" in client.get("/").text

    consultation.closes_at = utcnow() - timedelta(minutes=1)
    db.commit()
    assert client.get(notice).status_code == 410
    assert f"/c/{demo['annual']}" not in client.get("/").text

    consultation.closes_at = None  # opened again
    db.commit()
    assert client.get(notice).status_code == 200
    assert f"/c/{demo['annual']}" in client.get("/").text


def test_a_new_survey_version_changes_the_notice_at_once(app, client, demo, db):
    notice = f"/c/{demo['annual']}/primary"
    assert 'id="easy_read"' in client.get(notice).text
    consultation = _consultation(db, demo["annual"])
    old = consultation.version
    plainer = {**old.definition, "pages": [{**page, "items": [{k: v for k, v in item.items() if k != "easy_read"}
                                                             for item in page["items"]]}
                                           for page in old.definition["pages"]]}
    publish_next_version(db, consultation, plainer)
    assert 'id="easy_read"' not in client.get(notice).text
