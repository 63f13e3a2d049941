"""Triage routes: safeguarding leads only. Verbatim text is shown here and nowhere else."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from engage import permissions as can
from engage.analysis.safeguarding import CATEGORIES
from engage.db import get_session
from engage.models import Role
from engage.models._time import utcnow
from engage.permissions import role_required
from engage.respond.viewmodels import error_list
from engage.services.errors import DomainError
from engage.services.safeguarding import alerts, triage
from engage.triage import bp
from engage.triage.forms import ActionForm


@bp.get("/")
@role_required(Role.SAFEGUARDING_LEAD)
def queue():
    """List concerns: open first, immediate first, oldest first."""
    now, session = utcnow(), get_session()
    flags = triage.queue(session, can.flag_scope(current_user))
    return render_template("triage/queue.html", flags=flags, categories=CATEGORIES, now=now,
                           waited=triage.waited_words, writer=triage.writer,
                           alerted=alerts.alerted(session, [flag.id for flag in flags]))


@bp.route("/<int:flag_id>", methods=["GET", "POST"])
@role_required(Role.SAFEGUARDING_LEAD)
def concern(flag_id: int):
    """Show one concern with its context, and record an action on it."""
    db = get_session()
    found = triage.detail(db, flag_id, can.flag_scope(current_user))
    triage.record_view(db, found, current_user)
    form = ActionForm()
    if form.validate_on_submit():
        try:
            triage.record_action(db, flag_id, current_user, form.action.data, form.referred_to.data,
                                 form.reason.data, utcnow())
        except DomainError as exc:
            form.action.errors = [*form.action.errors, exc.message]
        else:
            flash("The action is recorded.", "success")
            return redirect(url_for("triage.concern", flag_id=flag_id))
    return render_template("triage/concern.html", found=found, form=form, categories=CATEGORIES,
                           errors=error_list(form),
                           referrals=triage.REFERRALS, actions=triage.ACTIONS,
                           alerted=alerts.alerted(db, [flag_id]).get(flag_id, []),
                           writer=triage.writer(found.flag), question=triage.question_asked(found.flag),
                           waited=triage.waited_words(found.flag, utcnow())), (
        400 if form.errors else 200)
