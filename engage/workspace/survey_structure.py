"""Survey editor routes for a whole family: its overview, a new family, details, pages and order."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from engage.db import get_session
from engage.definitions.variants import YOUNG
from engage.forms.survey_problems import place, place_new_family
from engage.forms.workspace_editor import AUDIENCE_NAMES, DetailsForm, MoveForm, NewFamilyForm, RemoveForm, titles_form
from engage.forms.yaml_settings import parse_settings
from engage.permissions import EDITORS, role_required
from engage.services import survey_editing as se
from engage.services.errors import DefinitionRejected, NotFound
from engage.services.workspace import survey_names as sn
from engage.services.workspace import surveys as ed
from engage.words import how_many
from engage.workspace import bp
from engage.workspace.support import editable_version, framework, saved_message


def _base(form) -> int | None:
    return int(form.base_version.data) if (form.base_version.data or "").isdigit() else None


def _page(definition: dict, page_id: str) -> dict:
    try:
        return se.find_page(definition, page_id)
    except se.Missing as exc:
        raise NotFound("We could not find that page of the survey.") from exc


@bp.get("/surveys/<slug>")
@role_required(*EDITORS)
def survey(slug: str):
    """Show a family's pages and questions, with ways to change, move, remove and preview them."""
    version = editable_version(slug)
    return render_template("workspace/survey_family.html", version=version, definition=version.definition,
                           names=AUDIENCE_NAMES, move=MoveForm(), page_names=sn.page_names(version.definition),
                           titles={p["id"]: sn.page_title(p) for p in version.definition["pages"]},
                           type_names=sn.TYPES)


@bp.route("/surveys/new", methods=["GET", "POST"])
@role_required(*EDITORS)
def new_survey():
    """Start a new family with its first page and question."""
    form = NewFamilyForm()
    problems = []
    if form.validate_on_submit():
        definition = _new_definition(form)
        try:
            result = ed.create_family(get_session(), definition, framework(), current_user)
        except DefinitionRejected as exc:
            problems = exc.problems
        else:
            flash(f"Created {result.family}, version {result.version}.", "success")
            return redirect(url_for("workspace.survey", slug=result.family))
    summary, by_field = place_new_family(problems, (form.page_id.data or "").strip(), (form.item_id.data or "").strip())
    return render_template("workspace/survey_new.html", form=form, summary=summary, by_field=by_field), \
        (400 if form.errors or problems else 200)


def _new_definition(form: NewFamilyForm) -> dict:
    variants = [v for v in AUDIENCE_NAMES if v in form.variants.data]
    changes = se.ItemChanges(type=form.item_type.data, value=int(form.value.data), variants=variants,
                             text={v: form.question.data for v in variants},
                             scale="agree" if form.item_type.data == "scale" else None)
    page = se.PageTarget(form.page_id.data.strip(), {v: form.page_title.data for v in variants}, new=True)
    return se.new_family(form.family.data.strip(), form.title.data, form.description.data or "", variants,
                         page, form.item_id.data.strip(), changes)


@bp.route("/surveys/<slug>/details", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_survey_details(slug: str):
    """Change a family's title and description."""
    version = editable_version(slug)
    form = DetailsForm(data={"base_version": str(version.number), "title": version.definition["title"],
                             "description": version.definition.get("description", "")})
    return _change(slug, version, form, lambda d: se.set_family(d, form.title.data, form.description.data or ""),
                   "workspace/survey_details.html")


@bp.route("/surveys/<slug>/pages/<page_id>/titles", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit_page_titles(slug: str, page_id: str):
    """Change a page's title for each audience, with the reading grade for young people."""
    version = editable_version(slug)
    variants = list(version.definition["variants"])
    form = titles_form(variants, _page(version.definition, page_id), version.number)
    titles = {v: form[f"new_title_{v}"].data or "" for v in variants}
    grades = {v: ed.grade(titles[v], v) for v in variants if v in YOUNG and titles[v]}
    return _change(slug, version, form,
                   lambda d: se.set_page_titles(d, page_id, titles, parse_settings(form.extra.data, se.PAGE_KEYS)),
                   "workspace/survey_titles.html", page_id=page_id, variants=variants, grades=grades,
                   page_name=sn.page_names(version.definition)[page_id])


@bp.route("/surveys/<slug>/pages/<page_id>/remove", methods=["GET", "POST"])
@role_required(*EDITORS)
def remove_page(slug: str, page_id: str):
    """Confirm, then remove a page and its questions."""
    version = editable_version(slug)
    page = _page(version.definition, page_id)
    form = RemoveForm(data={"base_version": str(version.number)})
    name = sn.page_names(version.definition)[page_id]
    return _change(slug, version, form, lambda d: se.remove_page(d, page_id), "workspace/survey_remove.html",
                   what=f"{name} and its {how_many(len(page['items']), 'question')}", page_goes=None)


def _change(slug: str, version, form, change, template: str, **context):
    """Save one change on submit; otherwise (or when it is refused) show the form again."""
    problems = []
    if form.validate_on_submit():
        try:
            result = ed.edit(get_session(), slug, _base(form), change, framework(), current_user)
        except DefinitionRejected as exc:
            problems = exc.problems
        else:
            flash(saved_message(result), "success")
            return redirect(url_for("workspace.survey", slug=slug))
    summary, by_field = place(problems, None, context.get("page_id"), {f.name for f in form}, page_extra="extra")
    return render_template(template, version=version, form=form, summary=summary, by_field=by_field,
                           names=AUDIENCE_NAMES, **context), (400 if form.errors or problems else 200)


@bp.post("/surveys/<slug>/move")
@role_required(*EDITORS)
def move_in_survey(slug: str):
    """Move a question or a page one place up or down."""
    editable_version(slug)
    form = MoveForm()
    if not form.validate_on_submit():
        flash("That could not be moved. Open the survey again and try once more.", "error")
        return redirect(url_for("workspace.survey", slug=slug))
    mover = se.move_item if form.kind.data == "item" else se.move_page
    try:
        result = ed.edit(get_session(), slug, _base(form), lambda d: mover(d, form.key.data, form.direction.data),
                         framework(), current_user)
    except DefinitionRejected as exc:
        flash(str(exc.problems[0]), "error")
    else:
        flash(saved_message(result), "success")
    return redirect(url_for("workspace.survey", slug=slug, _anchor=f"{form.kind.data}-{form.key.data}"))
