"""The workspace home page: what is waiting for this person."""
from flask import render_template
from flask_login import current_user

from engage import permissions as can
from engage.analysis.safeguarding import CATEGORIES
from engage.db import get_session
from engage.definitions.variants import YOUNG
from engage.models import ConsultationStatus, Role
from engage.models._time import utcnow
from engage.permissions import role_required
from engage.services.safeguarding import triage
from engage.services.workspace import consultations as wc
from engage.services.workspace import schools as ws
from engage.workspace import bp


@bp.get("/")
@role_required()
def home():
    """Show the consultations and schools that are this person's to act on."""
    session = get_session()
    everything = wc.list_consultations(session)
    mine = [c for c in everything if can.can_view_consultation(current_user, c)]
    awaiting = [c for c in mine if c.status == ConsultationStatus.DRAFT and c.approved_at is None]
    return render_template(
        "workspace/home.html",
        drafts=[c for c in mine if c.status == ConsultationStatus.DRAFT],
        awaiting=awaiting if can.can_approve(current_user) else [],
        live=[c for c in mine if c.status == ConsultationStatus.OPEN],
        # The youth council sees only its own consultations; it still needs to know what else is open.
        others_open=[c.title for c in everything if c.status == ConsultationStatus.OPEN and c not in mine],
        schools=ws.list_schools(session, current_user.school_ids)
        if current_user.role == Role.SCHOOL_CONTACT else [],
        # A school's classes can take only the consultations with a survey for young people.
        for_classes=[c for c in mine if c.status == ConsultationStatus.OPEN and set(c.variants) & set(YOUNG)],
        can_create=can.can_create_consultation(current_user),
        safeguarding=_safeguarding(session) if can.can_see_flagged(current_user) else None,
        # One click to each consultation's results, its "You said, we did" and the feedback audit.
        results=[c for c in mine if c.status != ConsultationStatus.DRAFT]
        if can.has_role(current_user, can.APPROVERS) else [],
    )


def _safeguarding(session) -> dict:
    """Open flags for a lead: counts by severity and the first few, most urgent first."""
    scope = can.flag_scope(current_user)
    return {"counts": triage.open_counts(session, scope), "first": triage.waiting(session, scope),
            "categories": CATEGORIES, "now": utcnow(), "waited": triage.waited_words}
