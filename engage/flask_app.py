"""Flask's application class, with two things it redoes on every request done once instead.

Flask asks `inspect` whether each view and hook is a coroutine each time it calls one (a dozen
times a request), and builds the session cookie's signing serializer afresh for every request
that reads or writes the cookie (and checks the same cookie again each time: see
cookie_sessions). Neither answer changes while the app runs.
"""
from collections.abc import Callable
from typing import Any

from flask import Flask

from engage.cookie_sessions import KeptSerializerSessions

# Views and hooks are registered once; a function made anew per call is not kept past this many.
SYNC_CHECKS_KEPT = 1024


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
