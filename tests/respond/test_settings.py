"""Larger text and high contrast: a link on every respondent page, kept through the survey."""
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete

LINK = '<a class="govuk-link govuk-link--inverse engage-header__link" href="/settings?next='


def _save(client, back: str, **ticked):
    page = client.get(f"/settings?next={back}")
    assert page.status_code == 200
    data = {"csrf_token": csrf_token(page.text), "back": back, **{k: "y" for k in ticked}}
    return client.post("/settings", data=data)


def test_every_respondent_page_links_to_the_settings(client, demo):
    slug = demo["annual"]
    pages = ["/", f"/c/{slug}", f"/c/{slug}/primary", "/resume", "/help"]
    begin(client, slug, "primary")
    pages += ["/answer/1", "/answer/2"]
    for path in pages:
        assert LINK + path + '">Text and colours</a>' in client.get(path).text, path


def test_settings_are_kept_through_the_survey_and_can_be_undone(client, demo):
    begin(client, demo["annual"], "secondary")
    saved = _save(client, "/answer/1", large_text=True, high_contrast=True)
    assert saved.status_code == 302 and saved.headers["Location"] == "/answer/1"
    for path in ("/answer/1", "/answer/2", "/help"):
        assert 'class="govuk-template engage-large-text engage-high-contrast"' in client.get(path).text
    complete(client)
    assert "engage-high-contrast" in client.get("/thanks").text
    _save(client, "/", high_contrast=True)
    page = client.get("/").text
    assert 'class="govuk-template engage-high-contrast"' in page


def test_the_settings_page_shows_what_is_on(client):
    _save(client, "/", large_text=True)
    page = client.get("/settings?next=/").text
    assert 'id="large_text" name="large_text" type="checkbox" value="y" checked' in page
    assert 'id="high_contrast" name="high_contrast" type="checkbox" value="y">' in page


def test_settings_only_send_back_to_this_site(client):
    assert _save(client, "https://example.com/x", large_text=True).headers["Location"] == "/"
    assert _save(client, "//example.com/x").headers["Location"] == "/"


def test_a_missing_token_is_refused_in_plain_words(client):
    refused = client.post("/settings", data={"large_text": "y"})
    assert refused.status_code in (400, 200)
    assert "engage-large-text" not in client.get("/").text
