"""A session cookie that checked out is kept and only its age checked again: the same cookie reads
the same session, a cookie changed anywhere is checked in full and refused, an old one expires as
before, and a session with nested values is read from its cookie every time."""
from datetime import timedelta

from flask import session

from engage import cookie_sessions


def _app_with_views(app):
    @app.get("/_count")
    def count():
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])

    @app.get("/_peek")
    def peek():
        return str(session.get("n"))

    @app.get("/_nested")
    def nested():
        box = session.setdefault("box", {"seen": 0})
        box["seen"] += 1  # changed in place, not marked modified: the cookie keeps what it had
        return str(box["seen"])

    return app


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_the_same_cookie_reads_the_same_session_and_a_changed_one_is_refused(app):
    client = _app_with_views(app).test_client()
    client.get("/_count")
    client.get("/_count")
    cookie = _cookie(client)
    assert client.get("/_peek").text == "2" and client.get("/_peek").text == "2"  # read, then kept
    for forged in (cookie[:-1] + ("A" if cookie[-1] != "A" else "B"), cookie.replace(".", "x", 1), cookie + "x"):
        other = app.test_client()
        other.set_cookie("session", forged)
        assert other.get("/_peek").text == "None"
    client.set_cookie("session", cookie)
    assert client.get("/_peek").text == "2"


def test_a_kept_cookie_still_expires(app, monkeypatch):
    client = _app_with_views(app).test_client()
    client.get("/_count")
    assert client.get("/_peek").text == "1"
    app.permanent_session_lifetime = timedelta(seconds=60)
    now = cookie_sessions.time.time()
    monkeypatch.setattr(cookie_sessions.time, "time", lambda: now + 61)
    assert client.get("/_peek").text == "None"
    monkeypatch.setattr(cookie_sessions.time, "time", lambda: now - 5)  # signed "in the future"
    assert client.get("/_peek").text == "None"


def test_a_session_with_nested_values_is_read_from_its_cookie_each_time(app):
    client = _app_with_views(app).test_client()
    assert client.get("/_nested").text == "1"  # new: the cookie now holds seen 0, then 1
    cookie = _cookie(client)
    assert client.get("/_nested").text == "2"
    client.set_cookie("session", cookie)
    assert client.get("/_nested").text == "2"  # what the cookie holds, not what a view changed


def test_a_new_key_checks_every_cookie_afresh(app):
    client = _app_with_views(app).test_client()
    client.get("/_count")
    assert client.get("/_peek").text == "1"
    app.secret_key = "a-brand-new-key-for-this-test-only"
    assert client.get("/_peek").text == "None"
