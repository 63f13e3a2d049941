"""The workspace menu, by role: each link shows only to roles that may open it."""
from flask import request, url_for
from flask_login import current_user

from engage import permissions as can
from engage.models import Role

# (endpoint, label, roles that see it)
MENU = (
    ("workspace.home", "Home", frozenset(Role)),
    ("workspace.consultations", "Consultations", can.READ_ALL | {Role.YOUTH_COUNCIL}),
    ("workspace.surveys", "Surveys", can.EDITORS),
    ("workspace.schools", "Schools", can.READ_ALL | {Role.SCHOOL_CONTACT}),
    ("workspace.participation", "Participation", frozenset(Role)),
    ("workspace.paper_forms", "Paper", can.APPROVERS),
    ("workspace.ballots_index", "Ballots", can.EDITORS | {Role.SCHOOL_CONTACT}),
    ("insights.index", "Results", frozenset({Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL})),
    ("triage.queue", "Safeguarding", frozenset({Role.SAFEGUARDING_LEAD})),
    ("workspace.users", "Accounts", frozenset({Role.ADMIN})),
    ("workspace.audit_log", "Audit log", frozenset({Role.ADMIN})),
)


def navigation() -> dict:
    """Give templates the menu for the signed-in user, marking the current section."""
    role = can.role_of(current_user)
    if role is None:
        return {"workspace_menu": [], "staff_user": None}
    current = request.endpoint or ""
    menu = [
        {"href": url_for(endpoint), "text": label, "count": _count(endpoint),
         "active": current == endpoint or (endpoint != "workspace.home"
                                           and current.startswith(endpoint.rstrip("s")))}
        for endpoint, label, roles in MENU if role in roles
    ]
    return {"workspace_menu": menu, "staff_user": current_user, "staff_role": role}


def _count(endpoint: str) -> str | None:
    """Say how many concerns are open, beside the safeguarding link (a lead must not miss them)."""
    if endpoint != "triage.queue":
        return None
    from engage.db import get_session
    from engage.services.safeguarding import triage

    counts = triage.open_counts(get_session(), can.flag_scope(current_user))
    if not counts.total:
        return None
    return f"{counts.total} open" + (f", {counts.immediate} immediate" if counts.immediate else "")
