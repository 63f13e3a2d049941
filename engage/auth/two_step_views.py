"""The second step of signing in, setting up the authenticator app, and the recovery codes."""
from flask import redirect, render_template, request, session, url_for
from flask_login import current_user

from engage.auth import bp
from engage.auth import session as staff_session
from engage.auth.forms import CodeForm
from engage.auth.views import complete
from engage.db import get_session
from engage.extensions import limiter
from engage.models._time import utcnow
from engage.services.errors import SignInFailed
from engage.services.security import sign_in as signing
from engage.services.security import two_step

CODE_LIMIT = "10 per minute;50 per hour"
NEW_SECRET = "two_step_secret"
SHOW_CODES = "recovery_codes"


@bp.route("/two-step", methods=["GET", "POST"])
@limiter.limit(CODE_LIMIT, methods=["POST"])
def two_step_code():
    """Ask for the code from the authenticator app (or a recovery code)."""
    user = staff_session.pending_user()
    if user is None or not user.totp_secret:
        return redirect(url_for("auth.sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            signing.second_step(get_session(), user, form.code.data, utcnow(), request.remote_addr or "")
        except SignInFailed as exc:
            form.code.errors.append(exc.message)
        else:
            return complete(user, staff_session.pending_next())
    return render_template("auth/two_step.html", form=form), (400 if form.errors else 200)


@bp.route("/two-step/set-up", methods=["GET", "POST"])
@limiter.limit(CODE_LIMIT, methods=["POST"])
def set_up_two_step():
    """Show a QR code and the secret, and turn two-step sign-in on once a code from it works."""
    user, pending = _who_sets_up()
    if user is None:
        return redirect(url_for("auth.sign_in"))
    secret = session.setdefault(NEW_SECRET, two_step.new_secret())
    form = CodeForm()
    if form.validate_on_submit():
        codes = signing.set_up_two_step(get_session(), user, secret, form.code.data, utcnow())
        if codes is None:
            form.code.errors.append("That code is not right. Enter the 6 digits your app shows now.")
        else:
            return _show_codes(user, codes, staff_session.pending_next() if pending else None)
    uri = two_step.setup_uri(secret, user.email)
    return render_template("auth/set_up_two_step.html", form=form, qr=two_step.qr_svg(uri),
                           secret=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
                           required=two_step.required(user)), (400 if form.errors else 200)


def _who_sets_up():
    """Return the account setting up its app (signed in, or between password and first code)."""
    if current_user.is_authenticated and staff_session.expire_old() is None:
        user = current_user._get_current_object()
        return (None if user.totp_secret else user), False
    user = staff_session.pending_user()
    return (user if user is not None and not user.totp_secret else None), True


def _show_codes(user, codes: list[str], next_url: str | None):
    """Begin the session under the account's new version, then show the recovery codes once."""
    if next_url is not None:
        signing.signed_in(get_session(), user, utcnow(), request.remote_addr or "")
    staff_session.start(user)
    session[SHOW_CODES] = {"codes": codes, "next": next_url or url_for("auth.account")}
    return redirect(url_for("auth.recovery_codes"))


@bp.get("/two-step/recovery-codes")
def recovery_codes():
    """Show the new recovery codes, once: only their hashes are kept."""
    shown = session.pop(SHOW_CODES, None)
    if not current_user.is_authenticated:
        return redirect(url_for("auth.sign_in"))
    if not shown:
        return redirect(url_for("workspace.home"))
    response = render_template("auth/recovery_codes.html", codes=shown["codes"],
                               next_url=staff_session.safe_next(shown["next"], url_for("workspace.home")))
    return response, 200, {"Cache-Control": "no-store"}
