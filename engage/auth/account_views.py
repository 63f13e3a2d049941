"""A person's own account: its sign-in settings, changing the password, and choosing one from a link."""
from functools import wraps

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.auth import bp
from engage.auth import session as staff_session
from engage.auth.forms import ChangePasswordForm, SetPasswordForm
from engage.db import get_session
from engage.extensions import limiter
from engage.services.errors import InvalidInput
from engage.services.security import credentials, password_links, passwords, two_step


def signed_in_only(view):
    """Send strangers to sign in and end idle or old sessions, as on every staff page."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        return staff_session.staff_only() or view(*args, **kwargs)
    return wrapper


@bp.get("/account")
@signed_in_only
def account():
    """Show how this account signs in, with links to change it."""
    user = current_user._get_current_object()
    return render_template("auth/account.html", user=user, required=two_step.required(user),
                           codes_left=two_step.codes_left(get_session(), user))


@bp.route("/password", methods=["GET", "POST"])
@signed_in_only
@limiter.limit("10 per minute", methods=["POST"])
def change_password():
    """Change the password; every other session of the account ends."""
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            credentials.change_password(get_session(), user, form.current_password.data,
                                        form.new_password.data)
        except InvalidInput as exc:
            field = form.current_password if exc.field == "current_password" else form.new_password
            field.errors.append(exc.message)
        else:
            staff_session.start(user)  # this session goes on under the new version
            flash("Your password is changed. Anywhere else you were signed in, you are now signed out.",
                  "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/change_password.html", form=form, min_length=passwords.MIN_LENGTH), (
        400 if form.errors else 200)


@bp.route("/set-password/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def set_password(token: str):
    """Choose a password from the link an administrator passed on; then sign in with it."""
    secret = current_app.secret_key
    try:
        user = password_links.account_for(get_session(), token, secret)
    except InvalidInput as exc:
        return render_template("auth/set_password.html", refused=exc.message), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            password_links.set_password(get_session(), token, secret, form.new_password.data)
        except InvalidInput as exc:
            form.new_password.errors.append(exc.message)
        else:
            flash("Your password is set. Sign in with it now.", "success")
            return redirect(url_for("auth.sign_in"))
    return render_template("auth/set_password.html", form=form, email=user.email,
                           min_length=passwords.MIN_LENGTH), (400 if form.errors else 200)
