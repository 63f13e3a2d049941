"""Who may do what in the workspace: pure predicates and one decorator, in one place.

Predicates take the signed-in user (or flask-login's anonymous user) and plain objects and
return a bool; they never touch the request or the database. Views call role_required for
the coarse check and the predicates for the object-level one.
"""
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user

from engage.models import Consultation, ConsultationStatus, Role, School, SurveyFamily

STAFF = frozenset(Role)
EDITORS = frozenset({Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL})
APPROVERS = frozenset({Role.ADMIN, Role.OFFICER})
READ_ALL = frozenset({Role.ADMIN, Role.OFFICER, Role.SAFEGUARDING_LEAD})
CODE_MAKERS = frozenset({Role.ADMIN, Role.OFFICER, Role.SCHOOL_CONTACT})
RESULT_READERS = frozenset({Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL})


def role_of(user: Any) -> Role | None:
    """Return the user's role, or None for the anonymous user or a disabled account."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return Role(user.role)


def has_role(user: Any, roles: frozenset[Role] | set[Role]) -> bool:
    """Say whether the user is signed in with one of these roles."""
    return role_of(user) in roles


def role_required(*roles: Role) -> Callable:
    """Let only these roles into a view: anonymous users go to sign-in, others get 403."""
    allowed = frozenset(roles) or STAFF

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from engage.extensions import login_manager

                return login_manager.unauthorized()
            if not has_role(current_user, allowed):
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = allowed  # read by the route x role tests and the nav
        return wrapped

    return decorate


def can_view_consultation(user: Any, consultation: Consultation) -> bool:
    """Officers, admins and safeguarding leads see all; the youth council sees youth-led ones."""
    role = role_of(user)
    if role in READ_ALL:
        return True
    if role == Role.YOUTH_COUNCIL:
        return consultation.youth_led or consultation.created_by_id == user.id
    # A school contact sees consultations that have reached their schools, never drafts.
    return role == Role.SCHOOL_CONTACT and consultation.status != ConsultationStatus.DRAFT


def can_read_results(user: Any, consultation: Consultation) -> bool:
    """Officers and admins read every consultation's results; the youth council its own ones."""
    return has_role(user, RESULT_READERS) and can_view_consultation(user, consultation)


def can_create_consultation(user: Any) -> bool:
    """Officers, admins and youth council members may draft consultations."""
    return has_role(user, EDITORS)


def can_edit_consultation(user: Any, consultation: Consultation) -> bool:
    """Only drafts are edited; the youth council edits youth-led drafts only."""
    if consultation.status != ConsultationStatus.DRAFT or not has_role(user, EDITORS):
        return False
    return role_of(user) in APPROVERS or can_view_consultation(user, consultation)


def can_approve(user: Any) -> bool:
    """Only officers and admins approve a youth council draft."""
    return has_role(user, APPROVERS)


def can_change_status(user: Any) -> bool:
    """Only officers and admins open, close and publish consultations."""
    return has_role(user, APPROVERS)


def can_edit_surveys(user: Any) -> bool:
    """Officers, admins and the youth council edit survey wordings."""
    return has_role(user, EDITORS)


def can_edit_survey(user: Any, family: SurveyFamily) -> bool:
    """Officers and admins change every survey; the youth council only the surveys it made."""
    role = role_of(user)
    if role in APPROVERS:
        return True
    return role == Role.YOUTH_COUNCIL and family.made_by_youth_council


def can_manage_schools(user: Any) -> bool:
    """Only officers and admins register schools and change their roll."""
    return has_role(user, APPROVERS)


def can_see_school(user: Any, school: School) -> bool:
    """School contacts see only their own schools; officers and admins see all."""
    role = role_of(user)
    if role == Role.SCHOOL_CONTACT:
        return school.id in user.school_ids
    return role in READ_ALL or role == Role.YOUTH_COUNCIL


def can_make_codes(user: Any, consultation: Consultation) -> bool:
    """Officers, admins and school contacts make class codes for consultations not yet closed."""
    live = consultation.status in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN)
    if not live or not has_role(user, CODE_MAKERS):
        return False
    return role_of(user) != Role.SCHOOL_CONTACT or consultation.status == ConsultationStatus.OPEN


def can_see_participation(user: Any, consultation: Consultation) -> bool:
    """Counts of responses: anyone who may see the consultation."""
    return can_view_consultation(user, consultation)


def can_see_free_text(user: Any) -> bool:
    """Free-text answers: officers and admins (safeguarding leads see flagged ones)."""
    return has_role(user, APPROVERS | {Role.SAFEGUARDING_LEAD})


def can_see_flagged(user: Any) -> bool:
    """Answers flagged for safeguarding: the safeguarding lead only."""
    return role_of(user) == Role.SAFEGUARDING_LEAD


def can_read_audit(user: Any) -> bool:
    """The audit log: admins only."""
    return role_of(user) == Role.ADMIN


def can_manage_users(user: Any) -> bool:
    """Accounts and roles: admins only."""
    return role_of(user) == Role.ADMIN


def school_scope(user: Any) -> set[int] | None:
    """Return the schools a user's counts are limited to, or None for every school."""
    return user.school_ids if role_of(user) == Role.SCHOOL_CONTACT else None


def flag_scope(user: Any) -> set[int] | None:
    """Return the schools whose flags a lead sees, or None for a council lead who sees every flag."""
    if role_of(user) == Role.SAFEGUARDING_LEAD and user.school_ids:
        return user.school_ids
    return None


def can_see_flag(user: Any, flag: Any) -> bool:
    """A council lead sees every flag; a school's lead sees flags from their schools' codes."""
    scope = flag_scope(user)
    return can_see_flagged(user) and (scope is None or flag.school_id in scope)
