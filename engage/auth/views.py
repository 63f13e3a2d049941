"""Sign-in and sign-out routes: parse, call the accounts service, redirect or render."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.auth import bp, oidc
from engage.auth import session as staff_session
from engage.auth.forms import SignInForm, SignOutForm
from engage.db import get_session
from engage.extensions import limiter
from engage.models._time import utcnow
from engage.services import accounts
from engage.services.workspace_errors import SignInFailed

# Per address; the per-account lockout in the accounts service stops slow guessing.
SIGN_IN_LIMIT = "10 per minute;50 per hour"


def _home() -> str:
    return url_for("workspace.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in():
    """Ask for email and password; on success go to `next` if it is on this site."""
    form = SignInForm(next=request.args.get("next", ""))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(staff_session.safe_next(form.next.data, _home()))
    status = 200
    if not current_app.config["PASSWORD_SIGN_IN"]:  # single sign-on only: no password is checked
        status = 403 if request.method == "POST" else 200
    elif form.validate_on_submit():
        try:
            user = accounts.authenticate(get_session(), form.email.data, form.password.data, utcnow())
        except SignInFailed as exc:
            form.email.errors.append(exc.message)
            status = 400
        else:
            staff_session.start(user)
            return redirect(staff_session.safe_next(form.next.data, _home()))
    elif form.errors:
        status = 400
    return render_template("auth/sign_in.html", form=form, sso=oidc.enabled(),
                           password=current_app.config["PASSWORD_SIGN_IN"]), status


@bp.post("/sign-out")
def sign_out():
    """End the staff session."""
    form = SignOutForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        staff_session.end()
        flash("You have signed out.", "info")
    return redirect(url_for("auth.sign_in"))


def too_many(_exc):
    """Say plainly that there were too many tries (rate limit)."""
    return render_template("auth/too_many.html"), 429
