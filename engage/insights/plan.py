"""Plan drafting pages: "You said" statements, actions, outcomes, publishing, and the DOCX."""
from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.db import get_session
from engage.definitions.readability import YOUNG_VARIANTS
from engage.insights import bp, viewmodel
from engage.insights.forms import ActionForm, ButtonForm, StandOutForm, StatementForm
from engage.models import Role
from engage.permissions import role_required
from engage.reports import plan_docx
from engage.results import summary as svc
from engage.services import plan
from engage.services.workspace import consultations as wc
from engage.words import how_many

OFFICERS = (Role.ADMIN, Role.OFFICER)


def _bands(form, prefix: str = "") -> dict[str, str]:
    return {b: getattr(form, f"{prefix}{b}").data or "" for b in YOUNG_VARIANTS}


def _action_input(form: ActionForm) -> plan.ActionInput:
    return plan.ActionInput(text=form.text.data, child_text=_bands(form), owner=form.owner.data,
                            due_on=form.due_on.data, status=form.status.data,
                            outcome=form.outcome.data, outcome_child_text=_bands(form, "outcome_"))


def _statement_form(s) -> StatementForm:
    return StatementForm(prefix=f"s{s.id}", data={"text": s.text, **s.child_text})


def _action_form(a) -> ActionForm:
    data = {"text": a.text, "owner": a.owner, "due_on": a.due_on, "status": a.status,
            "outcome": a.outcome, **a.child_text,
            **{f"outcome_{k}": v for k, v in a.outcome_child_text.items()}}
    return ActionForm(prefix=f"a{a.id}", data=data)


@bp.get("/<int:consultation_id>/plan")
@role_required(*OFFICERS)
def plan_page(consultation_id: int):
    """Show the statements, their actions and outcomes, the feedback use and publishing."""
    return _page(consultation_id)


def _page(consultation_id: int, refused: ActionForm | None = None, statement_id: int | None = None,
          action_id: int | None = None):
    """Render the plan page; a refused action form (a new one for `statement_id`, or the
    action `action_id`) is shown as typed, with its problems."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    found = plan.statements(session, consultation.id)
    action_forms = {a.id: _action_form(a) for s in found for a in s.actions}
    new_action_forms = {s.id: ActionForm(prefix=f"new{s.id}", formdata=None) for s in found}
    if statement_id is not None:
        new_action_forms[statement_id] = refused
    if action_id is not None:
        action_forms[action_id] = refused
    return render_template(
        "insights/plan.html", **viewmodel.plan_page(consultation, found, plan.published(session, consultation.id)),
        statement_forms={s.id: _statement_form(s) for s in found},
        action_forms=action_forms, new_action_forms=new_action_forms, refused=refused,
        button=ButtonForm(), use=plan.feedback_use(session, consultation.id),
        problems=plan.wording_problems(consultation, found, svc.framework()),
        value_names={v.id: v.short for v in svc.framework().values}), 400 if refused else 200


def _back(consultation_id: int):
    return redirect(url_for("insights.plan_page", consultation_id=consultation_id))


@bp.post("/<int:consultation_id>/plan/draft")
@role_required(*OFFICERS)
def plan_draft(consultation_id: int):
    """Draft statements from the summary (statements already written are kept)."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    if ButtonForm().validate_on_submit():
        made = plan.draft(session, consultation, svc.summarise(session, consultation), svc.framework())
        if made:
            them = "it" if len(made) == 1 else "them"
            flash(f"{how_many(len(made), 'statement')} drafted. Check and edit {them} before publishing.",
                  "success")
        else:
            flash("No new statements: every value people said something about already has one.", "success")
    return _back(consultation_id)


@bp.post("/<int:consultation_id>/plan/from-overview/<int:value_id>")
@role_required(*OFFICERS)
def plan_from_overview(consultation_id: int, value_id: int):
    """Add what stands out for one value, as the officer edited it, to the plan as a draft statement."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    form = StandOutForm()
    if form.validate_on_submit():
        plan.add_statement(session, consultation, value_id, form.text.data, svc.framework())
        flash("Added to the plan as a draft statement. Write each age band's wording before publishing.", "success")
        return _back(consultation_id)
    flash("Write what stands out before adding it to the plan.", "error")
    return redirect(url_for("insights.summary", consultation_id=consultation_id, _anchor=f"overview-{value_id}"))


@bp.post("/<int:consultation_id>/plan/statements/<int:statement_id>")
@role_required(*OFFICERS)
def plan_statement(consultation_id: int, statement_id: int):
    """Save a statement's wording."""
    form = StatementForm(prefix=f"s{statement_id}")
    if form.validate_on_submit():
        plan.edit_statement(get_session(), consultation_id, statement_id, form.text.data, _bands(form))
        flash("Statement saved.", "success")
    else:
        flash("Write what people said.", "error")
    return _back(consultation_id)


@bp.post("/<int:consultation_id>/plan/statements/<int:statement_id>/actions")
@role_required(*OFFICERS)
def plan_new_action(consultation_id: int, statement_id: int):
    """Add an action to a statement."""
    form = ActionForm(prefix=f"new{statement_id}")
    if form.validate_on_submit():
        plan.add_action(get_session(), consultation_id, statement_id, _action_input(form))
        flash("Action added.", "success")
        return _back(consultation_id)
    return _page(consultation_id, form, statement_id=statement_id)


@bp.post("/<int:consultation_id>/plan/actions/<int:action_id>")
@role_required(*OFFICERS)
def plan_action(consultation_id: int, action_id: int):
    """Save an action, its status and its outcome."""
    form = ActionForm(prefix=f"a{action_id}")
    if form.validate_on_submit():
        plan.edit_action(get_session(), consultation_id, action_id, _action_input(form))
        flash("Action saved.", "success")
        return _back(consultation_id)
    return _page(consultation_id, form, action_id=action_id)


@bp.post("/<int:consultation_id>/plan/publish")
@role_required(*OFFICERS)
def plan_publish(consultation_id: int):
    """Publish the public page, if every young people's wording passes the reading check."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    if ButtonForm().validate_on_submit():
        try:
            plan.publish(session, consultation, current_user, svc.framework())
            flash("The \u201cYou said, we did\u201d page is published.", "success")
        except plan.PlanNotReady as exc:
            flash(f"Not published yet: {exc}", "error")
    return _back(consultation_id)


@bp.get("/<int:consultation_id>/plan.docx")
@role_required(*OFFICERS)
def plan_docx_download(consultation_id: int):
    """Download the plan (statements, actions, outcomes) as a Word document."""
    session = get_session()
    consultation = wc.get(session, consultation_id)
    data = plan_docx.render(consultation.title, plan.statements(session, consultation.id))
    return Response(data, mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml"
                    ".document", headers={"Content-Disposition":
                                          f'attachment; filename="{consultation.slug}-plan.docx"'})
