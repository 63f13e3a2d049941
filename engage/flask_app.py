"""Flask's application class, with two things it redoes on every request done once instead.

Flask asks `inspect` whether each view and hook is a coroutine each time it calls one (a dozen
times a request), and builds the session cookie's signing serializer afresh for every request
that reads or writes the cookie. Neither answer changes while the app runs.
"""
from collections.abc import Callable
from typing import Any

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

# Views and hooks are registered once; a function made anew per call is not kept past this many.
SYNC_CHECKS_KEPT = 1024


class KeptSerializerSessions(SecureCookieSessionInterface):
    """Signed-cookie sessions whose serializer is built once per set of keys.

    The serializer holds no request's data: only the keys, the salt and how to sign.
    """

    def __init__(self) -> None:
        self._kept: tuple[tuple, URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._kept is None or self._kept[0] != keys:
            self._kept = (keys, super().get_signing_serializer(app))
        return self._kept[1]


class EngageFlask(Flask):
    """Flask with the coroutine check made once per function and the session serializer kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session_interface = KeptSerializerSessions()  # one per app: each app has its own key
        self._synced: dict[Callable, Callable] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Return Flask's answer for `func`, worked out once per function."""
        synced = self._synced.get(func)
        if synced is None:
            synced = super().ensure_sync(func)
            if len(self._synced) < SYNC_CHECKS_KEPT:
                self._synced[func] = synced
        return synced
