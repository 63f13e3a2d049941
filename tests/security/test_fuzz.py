"""Arbitrary text, bytes and option values sent to the respondent and sign-in routes: no 500s.

Hypothesis runs a bounded, derandomised number of examples, so CI sees the same inputs on
every run (on SQLite and on PostgreSQL). A server error fails the test with the input that
caused it.
"""
import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from engage.extensions import limiter
from tests.conftest import csrf_token
from tests.respond.journey import begin

FUZZ = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Any character a browser can send (every code point except lone surrogates, which UTF-8
# cannot carry), built from pieces of which about half are troublesome: a control character,
# a formula or markup trigger, a percent escape, a direction override.
PLAIN = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
AWKWARD = st.sampled_from(["", "\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\r\n", "=",
                           "+1", "@", "<b>", "%00", "%", "'", '"', "\\", "\u200b", "\ufeff", "\u202e"])
TEXT = st.lists(st.one_of(AWKWARD, PLAIN), max_size=8).map("".join)
RAW = st.binary(max_size=120)
FIELD = re.compile(r'name="([a-z_0-9]+)"')
OPTION = re.compile(r'name="(q_[a-z0-9_]+)" type="(?:radio|checkbox)" value="([^"]+)"')


@pytest.fixture
def unlimited(monkeypatch):
    """Reach the views on every example rather than the rate limiter's 429."""
    monkeypatch.setattr(limiter, "enabled", False)


def _no_server_error(response, sent) -> None:
    assert response.status_code < 500, (response.status_code, sent)


def _raw_post(client, path: str, fields: dict[str, bytes | str]):
    """Post a form body byte for byte (invalid UTF-8 included), as a broken client might."""
    body = urlencode({k: v for k, v in fields.items()}).encode("ascii")
    return client.post(path, data=body, content_type="application/x-www-form-urlencoded")


def _values(real_options: list[str]):
    """Any text, any bytes, a real option, or a comment with a NUL (once a 500 on PostgreSQL)."""
    return st.one_of(st.just("clubs\x00 please"), TEXT, RAW, st.sampled_from(real_options or [""]))


@given(path_part=TEXT, query=TEXT, code=TEXT)
@example(path_part="a\x00b", query="lang=\x00", code="AB\x00CD")  # once a 500 on PostgreSQL
@FUZZ
def test_public_addresses_never_fail(client, demo, path_part, query, code):
    for path in (f"/c/{quote(path_part, safe='')}", f"/join/{quote(path_part, safe='')}",
                 f"/c/{demo['annual']}/{quote(path_part, safe='')}",
                 f"/you-said-we-did/{quote(path_part, safe='')}",
                 f"/?lang={quote(query)}", f"/answer/1?{quote(query)}"):
        _no_server_error(client.get(path), path)
    start = client.get("/")
    sent = {"csrf_token": csrf_token(start.text), "code": code}
    _no_server_error(client.post("/code", data=sent), sent)


@given(data=st.data())
@FUZZ
def test_survey_pages_take_any_text_bytes_and_options(app, demo, unlimited, data):
    client = app.test_client()
    begin(client, demo["annual"], data.draw(st.sampled_from(["primary", "secondary", "post16"])))
    number = data.draw(st.integers(1, 6))
    page = client.get(f"/answer/{number}")
    _no_server_error(page, number)
    if page.status_code != 200:
        return
    names = sorted(set(FIELD.findall(page.text)) - {"csrf_token"})
    options = [value for _, value in OPTION.findall(page.text)]
    sent = {name: data.draw(_values(options)) for name in names}
    sent["action"] = data.draw(st.sampled_from(["next", "save", "back", ""]) | TEXT)
    sent["csrf_token"] = csrf_token(page.text)
    _no_server_error(_raw_post(client, f"/answer/{number}", sent), sent)
    for follow in ("/help", "/saved", "/thanks", "/settings"):
        _no_server_error(client.get(follow), follow)


@given(code=st.one_of(TEXT, RAW), contact=st.one_of(TEXT, RAW), setting=st.one_of(TEXT, RAW))
@example(code="tree\x00 lamp", contact="\x00", setting=b"\x00\xff")
@FUZZ
def test_resume_help_and_settings_forms_never_fail(app, demo, unlimited, code, contact, setting):
    client = app.test_client()
    token = csrf_token(client.get("/").text)  # one token per browser session serves every form
    for path, fields in (("/resume", {"code": code}), ("/help", {"how_to_reach": contact}),
                         ("/settings", {"large_text": setting, "high_contrast": setting, "back": setting})):
        sent = {**fields, "csrf_token": token}
        _no_server_error(_raw_post(client, path, sent), sent)


@given(email=st.one_of(TEXT, RAW), password=st.one_of(TEXT, RAW), next_url=st.one_of(TEXT, RAW))
@example(email="officer\x00@example.org", password="x\x00", next_url="/workspace/\x00")
@settings(FUZZ, max_examples=25)
def test_sign_in_takes_any_email_password_and_next(client, app, unlimited, email, password, next_url):
    page = client.get("/auth/sign-in")
    sent = {"csrf_token": csrf_token(page.text), "email": email, "password": password, "next": next_url}
    _no_server_error(_raw_post(client, "/auth/sign-in", sent), sent)
    _no_server_error(client.get(f"/auth/sign-in?next={quote(str(next_url))}"), next_url)
