"""Admin routes: the audit log (accounts are in workspace.accounts)."""
from flask import render_template, request

from engage.db import get_session
from engage.models import Role
from engage.permissions import role_required
from engage.services import audit
from engage.workspace import bp


@bp.get("/audit")
@role_required(Role.ADMIN)
def audit_log():
    """List sensitive actions, newest first, a page at a time."""
    page = request.args.get("page", 1, type=int)
    events, pages = audit.recent(get_session(), page)
    return render_template("workspace/audit.html", events=events, page=min(max(1, page), pages),
                           pages=pages)
