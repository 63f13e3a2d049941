"""The staff session: loading the user, sending strangers to sign in, ending old or idle sessions.

A session holds the account's session version from when it began. Raising the version on
the account (sign-out, a new role or password, disabling) ends every copy of the cookie at
once, on every server; a session also ends 12 hours after sign-in, however busy.
"""
import time
from urllib.parse import urlsplit

from flask import flash, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user

from engage.db import get_session
from engage.extensions import login_manager
from engage.services import accounts

IDLE_LIMIT = 30 * 60
# The idle clock is written back at most once a minute. Writing it on every request re-sent the
# cookie each time, and a background request (the live reading-grade check) that finished
# after a form's POST put back the cookie from before it, losing the "Saved" message.
SEEN_EVERY = 60
ABSOLUTE_LIMIT = 12 * 3600
LAST_SEEN = "staff_last_seen"
STARTED = "staff_started"
VERSION = "staff_version"
PENDING = "staff_pending"
PENDING_LIMIT = 10 * 60


def init_login_manager() -> None:
    """Tell flask-login how to load a user and where sign-in lives."""
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_to_sign_in)


def _load_user(user_id: str):
    if not user_id.isdigit():
        return None
    user = accounts.get_user(get_session(), int(user_id))
    # A disabled account, or a session the account has since ended, is signed out here.
    if user is None or not user.active or session.get(VERSION) != user.session_version:
        return None
    return user


def _to_sign_in():
    return redirect(url_for("auth.sign_in", next=_here()))


def _here() -> str:
    """Return the current path and query, relative, to come back to after signing in."""
    path = request.full_path
    return path[:-1] if path.endswith("?") else path


def safe_next(target: str | None, default: str) -> str:
    """Return target if it is a path on this site, otherwise default."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ord(ch) < 32 or ch == "\\" for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def start(user) -> None:
    """Begin a fresh staff session for a user who has just signed in."""
    session.clear()
    login_user(user)
    now = int(time.time())
    session.update({VERSION: user.session_version, STARTED: now, LAST_SEEN: now})


def await_second_step(user, next_url: str) -> None:
    """Remember, briefly, who gave the right password and must now give a code."""
    session.clear()
    session[PENDING] = {"user": user.id, "version": user.session_version,
                        "at": int(time.time()), "next": next_url}


def pending_user():
    """Return the account waiting for its second step, if the wait is recent and still valid."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_LIMIT:
        return None
    user = accounts.get_user(get_session(), int(pending.get("user", 0)))
    if user is None or not user.active or user.session_version != pending.get("version"):
        return None
    return user


def pending_next() -> str:
    """Return where the person was going before the second step."""
    return (session.get(PENDING) or {}).get("next", "")


def expire_old():
    """Sign out a session idle for 30 minutes or begun 12 hours ago; otherwise note this request."""
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    last, started = session.get(LAST_SEEN), session.get(STARTED)
    if not isinstance(started, int) or now - started > ABSOLUTE_LIMIT:
        return _signed_out("You were signed out because you signed in 12 hours ago. Please sign in again.")
    if not isinstance(last, int) or now - last > IDLE_LIMIT:
        return _signed_out("You were signed out because you had not used the workspace for 30 minutes. "
                           "Please sign in again.")
    if now - last >= SEEN_EVERY:
        session[LAST_SEEN] = now
    return None


def _signed_out(message: str):
    here = _here()
    end()
    flash(message, "info")
    return redirect(url_for("auth.sign_in", next=here))


def end() -> None:
    """Sign out and forget everything in the session."""
    logout_user()
    session.clear()


def staff_only():
    """Before every staff request: anonymous users go to sign-in; idle or old sessions end."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return expire_old()
