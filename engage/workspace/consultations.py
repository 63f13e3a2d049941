"""Consultation routes: list, create, edit, approve and move through the lifecycle."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from engage import permissions as can
from engage.db import get_session
from engage.definitions.variants import AUDIENCE_ORDER
from engage.forms.workspace import ActionForm, ConsultationForm
from engage.models import Consultation, Role
from engage.models._time import utcnow
from engage.permissions import APPROVERS, EDITORS, READ_ALL, role_required
from engage.services.errors import InvalidChange, InvalidInput
from engage.services.workspace import consultations as wc
from engage.workspace import bp
from engage.workspace.support import attach

AUDIENCES = {"primary": "Primary (years 4 to 6)", "secondary": "Secondary (years 7 to 11)",
             "post16": "Post-16 (16 to 25)", "parent": "Parents and carers",
             "professional": "Professionals"}


def _viewable(consultation_id: int) -> Consultation:
    consultation = wc.get(get_session(), consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    return consultation


@bp.get("/consultations")
@role_required(*READ_ALL, Role.YOUTH_COUNCIL)
def consultations():
    """List the consultations this person may see."""
    found = [c for c in wc.list_consultations(get_session())
             if can.can_view_consultation(current_user, c)]
    return render_template("workspace/consultations.html", consultations=found,
                           can_create=can.can_create_consultation(current_user),
                           youth_council=can.role_of(current_user) == Role.YOUTH_COUNCIL)


def _form(consultation: Consultation | None = None) -> ConsultationForm:
    session = get_session()
    form = ConsultationForm(obj=None)
    offered = wc.families(session)
    form.family.choices = [SelectChoice("", "Choose a survey")] + [
        SelectChoice(slug, title) for slug, title, _v in offered]
    variants = sorted({v for *_rest, vs in offered for v in vs}, key=list(AUDIENCES).index)
    form.variants.choices = [SelectChoice(v, AUDIENCES.get(v, v)) for v in variants]
    if consultation is not None and not form.is_submitted():
        form.title.data, form.family.data = consultation.title, consultation.family.slug
        form.variants.data = list(consultation.variants)
        form.opens_on.data = consultation.opens_at.date() if consultation.opens_at else None
        form.closes_on.data, form.results_on.data = wc.closing_day(consultation), consultation.results_on
        form.series.data = consultation.series
        titles = consultation.audience_titles or {}
        for audience in AUDIENCE_ORDER:
            form[f"{audience}_title"].data = titles.get(audience)
    return form


def _plan(form: ConsultationForm) -> wc.Plan:
    return wc.Plan(title=form.title.data, family_slug=form.family.data, variants=form.variants.data,
                   opens_on=form.opens_on.data, closes_on=form.closes_on.data,
                   results_on=form.results_on.data, series=form.series.data,
                   audience_titles={a: form[f"{a}_title"].data or "" for a in AUDIENCE_ORDER})


@bp.route("/consultations/new", methods=["GET", "POST"])
@role_required(*EDITORS)
def new_consultation():
    """Create a draft consultation from a survey family."""
    form = _form()
    if form.validate_on_submit():
        try:
            created = wc.create_draft(get_session(), _plan(form), current_user, utcnow())
        except InvalidInput as exc:
            attach(form, exc)
        else:
            flash(_created_message(created), "success")
            return redirect(url_for("workspace.consultation", consultation_id=created.id))
    return _render_form(form, None)


def _created_message(consultation: Consultation) -> str:
    if consultation.approved_at is None:
        return "Draft saved. An officer must approve it before it can open."
    return "Draft saved."


def _render_form(form: ConsultationForm, consultation: Consultation | None):
    status = 400 if form.errors else 200
    return render_template("workspace/consultation_form.html", form=form, consultation=consultation,
                           series_names=wc.series_names(get_session())), status


@bp.route("/consultations/<int:consultation_id>/edit", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_consultation(consultation_id: int):
    """Change a draft's settings."""
    consultation = _viewable(consultation_id)
    if not can.can_edit_consultation(current_user, consultation):
        abort(403)
    form = _form(consultation)
    if form.validate_on_submit():
        try:
            wc.update_draft(get_session(), consultation.id, _plan(form), current_user)
        except InvalidInput as exc:
            attach(form, exc)
        else:
            flash("Changes saved.", "success")
            return redirect(url_for("workspace.consultation", consultation_id=consultation.id))
    return _render_form(form, consultation)


@bp.get("/consultations/<int:consultation_id>")
@role_required()
def consultation(consultation_id: int):
    """Show a consultation's settings, status, approval and what can be done next."""
    found = _viewable(consultation_id)
    return render_template(
        "workspace/consultation.html", consultation=found, form=ActionForm(),
        audiences=AUDIENCES, closing_day=wc.closing_day(found),
        waves=wc.in_series(get_session(), found),
        can_edit=can.can_edit_consultation(current_user, found),
        can_approve=can.can_approve(current_user), can_change=can.can_change_status(current_user),
        can_codes=can.has_role(current_user, APPROVERS | {Role.SCHOOL_CONTACT}),
        can_read_results=can.can_read_results(current_user, found),
        survey_address=url_for("respond.choose", slug=found.slug, _external=True))


@bp.post("/consultations/<int:consultation_id>/approve")
@role_required(*APPROVERS)
def approve(consultation_id: int):
    """Approve a youth council draft so it can open."""
    if ActionForm().validate_on_submit():
        try:
            wc.approve(get_session(), consultation_id, current_user, utcnow())
        except InvalidChange as exc:
            flash(exc.message, "error")
        else:
            flash("Approved. The draft can now be opened.", "success")
    return redirect(url_for("workspace.consultation", consultation_id=consultation_id))


@bp.post("/consultations/<int:consultation_id>/<any(open, close, publish):action>")
@role_required(*APPROVERS)
def change_status(consultation_id: int, action: str):
    """Open, close or publish a consultation."""
    if ActionForm().validate_on_submit():
        try:
            changed = wc.change_status(get_session(), consultation_id, action, current_user, utcnow())
        except InvalidChange as exc:
            flash(exc.message, "error")
        else:
            flash(f"The consultation is now {changed.status}.", "success")
    return redirect(url_for("workspace.consultation", consultation_id=consultation_id))
