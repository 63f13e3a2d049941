"""Signed-cookie sessions whose serializer is built once, and whose cookies are checked once.

Flask builds the cookie's signing serializer afresh for every request that reads or writes the
cookie, and checks the cookie's signature and decodes it on every request: about 170 thousand
instructions, a twentieth of a survey page. A browser sends the same cookie with every request
until its session changes, so a cookie that checked out is kept (bounded, least recently used
dropped) with what it holds, and the same cookie again only has its age checked.

Only the exact bytes of a cookie that passed the signature check are ever found, so a cookie
changed by a single character is checked in full. The store belongs to one set of keys: a new
secret key (or fallback list) starts an empty one. Sessions holding nested values are not kept:
a view could change those in place, and the next request must read what the cookie says.
"""
import threading
import time
from collections import OrderedDict
from typing import Any

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature, URLSafeTimedSerializer

FLAT = (str, int, float, bool, type(None))


class CheckedCookies:
    """Cookies whose signature checked out: cookie -> (session data, signed at), bounded."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[str, tuple[dict[str, Any], int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, cookie: str) -> tuple[dict[str, Any], int] | None:
        with self._lock:
            found = self._kept.get(cookie)
            if found is not None:
                self._kept.move_to_end(cookie)
            return found

    def put(self, cookie: str, data: dict[str, Any], signed_at: int) -> None:
        with self._lock:
            self._kept[cookie] = (data, signed_at)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)


class KeptSerializerSessions(SecureCookieSessionInterface):
    """Signed-cookie sessions with the serializer built, and each cookie checked, once per set of keys.

    The serializer holds no request's data: only the keys, the salt and how to sign.
    """

    def __init__(self, cookies_kept: int = 10_000) -> None:
        self._cookies_kept = cookies_kept
        self._kept: tuple[tuple, URLSafeTimedSerializer | None, CheckedCookies] | None = None

    def _for_keys(self, app: Flask) -> tuple[tuple, URLSafeTimedSerializer | None, CheckedCookies]:
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._kept is None or self._kept[0] != keys:
            self._kept = (keys, super().get_signing_serializer(app), CheckedCookies(self._cookies_kept))
        return self._kept

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        return self._for_keys(app)[1]

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        _, serializer, checked = self._for_keys(app)
        if serializer is None:
            return None
        cookie = request.cookies.get(self.get_cookie_name(app))
        if not cookie:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        found = checked.get(cookie)
        if found is not None:
            data, signed_at = found
            # The age check itsdangerous makes: neither older than max_age nor signed in the future.
            if 0 <= int(time.time()) - signed_at <= max_age:
                return self.session_class(data)
            return self.session_class()
        try:
            data, signed = serializer.loads(cookie, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if all(isinstance(value, FLAT) for value in data.values()):
            checked.put(cookie, data, int(signed.timestamp()))
        return self.session_class(data)
