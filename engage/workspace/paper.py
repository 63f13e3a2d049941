"""Paper routes: print a survey as an accessible PDF, and type paper forms back in."""
from flask import Response as HttpResponse
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from engage.db import get_session
from engage.forms.paper import answers_from, entry_form, field_name, how_to_enter
from engage.models import ConsultationStatus, Response, ResponseStatus, Role, School
from engage.models._time import utcnow
from engage.permissions import role_required
from engage.reports import paper_pdf
from engage.respond.words import words
from engage.services import consultations as svc
from engage.services import paper
from engage.services.consultation_rows import title_for
from engage.services.errors import ConsultationClosed, InvalidInput, NotFound
from engage.services.workspace import consultations as wc
from engage.words import noun_for
from engage.workspace import bp
from engage.workspace.consultations import AUDIENCES

PAPER_ROLES = (Role.ADMIN, Role.OFFICER)


@bp.get("/paper")
@role_required(*PAPER_ROLES)
def paper_forms():
    """List consultations and audiences to print or type in; find a form by its reference."""
    db = get_session()
    error = None
    if request.args.get("ref"):
        try:
            consultation_id, variant, _version = paper.parse_reference(request.args["ref"])
            return redirect(url_for("workspace.paper_entry", consultation_id=consultation_id, variant=variant))
        except NotFound as exc:
            error = exc.message
    found = [c for c in wc.list_consultations(db) if c.status != ConsultationStatus.PUBLISHED]
    return render_template("workspace/paper.html", consultations=found, audiences=AUDIENCES,
                           error=error, ref=request.args.get("ref", "")), (400 if error else 200)


def _consultation_and_questions(consultation_id: int, variant: str):
    consultation = wc.get(get_session(), consultation_id)
    try:
        return consultation, paper.questions(consultation, variant, words(variant))
    except (NotFound, KeyError):
        abort(404)


@bp.get("/consultations/<int:consultation_id>/paper/<variant>.pdf")
@role_required(*PAPER_ROLES)
def paper_pdf_download(consultation_id: int, variant: str):
    """Download the variant's survey as a printable, tagged PDF."""
    consultation, questions = _consultation_and_questions(consultation_id, variant)
    copy = words(variant)
    survey = svc.survey_of(consultation.version)
    title = title_for(consultation.title, consultation.audience_titles, variant)
    model = paper_pdf.model(title, current_app.config.get("COUNCIL_NAME", ""),
                            paper.reference(consultation, variant), variant, copy,
                            paper_pdf.sections(survey, variant, questions, copy))
    name = f"{consultation.slug}-{variant}-paper.pdf"
    return HttpResponse(paper_pdf.render(model), mimetype="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/consultations/<int:consultation_id>/paper/<variant>/enter", methods=["GET", "POST"])
@role_required(*PAPER_ROLES)
def paper_entry(consultation_id: int, variant: str):
    """Type in one paper form; save it and go straight on to the next."""
    db = get_session()
    consultation, questions = _consultation_and_questions(consultation_id, variant)
    schools = [(str(s.id), s.name) for s in svc.schools(db, variant)]
    form = entry_form(questions, schools, current_app.config["MAX_TEXT_LENGTH"])
    if request.method == "GET":
        form.school.data = request.args.get("school", "")
        form.entry_token.data = paper.new_entry_token()
    if form.validate_on_submit():
        school = db.get(School, int(form.school.data)) if form.school.data else None
        answers = answers_from(form, questions)
        try:
            saved = paper.enter(db, consultation, variant, school, [q.item for q in questions],
                                answers, current_user, utcnow(), form.entry_token.data)
        except ConsultationClosed:
            form.school.errors = ["This consultation is not open, so forms cannot be typed in now."]
        except InvalidInput as exc:
            form[field_name(questions[0])].errors = [exc.message]
        else:
            given = sum(not a.is_empty for a in answers.values())
            flash(_saved_message(saved.flagged, saved.response.id, given), "success")
            return redirect(url_for("workspace.paper_entry", consultation_id=consultation_id,
                                    variant=variant, school=form.school.data or None))
    fields = [{"field": form[field_name(q)], "how": how_to_enter(q), "question": q,
               "key": "; ".join(f"{n} {label}" for n, (_v, label) in enumerate(q.options, start=1))}
              for q in questions]
    return render_template("workspace/paper_entry.html", consultation=consultation, variant=variant,
                           audience=AUDIENCES.get(variant, variant), form=form, fields=fields,
                           reference=paper.reference(consultation, variant),
                           entered=_entered(db, consultation.id, variant),
                           taking_answers=consultation.is_open(utcnow())), (400 if form.errors else 200)


def _saved_message(flagged: bool, response_id: int, given: int) -> str:
    # The number and the count let a typist see a form saved too soon (Enter after the first box)
    # and have that response erased by its number.
    saved = f"Form saved as response {response_id}, with {given} {noun_for(given, 'answer')}."
    if flagged:
        return (f"{saved} One answer may show a child is at risk: the safeguarding lead has it "
                "in their queue. Type in the next form.")
    return f"{saved} Type in the next form."


def _entered(db, consultation_id: int, variant: str) -> int:
    return db.scalar(select(func.count(Response.id)).where(
        Response.consultation_id == consultation_id, Response.variant == variant,
        Response.channel == "paper", Response.status == ResponseStatus.SUBMITTED)) or 0
