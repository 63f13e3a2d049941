"""Start a kiosk for an event: this device then serves respondents one after another."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage import permissions as can
from engage.db import get_session
from engage.forms.workspace import ActionForm
from engage.models._time import utcnow
from engage.permissions import APPROVERS, role_required
from engage.respond.kiosk import begin_kiosk
from engage.services import kiosk
from engage.services.errors import ConsultationClosed
from engage.services.workspace import consultations as wc
from engage.workspace import bp


@bp.route("/consultations/<int:consultation_id>/kiosk", methods=["GET", "POST"])
@role_required(*APPROVERS)
def start_kiosk(consultation_id: int):
    """Explain kiosk mode; on confirming, sign out and turn this browser into the kiosk."""
    consultation = wc.get(get_session(), consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    form = ActionForm()
    if form.validate_on_submit():
        try:
            state = kiosk.start_kiosk(get_session(), consultation, current_user, utcnow())
        except ConsultationClosed:
            flash("A kiosk needs the consultation to be open.", "error")
        else:
            begin_kiosk(state)
            return redirect(url_for("respond.kiosk_start"))
    return render_template("workspace/kiosk.html", consultation=consultation, form=form,
                           is_open=consultation.is_open(utcnow()), warn=kiosk.IDLE_WARN // 60,
                           grace=kiosk.IDLE_GRACE, hours=int(kiosk.LIFETIME.total_seconds() // 3600))
