"""Ballot routes: combined results by option and school, and schools' tallies of paper ballots."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage import permissions as can
from engage.db import get_session
from engage.forms.tally import tally_form, vote_field, votes_from
from engage.models import Role, School
from engage.permissions import role_required
from engage.results import summary
from engage.services import ballots
from engage.services import consultations as svc
from engage.services import workspace_consultations as wc
from engage.services.errors import NotFound
from engage.services.workspace_errors import InvalidInput
from engage.workspace import bp
from engage.workspace.support import attach

RESULT_ROLES = (Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL)
TALLY_ROLES = (Role.ADMIN, Role.OFFICER, Role.SCHOOL_CONTACT)


@bp.get("/ballots")
@role_required(*RESULT_ROLES, Role.SCHOOL_CONTACT)
def ballots_index():
    """List the consultations with ballot questions that this person may see."""
    found = [(c, ballots.questions(c)) for c in wc.list_consultations(get_session())
             if can.can_view_consultation(current_user, c)]
    return render_template("workspace/ballots.html", found=[(c, qs) for c, qs in found if qs],
                           can_results=can.has_role(current_user, frozenset(RESULT_ROLES)))


def _visible(consultation_id: int):
    consultation = wc.get(get_session(), consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    return consultation


@bp.get("/consultations/<int:consultation_id>/ballots")
@role_required(*RESULT_ROLES)
def ballot_results(consultation_id: int):
    """Show each ballot question's combined result, by option and by school."""
    consultation = _visible(consultation_id)
    found = [ballots.results(get_session(), consultation, q.key, summary.threshold())
             for q in ballots.questions(consultation)]
    return render_template("workspace/ballot_results.html", consultation=consultation, results=found,
                           threshold=summary.threshold())


@bp.route("/consultations/<int:consultation_id>/ballots/tally", methods=["GET", "POST"])
@role_required(*TALLY_ROLES)
def ballot_tally(consultation_id: int):
    """Enter (or correct) one school's count of its paper ballots for one ballot question."""
    db = get_session()
    consultation = _visible(consultation_id)
    asked = ballots.questions(consultation)
    key = request.args.get("question") or (asked[0].key if asked else None)
    if not asked:
        return render_template("workspace/ballot_tally.html", consultation=consultation, question=None)
    try:
        question = ballots.question(consultation, key)
    except NotFound:
        abort(404)
    scope = can.school_scope(current_user)
    schools = [(str(s.id), s.name) for s in svc.schools(db) if scope is None or s.id in scope]
    form = tally_form(question.options, schools, bool(question.rank))
    if form.validate_on_submit():
        try:
            ballots.save_tally(db, consultation, key, db.get(School, int(form.school.data)),
                               form.ballots_cast.data, votes_from(form, question.options), current_user)
        except InvalidInput as exc:
            db.rollback()
            attach(form, exc)
        else:
            flash("Tally saved. It replaces any earlier tally from that school.", "success")
            return redirect(url_for("workspace.ballot_tally", consultation_id=consultation_id, question=key))
    return render_template("workspace/ballot_tally.html", consultation=consultation, question=question,
                           questions=asked, form=form, fields=[form[vote_field(o)] for o, _l in question.options],
                           can_results=can.has_role(current_user, frozenset(RESULT_ROLES))), \
        (400 if form.errors else 200)
