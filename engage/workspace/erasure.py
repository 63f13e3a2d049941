"""Erase one response (officers, with a reason) or all of a closed consultation's (admins)."""
from collections.abc import Callable

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from engage import permissions as can
from engage.db import get_session
from engage.models import Role
from engage.permissions import APPROVERS, role_required
from engage.services import erasure
from engage.services.errors import DomainError
from engage.services.workspace import consultations as wc
from engage.workspace import bp

REASON = TextAreaField("Why it is being erased", validators=[
    DataRequired("Say why it is being erased (for example, the young person asked)."),
    Length(max=400, message="Keep the reason to 400 characters or fewer.")])


class EraseResponseForm(FlaskForm):
    """Which response, and why."""

    response = IntegerField("Response number", validators=[
        InputRequired("Enter the response number (the first column of the CSV and XLSX downloads)."),
        NumberRange(min=1, message="Enter the response number (a whole number, 1 or more).")])
    reason = REASON


class EraseAllForm(FlaskForm):
    """Why, and a confirmation that it cannot be undone."""

    reason = REASON
    confirm = BooleanField("I understand that every response to this consultation will be erased for good",
                           validators=[DataRequired("Tick the box to confirm.")])


@bp.route("/consultations/<int:consultation_id>/erase-response", methods=["GET", "POST"])
@role_required(*APPROVERS)
def erase_response(consultation_id: int):
    """Erase one response, with a reason; recorded in the audit log."""
    consultation = _consultation(consultation_id)
    form = EraseResponseForm()

    def erase() -> str:
        erasure.erase_response(get_session(), consultation.id, form.response.data, current_user,
                               form.reason.data.strip())
        return f"Response {form.response.data} was erased."

    return _erase_page(consultation, form, form.response, "workspace/erase_response.html", erase)


@bp.route("/consultations/<int:consultation_id>/erase-all", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def erase_all(consultation_id: int):
    """Erase every response of a closed consultation, with a reason; recorded in the audit log."""
    consultation = _consultation(consultation_id)
    form = EraseAllForm()

    def erase() -> str:
        count = erasure.erase_consultation(get_session(), consultation.id, current_user, form.reason.data.strip())
        return f"All {count} responses were erased."

    return _erase_page(consultation, form, form.reason, "workspace/erase_all.html", erase)


def _erase_page(consultation, form: FlaskForm, refused_field, template: str, erase: Callable[[], str]):
    """Erase once the form is valid and say so; else show the form, with the rules' refusal on refused_field."""
    if form.validate_on_submit():
        try:
            done = erase()
        except DomainError as exc:
            refused_field.errors = [exc.message]
        else:
            flash(done, "success")
            return redirect(url_for("workspace.consultation", consultation_id=consultation.id))
    return render_template(template, consultation=consultation, form=form), 400 if form.errors else 200


def _consultation(consultation_id: int):
    consultation = wc.get(get_session(), consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    return consultation
