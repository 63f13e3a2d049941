"""The kiosk's respondent side: its start page, the idle warning, and wiping after each person.

See engage/services/kiosk.py. No resume codes on a kiosk (the next person could use them),
and the start page, "save and finish later" and resume pages all lead back to the kiosk start.
"""
from flask import g, has_request_context, redirect, render_template, request, session, url_for

from engage.auth.session import safe_next
from engage.db import get_session
from engage.models._time import utcnow
from engage.respond import bp
from engage.respond.support import support_words
from engage.respond.words import words
from engage.services import consultations as svc
from engage.services import kiosk

KIOSK = "kiosk"
SEEN = "kiosk_seen"
WIPED = "kiosk_wiped"
# Pages a kiosk never shows: they would keep or hand back a respondent's answers.
TO_KIOSK_START = {"respond.start", "respond.resume_page", "respond.saved"}
# Pages that are not a respondent doing something, so they do not hold off the idle wipe.
NOT_ACTIVITY = {"respond.kiosk_idle", "respond.kiosk_wipe", "static"}


def current() -> kiosk.KioskState | None:
    """Return this device's kiosk, if it is one."""
    return kiosk.state_of(session.get(KIOSK), utcnow())


def begin_kiosk(state: kiosk.KioskState) -> None:
    """Turn this browser into a kiosk: forget everything else in it, the staff sign-in too."""
    session.clear()
    session[KIOSK] = state.as_dict()


def wipe(message: bool = False) -> None:
    """Forget the last respondent: everything in the session but the kiosk itself."""
    state = session.get(KIOSK)
    session.clear()
    session[KIOSK] = state
    if message:
        session[WIPED] = True


def channel() -> str:
    """Return the channel a new response is recorded under on this device."""
    return kiosk.CHANNEL if current() else "online"


@bp.before_app_request
def _kiosk_guard():
    if KIOSK not in session:
        return None
    state = current()
    if state is None:
        session.clear()  # the kiosk ran out: an ordinary browser again
        return None
    g.kiosk = state
    if request.endpoint in NOT_ACTIVITY:
        return None
    stale = kiosk.idle_too_long(session.get(SEEN), utcnow())
    session[SEEN] = utcnow().timestamp()
    if stale and set(session) - {KIOSK, SEEN, "csrf_token"}:
        wipe(message=True)
        return redirect(url_for("respond.kiosk_start"))
    if request.endpoint in TO_KIOSK_START:
        return redirect(url_for("respond.kiosk_start"))
    return None


@bp.after_app_request
def _kiosk_after_thanks(response):
    # The thank-you page has been drawn from the session; now the next person starts clean.
    if g.get("kiosk") and request.endpoint == "respond.thanks":
        wipe()
    return response


@bp.app_context_processor
def _kiosk_globals() -> dict:
    state = g.get("kiosk") if has_request_context() else None
    if state is None:
        return {"kiosk": None}
    here = request.full_path.rstrip("?")
    return {"kiosk": {"start": url_for("respond.kiosk_start"), "warn_after": kiosk.IDLE_WARN,
                      "idle": url_for("respond.kiosk_idle", next=here),
                      "thanks_return": kiosk.THANKS_RETURN}}


@bp.get("/kiosk")
def kiosk_start():
    """The kiosk's start page: one consultation, one button."""
    state = current()
    if state is None:
        return redirect(url_for("respond.start"))
    consultation = svc.get_consultation(get_session(), state.slug)
    return render_template("respond/kiosk_start.html", consultation=consultation,
                           copy={**words(), **support_words()}, wiped=session.pop(WIPED, False))


@bp.get("/kiosk/still-there")
def kiosk_idle():
    """Ask an idle respondent whether they are still there, before their answers are wiped."""
    if current() is None:
        return redirect(url_for("respond.start"))
    back = safe_next(request.args.get("next"), url_for("respond.kiosk_start"))
    return render_template("respond/kiosk_idle.html", back=back, grace=kiosk.IDLE_GRACE,
                           copy={**words(), **support_words()})


@bp.get("/kiosk/wipe")
def kiosk_wipe():
    """Wipe the last respondent's answers from this device and go back to the start."""
    if current() is None:
        return redirect(url_for("respond.start"))
    wipe(message=True)
    return redirect(url_for("respond.kiosk_start"))
