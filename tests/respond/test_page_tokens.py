"""A page's CSRF token is signed once a minute per browser: shown again within the minute, signed
afresh after it, never shown to another browser, and accepted like any token Flask-WTF signs."""
from engage.respond import page_tokens
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill


class Clock:
    """time.monotonic for page_tokens, moved on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def _counted_signing(monkeypatch) -> list[str]:
    signed: list[str] = []

    def sign() -> str:
        signed.append(real())
        return signed[-1]

    real = page_tokens.generate_csrf
    monkeypatch.setattr(page_tokens, "generate_csrf", sign)
    return signed


def test_a_browser_is_shown_the_token_signed_for_its_last_page_for_a_minute(app, demo, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(page_tokens, "time", clock)
    signed = _counted_signing(monkeypatch)
    browser = app.test_client()
    begin(browser, demo["annual"], "parent")
    first = browser.get("/answer/1").text
    count = len(signed)
    clock.now += 59
    again = browser.get("/answer/1").text
    assert csrf_token(again) == csrf_token(first) and len(signed) == count  # reused, not signed
    saved = browser.post("/answer/1", data={**fill(again), "csrf_token": csrf_token(again), "action": "next"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/answer/2")

    clock.now += 2  # a minute after the token was signed
    browser.get("/answer/2")
    assert len(signed) == count + 1


def test_another_browser_never_sees_nor_uses_a_kept_token(app, demo):
    amira, ben = app.test_client(), app.test_client()
    begin(amira, demo["annual"], "parent")
    begin(ben, demo["annual"], "parent")
    amiras_page, bens_page = amira.get("/answer/1").text, ben.get("/answer/1").text
    assert csrf_token(amiras_page) != csrf_token(bens_page)
    assert csrf_token(amira.get("/answer/1").text) == csrf_token(amiras_page)
    refused = ben.post("/answer/1", data={**fill(bens_page), "csrf_token": csrf_token(amiras_page), "action": "next"})
    assert refused.status_code == 400
    saved = ben.post("/answer/1", data={**fill(bens_page), "csrf_token": csrf_token(bens_page), "action": "next"})
    assert saved.status_code == 302
