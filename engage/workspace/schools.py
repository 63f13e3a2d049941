"""School routes: the register, class codes and the printable class sheet."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from engage import permissions as can
from engage.db import get_session
from engage.forms.workspace import CodesForm, SchoolForm
from engage.models import Role
from engage.permissions import APPROVERS, READ_ALL, role_required
from engage.services.errors import InvalidChange, InvalidInput
from engage.services.workspace import consultations as wc
from engage.services.workspace import schools as ws
from engage.words import how_many
from engage.workspace import bp
from engage.workspace.qr import qr_svg
from engage.workspace.support import attach, framework

SURVEY_WORDS = {"primary": "primary", "secondary": "secondary", "post16": "post-16"}


@bp.get("/schools")
@role_required(*READ_ALL, Role.SCHOOL_CONTACT)
def schools():
    """List the schools this person may see, with their area and roll."""
    found = ws.list_schools(get_session(), can.school_scope(current_user))
    areas = {a["id"]: a["name"] for a in framework().areas}
    return render_template("workspace/schools.html", schools=found, areas=areas,
                           can_manage=can.can_manage_schools(current_user))


def _school_form(school=None) -> SchoolForm:
    form = SchoolForm()
    form.area_id.choices = [SelectChoice("", "Not known")] + [
        SelectChoice(a["id"], a["name"]) for a in framework().areas]
    if school is not None and not form.is_submitted():
        form.name.data, form.phase.data, form.area_id.data = school.name, school.phase, school.area_id or ""
        for year, count in (school.roll or {}).items():
            form[f"roll_{year}"].data = count
    return form


def _details(form: SchoolForm) -> ws.SchoolDetails:
    roll = {y: form[f"roll_{y}"].data for y in ws.YEARS if form[f"roll_{y}"].data is not None}
    return ws.SchoolDetails(name=form.name.data, phase=form.phase.data,
                            area_id=form.area_id.data or None, roll=roll)


def _save(form: SchoolForm, school_id: int | None):
    if form.validate_on_submit():
        try:
            ws.save_school(get_session(), _details(form), [a["id"] for a in framework().areas],
                           current_user, school_id)
        except InvalidInput as exc:
            attach(form, exc)
        else:
            flash("School saved.", "success")
            return redirect(url_for("workspace.schools"))
    return None


@bp.route("/schools/new", methods=["GET", "POST"])
@role_required(*APPROVERS)
def new_school():
    """Register a school."""
    form = _school_form()
    return _save(form, None) or _render_school(form, None)


@bp.route("/schools/<int:school_id>/edit", methods=["GET", "POST"])
@role_required(*APPROVERS)
def edit_school(school_id: int):
    """Change a school's details or roll."""
    school = ws.get_school(get_session(), school_id)
    form = _school_form(school)
    return _save(form, school.id) or _render_school(form, school)


def _render_school(form: SchoolForm, school):
    return render_template("workspace/school_form.html", form=form, school=school,
                           years=ws.YEARS), 400 if form.errors else 200


@bp.route("/consultations/<int:consultation_id>/codes", methods=["GET", "POST"])
@role_required(*APPROVERS, Role.SCHOOL_CONTACT)
def codes(consultation_id: int):
    """List a consultation's class codes and make new ones."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    if not can.can_view_consultation(current_user, consultation):
        abort(403)
    scope = can.school_scope(current_user)
    by_variant = ws.class_years(consultation, framework().age_bands)
    form = CodesForm()
    schools = ws.list_schools(session, scope)
    form.school.choices = [SelectChoice(s.id, s.name) for s in schools]
    for_young_people = bool(by_variant)
    if len(schools) == 1:  # a school contact's one school: only the years it teaches
        by_variant = ws.years_at(schools[0], by_variant)
    # Only the years this consultation has a survey for: a parents' survey has none, so no codes.
    form.years.choices = [SelectChoice(y, f"Year {y}") for years in by_variant.values() for y in years]
    allowed = can.can_make_codes(current_user, consultation)
    if allowed and form.validate_on_submit():
        try:
            school = ws.get_school(session, form.school.data)
            made = ws.generate_codes(session, consultation, school, form.years.data,
                                     list(framework().age_bands), current_user)
        except (InvalidInput, InvalidChange) as exc:
            attach(form, InvalidInput(exc.message, getattr(exc, "field", "years")))
        else:
            flash(f"{how_many(len(made), 'class code')} ready for {school.name}.", "success")
            return redirect(url_for("workspace.codes", consultation_id=consultation.id))
    return render_template(
        "workspace/codes.html", consultation=consultation, form=form, can_make=allowed,
        codes=ws.codes_for(session, consultation.id, scope), years_hint=_years_hint(by_variant),
        for_young_people=for_young_people), \
        400 if form.errors else 200


def _years_hint(by_variant: dict[str, list[int]]) -> str:
    """Say which years get which survey: "Years 4 to 6: the primary survey. Years 7 to 11: ..."."""
    return " ".join(f"Years {years[0]} to {years[-1]}: the {SURVEY_WORDS.get(v, v)} survey."
                    for v, years in by_variant.items())



@bp.get("/consultations/<int:consultation_id>/codes/<int:school_id>/sheet")
@role_required(*APPROVERS, Role.SCHOOL_CONTACT)
def class_sheet(consultation_id: int, school_id: int):
    """A printable sheet per class: the code, a short link and a QR code."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    school = ws.get_school(session, school_id)
    allowed = can.can_view_consultation(current_user, consultation)
    if not (allowed and can.can_see_school(current_user, school)):
        abort(403)
    sheets = []
    for code in ws.codes_for(session, consultation.id, {school.id}):
        link = url_for("respond.join", code=code.code, _external=True)
        sheets.append({"code": code, "link": link,
                       "qr": qr_svg(link, f"QR code that opens {link}")})
    return render_template("workspace/class_sheet.html", consultation=consultation, school=school,
                           sheets=sheets, closing_day=wc.closing_day(consultation))
