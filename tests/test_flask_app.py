"""The app's Flask class keeps the session serializer and the coroutine checks: a new key still
signs at once, an old one is refused unless kept as a fallback, and every view still runs."""
from flask import session


def _app_with_counter(app):
    @app.get("/_counter")
    def counter():
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])
    return app


def test_a_new_secret_key_signs_the_next_cookie_and_refuses_the_old(app):
    client = _app_with_counter(app).test_client()
    assert client.get("/_counter").text == "1"
    assert client.get("/_counter").text == "2"
    app.secret_key = "a-brand-new-key-for-this-test-only"
    assert client.get("/_counter").text == "1"  # the old key's cookie is no longer read
    assert client.get("/_counter").text == "2"  # and the new one's is


def test_an_old_key_kept_as_a_fallback_is_still_read(app):
    client = _app_with_counter(app).test_client()
    client.get("/_counter")
    old = app.secret_key
    app.secret_key = "a-brand-new-key-for-this-test-only"
    app.config["SECRET_KEY_FALLBACKS"] = [old]
    assert client.get("/_counter").text == "2"


def test_each_app_signs_with_its_own_key(app):
    from engage import create_app

    other = create_app({**{k: app.config[k] for k in ("DATABASE_URL", "TESTING")}, "SECRET_KEY": "another-app-key"})
    assert app.session_interface is not other.session_interface
    ours = app.session_interface.get_signing_serializer(app).dumps({"who": "us"})
    assert other.session_interface.get_signing_serializer(other).loads_unsafe(ours)[0] is False
    other.extensions["engage.engine"].dispose()


def test_views_and_hooks_checked_once_still_run_on_every_request(app, client):
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200
    assert app.ensure_sync(len) is len
