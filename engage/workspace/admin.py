"""Admin routes: accounts and the audit log."""
from flask import render_template, request

from engage.db import get_session
from engage.models import Role
from engage.models._time import utcnow
from engage.permissions import role_required
from engage.services import accounts, audit
from engage.workspace import bp


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
                           now=utcnow())
