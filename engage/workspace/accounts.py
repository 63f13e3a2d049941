"""Admin routes for staff accounts: add one, change its role, disable and enable it, and make
a link with which its owner chooses a password. Nobody else may use them."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.db import get_session
from engage.forms.accounts import new_account_form, role_form
from engage.forms.workspace import ActionForm
from engage.models import Role, School, User
from engage.permissions import can_manage_users, role_required
from engage.services import accounts
from engage.services.errors import InvalidInput, NotFound
from engage.services.security import credentials, password_links, two_step
from engage.words import by_name
from engage.workspace import bp
from engage.workspace.support import attach


@bp.get("/accounts")
@role_required(Role.ADMIN)
def users():
    """List staff accounts with their role, schools and state."""
    return render_template("workspace/users.html", users=accounts.list_users(get_session()),
                           two_step_roles=two_step.REQUIRED_FOR)


@bp.route("/accounts/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_user():
    """Add a staff account with a role; its owner chooses their password from a link."""
    session = get_session()
    form = new_account_form(_school_choices(session))
    if form.validate_on_submit() & _rules_allow(session, form):  # both run: every problem is listed at once
        try:
            user = accounts.invite_user(session, form.email.data, form.role.data, form.schools.data or [],
                                        actor=current_user)
        except InvalidInput as exc:
            attach(form, exc)
        else:
            return _link_page(user, new=True)
    return render_template("workspace/user_new.html", form=form), (400 if form.errors else 200)


def _rules_allow(session, form) -> bool:
    """Add the service's reasons to refuse the account to fields the form found nothing wrong with."""
    if not form.is_submitted():
        return False
    problems = accounts.new_user_problems(session, form.email.data or "", form.role.data or "",
                                          _ids(form.schools.data))
    for problem in problems:
        if not form[problem.field].errors:
            attach(form, problem)
    return not problems


def _ids(chosen) -> list[int]:
    return [i for i in chosen or [] if isinstance(i, int)]


@bp.route("/accounts/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int):
    """Change an account's role and school scope; the change is audited."""
    session = get_session()
    user = _account(user_id)
    form = role_form(_school_choices(session), data={"role": user.role, "schools": sorted(user.school_ids)})
    if form.validate_on_submit():
        try:
            changed = accounts.set_role(session, user.email, form.role.data, form.schools.data or [],
                                        actor=current_user)
        except InvalidInput as exc:
            attach(form, exc)
        else:
            flash(f"{changed.email} is now {changed.role_enum.label.lower()}.", "success")
            # An admin who made themselves something else may no longer see the accounts.
            return redirect(url_for("workspace.users" if can_manage_users(current_user) else "workspace.home"))
    return _account_page(user, form)


@bp.post("/accounts/<int:user_id>/disable")
@role_required(Role.ADMIN)
def disable_user(user_id: int):
    """Stop the account signing in; every session of it ends at once."""
    return _switch(user_id, accounts.disable_user, "{} can no longer sign in.")


@bp.post("/accounts/<int:user_id>/enable")
@role_required(Role.ADMIN)
def enable_user(user_id: int):
    """Let a disabled account sign in again, with the role and schools it had."""
    return _switch(user_id, accounts.enable_user, "{} can sign in again.")


@bp.post("/accounts/<int:user_id>/password-link")
@role_required(Role.ADMIN)
def password_link(user_id: int):
    """Make a new link with which the account's owner chooses a password (a lost one, or a late start)."""
    user = _account(user_id)
    if not ActionForm().validate_on_submit() or not user.active:
        return redirect(url_for("workspace.edit_user", user_id=user.id))
    return _link_page(user, new=False)


@bp.post("/accounts/<int:user_id>/two-step")
@role_required(Role.ADMIN)
def clear_two_step(user_id: int):
    """Remove the account's authenticator app (a lost phone); they set it up again at sign-in."""
    return _switch(user_id, credentials.clear_two_step,
                   "{} has no authenticator app now. They set one up again when they next sign in.")


def _switch(user_id: int, change, done: str):
    user = _account(user_id)
    if ActionForm().validate_on_submit():
        try:
            change(get_session(), user.email, actor=current_user)
        except InvalidInput as exc:
            flash(exc.message, "error")
        else:
            flash(done.format(user.email), "success")
    return redirect(url_for("workspace.edit_user", user_id=user.id))


def _link_page(user: User, new: bool):
    """Show the set-password link once; it is never stored, emailed or shown again."""
    link = None
    if current_app.config["PASSWORD_SIGN_IN"]:
        made = password_links.make_link_token(get_session(), user, current_app.secret_key, current_user)
        link = url_for("auth.set_password", token=made.token, _external=True)
    response = render_template("workspace/user_link.html", user=user, link=link, new=new,
                               days=password_links.LIFETIME.days)
    return response, 201 if new else 200, {"Cache-Control": "no-store"}


def _account_page(user: User, form):
    return render_template("workspace/user_role.html", user=user, form=form, action=ActionForm(),
                           signs_in_with_password=current_app.config["PASSWORD_SIGN_IN"]), \
        (400 if form.errors else 200)


def _account(user_id: int) -> User:
    user = accounts.get_user(get_session(), user_id)
    if user is None:
        raise NotFound("We could not find that account.")
    return user


def _school_choices(session) -> list[tuple[int, str]]:
    return [(s.id, s.name) for s in by_name(session.scalars(select(School)))]
