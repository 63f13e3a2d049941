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
from engage.services.errors import InvalidInput, NotFound
from engage.services.workspace import consultations as wc
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
    return render_template("workspace/ballots.html", found=[(c, qs) for c, qs in found if qs])


def _visible(consultation_id: int):
    consultation = wc.get(get_session(), consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    return consultation


@bp.get("/consultations/<int:consultation_id>/ballots")
@role_required(*RESULT_ROLES, Role.SCHOOL_CONTACT)
def ballot_results(consultation_id: int):
    """Show each ballot question's combined result, by option and by school (a school contact: their own)."""
    consultation = _visible(consultation_id)
    scope = can.school_scope(current_user)
    found = [ballots.results(get_session(), consultation, q.key, summary.threshold(), scope)
             for q in ballots.questions(consultation)]
    return render_template("workspace/ballot_results.html", consultation=consultation, results=found,
                           threshold=summary.threshold(), own_schools=scope is not None)


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
    saved = ballots.saved_tallies(db, consultation, key, scope)
    if not form.is_submitted():
        _fill_from_saved(form, saved, request.args.get("school", type=int))
    if form.validate_on_submit():
        try:
            ballots.save_tally(db, consultation, key, db.get(School, int(form.school.data)),
                               form.ballots_cast.data, votes_from(form, question.options), current_user)
        except InvalidInput as exc:
            db.rollback()
            attach(form, exc)
        else:
            flash("Tally saved. It replaces any earlier tally from that school.", "success")
            return redirect(url_for("workspace.ballot_tally", consultation_id=consultation_id, question=key,
                                    school=form.school.data))
    return render_template("workspace/ballot_tally.html", consultation=consultation, question=question,
                           questions=asked, form=form, fields=[form[vote_field(o)] for o, _l in question.options],
                           saved=saved), (400 if form.errors else 200)


def _fill_from_saved(form, saved: list[dict], school_id: int | None) -> None:
    """Show a school's saved tally in the form, so a correction starts from what was entered."""
    mine = [row for row in saved if row["school_id"] == school_id] or (saved if len(saved) == 1 else [])
    if not mine:
        return
    row = mine[0]
    form.school.data, form.ballots_cast.data = str(row["school_id"]), row["ballots_cast"]
    for option_id, _label, votes in row["votes"]:
        form[vote_field(option_id)].data = votes or None
