"""Survey editor routes: the list, wordings of a page with the reading grade, YAML export and import."""
from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from engage.db import get_session
from engage.definitions.readability import GRADE_LIMITS
from engage.forms.survey_problems import Placed, field_of
from engage.forms.workspace_editor import AUDIENCE_NAMES, ImportForm, field_name, wording_form
from engage.permissions import EDITORS, role_required
from engage.services.errors import DefinitionRejected
from engage.services.workspace import survey_names as sn
from engage.services.workspace import surveys as ed
from engage.workspace import bp
from engage.workspace.support import editable_version, framework, may_change, saved_message


@bp.get("/surveys")
@role_required(*EDITORS)
def surveys():
    """List survey families with their pages to edit."""
    families = [(family, version, may_change(family)) for family, version in ed.family_versions(get_session())]
    return render_template("workspace/surveys.html", families=families, names=AUDIENCE_NAMES)


def _boxes(definition: dict, page_id: str) -> list[tuple[str, str, str]]:
    return [(item["id"], variant, item.get("text", {}).get(variant, ""))
            for item in ed.page_items(definition, page_id)
            for variant in ed.item_variants(definition, item)]


def _placed(problems: list, definition: dict, boxes: list[tuple[str, str, str]]) -> tuple[list[Placed], dict]:
    """Say each problem in an officer's words, linked to its wording box when it is about one here;
    return them with each box's own problems, said as the box's error message.

    A problem about a question's wording for one audience (what the item editor puts beside its
    text box) belongs to that wording's box on this page; anything else is listed without a link.
    Beside the box the question and audience go without saying, so only the reason is shown.
    """
    on_page = {(item, variant) for item, variant, _text in boxes}
    placed, at_box = [], {}
    for problem in problems:
        about_wording = field_of(problem, problem.item, None) == f"text_{problem.variant}"
        box = field_name(problem.item, problem.variant) \
            if about_wording and (problem.item, problem.variant) in on_page else None
        placed.append(Placed(sn.problem_words(problem, definition, AUDIENCE_NAMES), box))
        if box:
            reason = problem.reason.removeprefix("question: ")
            at_box.setdefault(box, []).append(reason[:1].upper() + reason[1:])
    return placed, at_box


@bp.route("/surveys/<slug>/pages/<page_id>", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_page(slug: str, page_id: str):
    """Edit the question wordings of one page; saving makes a new version."""
    session = get_session()
    version = editable_version(slug)
    boxes = _boxes(version.definition, page_id)
    form = wording_form(boxes)
    problems = []
    if form.validate_on_submit():
        wordings = {(i, v): form[field_name(i, v)].data for i, v, _t in boxes}
        try:
            result = ed.save_wordings(session, slug, page_id, wordings, framework(), current_user)
        except DefinitionRejected as exc:
            problems = exc.problems
        else:
            flash(saved_message(result), "success")
            return redirect(url_for("workspace.edit_page", slug=slug, page_id=page_id))
    placed, at_box = _placed(problems, version.definition, boxes)
    items = [{"id": item["id"], "type": sn.TYPES.get(item["type"], item["type"]),
              "boxes": [{"field": form[field_name(item["id"], v)], "variant": v,
                         "problems": at_box.get(field_name(item["id"], v), []),
                         "grade": ed.grade(form[field_name(item["id"], v)].data or "", v)
                         if v in GRADE_LIMITS else None}
                        for v in ed.item_variants(version.definition, item)]}
             for item in ed.page_items(version.definition, page_id)]
    status = 400 if form.errors or problems else 200
    return render_template("workspace/survey_page.html", version=version, page_id=page_id,
                           page_name=sn.page_names(version.definition)[page_id], form=form, items=items,
                           placed=placed, names=AUDIENCE_NAMES), status


@bp.get("/readability")
@role_required(*EDITORS)
def readability():
    """Return the reading grade of a wording for a variant, for the live check."""
    text = request.args.get("text", "", type=str)[:ed.MAX_WORDING]
    return jsonify(ed.grade(text, request.args.get("variant", "", type=str)))


@bp.get("/surveys/<slug>/export")
@role_required(*EDITORS)
def export_survey(slug: str):
    """Download the newest version of a survey as YAML."""
    version = ed.latest(get_session(), slug)
    return Response(ed.export_yaml(version), mimetype="application/x-yaml", headers={
        "Content-Disposition": f'attachment; filename="{slug}-v{version.number}.yaml"'})


@bp.route("/surveys/import", methods=["GET", "POST"])
@role_required(*EDITORS)
def import_survey():
    """Check an uploaded or pasted YAML survey as `surveys check` does, then save it."""
    form = ImportForm()
    problems = []
    if form.validate_on_submit():
        text = form.file.data.read().decode("utf-8", "replace") if form.file.data else form.text.data or ""
        try:
            result = ed.import_yaml(get_session(), text, framework(), current_user, may_change)
        except DefinitionRejected as exc:
            problems = exc.problems
        else:
            flash(f"{result.family}: {saved_message(result)}", "success")
            return redirect(url_for("workspace.surveys"))
    status = 400 if form.errors or problems else 200
    return render_template("workspace/survey_import.html", form=form, problems=problems), status
