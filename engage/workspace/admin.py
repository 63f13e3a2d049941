"""Admin routes: accounts, their roles and the audit log."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.db import get_session
from engage.forms.accounts import role_form
from engage.models import Role, School
from engage.permissions import can_manage_users, role_required
from engage.services import accounts, audit
from engage.services.errors import InvalidInput, NotFound
from engage.services.security import two_step
from engage.words import by_name
from engage.workspace import bp
from engage.workspace.support import attach


@bp.get("/audit")
@role_required(Role.ADMIN)
def audit_log():
    """List sensitive actions, newest first, a page at a time."""
    page = request.args.get("page", 1, type=int)
    events, pages = audit.recent(get_session(), page)
    return render_template("workspace/audit.html", events=events, page=min(max(1, page), pages),
                           pages=pages)


@bp.get("/accounts")
@role_required(Role.ADMIN)
def users():
    """List staff accounts with their role, schools and state."""
    return render_template("workspace/users.html", users=accounts.list_users(get_session()),
                           two_step_roles=two_step.REQUIRED_FOR)


@bp.route("/accounts/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int):
    """Change an account's role and school scope; the change is audited."""
    session = get_session()
    user = accounts.get_user(session, user_id)
    if user is None:
        raise NotFound("We could not find that account.")
    schools = [(s.id, s.name) for s in by_name(session.scalars(select(School)))]
    form = role_form(schools, data={"role": user.role, "schools": sorted(user.school_ids)})
    if form.validate_on_submit():
        try:
            changed = accounts.set_role(session, user.email, form.role.data, form.schools.data or [],
                                        actor=current_user)
        except InvalidInput as exc:
            attach(form, exc)
        else:
            flash(f"{changed.email} is now {changed.role_enum.label.lower()}.", "success")
            return redirect(url_for("workspace.users" if can_manage_users(current_user) else "workspace.home"))
    return render_template("workspace/user_role.html", user=user, form=form), (400 if form.errors else 200)
