"""Participation routes: counts of who has taken part, never what they said."""
from flask import abort, render_template
from flask_login import current_user

from engage import permissions as can
from engage.db import get_session
from engage.permissions import role_required
from engage.services.workspace import consultations as wc
from engage.services.workspace import participation as wp
from engage.workspace import bp
from engage.workspace.consultations import AUDIENCES
from engage.workspace.support import framework


@bp.get("/participation")
@role_required()
def participation():
    """Show submitted responses per consultation, within this person's scope."""
    session = get_session()
    found = [c for c in wc.list_consultations(session) if can.can_see_participation(current_user, c)]
    counts = wp.totals(session, found, can.school_scope(current_user))
    return render_template("workspace/participation.html", consultations=found, counts=counts,
                           scoped=can.school_scope(current_user) is not None)


@bp.get("/consultations/<int:consultation_id>/participation")
@role_required()
def consultation_participation(consultation_id: int):
    """Counts by audience, school, year group and area, and who is not being heard."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    if not can.can_see_participation(current_user, consultation):
        abort(403)
    fw = framework()
    result = wp.participation(session, consultation, list(fw.areas), list(fw.age_bands),
                              can.school_scope(current_user), AUDIENCES)
    return render_template("workspace/consultation_participation.html", consultation=consultation,
                           result=result, audiences=AUDIENCES, few=wp.FEW, low_rate=wp.LOW_RATE,
                           scoped=can.school_scope(current_user) is not None)
