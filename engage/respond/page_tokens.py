"""The CSRF token of a page drawn from a kept blank, signed once a minute per browser, not per page.

Flask-WTF signs the session's CSRF token afresh for every page drawn: a timestamp and an HMAC,
about a twentieth of a survey page's CPU once the page itself is kept. A respondent reads page
after page a few seconds apart, so the token signed for their last page is kept for a minute
and shown again. It is the same kind of token, under the same key, only up to a minute older
than it would have been: its lifetime (WTF_CSRF_TIME_LIMIT, hours) ends up to a minute sooner.

Tokens are kept under the session's own (secret) token and the signing key: only a browser that
holds that session cookie can be shown its token, and a new key signs afresh at once.
"""
import time

from flask import current_app, session
from flask_wtf.csrf import generate_csrf

from engage.respond.page_cache import PageCache

SIGNED = "engage.signed_page_tokens"
REUSE_SECONDS = 60.0


def init_app(app) -> None:
    """Give the app its own bounded store of recently signed tokens (one per recent browser)."""
    app.extensions[SIGNED] = PageCache(app.config["RESPOND_SIGNED_TOKENS_KEPT"])


def page_token() -> str:
    """Return this browser's signed CSRF token, as Flask-WTF signs it, reused while under a minute old."""
    config = current_app.config
    raw = session.get(config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
    if not isinstance(raw, str):
        return generate_csrf()  # the browser's first form: Flask-WTF gives the session its token
    key = (config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key, raw)
    kept: PageCache = current_app.extensions[SIGNED]
    now = time.monotonic()
    signed = kept.get(key)
    if signed is not None and now - signed[1] < REUSE_SECONDS:
        return signed[0]
    token = generate_csrf()
    kept.put(key, (token, now))
    return token
