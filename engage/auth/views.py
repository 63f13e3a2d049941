"""Sign-in and sign-out routes: parse, call the sign-in service, redirect or render."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.auth import bp, oidc
from engage.auth import session as staff_session
from engage.auth.forms import SignInForm, SignOutForm
from engage.db import get_session
from engage.extensions import limiter
from engage.models._time import utcnow
from engage.services.errors import SignInFailed
from engage.services.security import credentials, two_step
from engage.services.security import sign_in as signing

# Per address, on every server; the per-account-and-client waits in the sign-in service
# stop slow guessing.
SIGN_IN_LIMIT = "10 per minute;50 per hour"


def _home() -> str:
    return url_for("workspace.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in():
    """Ask for email and password; then the second step, or straight on to `next`."""
    form = SignInForm(next=request.args.get("next", ""))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(staff_session.safe_next(form.next.data, _home()))
    status = 200
    if not current_app.config["PASSWORD_SIGN_IN"]:  # single sign-on only: no password is checked
        status = 403 if request.method == "POST" else 200
    elif form.validate_on_submit():
        try:
            user = signing.authenticate(get_session(), form.email.data, form.password.data, utcnow(),
                                        request.remote_addr or "")
        except SignInFailed as exc:
            form.email.errors.append(exc.message)
            status = 400
        else:
            return _after_password(user, staff_session.safe_next(form.next.data, _home()))
    elif form.errors:
        status = 400
    return render_template("auth/sign_in.html", form=form, sso=oidc.enabled(),
                           password=current_app.config["PASSWORD_SIGN_IN"]), status


def _after_password(user, next_url: str):
    """Ask for the code, ask them to set up the app, or sign them in."""
    if user.totp_secret or two_step.required(user):
        staff_session.await_second_step(user, next_url)
        return redirect(url_for("auth.two_step_code" if user.totp_secret else "auth.set_up_two_step"))
    return complete(user, next_url)


def complete(user, next_url: str):
    """Finish signing in: record it, begin the session, go on."""
    signing.signed_in(get_session(), user, utcnow(), request.remote_addr or "")
    staff_session.start(user)
    return redirect(next_url)


@bp.post("/sign-out")
def sign_out():
    """End this session and every other session of the account."""
    form = SignOutForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        credentials.end_sessions(get_session(), current_user._get_current_object())
        staff_session.end()
        flash("You have signed out.", "info")
    return redirect(url_for("auth.sign_in"))


def too_many(_exc):
    """Say plainly that there were too many tries (rate limit)."""
    return render_template("auth/too_many.html"), 429
