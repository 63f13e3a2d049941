"""Comment review routes: officers and admins only."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from engage.comments import bp
from engage.db import get_session
from engage.models import Consultation, Role
from engage.permissions import role_required
from engage.services import comments as svc
from engage.services import reads
from engage.services.corrections import correct_tag
from engage.services.errors import DomainError
from engage.workspace.support import framework


class TagForm(FlaskForm):
    """An officer's tag for one answer: a value, and a sub-theme of it if one fits."""

    answer_id = HiddenField(validators=[DataRequired()])
    tag = SelectField("Value or sub-theme", validate_choice=True)


def _tag_choices() -> list[SelectChoice]:
    choices = []
    for value in framework().values:
        choices.append(SelectChoice(f"{value.id}", f"{value.id} {value.short}"))
        choices += [SelectChoice(f"{value.id}:{s.id}", f"    {s.id} {s.title[:70]}") for s in value.subthemes]
    return choices


@bp.route("/<int:consultation_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.OFFICER)
def review(consultation_id: int):
    """List free-text answers with their tags; take an officer's correction."""
    db = get_session()
    consultation = db.get(Consultation, consultation_id) or abort(404)
    form = TagForm()
    form.tag.choices = _tag_choices()
    if form.validate_on_submit():
        return _correct(db, consultation, form)
    page = request.args.get("page", 1, type=int)
    found, pages = svc.comments(db, consultation.id, page)
    # Being shown a comment here is what "read" means in the use of feedback.
    reads.record(db, consultation.id, [c.answer_id for c in found], current_user.id)
    return render_template("comments/review.html", consultation=consultation, comments=found,
                           page=page, pages=pages, choices=form.tag.choices,
                           values={v.id: v.short for v in framework().values})


def _correct(db, consultation: Consultation, form: TagForm):
    answer_id = int(form.answer_id.data) if form.answer_id.data.isdigit() else 0
    if not svc.answer_in(db, consultation.id, answer_id):
        abort(404)
    value, _, subtheme = form.tag.data.partition(":")
    try:
        correct_tag(db, framework(), answer_id, int(value), subtheme or None, current_user)
    except DomainError as exc:
        flash(exc.message, "error")
    else:
        flash("The tag is corrected. It will be used the next time the model is trained.", "success")
    return redirect(url_for("comments.review", consultation_id=consultation.id,
                            page=request.args.get("page", 1, type=int)))
