"""The staff session: loading the user, sending strangers to sign in, expiring idle sessions."""
import time
from urllib.parse import urlsplit

from flask import flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

from engage.db import get_session
from engage.extensions import login_manager
from engage.services import accounts

IDLE_LIMIT = 30 * 60
LAST_SEEN = "staff_last_seen"


def init_login_manager() -> None:
    """Tell flask-login how to load a user and where sign-in lives."""
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_to_sign_in)


def _load_user(user_id: str):
    if not user_id.isdigit():
        return None
    user = accounts.get_user(get_session(), int(user_id))
    # A disabled account is signed out on its next request.
    return user if user is not None and user.active else None


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
    from flask_login import login_user

    session.clear()
    login_user(user)
    session[LAST_SEEN] = int(time.time())


def expire_idle():
    """Sign out a session idle for over 30 minutes; otherwise note this request's time."""
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    last = session.get(LAST_SEEN)
    if not isinstance(last, int) or now - last > IDLE_LIMIT:
        end()
        flash("You were signed out because you had not used the workspace for 30 minutes. "
              "Please sign in again.", "info")
        return redirect(url_for("auth.sign_in", next=_here()))
    session[LAST_SEEN] = now
    return None


def end() -> None:
    """Sign out and forget everything in the session."""
    logout_user()
    session.clear()


def staff_only():
    """Before every staff request: anonymous users go to sign-in; idle sessions end."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return expire_idle()
